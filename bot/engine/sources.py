"""Naming the documents behind an answer's facts: each once, short, in the answer's language.

Staff write full references in `source` fields ("Kainuun–Koillismaan työllisyysalueen suunnitelma …
(syksy 2023), luvut 1 ja 3; luku 1 (Kuhmo)"); a person reading an answer on a phone needs to know which
document it was, not its chapters, and in Swedish or English where knowledge/sources.yaml names it so.
"""

from __future__ import annotations

import re

from bot.kb.model import SourceNames

#: A part of a reference that only names more chapters of the document before it ("luvut 2 ja 4", "luku 1
#: (Kuhmo)", "kappale 3", "liite 2").
_MORE_CHAPTERS = re.compile(r"^(?:luku|luvut|luvussa|kappale|kappaleet|liite|liitteet|sivu|sivut|s\.)\b", re.I)


def shown_sources(names: SourceNames, language: str, references: list[str]) -> list[str]:
    """The documents of `references`, in order, each once: by their short name in `language` when
    sources.yaml lists them, otherwise as written (with its Finnish words such as "ei päiväystä" in sv/en)."""
    shown: list[str] = []
    for reference in references:
        for part in (p.strip() for p in reference.split(";")):
            if not part or _MORE_CHAPTERS.match(part):
                continue
            name = _short_name(names, language, part)
            if name not in shown:
                shown.append(name)
    return shown


#: A web page's reference ends with its site and date: "Kela, ohjeita … (kela.fi, 18.6.2024)".
_WEB_PAGE = re.compile(r"\((?P<site>[a-z0-9.-]+\.(?:fi|com|org|net|eu|se))(?:, (?P<date>[^()]*))?\)$")


def _short_name(names: SourceNames, language: str, part: str) -> str:
    """The document's short name; a web page by its site and date ("kela.fi, 18.6.2024"), which is where a
    person checks it; anything else as written."""
    for document in names.documents:
        if part.startswith(document.match):
            return document.name.get(language)
    page = _WEB_PAGE.search(part)
    if page:
        part = f"{page['site']}, {page['date']}" if page["date"] else page["site"]
    if language in ("sv", "en"):
        for word, forms in names.words.items():
            if word in part and language in forms:
                part = part.replace(word, forms[language])
    return part
