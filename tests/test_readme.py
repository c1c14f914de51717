"""The README shows a real transcript of `tyonavi chat`; this keeps it true."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_chat_transcript_is_what_the_bot_really_says():
    text = README.read_text(encoding="utf-8")
    transcript = re.search(r"```text\n(TyöNavi — .*?)```", text, re.S).group(1)
    questions = re.findall(r"^> (.*)$", transcript, re.M)
    result = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="\n".join(questions) + "\n/quit\n",
                            capture_output=True, text=True, timeout=60, check=True)
    replies = result.stdout.split("> ")
    rebuilt = replies[0] + "".join(f"> {q}\n{r}" for q, r in zip(questions, replies[1:], strict=False))
    assert rebuilt.strip() == transcript.strip()


def test_readme_documents_every_command():
    text = README.read_text(encoding="utf-8")
    for command in ("tyonavi chat", "tyonavi ask", "tyonavi kb validate", "tyonavi eval", "tyonavi run",
                    "tyonavi report", "tyonavi kb lint", "tyonavi kb export"):
        assert command in text


def test_readme_explain_example_is_what_the_bot_really_prints():
    text = README.read_text(encoding="utf-8")
    shown = re.search(r'\$ tyonavi ask --explain "(.*?)"\n(.*?)\n```', text, re.S)
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--explain", shown.group(1)],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split("\n\n")[0].strip() == shown.group(2).strip()
