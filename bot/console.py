"""`tyonavi chat`: the console channel, for trying the bot without Telegram or a network."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import Answer, Context
from bot.conversation.context import ELSEWHERE, apply_choice, next_context
from bot.engine import Engine
from bot.engine.named_municipality import area_municipalities, municipality_named
from bot.kb.model import LANGUAGES

QUIT = ("/quit", "/lopeta", "/exit")
#: English, Finnish and Swedish names, the Swedish also as typed with its letters (/glöm, /språk, /hjälp)
RESET = ("/reset", "/unohda", "/glom", "/glöm")
LANGUAGE = ("/language", "/kieli", "/sprak", "/språk")
MUNICIPALITY = ("/municipality", "/kunta", "/kommun")
HELP = ("/help", "/apua", "/hjalp", "/hjälp")


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
        elif command in MUNICIPALITY:
            context = _set_municipality(engine, context, rest.strip(), shown(), write)
        elif command in (*HELP, *LANGUAGE):
            write(help_text())
        else:
            answer = engine.answer(line, context)
            context = next_context(context, answer)
            pending = _show(answer, line, write, kb)


def _set_municipality(engine: Engine, context: Context, name: str, language: str, write) -> Context:
    """`/kunta Kuhmossa`, `/kunta Kajana`: the home municipality as people write it; otherwise say why not."""
    kb = engine.kb
    everyone = area_municipalities(engine, language)
    if not name:
        write(kb.text("municipality_usage", language, municipalities=everyone))
        return context
    named = municipality_named(engine, name)
    if named.municipality is None:
        if named.outside:  # Oulu: known, and not ours
            write(kb.text("out_of_area", language, place=named.outside))
        else:
            write(kb.text("municipality_not_recognised", language, name=name, municipalities=everyone))
        return context
    display = kb.municipalities[named.municipality].display_name(language)
    write(kb.text("municipality_set", language, municipality=display))
    return replace(context, municipality=named.municipality)


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
