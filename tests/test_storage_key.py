"""The key user ids are hashed with never sits in the database beside the hashes."""

from __future__ import annotations

import os
import stat

import pytest
import sqlite_utils

from bot.config import ConfigError
from bot.conversation.privacy import user_key
from bot.conversation.storage import Storage, UserSettings, key_file_for

USER = 4711


@pytest.fixture(autouse=True)
def no_key_in_environment(monkeypatch):
    monkeypatch.delenv("TYONAVI_HASH_KEY", raising=False)


def raw(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*") if not p.name.endswith(".key"))


def test_a_new_database_gets_its_key_in_an_owner_only_file_beside_it_not_in_the_database(tmp_path):
    path = tmp_path / "tyonavi.sqlite"
    storage = Storage(path)
    storage.save(USER, UserSettings(municipality="kuhmo"))
    storage.close()
    key_file = key_file_for(path)
    assert key_file == tmp_path / "tyonavi.sqlite.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = bytes.fromhex(key_file.read_text())
    assert len(key) >= 32 and key.hex().encode() not in raw(path) and key not in raw(path)
    assert not sqlite_utils.Database(path)["meta"].exists()
    assert Storage(path).get(USER).municipality == "kuhmo"  # the same key on the next start


def test_the_key_comes_from_tyonavi_hash_key_when_it_is_set(tmp_path, monkeypatch):
    key = bytes(range(32))
    monkeypatch.setenv("TYONAVI_HASH_KEY", key.hex())
    path = tmp_path / "tyonavi.sqlite"
    storage = Storage(path)
    storage.save(USER, UserSettings(municipality="kuhmo"))
    assert storage.secret == key
    (row,) = storage.db["users"].rows
    assert row["user_key"] == user_key(key, USER)
    assert not key_file_for(path).exists()


@pytest.mark.parametrize("value, message", [("zz" * 32, "hexadecimal"), ("ab" * 31, "at least 32 bytes")])
def test_a_malformed_tyonavi_hash_key_is_refused(tmp_path, monkeypatch, value, message):
    monkeypatch.setenv("TYONAVI_HASH_KEY", value)
    with pytest.raises(ConfigError, match=message):
        Storage(tmp_path / "tyonavi.sqlite")


def old_database(path, key: bytes) -> None:
    """A database as the previous version left it: the key in its meta table, one person stored."""
    db = sqlite_utils.Database(path)
    db["meta"].insert({"key": "user_key_secret", "value": key.hex()}, pk="key")
    db["users"].insert({"user_key": user_key(key, USER), "language": "en", "seen_language": "en",
                        "municipality": "kuhmo", "last_topic": None, "pending_question": None,
                        "updated": "2026-01-01"}, pk="user_key")
    db.close()


def test_an_old_database_has_its_key_moved_to_the_key_file_and_people_are_still_found(tmp_path):
    path, key = tmp_path / "tyonavi.sqlite", os.urandom(32)
    old_database(path, key)
    storage = Storage(path)
    assert storage.get(USER).municipality == "kuhmo"
    storage.close()
    assert bytes.fromhex(key_file_for(path).read_text()) == key
    assert list(sqlite_utils.Database(path).query("select * from meta")) == []
    assert key.hex().encode() not in raw(path)  # deleted, and the freed bytes overwritten
    assert Storage(path).get(USER).language == "en"


def test_an_old_database_whose_key_equals_tyonavi_hash_key_loses_its_copy(tmp_path, monkeypatch):
    path, key = tmp_path / "tyonavi.sqlite", os.urandom(32)
    old_database(path, key)
    monkeypatch.setenv("TYONAVI_HASH_KEY", key.hex())
    assert Storage(path).get(USER).municipality == "kuhmo"
    assert key.hex().encode() not in raw(path) and not key_file_for(path).exists()


def test_an_old_database_with_a_different_tyonavi_hash_key_is_refused_rather_than_orphaning_everyone(
        tmp_path, monkeypatch):
    path = tmp_path / "tyonavi.sqlite"
    old_database(path, os.urandom(32))
    monkeypatch.setenv("TYONAVI_HASH_KEY", os.urandom(32).hex())
    with pytest.raises(ConfigError, match="start once without TYONAVI_HASH_KEY"):
        Storage(path)
    monkeypatch.delenv("TYONAVI_HASH_KEY")
    assert Storage(path).get(USER).municipality == "kuhmo"
