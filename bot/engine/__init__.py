"""The question engine. Knows nothing about Telegram or any other channel."""

from bot.engine.core import Engine

__all__ = ["Engine"]
