"""Folding of names and phrases so that 'Ristijärvi', 'ristijarvi' and 'RISTIJÄRVI' compare equal."""

from __future__ import annotations

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "š": "s", "ž": "z"})


def fold(text: str) -> str:
    """Lower case, umlauts folded, whitespace collapsed: the form every comparison uses."""
    return " ".join(text.lower().translate(_FOLD).split())
