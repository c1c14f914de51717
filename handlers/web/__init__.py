"""The web channel: a JSON API and a page that works without JavaScript, thin over the same core as Telegram."""
