"""The codice fiscale's library builds its table of comuni once, even when a burst of
pushes at a freshly started HQ checks codes from many threads at the same moment."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from codicefiscale import codicefiscale as library
from codicefiscale.codicefiscale import encode

from opdesk.core.rules import codice_fiscale


def test_the_comuni_table_is_built_once_by_threads_checking_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    codes = [
        encode(lastname=f"Rossi{i}", firstname="Mario", gender="M",
               birthdate=f"1985-12-{10 + i}", birthplace="Rho")
        for i in range(8)
    ]  # fmt: skip
    built: list[int] = []
    build = library.get_indexed_data

    def counted() -> Any:
        built.append(1)
        return build()

    monkeypatch.setattr(library, "_DATA", None)  # as in a process that never decoded one
    monkeypatch.setattr(library, "get_indexed_data", counted)
    codice_fiscale._decode.cache_clear()
    start = threading.Barrier(len(codes))
    decoded: dict[str, Any] = {}

    def check(code: str) -> None:
        start.wait()
        decoded[code] = codice_fiscale._decode(code)

    threads = [threading.Thread(target=check, args=(code,)) for code in codes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert all(
        found is not None and found["birthplace"]["name"] == "Rho" for found in decoded.values()
    )
    codice_fiscale._decode.cache_clear()
