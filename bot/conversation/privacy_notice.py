"""The privacy notice a person reads with /tietosuoja (/integritet, /privacy), from texts.yaml and the config.

Telegram-free. The controller and the contact come only from the operator's config: when they are not set, the
notice says so and names none, so that no contact is ever invented.
"""

from __future__ import annotations

from bot.config import Config
from bot.kb.model import KnowledgeBase

#: The command that shows the notice, in English, Finnish and Swedish, in every channel.
PRIVACY_COMMANDS = ("privacy", "tietosuoja", "integritet")


def privacy_notice(kb: KnowledgeBase, config: Config, language: str, web_minutes: int | None = None,
                   handoff: bool | None = None) -> str:
    """What is stored and why, for how long, who is responsible and how to reach them, how to erase, how to
    reach a person; the full statement linked when `privacy.policy_url` is set. `web_minutes`: the web chat's
    notice, whose conversations are kept that many minutes in memory (else Telegram's). `handoff`: whether a
    person can be reached here (default: the config's staff group)."""
    if web_minutes is None:
        notice = kb.text("privacy_notice", language, days=str(config.retention_days))
    else:
        notice = kb.text("privacy_notice_web", language, days=str(config.retention_days), minutes=str(web_minutes))
    parts = [notice, _controller(kb, config, language)]
    if config.handoff if handoff is None else handoff:
        parts.append(kb.text("privacy_handoff" if web_minutes is None else "privacy_handoff_web", language))
    else:
        parts.append(kb.text("privacy_no_handoff", language, url=kb.area.online_service_url))
    if config.privacy_policy_url:
        parts.append(kb.text("privacy_policy_link", language, url=config.privacy_policy_url))
    return "\n\n".join(parts)


def _controller(kb: KnowledgeBase, config: Config, language: str) -> str:
    if not config.privacy_controller:
        return kb.text("privacy_controller_unknown", language)
    contact = (kb.text("privacy_contact", language, contact=config.privacy_contact) if config.privacy_contact
               else kb.text("privacy_contact_unknown", language))
    return f"{kb.text('privacy_controller', language, controller=config.privacy_controller)}\n{contact}"


def bot_descriptions(kb: KnowledgeBase, language: str) -> tuple[str, str]:
    """The bot's description (empty chat: "What can this bot do?") and short description (profile), which Telegram
    shows before anyone writes; both say where the privacy notice is."""
    return kb.text("bot_description", language), kb.text("bot_short_description", language)
