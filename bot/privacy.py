"""Redacting personal data from what people write, and hashing user ids, before anything is stored.

Over-redaction is the safe side: a service point's public street address is redacted too.
"""

from __future__ import annotations

import hashlib
import hmac
import re

HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

_HETU = re.compile(r"(?<![\w-])(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\w])", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Letters after the check digits are upper case in every IBAN: lower-case words after one are left alone.
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![\w])")
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{1,4}(?:[ -]?\d){4,10}"  # +358 40 123 4567, +46 …
    r"|(?:\(0\d{1,3}\)|0\d)(?:[ -]?\d){5,10})"  # 040 123 4567, 09 123 456, (09) 123 456
    r"(?![\d])"
)
_STREET_WORD = (r"(?:tie|katu|kadu|kuja|polku|polu|väylä|raitti|raiti|rinne|rintee|kaari|kaare|tanhua)"
                r"(?:n|ll[aä]|lt[aä]|lle|ss[aä]|st[aä])?")
_ADDRESS = re.compile(
    r"(?<![\w])[a-zåäö][\wåäö-]*?" + _STREET_WORD
    + r"\s+\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?"  # house number: 4, 4a, 3-5
    + r"(?:\s*(?:as\.?\s*\d{1,4}|[a-z]\s*\d{1,4}|[a-z](?![\w])))?",  # B 12, as. 3, A
    re.IGNORECASE,
)

PLACEHOLDERS = {"hetu": "[hetu]", "phone": "[puhelin]", "email": "[email]", "iban": "[iban]",
                "address": "[osoite]"}


def hetu_is_valid(birth: str, number: str, check: str) -> bool:
    """The henkilötunnus check character: (DDMMYY + NNN) mod 31 picks it."""
    return HETU_CHECK_CHARACTERS[int(birth + number) % 31] == check.upper()


def _hetu(match: re.Match[str]) -> str:
    # A mistyped code (wrong check character) is still somebody's identity code: redact every
    # string of that shape whose date part is a real date.
    birth, _, number, check = match.groups()
    return PLACEHOLDERS["hetu"] if hetu_is_valid(birth, number, check) or _is_date(birth) else match.group(0)


def _is_date(ddmmyy: str) -> bool:
    day, month = int(ddmmyy[:2]), int(ddmmyy[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12


def _iban(match: re.Match[str]) -> str:
    # Ten digits at least, so that "FI12 this that" or a product code is not taken for an account.
    digits = sum(c.isdigit() for c in match.group(0))
    return PLACEHOLDERS["iban"] if digits >= 10 else match.group(0)


def redact(text: str) -> str:
    """The text with identity codes, e-mail addresses, IBANs, phone numbers and street addresses replaced."""
    text = _EMAIL.sub(PLACEHOLDERS["email"], text)
    text = _HETU.sub(_hetu, text)
    text = _IBAN.sub(_iban, text)
    text = _PHONE.sub(PLACEHOLDERS["phone"], text)
    return _ADDRESS.sub(PLACEHOLDERS["address"], text)


def user_key(secret: bytes, user_id: int) -> str:
    """A keyed HMAC-SHA256 of the user id: stable per user, useless without the secret."""
    if not secret:
        raise ValueError("user_key needs a non-empty key (TYONAVI_HASH_KEY, or the key file beside the database: "
                         "bot.storage.load_hash_key)")
    return hmac.new(secret, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()
