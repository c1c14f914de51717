"""What the engine found in a message and how the readings competed: for `ask --explain` and confidence.

The engine records evidence as it reads, rather than reconstructing it afterwards, so the
explanation staff see is exactly what decided the answer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of the message and what they count for, e.g. "etsin töitä" → role: jobseeker (+2.0)."""

    words: str
    supports: str  # "place: kuhmo (current)", "role: employer", "topic: startup_grant", "age: 19"
    score: float
    how: str = ""  # exact, stem, compound, fuzzy, demonym, postal_code, cue…


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate reading of a dimension (place, role, topic) with its total score."""

    dimension: str  # place | role | topic | audience
    value: str
    score: float
    chosen: bool = False
    why: str = ""


@dataclass(frozen=True, slots=True)
class Trace:
    evidence: tuple[Evidence, ...] = ()
    readings: tuple[Reading, ...] = ()
    decision: str = ""  # why the answer is an answer, or why the bot asked

    def format(self) -> str:
        """Plain text for the console: evidence, then the competing readings, then the decision."""
        lines = ["Evidence (words → what they count for, score, how):"]
        lines += [f"  {e.words!r:<28} → {e.supports:<36} {e.score:+.2f}  {e.how}" for e in self.evidence] or [
            "  (none)"]
        lines.append("Readings (★ = chosen):")
        lines += [f"  {'★' if r.chosen else ' '} {r.dimension:<9} {r.value:<28} {r.score:6.2f}  {r.why}"
                  for r in self.readings] or ["  (none)"]
        lines.append(f"Decision: {self.decision}")
        return "\n".join(line.rstrip() for line in lines)
