"""Knowledge base: YAML files staff edit, loaded into one immutable, validated model."""

from bot.kb.errors import KBError, KnowledgeBaseInvalid
from bot.kb.loader import load_knowledge_base, validate_directory
from bot.kb.model import KnowledgeBase

__all__ = [
    "KBError",
    "KnowledgeBase",
    "KnowledgeBaseInvalid",
    "load_knowledge_base",
    "validate_directory",
]
