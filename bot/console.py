"""`tyonavi chat`: the console channel, for trying the bot without Telegram or a network."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import Context
from bot.conversation import next_context
from bot.engine import Engine

HELP = {
    "fi": "Komennot: /kieli fi|en, /kunta <kunta>, /unohda, /lopeta",
    "en": "Commands: /language fi|en, /municipality <id>, /reset, /quit",
}


def chat(engine: Engine, language: str | None = None, read=input, write=print) -> int:
    """Read questions until EOF or /quit; keep the conversation's context like Telegram does."""
    context = Context(language=language)
    shown = language or "fi"
    write(f"TyöNavi — {engine.kb.area.name.get(shown)}. {HELP[shown]}")
    while True:
        try:
            line = read("> ").strip()
        except EOFError:
            write("")
            return 0
        command, _, rest = line.partition(" ")
        if command in ("/quit", "/lopeta", "/exit"):
            return 0
        if command in ("/reset", "/unohda"):
            context = Context(language=language)
            write("OK.")
            continue
        if command in ("/language", "/kieli") and rest.strip() in ("fi", "en"):
            context = replace(context, language=rest.strip())
            write("OK.")
            continue
        if command in ("/municipality", "/kunta"):
            wanted = rest.strip().lower()
            if wanted in engine.kb.municipalities:
                context = replace(context, municipality=wanted)
                name = engine.kb.municipalities[wanted].display_name(context.language or "fi")
                write(engine.kb.text("municipality_set", context.language or "fi", municipality=name))
            else:
                write(", ".join(sorted(engine.kb.municipalities)))
            continue
        if command in ("/help", "/apua"):
            write(HELP[context.language or "fi"])
            continue
        answer = engine.answer(line, context)
        context = next_context(context, answer)
        write(answer.text)
        write("")
