"""Folding of names and phrases so that 'Ristijärvi', 'ristijarvi' and 'RISTIJÄRVI' compare equal."""

from __future__ import annotations

import re

#: What counts as a word, for messages and for knowledge-base phrases alike. Hyphens split words:
#: "typ-palveluun" is "typ" + "palveluun", and "te-toimisto" matches "te toimisto".
WORD = re.compile(r"[0-9a-zåäöéüšž]+(?:['’][a-z]+)?")

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "š": "s", "ž": "z"})


def fold(text: str) -> str:
    """Lower case, umlauts folded, whitespace collapsed: the form every comparison uses."""
    return " ".join(text.lower().translate(_FOLD).split())


def words(text: str) -> list[str]:
    """The lower-case words of a text, as the engine reads them."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]
