"""Understanding a message: language, home municipality, audience, topic, named service point."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bot.answer import Context
from bot.engine.language import detect_language
from bot.engine.message import Message
from bot.engine.phrases import PhraseHit, PhraseIndex
from bot.engine.places import PlaceHit, PlaceIndex
from bot.kb.model import KnowledgeBase

#: "19-vuotias", "olen 22", "i'm 19", "19 years old", "19v": an age that makes someone young.
_AGE = re.compile(
    r"\b(?:(?:olen|oon|mä oon|ma oon|i'm|im|i am|age|ikä)\s+(\d{2})\b"
    r"|(\d{2})\s*(?:-?\s*v\b|-?vuotias|vuotias|years?\s*old|yo\b|y/o|yrs?\b|v\.))"
)
AUDIENCE_ORDER = ("foreign_language", "youth", "employer")
HOME_CUE_REACH = 3
#: "Kuhmo?", "I live in Kuusamo": a message this short that names a place continues the last topic.
FOLLOW_UP_MAX_TOKENS = 5


@dataclass(frozen=True, slots=True)
class Understanding:
    language: str
    municipality: str | None
    outside_place: str | None
    audiences: tuple[str, ...]
    topic: str | None
    topic_explicit: bool
    point: str | None
    former_point: str | None
    smalltalk: str | None
    confidence: float


def understand(message: Message, context: Context, kb: KnowledgeBase, places: PlaceIndex,
               phrases: PhraseIndex) -> Understanding:
    place_hits = places.find(message)
    phrase_hits = phrases.find(message, skip={h.position for h in place_hits})
    spots: dict[str, set[int]] = defaultdict(set)
    for hit in phrase_hits:
        if hit.phrase.kind != "point" and hit.how == "exact":
            spots[hit.phrase.language].update(hit.positions)
    # a word that is a phrase in both languages ("starttiraha", "eures") says nothing about the language
    evidence = {lang: float(len(spots[lang] - spots[other])) for lang, other in (("fi", "en"), ("en", "fi"))}
    written_in = detect_language(message, kb.language_cues, evidence,
                                 default=context.language or context.last_language or "fi")
    language = context.language or written_in
    by_kind: dict[str, list[PhraseHit]] = defaultdict(list)
    for hit in phrase_hits:
        # Finnish "teen" (I do) is not English "teen": read phrases in the language the message is in
        if hit.phrase.language == written_in or hit.phrase.kind == "point":
            by_kind[hit.phrase.kind].append(hit)

    home = _home_place(place_hits, by_kind["home"], by_kind["correction"])
    municipality = home.target.municipality if home else None
    outside = home.target.outside if home else None
    point, former = _named_point(kb, by_kind, municipality)
    if point and not municipality and not outside:
        municipality = kb.service_points[point].municipality
    if not municipality and not outside:
        municipality = context.municipality

    topic, explicit = _topic(kb, by_kind["topic"])
    audiences = _audiences(kb, message, by_kind["audience"], topic)
    smalltalk = _best(by_kind["smalltalk"])
    if topic is None and smalltalk != "offtopic":
        follow_up = bool(by_kind["followup"]) or (len(message.tokens) <= FOLLOW_UP_MAX_TOKENS and not audiences)
        topic = _implied_topic(kb, audiences, context, bool(place_hits or point), follow_up)
    elif topic == kb.routing.default_topic:
        for audience in audiences:
            default = kb.routing.audiences.get(audience)
            if default and default.default_topic:
                topic = default.default_topic
                break

    confidence = 1.0
    if any(h.fuzzy for h in place_hits):
        confidence -= 0.2
    if any(h.how != "exact" for h in by_kind["topic"]):
        confidence -= 0.15
    if not explicit:
        confidence -= 0.3
    if topic is None:
        confidence = 0.0
    return Understanding(language, municipality, outside, audiences, topic, explicit, point, former,
                         smalltalk, max(confidence, 0.0))


def _home_place(hits: list[PlaceHit], home_cues: list[PhraseHit], corrections: list[PhraseHit]) -> PlaceHit | None:
    """Where the person lives: the place after a correction ("asun Oulussa... ei kun Kajaanissa"), else the
    first place after a 'live in' word ("asun Sotkamossa, työpaikka Oulussa"), else a demonym
    (kajaanilainen), else the first place named."""
    if not hits:
        return None
    for cues in (corrections, home_cues):
        ends = [max(c.positions) for c in cues]
        after = [h for h in hits if any(0 < h.position - end <= HOME_CUE_REACH for end in ends)]
        if after:
            return after[-1] if cues is corrections else after[0]
    demonyms = [h for h in hits if h.how == "demonym"]
    exact = [h for h in hits if not h.fuzzy]
    return (demonyms or exact or hits)[0]


def _named_point(kb: KnowledgeBase, by_kind: dict[str, list[PhraseHit]],
                 municipality: str | None) -> tuple[str | None, str | None]:
    """A service point the message names, if the name is unambiguous (given the municipality)."""
    former = {h.phrase.key for h in by_kind["former"]}
    if former:
        point = sorted(former)[0]
        return point, point
    scores: dict[str, float] = defaultdict(float)
    for hit in by_kind["point"]:
        scores[hit.phrase.key] = max(scores[hit.phrase.key], hit.weight)
    candidates = [p for p in scores if municipality is None or kb.service_points[p].municipality == municipality]
    if not candidates:
        return None, None
    best = max(scores[p] for p in candidates)
    top = [p for p in candidates if scores[p] == best]
    return (top[0], None) if len(top) == 1 else (None, None)


def _best(hits: list[PhraseHit], order: list[str] | None = None) -> str | None:
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.phrase.key] += hit.weight
    if not scores:
        return None
    rank = {key: i for i, key in enumerate(order or [])}
    return max(scores, key=lambda k: (scores[k], -rank.get(k, len(rank))))


def _topic(kb: KnowledgeBase, hits: list[PhraseHit]) -> tuple[str | None, bool]:
    """The topic with the most phrase weight; ties go to the topic listed first in routing.yaml.
    The default topic only wins when nothing more specific was asked."""
    specific = [h for h in hits if h.phrase.key != kb.routing.default_topic]
    topic = _best(specific or hits, list(kb.routing.topics))
    return topic, topic is not None


def _audiences(kb: KnowledgeBase, message: Message, hits: list[PhraseHit], topic: str | None) -> tuple[str, ...]:
    found = {h.phrase.key for h in hits}
    for match in _AGE.finditer(message.text.lower()):
        age = int(match.group(1) or match.group(2))
        low, high = kb.routing.youth_ages
        if low <= age <= high:
            found.add("youth")
    if topic and (implied := kb.routing.topics[topic].implies_audience):
        found.add(implied)
    return tuple(a for a in AUDIENCE_ORDER if a in found)


def _implied_topic(kb: KnowledgeBase, audiences: tuple[str, ...], context: Context, has_place: bool,
                   follow_up: bool) -> str | None:
    """No topic word: a follow-up keeps the last topic; a place or audience alone means the basics."""
    if not (has_place or audiences):
        return None
    if context.last_topic in kb.routing.topics and has_place and follow_up:
        return context.last_topic
    for audience in audiences:
        route = kb.routing.audiences.get(audience)
        if route and route.default_topic:
            return route.default_topic
    return kb.routing.default_topic
