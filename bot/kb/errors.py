"""Validation errors that point a staff member at a file, a line and a fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KBError:
    """One problem in the knowledge base, phrased for the person who has to fix it."""

    file: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


class KnowledgeBaseInvalid(Exception):
    """Raised when a knowledge base cannot be served; carries every error found."""

    def __init__(self, errors: list[KBError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
