"""Writing the reply text from what was understood and routed, in the person's language."""

from __future__ import annotations

from datetime import date, datetime

from bot.answer import Choice
from bot.conversation.context import ELSEWHERE
from bot.engine.hours_text import status_text, week_text
from bot.engine.places import Target
from bot.engine.sources import shown_sources
from bot.hours import HELSINKI
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
        lines.append(status_text(kb, point.opening_hours, now, language))
    if point.phone:
        lines.append(kb.text("phone_line", language, phone=point.phone))
    if point.email:
        lines.append(kb.text("email_line", language, email=point.email))
    if point.website:
        lines.append(point.website)
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
    service = kb.services[topic]
    # the general service says no more than the point's own line does; a specific one says what it is, unless
    # another organisation's block has just said it ("työmarkkinatuki": Kela's, and what Kela needs from us)
    described = (topic != kb.routing.default_topic or (topic_explicit and not points)) and not organisations
    route = kb.routing.topics[topic]
    if points:
        heading = kb.text("also_job_seeker", language) if organisations else points_heading(
            kb, language, points, municipality, home_kind, named_point)
        # beside another organisation's matter the heading says what the point is for, and the first point is
        # enough (International Info or Ohjaamo; the home point is one tap away under the answer)
        shown = points[:1] if organisations else points
        blocks = [point_block(kb, p, language, now, described=i == 0 and not organisations)
                  for i, p in enumerate(shown)]
        parts.append("\n".join([heading, *blocks]))  # each point starts with its 📍: no blank line between
        if former_point:
            point = kb.service_points[former_point]
            parts += [kb.text("former_address", language, address=old.street, new_address=str(point.address))
                      for old in point.former_addresses]
    if organisations:  # the place first, then whose the rest of the question is
        parts.append(organisations_text(kb, language, organisations, extra=None, with_source=False))
    if described:
        parts.append(service.description.get(language))
    if not points and not route.needs_municipality:
        # (an employer is served area-wide whatever the job seeker's side of the topic is: never asked a home)
        own = "own" in route.points and "employer" not in audiences
        parts.append(kb.text("ask_more" if own else "area_wide", language))
    employer = kb.routing.audiences.get("employer")
    if not points and ("employer" in audiences or (employer is not None and topic == employer.default_topic)):
        parts.append(_employer_contact(kb, language))
    if points and "hours" in asks and points[0].opening_hours.known and now is not None:
        parts.append(week_text(kb, points[0].opening_hours, _local_day(now), language))
    if points and not organisations and any(not _has(points[0], a) for a in asks):
        site = kb.municipalities[points[0].municipality].website
        parts.append(kb.text("contact_unknown", language) + (
            "\n" + kb.text("municipality_website", language, url=site) if site else ""))
    if language == "en" and "foreign_language" not in audiences and points and \
            "foreign" not in points[0].languages and not _says_where_foreign_clients_go(kb, parts):
        parts.append(kb.text("foreign_language_note", language))
    if "reform" in asks:
        parts.append(kb.text("reform_note", language))
    # the footer: how to register (not when they asked the hours: "milloin se on auki?") and the source, together
    footer = []
    if route.register_online and (topic_explicit or not set(asks) & {"hours", "phone", "email"}):
        footer.append(kb.text("register_online", language, url=kb.area.online_service_url))
    # the facts shown: the service's description (when shown) and the first point's details
    facts = [(service.source, service.checked)] if described else []
    if points:
        facts.append((points[0].source, points[0].checked))
    facts = facts or [(service.source, service.checked)]
    facts += [(_first_reference(o.source), o.checked) for o in organisations]
    parts.append("\n".join([*footer, source_line(kb, language, facts)]))
    return "\n\n".join(p for p in parts if p)


def _first_reference(source: str) -> str:
    """An organisation's first reference (its own page): beside our answer, the rest stay in the knowledge base."""
    return source.split(";")[0]


def _employer_contact(kb: KnowledgeBase, language: str) -> str:
    """Who runs the employer services and where their contacts are, when the knowledge base knows the lead
    municipality's web site; nothing otherwise."""
    lead = kb.municipalities.get(kb.area.lead_municipality)
    if lead is None or not lead.website:
        return ""
    return kb.text("employer_contact", language, municipality=lead.display_name(language), url=lead.website)


def _says_where_foreign_clients_go(kb: KnowledgeBase, parts: list[str]) -> bool:
    """Whether the answer already gives International Info's street ("If you don't speak Finnish, go to the city
    hall (Pohjolankatu 13) instead"): the note for English writers would say it twice."""
    route = kb.routing.audiences.get("foreign_language")
    first = next(iter(route.points.get("unknown") or route.points.get("default") or ()), None) if route else None
    if first not in kb.service_points:
        return False
    street = kb.service_points[first].address.street
    return any(street in part for part in parts)


def _local_day(now: datetime) -> date:
    return (now.astimezone(HELSINKI) if now.tzinfo else now).date()


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
    """The source line an answer's text ends with (its last line), or "" when it has none."""
    label = kb.texts["source_line"].get(language).split("{source}")[0]
    last = text.rsplit("\n", 1)[-1]
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
    if place:  # after the place itself: the address comes first
        parts.append(kb.text("newcomer_place", language, place=place))
    return "\n\n".join(parts)


def organisations_text(kb: KnowledgeBase, language: str, organisations: tuple[Organisation, ...], *,
                       extra: str | None = "note", with_source: bool = True, then: str = "") -> str:
    """Whose matter it is: each organisation's name, what it handles, its site and lines, then once that
    employment services do not decide it. `extra`: "note" (how to apply, where: their matter alone),
    "job_seeker_note" (what it means to a job seeker, when we ask their municipality next) or None (beside our
    own answer, kept short). `then`: a paragraph of ours before the source (the question for the municipality)."""
    parts = []
    for number, organisation in enumerate(organisations, start=1):
        name = f"🏛 {organisation.name.get(language)}"
        handles = organisation.handles.get(language)
        if number == len(organisations):  # said once, right after what the last organisation handles
            handles += " " + kb.text("not_ours", language)
        if extra is None and organisation.website:  # beside our answer: the name and the site on one line
            lines = [f"{name} – {organisation.website}", handles]
        else:
            lines = [name, handles]
            if organisation.website:
                lines.append(organisation.website)
        lines += [kb.text("organisation_phone", language, phone=phone.number,
                          label=phone.label.get(language) if phone.label else organisation.name.get(language))
                  for phone in organisation.phones]
        more = getattr(organisation, extra) if extra else None
        if more:
            lines.append(more.get(language))
        parts.append("\n".join(line for line in lines if line))
    if then:
        parts.append(then)
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
