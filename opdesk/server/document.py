"""What HQ's OpenAPI document says about a mutation's arguments.

On the wire an envelope's ``args`` is any object: a mutation HQ cannot read is rejected
with a reason, alone, and the desk's queue moves on (a push is not refused for it). The
document says so, and also gives the shape of each registered mutation, as one more way
an envelope may look: its ``name`` fixed, its ``args`` the mutation's own schema. A
reader of the document learns what each mutation takes, and a generator of requests
from it (schemathesis in CI) sends arguments that get past parsing, to the rules and to
the database, instead of only objects of random keys that are refused at once.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic.json_schema import models_json_schema

from opdesk.core.mutations import REGISTRY

ENVELOPE = "Envelope"
COMPONENTS = "#/components/schemas/"


def describe_mutations(document: dict[str, Any]) -> None:
    """Adds every registered mutation to ``document`` (FastAPI's, made once and kept):
    its arguments as a component, and an envelope of its own among the push's items."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    mutations = sorted(REGISTRY.values(), key=lambda m: m.name)
    _refs, found = models_json_schema(
        [(m, "validation") for m in mutations], ref_template=COMPONENTS + "{model}"
    )
    added: dict[str, Any] = found.get("$defs", {})
    clashes = sorted(set(added) & set(schemas))
    if clashes:
        raise ValueError(f"mutation schemas named like the API's own: {clashes}")
    schemas.update(added)
    envelopes: list[dict[str, Any]] = [{"$ref": COMPONENTS + ENVELOPE}]
    for mutation in mutations:
        title = mutation.__name__ + ENVELOPE
        typed = copy.deepcopy(schemas[ENVELOPE])
        typed["title"] = title
        typed["description"] = f"An envelope of `{mutation.name}`."
        typed["properties"]["name"] = {"type": "string", "const": mutation.name}
        typed["properties"]["args"] = {"$ref": COMPONENTS + mutation.__name__}
        schemas[title] = typed
        envelopes.append({"$ref": COMPONENTS + title})
    items = schemas["PushIn"]["properties"]["mutations"]
    items["items"] = {"anyOf": envelopes}
    items["description"] = (
        "The desk's mutations, in any order (HQ applies them by `seq`). `args` may be any "
        "object: a mutation whose name or arguments HQ does not know is rejected, with its "
        "reason, and the others are applied; the registered ones are described here."
    )
