"""Hooks for .ci/schemathesis.py: generated pushes shaped as a desk makes them.

A push carries one desk's mutations: each envelope's ``client_id`` is the push's own.
JSON Schema cannot say that one field equals another, so random pushes would almost all
get HQ's 422 ("every mutation must be of the pushing desk", tested in tests/server) and
never reach the mutation queue. Here a valid envelope ``client_id`` becomes the push's;
an invalid one stays as generated, so that negative cases remain negative.

HQ's document gives each mutation's arguments (``opdesk.server.document``), but not
which ids exist, nor that a number follows the last: generated pushes would almost all
stop at a gap in their numbers, repeat the id of a change HQ has ("0", again and
again), or name people and sites that do not exist, and be refused before reaching a
rule or the database. So, most of the time and only where the generated value is
valid (a negative case stays negative; what HQ is sent stays within its document):
- a push is numbered from where HQ last said its desk stands;
- a change gets a new id and no actor (an unknown one is refused); the row it makes
  (a person registered, a visit, a consent, a user, a link) gets a new id too;
- an id it names is one this run sent before: the desk's site, a person, a visit...;
- a registration has a name, and a new user a username of their own (both required).
The choices follow SCHEMATHESIS_SEED when it is given (with two workers, not exactly).
"""

from __future__ import annotations

import os
import random
import re
import uuid
from contextlib import suppress
from typing import Any

import schemathesis

from opdesk.core.mutations.envelope import MAX_INT

SITE = os.environ.get("OPDESK_SCHEMATHESIS_SITE", "")
ID = re.compile(r"[^\x00-\x1f\x7f]{1,36}")  # opdesk.core.mutations.envelope.Id
rng = random.Random(os.environ.get("SCHEMATHESIS_SEED"))
# Which ids an argument names, by its name; the ids this run sent, by kind.
KINDS = {
    "site_id": "site",
    "person_id": "person",
    "kept_id": "person",
    "merged_id": "person",
    "member_id": "person",
    "guardian_id": "person",
    "given_by_id": "person",
    "visit_id": "visit",
    "consent_id": "consent",
    "user_id": "user",
    "link_id": "link",
}
# The argument that is the id of the row a mutation makes.
MAKES = {
    "register_person": "person_id",
    "check_in": "visit_id",
    "record_consent": "consent_id",
    "create_user": "user_id",
    "link_household": "link_id",
}
NAMES = ("Rossi", "Nguyễn Thị", "O'Brien", "Zoë", "محمد", "Ἀθηνᾶ", "李", "D'Alessandro-Ruiz")
NAMES_GIVEN = ("given_name", "family_name")  # a registration needs one of them
OFTEN = 0.8  # how often a valid generated value is made to fit what HQ holds

next_seq: dict[str, int] = {}  # by client id: the number HQ waits for, from its answers
sent: dict[str, list[str]] = {kind: [] for kind in KINDS.values()}
sent["site"].append(SITE)


def _an_id(value: object) -> bool:
    """An id valid as the document has it (``Id``): only such a one is replaced. An
    invalid one replaced turned a negative case valid, and HQ's 200 to it read as a
    failure (ST201: a mutation id with a control character, given a new one here)."""
    return isinstance(value, str) and ID.fullmatch(value) is not None


def _new_id() -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _often() -> bool:
    return rng.random() < OFTEN


@schemathesis.hook
def before_call(_context: Any, case: Any, _kwargs: dict[str, Any]) -> None:
    """Every phase's requests pass here (a ``map_body`` hook misses the coverage phase)."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("mutations"), list):
        return
    pusher = body.get("client_id")
    in_order = _often()
    first = next_seq.get(pusher, 1) if isinstance(pusher, str) else 1
    for number, envelope in enumerate(body["mutations"], start=first):
        if not isinstance(envelope, dict):
            continue
        if _an_id(envelope.get("client_id")):
            envelope["client_id"] = pusher
        if in_order and type(envelope.get("seq")) is int and 1 <= envelope["seq"] <= MAX_INT:
            envelope["seq"] = number
        if _an_id(envelope.get("mutation_id")) and _often():
            envelope["mutation_id"] = _new_id()
        if _an_id(envelope.get("actor_user_id")) and _often():
            envelope["actor_user_id"] = None
        if isinstance(envelope.get("args"), dict):
            name = envelope.get("name")
            _fitted(name if isinstance(name, str) else "", envelope["args"])


@schemathesis.hook
def after_call(_context: Any, case: Any, response: Any) -> None:
    body = case.body
    if response.status_code == 200 and isinstance(body, dict) and "client_id" in body:
        with suppress(ValueError, KeyError, TypeError):
            next_seq[body["client_id"]] = int(response.json()["last_processed"]) + 1


def _named(fields: dict[str, Any]) -> bool:
    return any(isinstance(fields.get(k), str) and fields[k].strip() for k in NAMES_GIVEN)


def _fitted(name: str, args: dict[str, Any]) -> None:
    made = MAKES.get(name)
    for key, value in args.items():
        kind = KINDS.get(key)
        if kind is None or not _an_id(value):
            continue
        if key == made:
            if _often():
                args[key] = _new_id()
            sent[kind].append(args[key])
        elif sent[kind] and _often():
            args[key] = rng.choice(sent[kind][-50:])
    fields, guardian = args.get("fields"), args.get("guardian")
    if isinstance(guardian, dict):  # a minor's registration names the guardian
        _fitted("", guardian)
    if name == "register_person" and isinstance(fields, dict) and not _named(fields) and _often():
        fields["family_name"] = rng.choice(NAMES)
    if name == "create_user" and isinstance(args.get("username"), str) and _often():
        args["username"] = f"{args['username']}-{rng.getrandbits(32):08x}"
