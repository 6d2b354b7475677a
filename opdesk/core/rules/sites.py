"""The nine opcafè of the network: the same ids on every desk and at HQ."""

from __future__ import annotations

import uuid

from opdesk.core.rules.comuni import RHODENSE

_NAMESPACE = uuid.UUID("5f1c2a8e-7b3d-4c1e-9a6f-0d2b8e4c7a91")


def site_id_for(comune: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "opcafe:" + comune))


NETWORK_SITES: tuple[tuple[str, str, str], ...] = tuple(
    (site_id_for(comune), f"opcafè {comune}", comune) for comune in RHODENSE
)
