"""The full-page chat: a form posting `text` (or a choice, or a language) to `/`, rendered on the server.

With JavaScript on, /static/chat.js sends the same forms to POST /api/chat instead (handlers/web/static/).
"""

from __future__ import annotations

from handlers.web.dialogue import Reply
from handlers.web.languages import NAMES
from handlers.web.render import escape, reply_html

#: The page's own labels (the answers' texts come from the knowledge base).
LABELS = {
    "fi": {"title": "TyöNavi – chat", "heading": "TyöNavi", "message": "Viestisi", "send": "Lähetä",
           "you": "Sinä", "bot": "TyöNavi", "choices": "Valitse", "conversation": "Keskustelu",
           "too_long": "Viesti on liian pitkä (enintään {limit} merkkiä).",
           "unknown_choice": "Tätä valintaa ei enää voi käyttää. Kirjoita kysymyksesi uudelleen.",
           "slow_down": "Liian monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.",
           "failed": "Viesti ei mennyt perille. Yritä uudelleen.", "language": "Kieli"},
    "sv": {"title": "TyöNavi – chatt", "heading": "TyöNavi", "message": "Ditt meddelande", "send": "Skicka",
           "you": "Du", "bot": "TyöNavi", "choices": "Välj", "conversation": "Samtal",
           "too_long": "Meddelandet är för långt (högst {limit} tecken).",
           "unknown_choice": "Det här valet gäller inte längre. Skriv din fråga på nytt.",
           "slow_down": "För många meddelanden på kort tid. Vänta en stund och försök igen.",
           "failed": "Meddelandet gick inte fram. Försök igen.", "language": "Språk"},
    "en": {"title": "TyöNavi – chat", "heading": "TyöNavi", "message": "Your message", "send": "Send",
           "you": "You", "bot": "TyöNavi", "choices": "Choose", "conversation": "Conversation",
           "too_long": "The message is too long (at most {limit} characters).",
           "unknown_choice": "That choice no longer applies. Please write your question again.",
           "slow_down": "Too many messages in a short time. Please wait a moment and try again.",
           "failed": "The message did not get through. Please try again.", "language": "Language"},
}

def chat_page(session_id: str, greeting: str, language: str = "fi", said: str | None = None,
              replies: list[Reply] | tuple[Reply, ...] = (), error: str | None = None) -> str:
    """The whole page: greeting, the last exchange (what the person said, the bot's replies and its choices as
    buttons), then the message form; the session id travels in hidden fields, never in a cookie."""
    labels = LABELS.get(language, LABELS["fi"])
    sid = escape(session_id)
    log = [f'<div class="bot"><p>{escape(greeting)}</p></div>']
    if said is not None:
        log.append(f'<div class="you"><span>{escape(labels["you"])}:</span> {escape(said)}</div>')
    for reply in replies:
        log.append(f'<div class="bot" lang="{escape(reply.language)}">{reply_html(reply)}</div>')
        if reply.choices:
            buttons = "".join(f'<button type="submit" name="choice" value="{escape(c.id)}">{escape(c.label)}'
                              f'</button>' for c in reply.choices)
            log.append(f'<form class="choices" method="post" action="/">'
                       f'<input type="hidden" name="session" value="{sid}">'
                       f'<fieldset><legend>{escape(labels["choices"])}</legend>{buttons}</fieldset></form>')
    if error:
        log.append(f'<p class="error" role="alert">{escape(error)}</p>')
    current = ' aria-current="true"'
    switch = "".join(
        f'<button type="submit" name="lang" value="{code}" lang="{code}"{current if code == language else ""}>'
        f'{escape(name)}</button>' for code, name in NAMES.items())
    said_labels = " ".join(f'data-{key}="{escape(labels[name])}"' for key, name in
                           (("you", "you"), ("choices", "choices"), ("slow-down", "slow_down"), ("failed", "failed")))
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(labels["title"])}</title>
<link rel="stylesheet" href="/chat.css">
<script src="/static/chat.js" defer></script>
</head>
<body>
<main>
<h1>{escape(labels["heading"])}</h1>
<form method="post" action="/">
<input type="hidden" name="session" value="{sid}">
<fieldset class="languages"><legend>{escape(labels["language"])}</legend>{switch}</fieldset>
</form>
<section aria-label="{escape(labels["conversation"])}" aria-live="polite" id="log" {said_labels}>
{"".join(log)}
</section>
<form method="post" action="/" id="ask">
<input type="hidden" name="session" value="{sid}">
<label for="text">{escape(labels["message"])}</label>
<input type="text" id="text" name="text" maxlength="1000" autocomplete="off" required autofocus>
<button type="submit">{escape(labels["send"])}</button>
</form>
</main>
</body>
</html>
"""
