"""Running the bot: health, heartbeat, metrics, backups, log format."""
