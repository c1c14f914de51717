"""Writing the reply text from what was understood and routed, in the person's language."""

from __future__ import annotations

from datetime import date, datetime

from bot.answer import Choice
from bot.conversation import ELSEWHERE
from bot.engine.places import Target
from bot.engine.sources import shown_sources
from bot.hours import is_open
from bot.kb.model import EmploymentArea, KnowledgeBase, Organisation, ServicePoint


def municipality_choices(kb: KnowledgeBase, language: str) -> tuple[Choice, ...]:
    """The area's municipalities in alphabetical order of their names in `language`, then "somewhere
    else": the answers to "which municipality do you live in?" in every channel."""
    names = {m: kb.municipalities[m].display_name(language) for m in kb.area.municipalities}
    return tuple(Choice(f"mun:{m}", names[m]) for m in sorted(names, key=names.get)) + (
        Choice(ELSEWHERE, kb.text("button_elsewhere", language)),)


def municipality_list(kb: KnowledgeBase, language: str) -> str:
    return ", ".join(c.label for c in municipality_choices(kb, language) if c.id != ELSEWHERE)


def point_block(kb: KnowledgeBase, point: ServicePoint, language: str, now: datetime | None = None, *,
                described: bool = True) -> str:
    """Name and address first, then the opening state and contacts when known, then who it serves (left out
    for a second point of the same answer: the place is what the person needs at a glance)."""
    lines = [f"📍 {point.name.get(language)}", str(point.address)]
    if point.opening_hours.known and now is not None:
        lines.append(kb.text("open_now" if is_open(point.opening_hours, now) else "closed_now", language))
    if point.phone:
        lines.append(kb.text("phone_line", language, phone=point.phone))
    if point.email:
        lines.append(kb.text("email_line", language, email=point.email))
    if described:
        lines.append(point.description.get(language))
    return "\n".join(lines)


def routed_text(kb: KnowledgeBase, *, language: str, topic: str, topic_explicit: bool,
                points: tuple[ServicePoint, ...], municipality: str | None, audiences: tuple[str, ...],
                former_point: str | None, now: datetime | None = None, home_kind: str | None = None,
                named_point: str | None = None, asks: tuple[str, ...] = (),
                organisations: tuple[Organisation, ...] = ()) -> str:
    """The place first (name, address, hours and contacts when known, who it serves), then at most the
    service's short description, the registration line and the source; the 2025 reform only when asked."""
    parts: list[str] = []
    if organisations:  # another organisation's matter first, then what employment services do
        parts.append(organisations_text(kb, language, organisations, job_seeker=True, with_source=False))
    service = kb.services[topic]
    # the general service says no more than the point's own line does; a specific one says what it is, unless
    # another organisation's block has just said it ("työmarkkinatuki": Kela's, and what Kela needs from us)
    described = (topic != kb.routing.default_topic or (topic_explicit and not points)) and not organisations
    route = kb.routing.topics[topic]
    if points:
        heading = kb.text("also_job_seeker", language) if organisations else points_heading(
            kb, language, points, municipality, home_kind, named_point)
        blocks = [point_block(kb, p, language, now, described=i == 0) for i, p in enumerate(points)]
        parts.append(heading + "\n" + "\n\n".join(blocks))
        if former_point:
            point = kb.service_points[former_point]
            parts += [kb.text("former_address", language, address=old.street, new_address=str(point.address))
                      for old in point.former_addresses]
    if described:
        parts.append(service.description.get(language))
    if not points and not route.needs_municipality:
        parts.append(kb.text("ask_more" if "own" in route.points else "area_wide", language))
    if points and not organisations and any(not _has(points[0], a) for a in asks):
        parts.append(kb.text("contact_unknown", language))
    if language == "en" and "foreign_language" not in audiences and points and \
            "foreign" not in points[0].languages:
        parts.append(kb.text("foreign_language_note", language))
    if route.register_online:
        parts.append(kb.text("register_online", language, url=kb.area.online_service_url))
    if "reform" in asks:
        parts.append(kb.text("reform_note", language))
    # the facts shown: the service's description (when shown) and the first point's details
    facts = [(service.source, service.checked)] if described else []
    if points:
        facts.append((points[0].source, points[0].checked))
    facts = facts or [(service.source, service.checked)]
    facts += [(_first_reference(o.source), o.checked) for o in organisations]
    parts.append(source_line(kb, language, facts))
    return "\n\n".join(p for p in parts if p)


def _first_reference(source: str) -> str:
    """An organisation's first reference (its own page): beside our answer, the rest stay in the knowledge base."""
    return source.split(";")[0]


