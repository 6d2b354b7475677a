"""Hooks for .ci/schemathesis.py: generated pushes shaped as a desk makes them.

A push carries one desk's mutations: each envelope's ``client_id`` is the push's own.
JSON Schema cannot say that one field equals another, so random pushes would almost all
get HQ's 422 ("every mutation must be of the pushing desk", tested in tests/server) and
never reach the mutation queue. Here a valid envelope ``client_id`` becomes the push's;
an invalid one stays as generated, so that negative cases remain negative.
"""

from __future__ import annotations

from typing import Any

import schemathesis


def _an_id(value: object) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= 36


@schemathesis.hook
def before_call(_context: Any, case: Any, _kwargs: dict[str, Any]) -> None:
    """Every phase's requests pass here (a ``map_body`` hook misses the coverage phase)."""
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("mutations"), list):
        pusher = body.get("client_id")
        for envelope in body["mutations"]:
            if isinstance(envelope, dict) and _an_id(envelope.get("client_id")):
                envelope["client_id"] = pusher
