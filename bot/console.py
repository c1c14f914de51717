"""`tyonavi chat`: the console channel, for trying the bot without Telegram or a network."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import Answer, Context
from bot.conversation import ELSEWHERE, apply_choice, next_context
from bot.engine import Engine
from bot.kb.model import LANGUAGES
from bot.kb.normalise_names import fold

QUIT = ("/quit", "/lopeta", "/exit")
RESET = ("/reset", "/unohda")
LANGUAGE = ("/language", "/kieli")
MUNICIPALITY = ("/municipality", "/kunta")
HELP = ("/help", "/apua")


def chat(engine: Engine, language: str | None = None, read=input, write=print) -> int:
    """Read questions until EOF or /quit; keep the conversation's context like Telegram does."""
    kb = engine.kb
    context = Context(language=language)

    def shown() -> str:
        return context.language or "fi"

    def help_text() -> str:
        return kb.text("console_help", shown(), area=kb.area.name.get(shown()))

    write(help_text())
    pending: tuple[str, Answer] | None = None  # a question the bot asked about, and its choices
    while True:
        try:
            line = read("> ").strip()
        except EOFError:
            write("")
            return 0
        if pending and line.isdigit() and 1 <= int(line) <= len(pending[1].choices):
            question, asked = pending
            choice = asked.choices[int(line) - 1].id
            pending = None
            chosen = apply_choice(context, choice, frozenset(kb.municipalities))
            if choice == ELSEWHERE or chosen is None:
                context = replace(context, municipality=None)
                write(kb.text("home_elsewhere", asked.language))
                write("")
                continue
            answer = engine.answer(question, chosen)
            context = next_context(replace(chosen, role=None), answer)
            pending = _show(answer, question, write, kb)
            continue
        command, _, rest = line.partition(" ")
        if command in QUIT:
            return 0
        if command in RESET:
            context = Context(language=language)
            write(kb.text("console_reset", shown()))
        elif command in LANGUAGE and rest.strip() in LANGUAGES:
            context = replace(context, language=rest.strip())
            write(kb.text("language_set", shown()))
        elif command in MUNICIPALITY and fold(rest) in kb.municipalities:
            # "Ristijärvi" and "ristijarvi" both name the id ristijarvi
            context = replace(context, municipality=fold(rest))
            name = kb.municipalities[fold(rest)].display_name(shown())
            write(kb.text("municipality_set", shown(), municipality=name))
        elif command in (*HELP, *LANGUAGE, *MUNICIPALITY):
            write(help_text())
        else:
            answer = engine.answer(line, context)
            context = next_context(context, answer)
            pending = _show(answer, line, write, kb)


def _show(answer: Answer, question: str, write, kb) -> tuple[str, Answer] | None:
    """Write an answer; a question back is written with numbered choices and kept until answered."""
    write(answer.text)
    if not answer.choices:
        write("")
        return None
    for number, choice in enumerate(answer.choices, 1):
        write(f"  {number}. {choice.label}")
    write(kb.text("choose_by_number", answer.language))
    write("")
    return question, answer
