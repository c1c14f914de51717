"""The Telegram channel: python-telegram-bot handlers over the core's conversation layer."""
