"""The full-page chat: a form posting `text` (or a choice, or a language) to `/`, rendered on the server.

With JavaScript on, /static/chat.js sends the same forms to POST /api/chat instead (handlers/web/static/).
"""

from __future__ import annotations

from bot.kb.model import KnowledgeBase
from handlers.web.languages import NAMES
from handlers.web.render import escape, reply_html
from handlers.web.reply import Reply

#: The page's own labels (the answers' texts come from the knowledge base).
#: The page's own words (texts.yaml web_*; the answers' texts come from the knowledge base as well).
LABEL_KEYS = (
    "title", "message", "send", "you", "choices", "conversation", "too_long", "unknown_choice", "slow_down",
    "failed", "language", "vote", "check_replies", "privacy", "back")


def page_labels(kb: KnowledgeBase, language: str) -> dict[str, str]:
    """The page's words in the language; web_too_long keeps its {limit} for the caller to fill."""
    return {key: kb.texts[f"web_{key}"].get(language) for key in LABEL_KEYS} | {"heading": "TyöNavi"}

#: How often the page with JavaScript asks for staff replies once a question went to a person.
POLL_MS = 10_000


def chat_page(labels: dict[str, str], session_id: str, greeting: str, language: str = "fi", said: str | None = None,
              replies: list[Reply] | tuple[Reply, ...] = (), error: str | None = None,
              votes: tuple[str, str] = ("👍", "👎"), waiting_for_staff: bool = False) -> str:
    """The whole page: greeting, the last exchange (what the person said, the bot's replies with 👍/👎 and its
    choices as buttons), then the message form; the session id travels in hidden fields, never in a cookie.
    `votes`: the two feedback buttons' labels; `waiting_for_staff`: a hand-over case is open, so a button looks for
    staff replies (with JavaScript the page looks by itself)."""
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
        if reply.feedback:
            log.append(vote_form(sid, escape(reply.feedback), labels["vote"], votes))
    if waiting_for_staff:
        log.append(f'<form class="check" method="post" action="/"><input type="hidden" name="session" value="{sid}">'
                   f'<button type="submit">{escape(labels["check_replies"])}</button></form>')
    if error:
        log.append(f'<p class="error" role="alert">{escape(error)}</p>')
    current = ' aria-current="true"'
    switch = "".join(
        f'<button type="submit" name="lang" value="{code}" lang="{code}"{current if code == language else ""}>'
        f'{escape(name)}</button>' for code, name in NAMES.items())
    said_labels = " ".join(f'data-{key}="{escape(labels[name])}"' for key, name in
                           (("you", "you"), ("choices", "choices"), ("slow-down", "slow_down"), ("failed", "failed"),
                            ("vote", "vote")))
    said_labels += f' data-helpful="{escape(votes[0])}" data-not-helpful="{escape(votes[1])}" data-poll-ms="{POLL_MS}"'
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
<footer><a href="/privacy?lang={escape(language)}" target="_blank" rel="noopener">{escape(labels["privacy"])}</a>
</footer>
</body>
</html>
"""


def privacy_page(labels: dict[str, str], notice: str, language: str) -> str:
    """The privacy notice on a page of its own: its first line the heading, the rest paragraphs, all escaped."""
    heading, _, body = notice.partition("\n\n")
    paragraphs = "".join(f"<p>{'<br>'.join(escape(line) for line in part.splitlines())}</p>"
                         for part in body.split("\n\n") if part.strip())
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(labels["privacy"])} – TyöNavi</title>
<link rel="stylesheet" href="/chat.css">
</head>
<body>
<main>
<h1>{escape(heading)}</h1>
{paragraphs}
<p><a href="/?lang={escape(language)}">{escape(labels["back"])}</a></p>
</main>
</body>
</html>
"""


def vote_form(sid: str, handle: str, legend: str, votes: tuple[str, str]) -> str:
    """👍/👎 under an answer, as a form that posts without JavaScript (the arguments come escaped)."""
    buttons = "".join(f'<button type="submit" name="helpful" value="{value}">{escape(label)}</button>'
                      for value, label in (("yes", votes[0]), ("no", votes[1])))
    return (f'<form class="vote" method="post" action="/"><input type="hidden" name="session" value="{sid}">'
            f'<input type="hidden" name="feedback" value="{handle}">'
            f'<fieldset><legend>{escape(legend)}</legend>{buttons}</fieldset></form>')
