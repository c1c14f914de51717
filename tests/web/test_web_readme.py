"""The README's web chat paragraph says the command and the API contract the code serves."""

from __future__ import annotations

from pathlib import Path

from handlers.web.app import MAX_BODY_BYTES, MAX_TEXT_CHARS, PER_ADDRESS_PER_MINUTE, PER_SESSION_PER_MINUTE

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_documents_tyonavi_web_and_its_limits():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Web chat\n"):]
    section = section[: section.index("\n## ", 3)]
    assert "tyonavi web [--config FILE] [--kb DIR] [--host H] [--port P]" in text
    for phrase in ("POST /api/chat", '"session"', '"choice"', '"messages"', "service_points", "<blockquote>",
                   f"{MAX_TEXT_CHARS} characters", f"{MAX_BODY_BYTES // 1024} KiB",
                   f"over {PER_SESSION_PER_MINUTE} messages", f"{PER_ADDRESS_PER_MINUTE} from one address",
                   "400", "404", "405", "413", "429", '"feedback"', "GET /api/messages", "handoff:ask",
                   "web.trusted_proxies", "/privacy"):
        assert phrase in section, phrase
