"""The Telegram channel: reads updates, calls the core (`bot/`), renders replies. No routing rules here."""
