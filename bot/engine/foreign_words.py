"""Organisations named, and off-topic words, in a message written in a language we have no texts for.

The phrase index reads Finnish, Swedish and English with stems; a Spanish or Arabic message naming Kela or a
residence permit ("permesso di soggiorno", "تصريح الإقامة") would otherwise lose that matter and get only the
newcomer's answer. The words are the organisations' `foreign_words`, matched as written: accents and case
ignored, at the start of a word in scripts with spaces, anywhere in the text in scripts without (Chinese).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.kb.model import KnowledgeBase


def plain(text: str) -> str:
    """Lower case without accents ("séjour" is "sejour", "Residência" is "residencia")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pattern(word: str) -> str:
    word = plain(word.strip())
    # a word of a script with spaces starts a word of the message ("kela" in "kelasta", not in "ckela")
    if word[:1].isalpha() and not _unspaced(word[0]):
        return r"(?<!\w)" + re.escape(word)
    return re.escape(word)


def _unspaced(ch: str) -> bool:
    """Scripts written without spaces between words (Chinese, Japanese, Thai)."""
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "THAI"))


def _any_of(words: Iterable[str]) -> re.Pattern[str] | None:
    patterns = [_pattern(w) for w in words if w.strip()]
    return re.compile("|".join(patterns)) if patterns else None


class ForeignWords:
    """One regular expression per organisation and per word list, built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.patterns = tuple((organisation.id, pattern) for organisation in kb.organisations.values()
                              if (pattern := _any_of(organisation.foreign_words)) is not None)
        #: language.yaml: the weather, the time, a café; and work words, which keep the message ours
        self.offtopic = _any_of(sorted(kb.language_cues.get("foreign_offtopic", ())))
        self.work = _any_of(sorted(kb.language_cues.get("foreign_work", ())))
        #: municipalities.yaml `foreign_names`: "كاياني", "卡亚尼" (the place index reads Latin and Cyrillic only)
        self.municipalities = tuple((m.id, pattern) for m in kb.municipalities.values()
                                    if (pattern := _any_of(m.foreign_names)) is not None)

    def find(self, text: str) -> tuple[str, ...]:
        """The organisations named, in the order the knowledge base lists them."""
        folded = plain(text)
        return tuple(oid for oid, pattern in self.patterns if pattern.search(folded))

    def municipality(self, text: str) -> str | None:
        """The area municipality named first in another script ("أعيش في سوتكامو", "我住在索特卡莫")."""
        folded = plain(text)
        found = [(match.start(), mid) for mid, pattern in self.municipalities if (match := pattern.search(folded))]
        return min(found)[1] if found else None

    def off_topic(self, text: str) -> bool:
        """An off-topic word and no word about work ("Wie wird das Wetter morgen in Kuusamo?")."""
        folded = plain(text)
        return bool(self.offtopic and self.offtopic.search(folded)) and not (self.work and self.work.search(folded))
