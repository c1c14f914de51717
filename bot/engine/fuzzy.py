"""Typo-tolerant look-up of single words, bucketed by first letter to stay fast at scale."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process


class FuzzyVocabulary:
    """Finds the closest known word; people rarely mistype the first letter, so we bucket by it."""

    def __init__(self, words: Iterable[tuple[str, str]], min_length: int = 5, cutoff: float = 85.0):
        buckets: dict[str, dict[str, str]] = defaultdict(dict)
        for word, value in words:
            if len(word) >= min_length:
                buckets[word[0]].setdefault(word, value)
        self._buckets = {k: (list(v), list(v.values())) for k, v in buckets.items()}
        self.min_length = min_length
        self.cutoff = cutoff

    def find(self, word: str) -> tuple[str, float] | None:
        """The value of the closest word and its score, or None below the cutoff."""
        if len(word) < self.min_length or not word:
            return None
        bucket = self._buckets.get(word[0])
        if not bucket:
            return None
        keys, values = bucket
        # rapidfuzz 3 does no preprocessing by default: inputs are already folded.
        best = process.extractOne(word, keys, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        if best is None:
            return None
        return values[best[2]], best[1]
