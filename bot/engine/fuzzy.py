"""Typo-tolerant look-up of single words, bucketed by first letter and length to stay fast at scale."""

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
        #: (first letter, length of the word looked up) -> the bucket's words long enough and short enough to reach
        #: the cutoff, in the bucket's order; filled on first use
        self._reachable: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
        self.min_length = min_length
        self.cutoff = cutoff
        # no word longer than this reaches the cutoff against the longest known word (see _within_reach)
        share = cutoff / 100.0
        longest = max((len(key) for keys, _ in self._buckets.values() for key in keys), default=0)
        self._max_length = int(longest * (2 - share) / share) + 1 if share > 0 else 10**9

    def find(self, word: str) -> tuple[str, float] | None:
        """The value of the closest word and its score, or None below the cutoff."""
        if len(word) < self.min_length or len(word) > self._max_length or word[0] not in self._buckets:
            return None
        candidates = self._reachable.get((word[0], len(word)))
        if candidates is None:
            candidates = self._reachable[word[0], len(word)] = self._within_reach(word[0], len(word))
        keys, values = candidates
        if not keys:
            return None
        # rapidfuzz 3 does no preprocessing by default: inputs are already folded.
        best = process.extractOne(word, keys, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        if best is None:
            return None
        return values[best[2]], best[1]

    def _within_reach(self, letter: str, length: int) -> tuple[list[str], list[str]]:
        """The words a word of `length` can score the cutoff against. fuzz.ratio is 100 * (1 - indel distance / total
        length) and the distance is at least the difference in length, so a word much longer or shorter never
        reaches it; leaving those out changes no answer (the first best word stays first) and skips most of a bucket."""
        keys, values = self._buckets[letter]
        kept = [i for i, key in enumerate(keys)
                if 100.0 * (1 - abs(len(key) - length) / (len(key) + length)) >= self.cutoff - 1e-6]
        return [keys[i] for i in kept], [values[i] for i in kept]
