"""TyöNavi core: knowledge base, question engine and channels-agnostic answers."""

from pathlib import Path

__version__ = "0.1.0"

#: The knowledge base shipped with the project, used when no other path is configured.
SHIPPED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
