"""The redaction corpora through `redact`: no personal-data string survives (case and spaces ignored), and
every word a message without personal data needs for its meaning stays."""

from __future__ import annotations

import time

import corpus
import pytest

from bot import SHIPPED_KNOWLEDGE
from bot.conversation import privacy
from bot.conversation.privacy import PLACEHOLDERS, luhn_is_valid, place_forms, redact
from bot.kb.loader import load_knowledge_base

PERSONAL = corpus.with_personal_data()
CLEAN = corpus.without_personal_data()


def test_the_corpora_are_big_enough_and_cover_every_kind():
    assert len(PERSONAL) >= 160 and len(CLEAN) >= 110
    kinds = {item.kind for item in PERSONAL}
    assert {"hetu", "phone", "email", "iban", "card", "passport", "birth", "address", "name"} <= kinds
    for item in PERSONAL:  # each string listed is really in its message
        assert corpus.leaks(item.strings, item.text) == list(item.strings), item.text
    for item in CLEAN:
        assert not corpus.lost(item.strings, item.text), item.text


@pytest.mark.parametrize("item", PERSONAL, ids=[f"{n}-{i.kind}" for n, i in enumerate(PERSONAL)])
def test_no_personal_data_survives(item):
    redacted = redact(item.text)
    assert not corpus.leaks(item.strings, redacted), redacted


@pytest.mark.parametrize("item", CLEAN, ids=[f"{n}" for n in range(len(CLEAN))])
def test_a_message_without_personal_data_keeps_its_meaning(item):
    redacted = redact(item.text)
    assert not corpus.lost(item.strings, redacted), redacted
    assert redacted == item.text or any(p in redacted for p in PLACEHOLDERS.values())


def test_redacting_twice_changes_nothing_more():
    """Staff tools redact what is already stored; placeholders must not be mangled by a second pass."""
    for item in PERSONAL + CLEAN:
        once = redact(item.text)
        assert redact(once) == once, once


def test_every_identity_code_century_sign_is_covered():
    codes = [s.upper() for item in PERSONAL if item.kind == "hetu" for s in item.strings]
    signs = {c for code in codes for c in code if c in "+-ABCDEFUVWXY"}
    assert set("+-ABCDEFUVWXY") <= signs


def test_the_card_numbers_of_the_corpus_pass_luhn_and_other_long_numbers_are_kept():
    for item in PERSONAL:
        if item.kind == "card":
            digits = "".join(c for c in item.strings[0] if c.isdigit())
            assert luhn_is_valid(digits), item.strings[0]
    assert redact("tilausnumero 4301 6613 1860 9136") == "tilausnumero 4301 6613 1860 9136"  # Luhn fails


def _shipped_names() -> tuple[list[str], list[str]]:
    """The Finnish and the English names of the shipped knowledge base's places and services."""
    kb = load_knowledge_base(SHIPPED_KNOWLEDGE)
    finnish, english = [], []
    for municipality in kb.municipalities.values():
        finnish += [municipality.name["fi"], municipality.genitive, *municipality.forms]
        for village in municipality.villages:
            finnish += [village.name, *sorted(f.capitalize() for f in place_forms(village.name, village.genitive))]
    for thing in [*kb.service_points.values(), *kb.services.values()]:
        finnish.append(thing.name.fi)
        english.append(thing.name.en)
    return finnish, english


def test_places_and_services_of_the_knowledge_base_are_never_taken_for_a_surname():
    """Right after a word that is also a first name ("Anna": "give") or after a cue, they all stay."""
    finnish, english = _shipped_names()
    messages = [(name, message) for name in finnish
                for message in (f"Anna {name} tiedot", f"Olen Matti, kysyn {name} asiasta", f"terveisin {name}")]
    messages += [(name, message) for name in english
                 for message in (f"Is {name} open?", f"I'm Mark, is {name} open?", f"Thanks, {name}")]
    damaged = [(message, redact(message)) for name, message in messages if name not in redact(message)]
    assert not damaged


def test_redaction_is_fast_and_linear():
    texts = [item.text for item in PERSONAL + CLEAN]
    start = time.perf_counter()
    for text in texts:
        redact(text)
    per_message = (time.perf_counter() - start) / len(texts)
    assert per_message < 0.002, f"{per_message * 1e6:.0f} µs per message"  # ~40 µs on a laptop core
    for hostile in ("A-" * 5000 + "!", "0 " * 10000, "x at " * 5000, "nimeni on " * 2000, "a." * 10000 + "@",
                    "Matti " * 3000 + "!", "1-" * 10000, "synnyin " * 3000 + "1.1.1990"):
        start = time.perf_counter()
        redact(hostile)
        assert time.perf_counter() - start < 1.0, hostile[:20]


def test_without_a_readable_knowledge_base_redaction_still_works(monkeypatch, tmp_path):
    """The place and service words come from the shipped knowledge base when it can be read; without it,
    fixed stems keep the ten municipalities, and nothing personal gets through either way."""
    monkeypatch.setattr(privacy, "SHIPPED_KNOWLEDGE", tmp_path / "missing")
    privacy._shipped_places_and_services.cache_clear()
    try:
        assert redact("Anna Kuhmon ja Kajaanin tiedot") == "Anna Kuhmon ja Kajaanin tiedot"
        for item in PERSONAL:
            assert not corpus.leaks(item.strings, redact(item.text)), item.text
    finally:
        privacy._shipped_places_and_services.cache_clear()
