"""Which language the page speaks: the person's choice (fi/sv/en), else the browser's Accept-Language, else Finnish."""

from __future__ import annotations

LANGUAGES = ("fi", "sv", "en")
#: Each language's name in itself, for the switch (a person looks for their own language's name).
NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
DEFAULT = "fi"


def chosen(value: object) -> str | None:
    """The language a `lang` field or query names, or None when it names none of ours."""
    return value if isinstance(value, str) and value in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The browser's most preferred language of ours ("sv-FI,sv;q=0.9,en;q=0.5" → "sv"), or None."""
    best: tuple[float, int, str] | None = None
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().split("-")[0].lower()
        if primary in LANGUAGES and quality > 0 and (best is None or (quality, -position) > best[:2]):
            best = (quality, -position, primary)
    return best[2] if best else None
