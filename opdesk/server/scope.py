"""Which synced rows a device holds: the one place that decides it.

Today every device holds every row. Scopes (a desk holds its sites' people and visits,
the reference data and a minimal index of the network's people) plug in here, so that
the pull and the divergence check agree on what a desk should have.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, true


@dataclass(frozen=True)
class DeviceScope:
    """Who is asking: the device (None for HQ's own tools and in-process tests)."""

    device_id: str | None = None
    site_id: str | None = None


EVERYTHING = DeviceScope()


def rows_for_device(table: Table, scope: DeviceScope) -> ColumnElement[bool]:
    """The condition on ``table`` for the rows this device holds."""
    return true()
