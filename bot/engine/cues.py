"""Cue words around a place ("asuin ennen", "en asu enää", "muutin", "poikani"), matched by exact form.

Stems would merge the very forms that carry the meaning: Snowball reads "asuin" (I lived) and
"asun" (I live) both as "asu". Cue words are a small closed class, so the knowledge base lists
the forms and they are matched as written (umlauts folded).
"""

from __future__ import annotations

from collections import defaultdict

from bot.engine.message import Message, phrase_tokens
from bot.engine.phrases import Phrase, PhraseHit
from bot.kb.model import KnowledgeBase

#: Words allowed between the words of a cue: "en kyllä asu enää".
MAX_GAP = 1


class CueIndex:
    """Cue phrases per first word; `find` returns hits shaped like phrase hits, grouped by role."""

    def __init__(self, kb: KnowledgeBase):
        self.by_first: dict[str, list[Phrase]] = defaultdict(list)
        for role, by_language in kb.phrasings.place_cues.items():
            for language, phrases in by_language.items():
                for text in phrases:
                    tokens = phrase_tokens(text)
                    if tokens:
                        self.by_first[tokens[0]].append(Phrase(f"place_{role}", role, language, tokens))

    @property
    def words(self) -> frozenset[str]:
        """Every word of every cue: never read as a mistyped place name."""
        return frozenset(w for group in self.by_first.values() for p in group for w in p.stems)

    def find(self, message: Message) -> dict[str, list[PhraseHit]]:
        found: dict[str, list[PhraseHit]] = defaultdict(list)
        folded = message.folded
        for i, token in enumerate(folded):
            for phrase in self.by_first.get(token, ()):
                positions = [i]
                for word in phrase.stems[1:]:
                    start = positions[-1] + 1
                    nxt = _next(folded, start, word)
                    if nxt is None:
                        break
                    positions.append(nxt)
                else:
                    found[phrase.key].append(PhraseHit(phrase, float(len(positions)), tuple(positions), "exact"))
        return found


def _next(folded: tuple[str, ...], start: int, word: str) -> int | None:
    """Where the cue's next word stands, at most MAX_GAP words on; numbers are not counted ("asunut Sotkamossa 15
    vuotta")."""
    skipped = 0
    for j in range(start, len(folded)):
        if folded[j] == word:
            return j
        if not folded[j].isdigit():
            skipped += 1
            if skipped > MAX_GAP:
                return None
    return None
