"""Text folding shared by the search index and the search queries."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"'": None, "’": None, "`": None, "ʼ": None, "´": None})
# Letters that Unicode does not decompose into a base letter and an accent.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
        "ŧ": "t", "ŋ": "n", "þ": "th", "ð": "d", "ə": "e",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")


def fold(text: str, *, keep_apostrophes: bool = False) -> str:
    """Lower case, no accents, apostrophes dropped, any other punctuation as a space;
    letters without accents in other scripts are kept as they are.

    "D'Angelo" -> "dangelo", "Niccolò" -> "niccolo", "Anna-Maria" -> "anna maria".
    With ``keep_apostrophes`` the apostrophe splits instead: "D'Angelo" -> "d angelo".
    """
    text = text.casefold().translate(_SPECIAL)
    if not keep_apostrophes:
        text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    # Letters of any script stay (Олена, محمد, 李), so that every name can be found.
    plain = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


def name_tokens(*names: str | None) -> set[str]:
    """Every word of every name, apostrophes both dropped and splitting, plus each name's
    words joined ("De Luca" -> de, luca, deluca; "D'Angelo" -> dangelo, d, angelo)."""
    tokens: set[str] = set()
    for name in names:
        if not name:
            continue
        joined = fold(name).split()
        tokens.update(joined)
        tokens.update(fold(name, keep_apostrophes=True).split())
        if len(joined) > 1:
            tokens.add("".join(joined))
    return tokens


MIN_VARIANT_LENGTH = 4


def deletion_variants(word: str) -> set[str]:
    """The word and the word with any one letter removed (empty for short words)."""
    if len(word) < MIN_VARIANT_LENGTH:
        return set()
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