def points_heading(kb: KnowledgeBase, language: str, points: tuple[ServicePoint, ...], municipality: str | None,
                   home_kind: str | None, named_point: str | None) -> str:
    """A label that says what the points are, and claims a home municipality only when the person gave
    it: the point asked about, your home point, the home point of the person written about, or plainly
    the service's points (International Info for someone living in Kuusamo)."""
    in_home = bool(municipality) and all(p.municipality == municipality for p in points)
    name = kb.municipalities[municipality].display_name(language) if municipality else ""
    if named_point and points[0].id == named_point:
        return kb.text("asked_point", language)
    if in_home and home_kind == "own":
        return kb.text("your_point" if len(points) == 1 else "your_points", language, municipality=name)
    if in_home and home_kind == "someone_else":
        return kb.text("their_point", language, municipality=name)
    return kb.text("points_heading" if len(points) == 1 else "points_heading_many", language)


def _has(point: ServicePoint, detail: str) -> bool:
    known = {"hours": point.opening_hours.known, "phone": bool(point.phone), "email": bool(point.email)}
    return known.get(detail, True)  # "where": the address is always there


def source_line(kb: KnowledgeBase, language: str, facts: list[tuple[str, date | None]]) -> str:
    """Where the facts shown come from, each source once, and when a person last compared them all with a
    current source (the oldest such day; nothing when any of them was never compared)."""
    line = kb.text("source_line", language,
                   source="; ".join(shown_sources(kb.source_names, language, [source for source, _ in facts])))
    days = [checked for _, checked in facts]
    if not all(days):
        return line
    return f"{line} {kb.text('checked_line', language, checked=min(days).isoformat())}"  # type: ignore[type-var]


def source_of(kb: KnowledgeBase, language: str, text: str) -> str:
    """The source line an answer's text ends with, or "" when it has none."""
    label = kb.texts["source_line"].get(language).split("{source}")[0]
    last = text.rsplit("\n\n", 1)[-1]
    return last if label and last.startswith(label) else ""


def clarify_text(kb: KnowledgeBase, language: str, topic: str, topic_explicit: bool) -> str:
    parts = []
    if topic_explicit and topic != kb.routing.default_topic:
        parts.append(kb.services[topic].description.get(language))
    parts.append(kb.text("ask_municipality", language, municipalities=municipality_list(kb, language)))
    return "\n\n".join(parts)


def newcomer_text(kb: KnowledgeBase, language: str, points: tuple[ServicePoint, ...], place: str) -> str:
    """The newcomer's first answer; the address stays on a line of its own (right-to-left scripts)."""
    point = points[0] if points else None
    parts = [kb.text("newcomer_answer", language, point=point.name.get(language) if point else "",
                     address=str(point.address) if point else "", url=kb.area.online_service_url)]
    if place:
        parts.insert(0, kb.text("newcomer_place", language, place=place))
    return "\n\n".join(parts)


def organisations_text(kb: KnowledgeBase, language: str, organisations: tuple[Organisation, ...], *,
                       job_seeker: bool, with_source: bool = True) -> str:
    """Whose matter it is: each organisation's name, what it handles, its site and lines, then once that
    employment services do not decide it."""
    parts = []
    for organisation in organisations:
        lines = [f"🏛 {organisation.name.get(language)}", organisation.handles.get(language)]
        if organisation.website:
            lines.append(organisation.website)
        lines += [kb.text("organisation_phone", language, phone=phone.number,
                          label=phone.label.get(language) if phone.label else organisation.name.get(language))
                  for phone in organisation.phones]
        if organisation.note and not job_seeker:  # beside our answer, only what matters to a job seeker
            lines.append(organisation.note.get(language))
        if job_seeker and organisation.job_seeker_note:
            lines.append(organisation.job_seeker_note.get(language))
        parts.append("\n".join(line for line in lines if line))
    parts.append(kb.text("not_ours", language))
    facts = [(o.source, o.checked) for o in organisations if o.source]
    if with_source and facts:
        parts.append(source_line(kb, language, facts))
    return "\n\n".join(parts)


def out_of_area_text(kb: KnowledgeBase, language: str, place: str, target: Target | None = None,
                     area: EmploymentArea | None = None) -> str:
    """Someone living elsewhere: which service is theirs, by name when the knowledge base knows their
    employment area. Åland has its own authority (AMS), not an employment area; a former municipality is
    answered with the one it is part of now."""
    if target is not None and target.aland:
        return kb.text("aland", language, place=place)
    parts = []
    if target is not None and target.merged_into:
        parts.append(kb.text("merged", language, place=place, current=target.merged_into,
                             year=str(target.merged_year or "")))
        place = target.merged_into
    parts.append(kb.text("out_of_area", language, place=place))
    if area is not None:
        served = kb.text("out_of_area_served_by", language, area=area.name.get(language))
        if area.website:
            served += "\n" + kb.text("out_of_area_website", language, url=area.website)
        parts.append(served)
    elif kb.employment_areas:
        parts.append(kb.text("out_of_area_unknown_area", language))
    parts.append(kb.text("register_online", language, url=kb.area.online_service_url))
    return "\n\n".join(parts)
