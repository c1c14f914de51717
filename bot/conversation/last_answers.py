"""The bot's last answer in each chat, in memory only: staff handed a question see what the person was told.

Never written to disk (a restart forgets it; staff then read "not known"), bounded in size, oldest dropped first.
"""

from __future__ import annotations

from collections import OrderedDict

#: Chats remembered at most; older ones are forgotten first.
MAX_CHATS = 2000
#: Characters kept of an answer; staff see a shortened line anyway.
MAX_LENGTH = 600


class LastAnswers:
    """chat id -> the text of the bot's last answer there."""

    def __init__(self, max_chats: int = MAX_CHATS):
        self._answers: OrderedDict[int, str] = OrderedDict()
        self._max = max_chats

    def remember(self, chat_id: int, text: str) -> None:
        self._answers[chat_id] = text[:MAX_LENGTH]
        self._answers.move_to_end(chat_id)
        while len(self._answers) > self._max:
            self._answers.popitem(last=False)

    def get(self, chat_id: int) -> str | None:
        return self._answers.get(chat_id)

    def forget(self, chat_id: int) -> None:
        self._answers.pop(chat_id, None)
