"""Writing the reply text from what was understood and routed, in the person's language."""

from __future__ import annotations

from datetime import datetime

from bot.hours import is_open
from bot.kb.model import KnowledgeBase, ServicePoint


def municipality_list(kb: KnowledgeBase, language: str) -> str:
    names = sorted(kb.municipalities[m].display_name(language) for m in kb.area.municipalities)
    return ", ".join(names)


def point_block(kb: KnowledgeBase, point: ServicePoint, language: str, now: datetime | None = None) -> str:
    """Name, address, who it serves, and contact details and opening state when known."""
    lines = [f"📍 {point.name.get(language)}", str(point.address), point.description.get(language)]
    if point.phone:
        lines.append(kb.text("phone_line", language, phone=point.phone))
    if point.email:
        lines.append(kb.text("email_line", language, email=point.email))
    if point.opening_hours.known and now is not None:
        lines.append(kb.text("open_now" if is_open(point.opening_hours, now) else "closed_now", language))
    return "\n".join(lines)


def routed_text(kb: KnowledgeBase, *, language: str, topic: str, topic_explicit: bool,
                points: tuple[ServicePoint, ...], municipality: str | None, audiences: tuple[str, ...],
                former_point: str | None, now: datetime | None = None) -> str:
    parts: list[str] = []
    service = kb.services[topic]
    if topic_explicit or topic != kb.routing.default_topic:
        parts.append(service.description.get(language))
    route = kb.routing.topics[topic]
    if not points:
        if not route.needs_municipality:
            parts.append(kb.text("ask_more" if "own" in route.points else "area_wide", language))
    else:
        if former_point:
            point = kb.service_points[former_point]
            for old in point.former_addresses:
                parts.append(kb.text("former_address", language, address=old.street,
                                     new_address=str(point.address)))
        if municipality:
            name = kb.municipalities[municipality].display_name(language)
            parts.append(kb.text("your_point" if len(points) == 1 else "your_points", language,
                                 municipality=name))
        else:
            parts.append(kb.text("points_heading", language))
        parts.extend(point_block(kb, p, language, now) for p in points)
    if language == "en" and "foreign_language" not in audiences and points and \
            "foreign" not in points[0].languages:
        parts.append(kb.text("foreign_language_note", language))
    if route.register_online:
        parts.append(kb.text("register_online", language, url=kb.area.online_service_url))
    first = points[0] if points else None
    source, checked = (first.source, first.checked) if first else (service.source, service.checked)
    parts.append(kb.text("source_line", language, source=source, checked=checked.isoformat()))
    return "\n\n".join(p for p in parts if p)


def clarify_text(kb: KnowledgeBase, language: str, topic: str, topic_explicit: bool) -> str:
    parts = []
    if topic_explicit and topic != kb.routing.default_topic:
        parts.append(kb.services[topic].description.get(language))
    parts.append(kb.text("ask_municipality", language, municipalities=municipality_list(kb, language)))
    return "\n\n".join(parts)


def out_of_area_text(kb: KnowledgeBase, language: str, place: str) -> str:
    return "\n\n".join([
        kb.text("out_of_area", language, place=place),
        kb.text("register_online", language, url=kb.area.online_service_url),
    ])
