"""Understanding a message: language, where the person lives, who is asking, what they need.

Every reading is scored from all its evidence and the engine answers only when one reading clearly
wins; when two are close it asks (`Ask`), and `confidence` falls with the margin, so a guess reaches
staff like an unanswered question. Everything found is kept in a `Trace` for `ask --explain`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.answer import Context
from bot.engine.age import age_in
from bot.engine.cues import CueIndex
from bot.engine.employer import EmployerSignals, Signal
from bot.engine.evidence import Evidence, Reading, Trace
from bot.engine.fuzzy import FuzzyVocabulary
from bot.engine.hit_context import (
    BUT,
    THING_RELATIVES,
    as_status,
    denied,
    done,
    employer_of_writer,
    hires_me,
    in_relative_clause,
    in_the_past,
    negated,
    negation_apart,
    not_now,
    not_their_matter,
    not_wanted,
    point_as_landmark,
    reason_clauses,
    search_denied,
    someones_employer,
    thing_of_point,
    third_persons,
    towards,
    workplace,
    year_after,
)
from bot.engine.language import detect_language
from bot.engine.message import Message, same_clause, sentence_of, stem_fi
from bot.engine.newcomer import looks_like_words
from bot.engine.phrases import NEGATIONS, PhraseHit, PhraseIndex
from bot.engine.places import PlaceHit, PlaceIndex, Target
from bot.engine.residence import case_of, resolve
from bot.kb.model import LANGUAGES, KnowledgeBase
from bot.kb.normalise_names import fold

#: a sum asked of the bot: "paljonko on 17 kertaa 23", "17 prosenttia 2380 eurosta", "12 x 8"
_ARITHMETIC = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:kertaa|x|\*|\+|plus|miinus|jaettuna|prosenttia|times|procent)"
                         r"\s*\d+"
                         # "24 % arvonlisävero 240 eurosta": a share of a sum, a word or two between
                         r"|\b\d+(?:[.,]\d+)?\s*(?:%|prosentin|prosenttia)\s+(?:[a-zåäö-]+\s+){0,2}\d+(?:[.,]\d+)?\s*"
                         r"(?:e\b|€|euro)")
#: How far (in words) a word of studies done reaches a school's name: "valmistun kesällä amk:sta".
STUDIED_REACH = 3
AUDIENCE_ORDER = ("foreign_language", "youth", "employer")
#: "Kuhmo?", "I live in Kuusamo": a message this short that names a place continues the last topic.
FOLLOW_UP_MAX_TOKENS = 5
#: Employer evidence must beat a job seeker's words by this much, or be twice as strong (and vice versa),
#: or the bot asks.
ROLE_MARGIN = 1.0
#: A role word found only inside a compound or through a typo ("pitkäaikaistyöttömän", "irtisanomisilmoitus")
#: is weaker evidence: it is often someone or something else the sentence is about.
INEXACT_ROLE_WEIGHT = 0.5
#: Confidence lost per word nothing explains: when the topic is only implied by a place, from the first word;
#: with a topic word, from the word after the first UNEXPLAINED_FREE (long stories carry many words).
UNEXPLAINED_PENALTY = 0.1
UNEXPLAINED_FREE = 3
#: A phrase read inside a longer word reads the word when it covers this much of it.
WHOLE_WORD_SHARE = 0.75
#: A place with no need word and this many words nothing explains is answered as not ours.
PLACE_ONLY_UNEXPLAINED = 2
#: Out of work said only as a reason, and this many words nothing explains: another thing is asked ("miten teen
#: karjalanpiirakoita … kun ei oo töitä"); fewer may be our own question in words we do not know.
REASON_ONLY_UNEXPLAINED = 4
#: Only the general topic, read from everyday work words, no home said with a cue, and this many words nothing
#: explains: as often another thing as ours ("onko kahvilaa jossa vois kirjoittaa työhakemuksia"): kept for staff.
GENERAL_ONLY_UNEXPLAINED = 4
#: Our office or work named, no need, no place, nothing of the person, and this many words nothing explains: the
#: message is about another thing ("työkkärin kahviautomaatti söi mun kolikot").
OFFICE_ONLY_UNEXPLAINED = 3
#: The most such an answer is trusted: below the confidence at which staff see it.
UNSURE_CONFIDENCE = 0.55
#: What a person asks of a point already named: its opening hours, phone or e-mail.
DETAIL_ASKS = frozenset({"hours", "phone", "email"})
#: letters before a benefit ending for a word to be a benefit's name: "ura|seteli", "joulu|lisä" (not "lisää")
BENEFIT_HEAD_MIN = 3
#: asks groups that only mark the message (a job, the reform, studies done, two options weighed): no question
MARKS = frozenset({"has_job", "got_job", "reform", "studied", "which", "channel", "end_search"})
#: words that make a following "siis" a correction too: "eiku siis Sotkamossa", "ei vaan siis" (folded)
_CORRECTING = frozenset({"eiku", "eikun", "kun", "vaan", "tai"})
#: Topics that only an employer asks about: dropped when the message is a job seeker's.
EMPLOYER_ONLY_TOPICS = ("employer_services",)
#: The start-up grant: named beside employer services' words, the grant is what one starting up asks about.
STARTUP_TOPIC = "startup_grant"
#: our topics of studying (agreed with us) and the organisation that takes school applications
STUDY_TOPICS = ("self_motivated_studies", "training")
SCHOOL_APPLICATIONS = "opintopolku"
#: what names the grant itself, the money, among its words ("starttiraha", "startpeng", "start-up grant") (folded)
_MONEY = ("rah", "peng", "bidrag", "grant", "money")


@dataclass(frozen=True, slots=True)
class Ask:
    """A short question back, with choices: "role" (job seeker or employer) or "place" (which municipality)."""

    kind: str
    options: tuple[str, ...]  # choice ids: "role:jobseeker", "mun:sotkamo", "mun:_else"
    subject: str = ""  # the shared village name, for the question text


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
    ask: Ask | None = None
    trace: Trace = Trace()
    #: whose municipality it is: "own" (said now or earlier), "someone_else", "point" (of a point asked about)
    home_kind: str | None = None
    outside_target: Target | None = None  # Åland, a former municipality: the answer says so
    asks: tuple[str, ...] = ()  # hours, phone, email: details of a point the person asks for
    #: other organisations whose matter the message names (ids, strongest first)
    organisations: tuple[str, ...] = ()
    #: the message also asks something of employment services: a job seeker's or an employer's own words,
    #: or a topic word that is more than "where is it" (with another organisation's matter, "missä on
    #: Kelan toimisto" asks for Kela's office, not ours)
    employment_part: bool = False
    #: words that no phrase, place, cue or known word accounts for: evidence the engine missed something
    unexplained: tuple[str, ...] = ()
    organisation_confidence: float = 0.0
    #: a benefit-like word nobody here knows ("kuukausilisä", "flimflam subsidy"): an honest "I don't know it"
    unknown_benefit: str = ""
    #: an office, card or ticket nobody here knows ("lahjakorttitoimisto"): said honestly, kept for staff
    unknown_service: str = ""


def understand(message: Message, context: Context, kb: KnowledgeBase, places: PlaceIndex,
               phrases: PhraseIndex, cue_index: CueIndex, employer_signals: EmployerSignals,
               cue_scores: dict[str, float], known_words: frozenset[str] = frozenset(),
               familiar: FuzzyVocabulary | None = None) -> Understanding:
    """`cue_scores`: the message's language cue counts (`language_scores`), computed once by the caller;
    `known_words`: folded words and Finnish stems that carry no need of their own (function words);
    `familiar`: the words of our own needs and the known words, to tell a typo ("wrok") from a word of
    another matter ("kirpputori")."""
    evidence: list[Evidence] = []
    readings: list[Reading] = []
    place_hits = places.find(message)
    phrase_hits = phrases.find(message, skip={h.position for h in place_hits})
    written_in = _language(cue_scores, context, phrase_hits)
    language = context.language or written_in
    by_kind: dict[str, list[PhraseHit]] = defaultdict(list)
    for hit in phrase_hits:
        # Finnish "teen" (I do) is not English "teen": read phrases in the language the message is in
        # (a foreign-language client's words count in any language: "i need job, en puhu suomea hyvin")
        if hit.phrase.language == written_in or hit.phrase.kind in ("point", "former") or (
                hit.phrase.kind == "audience" and hit.phrase.key == "foreign_language" and len(hit.positions) > 1):
            by_kind[hit.phrase.kind].append(hit)
    cues = cue_index.find(message)
    # "mun työnantaja pyytää todistuksen", "my employer gave me no training": the writer works for an employer
    by_kind["audience"] = [h for h in by_kind["audience"]
                           if not (h.phrase.key == "employer" and someones_employer(message, h))
                           # ("ja ei, en ole ulkomaalainen": a native phrase that is itself a denial stays)
                           and not (h.phrase.key == "native" and negated(message, min(h.positions))
                                    and message.folded[min(h.positions)] not in NEGATIONS)
                           # "en ole mikään nuori", "en oo enää nuori": no young person
                           and not (h.phrase.key == "youth" and negated(message, min(h.positions), reach=3))]
    # "en etsi töitä, haluan vain tietää milloin kirjasto aukeaa", "jag söker inte jobb": the work words ask nothing
    seeking = kb.language_cues.get("seeking_words", frozenset())
    no_search = [h for h in by_kind["audience"] + by_kind["topic"]
                 if h.phrase.key in ("jobseeker", kb.routing.default_topic) and search_denied(message, h, seeking)]
    by_kind["audience"] = [h for h in by_kind["audience"] if h not in no_search]
    by_kind["topic"] = [h for h in by_kind["topic"] if h not in no_search]
    # "mun mies on kenialainen ja puhuu vain englantia, mutta oon itse suomalainen": the language is the other
    # person's, said in their sentence, and the writer says they are Finnish
    others_said = [min(c.positions) for c in cues.get("other_person", ())]
    if any(h.phrase.key == "native" and not _of_other(message, h, others_said) for h in by_kind["audience"]):
        by_kind["audience"] = [h for h in by_kind["audience"]
                               if not (h.phrase.key == "foreign_language" and _of_other(message, h, others_said))]
    # ("työnantaja tarjoaa osa-aikatyötä": the employer offering the writer work is not the writer either)
    by_kind["topic"] = [h for h in by_kind["topic"]
                        if not (h.phrase.key in EMPLOYER_ONLY_TOPICS and (someones_employer(message, h)
                                                                          or hires_me(message, h)))]
    # "my husband got a job at the hospital": another person's job is not the writer's; "enkä oo töissä" is no job
    others_end = {max(c.positions) for c in cues.get("other_person", ())}
    # a job anyone has ("my wife got a job at the university") makes the school beside it a workplace
    job_words = [p for h in by_kind["asks"] if h.phrase.key in ("has_job", "got_job") for p in h.positions]
    by_kind["asks"] = [h for h in by_kind["asks"] if not (h.phrase.key in ("has_job", "got_job") and (
        min(h.positions) - 1 in others_end or negated(message, min(h.positions), reach=_negation_reach(message, h))))]
    # "sain työpaikan, pitääkö ilmoittaa että haku loppuu": the job got is the writer's, no vacancy announced
    # (a job had, "kaksi vapaata työpaikkaa", may be the employer's own vacancies)
    own_job = {p for h in by_kind["asks"] if h.phrase.key == "got_job" for p in h.positions}
    by_kind["audience"] = [h for h in by_kind["audience"] if not (h.phrase.key == "employer"
                                                                   and own_job & set(h.positions))]
    # "työnantaja vaatii minua tulemaan töihin", "teen töitä kotihoidossa eikä työnantaja tee mitään": the employer of
    # a writer who has a job, or who is the one it does things to, is the other party, not the writer
    has_job = any(h.phrase.key == "has_job" for h in by_kind["asks"])
    by_kind["topic"] = [h for h in by_kind["topic"]
                        if not (h.phrase.key in EMPLOYER_ONLY_TOPICS and employer_of_writer(message, h, has_job))]
    # "lähössä vaihtoon Saksaan": a country gone to is not the writer's language
    by_kind["audience"] = [h for h in by_kind["audience"] if not (h.phrase.key == "foreign_language"
                                                                   and towards(message, h))]
    # "hänen oleskelulupansa": the possessive says whose the permit is, not that the writer asks for someone else
    possessed = {p for h in by_kind["audience"] if h.phrase.key == "foreign_language" and third_persons(message, h)
                 for p in (min(h.positions) - 1, min(h.positions))}
    asking_for_other = any(not possessed & set(c.positions) for c in cues.get("asked_for_other", ()))
    if not asking_for_other:
        # "Vaimoni on Thaimaasta, itse jäin lomautetuksi": the spouse's country is not the writer's language, nor is
        # "hänen oleskelulupansa" the writer's permit
        by_kind["audience"] = [h for h in by_kind["audience"] if not (h.phrase.key == "foreign_language" and (
            any(0 < min(h.positions) - end <= 2 for end in others_end) or third_persons(message, h)))]
    if by_kind["organisation"]:
        # "verokortti kesätöitä varten", "I work full time and want to join an unemployment fund": a job the person
        # has is no need of ours, nor is the organisation's own word ("unemployment fund") said by someone working
        has_job = {p for h in by_kind["asks"] if h.phrase.key == "has_job" for p in h.positions}
        if has_job:
            has_job |= {p for h in by_kind["organisation"] for p in h.positions}
        for kind in ("topic", "audience"):
            by_kind[kind] = [h for h in by_kind[kind] if not has_job.issuperset(h.positions)]
        if has_job:
            # "child benefit from Kela" said by someone working: a topic phrase made mostly of the organisation's
            # words is theirs; "olin alkuvuoden työttömänä, nyt oon taas töissä": unemployment past is no need now
            by_kind["topic"] = [h for h in by_kind["topic"] if 2 * len(set(h.positions) - has_job) >= len(h.positions)]
            by_kind["audience"] = [h for h in by_kind["audience"] if not (
                h.phrase.key == "jobseeker" and in_the_past(message, min(h.positions)))]
    # an organisation's word inside a request to the bot ("maksanu veronmaksajien rahaa" in an insult) is the request's
    asked_of_bot = {p for h in by_kind["smalltalk"] if h.phrase.key == "request" for p in h.positions}
    arithmetic = bool(_ARITHMETIC.search(message.text.lower()))
    if arithmetic:
        # "paljonko on 24 % arvonlisävero 240 eurosta": the tax's name is part of a sum asked, not the tax office's
        by_kind["organisation"] = []
    where_words = kb.language_cues.get("where_words", frozenset())
    asked_where_or_help = {i for i, w in enumerate(message.folded) if w in where_words}
    # "mikä ois hyvä lahja työkaverille joka jää eläkkeelle": their word in the sentence of a thing asked of the bot
    # is the request's, unless the message asks where or who anywhere ("kirjoita… mistä haen eläkettä?") or it is
    # an emergency
    if asked_of_bot and not asked_where_or_help:
        request_sentences = {sentence_of(message, p) for p in asked_of_bot}
        by_kind["organisation"] = [h for h in by_kind["organisation"] if _urgent(kb, h.phrase.key)
                                   or sentence_of(message, min(h.positions)) not in request_sentences]
    # "irtisanomisaika loppuu": one word of theirs inside a job seeker's longer phrase is the seeker's story
    seeker_phrases = {p for h in by_kind["audience"] if h.phrase.key == "jobseeker" and len(h.positions) > 1
                      for p in h.positions}
    by_kind["organisation"] = [h for h in by_kind["organisation"] if not asked_of_bot.issuperset(h.positions)
                               and not (len(h.positions) == 1 and h.positions[0] in seeker_phrases)
                               and not not_wanted(message, min(h.positions), h.phrase.language)
                               and not not_their_matter(message, h) and not done(message, h)
                               and not (h.phrase.key in _TOLD_OF_OTHERS and in_relative_clause(
                                   message, min(h.positions), _WHO_OF_OTHERS))
                               and not as_status(message, h, kb.language_cues.get("status_words", frozenset()),
                                                 kb.language_cues.get("status_verbs", frozenset()))
                               and not (_urgent(kb, h.phrase.key) and (not_now(message, h) or negation_apart(h)
                                                            or denied(message, h)))]
    studied = [p for h in by_kind["asks"] if h.phrase.key == "studied" for p in h.positions] + job_words
    if job_words:
        # "my husband got a job at the hospital", "vakituista työtä sairaalassa": where someone works, not a need
        by_kind["organisation"] = [h for h in by_kind["organisation"] if not workplace(message, h, job_words)]
    if studied:
        # "valmistuin kamkista", "lukion jälkeen en ole tehnyt mitään": the school is the person's past; "got a job at
        # the university", "töissä lukiolla": a workplace
        by_kind["organisation"] = [
            h for h in by_kind["organisation"]
            if not (kb.organisations[h.phrase.key].studies and _studied_near(message, h, studied))]
    evidence.append(Evidence(" ".join(message.tokens[:6]) + ("…" if len(message.tokens) > 6 else ""),
                             f"language: {written_in}", 1.0, "chosen" if context.language else "detected"))

    # where: the place readings, then a named service point
    if cues.get("origin"):
        # "synnyin 2001 ja asun Kajaanissa": a year after a birth word says when, not where
        cues["origin"] = [c for c in cues["origin"] if not year_after(message, max(c.positions))]
    if by_kind["home"]:
        cues.setdefault("current", []).extend(by_kind["home"])
    # the words of clauses giving a reason ("kun hän tarvitsee apua", "ku ei oo töitä"), read once per message
    reasons_said = reason_clauses(message, kb.language_cues.get("reason_words", frozenset()))
    if cues.get("asked_for_other"):
        # "…mietin muuttoa sinne, kun hän tarvitsee apua": a third person in a reason clause is not the one asked for;
        # nor is one who only said something ("äiti asuu Vantaalla ja hän sanoi että…, mutta mä asun Kuhmossa")
        cues["asked_for_other"] = [c for c in cues["asked_for_other"] if not reasons_said.issuperset(c.positions)
                                   and not _saying(message, max(c.positions))]
    # "Kuhmon kaupungintalo" names a service point, not where the person lives
    in_point_names = {p for h in by_kind["point"] if len(h.positions) > 1 for p in h.positions}
    cues["which"] = [h for h in by_kind["asks"] if h.phrase.key == "which"]
    # "siis" corrects only at the start of a clause ("asun Oulussa, siis Kajaanissa"); mid-sentence it is "so"
    # ("kuulunko siis Kajaanin työllisyyspalveluihin")
    corrections = [h for h in by_kind["correction"] if not (
        len(h.positions) == 1 and message.folded[h.positions[0]] == "siis" and h.positions[0] not in message.breaks
        and h.positions[0] > 0 and message.folded[h.positions[0] - 1] not in _CORRECTING)]
    residence = resolve(message, [h for h in place_hits if h.position not in in_point_names], cues, corrections)
    evidence += residence.evidence
    readings += residence.readings
    home = residence.home
    municipality = home.target.municipality if home else None
    outside = home.target.outside if home else None
    point, former = _named_point(kb, by_kind, municipality)
    which = any(h.phrase.key == "which" for h in by_kind["asks"])
    # (a demonym is who the person is, "20v kuhmolainen", never the other option)
    if which and not point and residence.role in ("unmarked", "plan_to") and home and home.how != "demonym" \
            and not _introduced(message, home):
        # "Paltamon kunnantalolla onko työllisyyspalvelut vai pitääkö mennä Kajaaniin?": the place without a cue (or
        # with "lähteä") is the other option; the point named is the person's own municipality's
        point, former = _named_point(kb, by_kind, None)
        if point:
            municipality, outside = None, None
            readings.append(Reading("place", kb.service_points[point].municipality, 0.0, True,
                                    "the named point's: the other place is an option"))
    # points named beside a which-word are options weighed (two of one municipality may tie: then none is chosen)
    weighed = which and not former and bool(by_kind["point"])
    home_stated = bool(municipality or outside)
    home_kind = ("someone_else" if residence.someone_else else "own") if home_stated else None
    if point and not municipality and not outside:
        municipality, home_kind = kb.service_points[point].municipality, "point"
    if point and municipality and kb.service_points[point].audiences == ("youth",) \
            and kb.service_points[point].municipality != municipality:
        # "oon 20 ja asun Kuhmossa, pitääkö mennä Kajaaniin Ohjaamoon?": a youth point serves its own municipality
        readings.append(Reading("point", point, 0.0, False, "a youth point of another municipality"))
        point = None
    if point and kb.service_points[point].audiences == ("foreign_language",) and _native(by_kind["audience"]):
        # "kuuluuko International Info minulle? oon suomalainen": the foreign-language clients' point is not a Finn's
        readings.append(Reading("point", point, 0.0, False, "the foreign-language clients' point, and a Finn asks"))
        if home_kind == "point":
            municipality, home_kind = None, None
        point = None
    if weighed and point:
        # "Sotkamon toimintakeskus vai virastotalo, kumpaan menen?": an option weighed, not a choice made
        readings.append(Reading("point", point, 0.0, False, "one of the options asked about"))
        point = None
    if residence.ambiguous and context.municipality in (residence.ambiguous.target.municipality,
                                                        *residence.ambiguous.target.alternatives):
        municipality, residence = context.municipality, replace(residence, ambiguous=None)
    left = {h.target.municipality for h in residence.left}
    if not municipality and not outside and context.municipality not in left:
        municipality = context.municipality
        home_kind = "own" if municipality else None

    # who: job seeker or employer, young, foreign-language
    closing = employer_signals.closes(message)
    signals = employer_signals.find(message, closing)
    # "kassa tarvii työvoimaviranomaisen lausunnon": a "worker" inside a need's own words is no one hired
    topic_words = {p for h in by_kind["topic"] if h.phrase.key not in (*EMPLOYER_ONLY_TOPICS, kb.routing.default_topic)
                   for p in h.positions}
    signals = [s for s in signals if not (s.what == "hiring" and topic_words & set(s.positions))]
    if not signals and closing:
        # "oon ollu yrittäjä mutta firma on myyty": the entrepreneur's words tell the job seeker's past
        by_kind["audience"] = [h for h in by_kind["audience"] if h.phrase.key != "employer"]
        by_kind["topic"] = [h for h in by_kind["topic"] if h.phrase.key not in EMPLOYER_ONLY_TOPICS]
    role, role_ask = _role(message, by_kind, signals, context, evidence, readings)
    # "eikä halua soittaa itse", "I don't want to call": what the person does not want is not what they ask
    topic_hits = [h for h in _claimed(by_kind["topic"])
                  if not not_wanted(message, min(h.positions), h.phrase.language)]
    if role == "jobseeker":
        topic_hits = [h for h in topic_hits if h.phrase.key not in EMPLOYER_ONLY_TOPICS]
    topic, explicit, topic_penalty = _topic(kb, topic_hits, evidence, readings)
    if topic in EMPLOYER_ONLY_TOPICS and any(h.phrase.key == STARTUP_TOPIC and any(
            m in w for w in h.phrase.stems for m in _MONEY) for h in topic_hits):
        # "työttömänä haluaisin aloittaa yrittäjänä … mitä starttiraha vaatii": a business about to start, with the
        # start-up grant named, is the grant's (decided for job seekers at the home point), not employer services'
        readings.append(Reading("topic", STARTUP_TOPIC, 0.0, True, "the start-up grant named by one starting up"))
        topic = STARTUP_TOPIC
    if topic == STARTUP_TOPIC and role_ask is not None:
        # "jäin pois hommista ja aion ryhtyä yrittäjäksi, saisinko starttirahaa?": whether job seeker or entrepreneur,
        # the start-up grant is asked at the home point, so there is nothing to ask back
        readings.append(Reading("role", "jobseeker", 0.0, True, "the start-up grant: the home point either way"))
        role, role_ask = "jobseeker", None
    employer_route = kb.routing.audiences.get("employer")
    # hiring, one's own business or an employer's own phrase ("aloittelen yrittäjänä" alone may be a startup)
    runs_business = any(s.what != "says they are an employer" for s in signals) or any(
        h.phrase.key == "employer" for h in by_kind["audience"])
    # (but a topic named in words of its own, apart from the business words, stays: "I want to start my own
    # business, can I get a start-up grant?")
    business_words = {p for s in signals for p in s.positions} | {
        p for h in by_kind["audience"] if h.phrase.key == "employer" for p in h.positions}
    named_apart = any(h.phrase.key == topic and not business_words & set(h.positions) for h in topic_hits)
    if role == "employer" and runs_business and topic and employer_route and employer_route.topics \
            and topic not in employer_route.topics and employer_route.default_topic and not named_apart:
        readings.append(Reading("topic", employer_route.default_topic, 0.0, True, f"an employer, not {topic}"))
        topic = employer_route.default_topic
    if topic and kb.routing.topics[topic].implies_audience == "foreign_language" and _native(by_kind["audience"]):
        # "International Info on kuulemma kaupungintalolla, mutta oon ihan suomalainen": a Finn asking whether the
        # foreign-language clients' service is theirs is a job seeker of their own municipality
        readings.append(Reading("topic", kb.routing.default_topic, 0.0, True, f"a Finn: {topic} is not theirs"))
        topic = kb.routing.default_topic
    about_other = residence.someone_else or bool(cues.get("asked_for_other"))
    age = age_in(message, about_other)
    if age is not None:
        evidence.append(Evidence(str(age), f"age: {age}" + (" (someone else)" if residence.someone_else else ""),
                                 1.0, "number"))
    audiences = _audiences(kb, by_kind["audience"], topic, role, age, evidence)
    youth_point = bool(point) and kb.service_points[point].audiences == ("youth",)
    youth_topic = bool(topic) and kb.routing.topics[topic].implies_audience == "youth"
    if youth_topic and municipality and home_kind in ("own", "someone_else") and not _youth_point(kb, municipality):
        # "asun Kuhmossa, pitääkö mennä Kajaaniin Ohjaamoon?": the young people's point serves its own municipality
        readings.append(Reading("topic", topic or "", 0.0, False, "no youth point of the home municipality's own"))
        topic = kb.routing.default_topic
        youth_topic = False
    if age is not None and age > kb.routing.youth_ages[1] and (youth_point or youth_topic):
        # "oon 30v, pääseekö vielä ohjaamoon": the young people's point asked for, but the person is past its ages
        readings.append(Reading("point", point or topic or "", 0.0, False, f"age {age}: past the young people's ages"))
        point = None if youth_point else point
        audiences = tuple(a for a in audiences if a != "youth")
        topic = kb.routing.default_topic if youth_topic else topic
    # a greeting or thanks around an off-topic question is politeness: the question is what is asked
    # "kuulin että", "naapuri sanoi": a rumour is told, not small talk to answer (used below, never a reply of its own)
    rumoured = any(h.phrase.key == "rumour" for h in by_kind["smalltalk"])
    # "hakenu kymmeniä paikkoja eikä mitään kuulu": a thing denied is not the small talk asked ("mitä kuuluu")
    by_kind["smalltalk"] = [h for h in by_kind["smalltalk"] if h.phrase.key != "rumour" and not (
        h.phrase.key == "offtopic" and negated(message, min(h.positions), reach=1, language=h.phrase.language))]
    smalltalk = _best(by_kind["smalltalk"], ["offtopic", "trivia", "request"])
    # (but not the way there, "kunnantalolle bussilla": the adessive is how one gets to the point)
    offtopic_hits = [h for h in by_kind["smalltalk"] if h.phrase.key == "offtopic"
                     and not message.folded[min(h.positions)].endswith("lla")]
    if point and smalltalk == "offtopic" and (
            point_as_landmark(by_kind["point"], point, cues.get("near", ()))
            or point_as_landmark(by_kind["point"], point, offtopic_hits, after_only=True)):
        # "hyvä lounaspaikka Sotkamon virastotalon lähellä", "pizza near the city hall": the point is a landmark;
        # "virastotalon kahvion päivän keitto": the thing right after the point's name is what is asked
        readings.append(Reading("point", point, 0.0, False, "a landmark: something near it is asked"))
        if home_kind == "point":
            municipality, home_kind = None, None
        point, former = None, None
    elif point and not topic_hits and role is None and thing_of_point(
            message, by_kind["point"], point, {p for h in phrase_hits if h.phrase.kind not in ("point", "smalltalk")
                                               for p in h.positions}
            | {h.position for h in place_hits}):
        # "Hyrynsalmen kunnantalon ruokalassa lounaaksi?", "Kuhmon kaupungintalon katto": a thing of the building
        # that nothing here reads is asked, not the service in it
        readings.append(Reading("point", point, 0.0, False, "a thing of the building is asked"))
        if home_kind == "point":
            municipality, home_kind = None, None
        point, former, smalltalk = None, None, "offtopic"
    nobodys = not by_kind["organisation"] and role != "employer" and not (point or weighed)
    offtopic_words = {p for h in offtopic_hits for p in h.positions}
    # a poem, trivia, homework: nobody's here whatever work words they hold ("tee mulle runo työttömyydestä");
    # an opinion, an essay or a translation asked of the bot, whatever topic of ours it is about ("mitä mieltä
    # oot työttömyysturvan leikkauksista")
    # (but "voiko tää botti kertoa mihin ilmoittaudun työttömäksi": where a job seeker goes or who helps them, asked
    # besides, is ours; "työttömien kesäleirirahasto" is a group, language.yaml status_words, not a job seeker)
    status_words = kb.language_cues.get("status_words", frozenset())
    asks_way = (any(h.phrase.key in ("where", "help") and not asked_of_bot.issuperset(h.positions)
                    for h in by_kind["asks"])
                or bool(asked_where_or_help - asked_of_bot)) and any(
        h.phrase.key == "jobseeker" and any(message.folded[p] not in status_words for p in h.positions)
        for h in by_kind["audience"])
    requested = any(h.phrase.key == "request" for h in by_kind["smalltalk"]) and not asks_way
    trivia = nobodys and (requested or arithmetic or (
        any(h.phrase.key == "trivia" for h in by_kind["smalltalk"])
        and all(h.phrase.key == kb.routing.default_topic for h in topic_hits)))
    if smalltalk == "trivia" or (smalltalk == "request" and requested) or trivia:
        smalltalk = "offtopic"
    elif smalltalk == "request":
        smalltalk = None
    # has_job and reform only mark the message; what it asks about is read from the other groups
    asked_where = {p for h in by_kind["asks"] if h.phrase.key not in MARKS for p in h.positions}
    # the only topic words ask where something is or who helps ("missä on", "vem kan hjälpa")
    only_where = all(asked_where.issuperset(h.positions) for h in topic_hits)
    work_positions = _work_positions(message, kb.language_cues.get("work_stems", frozenset()),
                                     tuple(kb.language_cues.get("not_work", ())))
    work_positions -= {p for h in no_search for p in h.positions}  # "en etsi töitä": no work asked about
    about_work = bool(work_positions)
    if smalltalk == "offtopic" and role is None and not (point or weighed) and only_where:
        topic, explicit = None, False  # "missä on lähin alko": where the shop is, not our service
    # "oma parturi-kampaamo loppui, haen palkkatöitä": work, whatever else it names; but only going to work or being
    # there ("bussi … ehtiä töihin", "boots for work", language.yaml `at_work`) asks no job seeker's question
    # (a job someone has or just got, "asking for a friend who just got a job there", is being at work too)
    at_work = _listed_positions(message, kb.language_cues.get("at_work", frozenset())) | set(job_words)
    commuting = role != "jobseeker" and bool(work_positions) and work_positions <= at_work
    # "nyt kun työttömänä on aikaa hiihtää", "onko kylpylässä työttömille alennusta": being unemployed, said beside
    # a thing nobody here serves and in nothing but status words (language.yaml status_words), asks no job seeker's
    # question either
    status = {i for i, w in enumerate(message.folded) if w in status_words}
    # (a reason clause is only a status where nothing asks where to go or who helps: "tarttisin apua kun työt loppu")
    asks_where_or_help = bool(asked_where_or_help)
    reasons = set() if asks_where_or_help else reasons_said
    status |= reasons
    seeker_words = {p for h in by_kind["audience"] if h.phrase.key == "jobseeker" for p in h.positions}
    if smalltalk == "offtopic":
        # "oon työtön niin aikaa riittää", "ku ei oo töitä niin ehtis kalaan": out of work as the reason for free time,
        # said beside a thing nobody here serves, is what the person is (language.yaml free_time_words)
        status |= _free_time_clause(message, seeker_words | work_positions,
                                    _listed_positions(message, kb.language_cues.get("free_time_words", frozenset())))
    # "työnhakijakortti", "kortti jolla työtön pääsee": a job seeker's word inside a thing's name or in a clause
    # about it names the group the thing is for, not the writer
    group = {p for h in by_kind["audience"] if h.phrase.key == "jobseeker" and (
        h.how == "compound" or in_relative_clause(message, min(h.positions), THING_RELATIVES)) for p in h.positions}
    status_only = role == "jobseeker" and nobodys and bool(status) and seeker_words <= status and not signals \
        and not asked_where and not any(h.phrase.key == "which" and message.folded[min(h.positions)] != "vai"
                                        for h in by_kind["asks"]) \
        and work_positions <= status | at_work and all((status | at_work).issuperset(h.positions) for h in topic_hits)
    # "miten teen karjalanpiirakoita, aikaa riittää nyt kun ei oo töitä": out of work only as the reason for
    # something nobody here serves (checked below, once the words nothing explains are known)
    reason_only = role == "jobseeker" and nobodys and smalltalk is None and bool(seeker_words) \
        and seeker_words <= reasons and not signals and not asked_where and not audiences \
        and not asks_where_or_help \
        and not any(h.phrase.key == "which" for h in by_kind["asks"]) and work_positions <= reasons | at_work \
        and all(reasons.issuperset(h.positions) for h in topic_hits)
    if smalltalk == "offtopic" and status_only and not trivia:
        readings.append(Reading("role", "jobseeker", 0.0, False, "only said what the person is, beside another thing"))
        role, commuting, at_work = None, True, at_work | status
    if smalltalk == "offtopic" and about_work and not trivia and not commuting:
        smalltalk = None
    if smalltalk == "offtopic" and commuting and role is None and not (point or weighed) \
            and all(at_work.issuperset(h.positions) for h in topic_hits):
        topic, explicit = None, False  # "a hotel in Kajaani for my job interview": the hotel is what is asked
    if trivia:
        topic, explicit = None, False
    # a point named ("pääseekö Puolangan kunnantalolle bussilla?") or an employer ("my restaurant needs a cook")
    # is on topic even with an off-topic word
    if topic is None and (smalltalk != "offtopic" or point or weighed or role == "employer"):
        follow_up = bool(by_kind["followup"]) or (len(message.tokens) <= FOLLOW_UP_MAX_TOKENS and not audiences)
        topic = _implied_topic(kb, audiences, context, bool(place_hits or point or weighed), follow_up,
                               role == "jobseeker")
    elif topic == kb.routing.default_topic:
        for audience in audiences:
            default = kb.routing.audiences.get(audience)
            if default and default.default_topic:
                topic = default.default_topic
                break
    details = {h.phrase.key for h in by_kind["asks"]} & DETAIL_ASKS
    if topic is None and details and municipality and smalltalk != "offtopic" and not no_search:
        # "milloin se on auki?", "onko huomenna auki": the point of the last answer, or the home point
        topic = context.last_topic if context.last_topic in kb.routing.topics else kb.routing.default_topic
        smalltalk = None
        readings.append(Reading("topic", topic, 0.0, True, "asks the hours or contacts of the point already named"))

    ask = role_ask
    if residence.ambiguous and not outside and municipality == residence.ambiguous.target.municipality \
            and municipality != context.municipality:
        target = residence.ambiguous.target
        ask = Ask("place", tuple(f"mun:{m}" for m in (target.municipality, *target.alternatives)) + ("mun:_else",),
                  target.village)
    if role_ask is not None:
        audiences = tuple(a for a in audiences if a != "employer")
    covered = {p for h in phrase_hits for p in h.positions} | {h.position for h in place_hits} | {
        p for hits in cues.values() for h in hits for p in h.positions} | {p for s in signals for p in s.positions}
    unexplained = _unexplained(message, covered, known_words)
    # what a question asks, read only where a sentence ends in a question mark (_asks_another_thing)
    needs_said: set[int] = set()
    things_said: set[int] = set()
    office_named: set[int] = set()
    if message.questions:
        # (a bare "where" or "missä on" asks where the other thing is: no need of ours)
        needs_said = {p for h in phrase_hits if h.phrase.kind != "smalltalk"
                      and not _bare_where_ask(message, h, where_words) for p in h.positions} | {
            p for s in signals for p in s.positions}
        things_said = {p for h in by_kind["smalltalk"] if h.phrase.key == "offtopic" for p in h.positions}
        if things_said & message.questions:
            # our office named beside a thing nobody here serves ("voiko Sotkamon työllisyyspalveluista vuokrata
            # mökin?") is where the other thing is asked ("mis se työkkäri täällä on?" asks where the office is)
            office_named = {p for h in phrase_hits if h.phrase.kind == "asks" and h.phrase.key == "reform"
                            for p in h.positions} | _listed_positions(
                message, kb.language_cues.get("office_words", frozenset()))
            if not any(same_clause(message, o, t) for o in office_named for t in things_said & message.questions):
                office_named = set()
        needs_said -= {p for h in by_kind["topic"] if h.phrase.key == kb.routing.default_topic
                       and office_named.issuperset(h.positions) for p in h.positions} | office_named
    strangeness = _Strangeness(unexplained, familiar)  # fuzzy look-ups: only when asked, once per message
    if unexplained:
        evidence.append(Evidence(" ".join(unexplained), "unexplained words", float(len(unexplained)), "unknown"))
    # a compound read only in part ("työkyvyttömyys|bonusta") still leaves its benefit unknown
    # (small talk's words are things, not needs: "free sauna voucher" is a benefit nobody knows)
    read_whole = {p for h in phrase_hits if (h.how == "exact" or _most_of(h, message)) and h.phrase.kind != "smalltalk"
                  for p in h.positions} | {h.position for h in place_hits}
    unknown_benefit = _unknown_benefit(message, read_whole, kb.language_cues.get("benefit_words", frozenset()),
                                       kb.language_cues.get("benefit_endings", frozenset()), known_words,
                                       kb.language_cues.get("free_words", frozenset()),
                                       {h.position for h in place_hits})
    if unknown_benefit and _free_theirs(message, unknown_benefit, kb.language_cues,
                                        {p for h in by_kind["organisation"] for p in h.positions}):
        unknown_benefit = ""  # "onko ilmaista talous- ja velkaneuvontaa": their own service, said to be free
    if unknown_benefit:
        evidence.append(Evidence(unknown_benefit, "a benefit nobody here knows", 1.0, "unknown"))
    unknown_service = "" if unknown_benefit or role == "employer" else _unknown_service(
        message, read_whole, kb.language_cues.get("service_endings", frozenset()), (phrases.needs, known_words))
    if unknown_service:
        evidence.append(Evidence(unknown_service, "an office or card nobody here knows", 1.0, "unknown"))
    # "onko kuhmossa hyvää pizzeriaa", "paltamossa missä vois uida": a place and words nothing explains, no
    # job seeker's or employer's word, nothing about work: not ours, said honestly
    # "missä on Ristijärven etuuskeskus": only a where-word, no need of ours, and a name nobody knows
    # (a home said with a cue, "muutin Ouluun", "asun Kuhmossa", is the person's own: never taken for trivia)
    # (work words only of going to work or being there, "onko Ukkohallassa lunta, mennään työporukalla", make no
    # job seeker's question of it, unless the person says who they are: "haluun takas töihin, asun kuhmossa")
    said_home = residence.role in ("current", "moved_to", "registered", "correction", "still")
    introduced = said_home or (residence.home is not None and _introduced(message, residence.home))
    # (a topic word only in the words of being at work, "työpaikan kahvihuoneessa", asks nothing of ours either)
    at_work_only = bool(topic_hits) and all(at_work.issuperset(h.positions) for h in topic_hits)
    if ask is None and (not explicit or only_where or at_work_only) and topic is not None and role is None \
            and not audiences \
            and not (point or weighed) and not (about_work and not (commuting and not introduced and age is None)) \
            and not ((said_home or introduced) and outside) \
            and not (said_home and not explicit and _bare_where(message, asked_where_or_help)) \
            and strangeness() >= (1 if explicit and not at_work_only else PLACE_ONLY_UNEXPLAINED):
        readings.append(Reading("topic", topic, 0.0, False, f"only a place, and {len(unexplained)} words unexplained"))
        topic, smalltalk = None, "offtopic"
    elif ask is None and reason_only and strangeness() >= REASON_ONLY_UNEXPLAINED:
        readings.append(Reading("role", "jobseeker", 0.0, False, "out of work only as the reason for another thing"))
        topic, smalltalk, role = None, "offtopic", None
    elif ask is None and topic == kb.routing.default_topic and municipality is None and not outside \
            and role is None and not audiences and not (point or weighed) and not asked_where \
            and not asked_where_or_help and not by_kind["organisation"] and not introduced and age is None \
            and not _benefit_said(message, kb.language_cues.get("benefit_endings", frozenset())) \
            and strangeness() >= OFFICE_ONLY_UNEXPLAINED:
        # "vitun hyödytön työkkäri ja sen hyödytön botti", "voiko työllisyyspalveluista lainata porakonetta": our
        # office or work named, nothing asked of it, no place, nothing of who the person is, and many words nothing
        # explains: another thing, said honestly instead of asking the municipality (a benefit spoken of, "ettei
        # päiväraha katkea", keeps it a job seeker's question)
        readings.append(Reading("topic", topic, 0.0, False, "only our office named, no need, no place"))
        topic, smalltalk = None, "offtopic"
    elif ask is None and (rumoured or (role == "jobseeker" and seeker_words <= status | group)) \
            and (_free(message, kb) or _group_thing(message, status, covered - offtopic_words, known_words,
                                                    phrases.needs)) \
            and topic in (None, kb.routing.default_topic) \
            and role != "employer" and not audiences and not (point or weighed) \
            and all(_shown(message, h) for h in by_kind["organisation"]):
        # "kuulin että työttömille jaetaan ilmaisia kalastuslupia", "naapuri sanoi että työttömät saa etukortin": a perk
        # heard of, for the unemployed, that no service of ours names, is nobody's we know of: said honestly
        readings.append(Reading("topic", topic or "", 0.0, False, "a perk for the unemployed heard of"))
        topic, smalltalk = None, "offtopic"
        by_kind["organisation"] = []
    elif ask is None and role != "employer" and not audiences and not (point or weighed or outside) \
            and needs_said - seeker_words <= status | at_work and not by_kind["organisation"] \
            and _asks_another_thing(message, needs_said, work_positions - at_work - office_named, things_said,
                                    covered, known_words, kb.language_cues.get("need_stems", frozenset()), familiar,
                                    office_named):
        # "Paljonko bensa maksaa Taivalkoskella tänään? Ajan päivittäin töihin": what is asked names nothing of ours,
        # only words nothing explains; what the person tells beside it (work, being out of work) asks nothing
        readings.append(Reading("topic", topic or "", 0.0, False, "the question asks another thing"))
        topic, smalltalk, role = None, "offtopic", None
    confidence = 1.0 - residence.penalty - topic_penalty
    if any(h.fuzzy for h in place_hits):
        confidence -= 0.2
    if any(h.how != "exact" for h in topic_hits):
        confidence -= 0.15
    if not explicit:
        confidence -= 0.3
        # "onko kuhmossa hyvää uimahallia": a place, and words nothing explains, is no job seeker's question
        confidence -= UNEXPLAINED_PENALTY * min(len(unexplained), 4)
    elif len(unexplained) > UNEXPLAINED_FREE:
        confidence -= UNEXPLAINED_PENALTY / 2 * min(len(unexplained) - UNEXPLAINED_FREE, 4)
    if explicit and topic == kb.routing.default_topic and not introduced and not (point or weighed or outside) \
            and not by_kind["organisation"] and all(h.phrase.key == topic for h in topic_hits) \
            and (role is None or (role == "jobseeker" and seeker_words <= status)) \
            and strangeness() >= GENERAL_ONLY_UNEXPLAINED:
        confidence = min(confidence, UNSURE_CONFIDENCE)
    if not explicit and role is None and not introduced and not about_work and not (point or weighed or outside) \
            and strangeness() >= 1:
        # "Onko Sotkamon keskustassa vielä R-kioskia?": a place named, no need, and a word nothing explains
        confidence = min(confidence, UNSURE_CONFIDENCE)
    if topic is None and ask is None:
        confidence = 0.0
    if ask is not None:  # two readings were close: whatever the answer to the question, this was not sure
        confidence = min(confidence, 0.5)
    decision = _decision(ask, topic, municipality, outside, confidence)
    asks = tuple(sorted({h.phrase.key for h in by_kind["asks"]}))
    # an emergency leads whatever else is named ("oon työtön ja aion tappaa itteni"): 112 first
    organisations = tuple(sorted(_organisations(by_kind["organisation"], evidence),
                                 key=lambda o: not _urgent(kb, o)))
    if SCHOOL_APPLICATIONS in organisations and _school_application_unasked(
            message, kb, by_kind["organisation"], topic, topic_hits, role):
        organisations = tuple(o for o in organisations if o != SCHOOL_APPLICATIONS)
    elif topic in STUDY_TOPICS and SCHOOL_APPLICATIONS in kb.organisations and role != "employer" \
            and _applies_to_school(message, kb.language_cues):
        # "haluan opiskella lähihoitajaksi, miten koulutukseen haetaan?": applying to a school beside studies agreed
        # with us is done in the school application service, named with them
        organisations = (*organisations, SCHOOL_APPLICATIONS)
    organisation_confidence = 0.0
    if organisations:
        exact = any(h.how == "exact" and h.phrase.key == organisations[0] for h in by_kind["organisation"])
        organisation_confidence = round(max(0.0, 1.0 - (0.0 if exact else 0.2) - UNEXPLAINED_PENALTY / 2 * max(
            0, len(unexplained) - UNEXPLAINED_FREE)), 2)
    # the word right after an organisation's name is theirs: "Kelan palvelupiste", "Migrin toimisto"
    theirs = {p + step for h in by_kind["organisation"] for p in h.positions for step in (0, 1)}
    # "voiko passin hoitaa netissä vai pitääkö käydä poliisilla paikan päällä": the way of doing their matter
    theirs |= {p for h in by_kind["asks"] if h.phrase.key == "channel" for p in h.positions}
    employed = any(h.phrase.key in ("has_job", "got_job") for h in by_kind["asks"])
    got_job = any(h.phrase.key == "got_job" for h in by_kind["asks"])
    # "Miten hän saa oleskeluluvan ja voiko hän tulla töihin?": a work word beside the permit, not in its name
    org_positions = {p for h in by_kind["organisation"] for p in h.positions}
    asks_work = bool(work_positions - org_positions)
    ends_search = any(h.phrase.key == "end_search" for h in by_kind["asks"])
    # being at work ("työpaikallani esimies huutaa") is no need of ours beside their matter
    employment_part = _employment_part(kb, role, audiences, organisations, topic_hits, asked_where, theirs | at_work,
                                       municipality, employed, asks_work, age is not None, got_job, ends_search,
                                       hires=any(s.what == "hiring" for s in signals),
                                       # (asked for help matters only beside another organisation's matter)
                                       asks_help=bool(organisations) and _asks_help(message, by_kind["asks"]))
    return Understanding(language, municipality, outside, audiences, topic, explicit, point, former,
                         smalltalk, round(max(confidence, 0.0), 2), ask,
                         Trace(tuple(evidence), tuple(readings), decision), home_kind,
                         home.target if outside and home else None, asks, organisations, employment_part,
                         unexplained, organisation_confidence, unknown_benefit, unknown_service)


def _school_application_unasked(message: Message, kb: KnowledgeBase, organisation_hits: list[PhraseHit],
                                topic: str | None, topic_hits: list[PhraseHit], role: str | None) -> bool:
    """Whether the school application service was only named, nothing asked of it. Beside studies agreed with us
    ("haluaisin opiskella omaehtoisesti merkonomiksi") it is asked for only when applying is ("mistä yhteishaku
    tehdään", language.yaml applying_words) or when our topic's words are its own ("vocational training in English").
    Beside another topic of ours, studies said of a job seeker's past or plans ("mulla on amk-tutkinto mut ei töitä",
    "muutan syksyllä opiskelemaan, kesän oon työtön") ask nothing of it, unless applying or study places are asked
    about (study_asking_words: "mistä näkee lisähaun paikat") or the studies are wished for ("haluaisin
    aikuiskoulutukseen")."""
    cues = kb.language_cues
    applying = _listed_positions(message, cues.get("applying_words", frozenset()))
    if topic in STUDY_TOPICS:
        return not applying and not _words_shared(organisation_hits, SCHOOL_APPLICATIONS, topic_hits, topic)
    if role == "employer" or topic is None or applying \
            or _listed_positions(message, cues.get("study_asking_words", frozenset())):
        return False
    return not any(p > 0 and message.folded[p - 1] in _WISHES for h in organisation_hits
                   if h.phrase.key == SCHOOL_APPLICATIONS for p in h.positions)


def _applies_to_school(message: Message, cues: dict[str, frozenset[str]]) -> bool:
    """Applying said of a school in one clause ("mistä kouluun haetaan", "haluaisin hakea sähköasentajakoulutukseen"),
    not of studying with the benefit ("omaehtoinen opiskelu, miten sitä haetaan") and not beside our own training
    ("miten haetaan työvoimakoulutukseen"): language.yaml school_words, not_school_words and applying_words."""
    # (our training named anywhere, "hakea koulutukseen, onko tarjolla työvoimakoulutusta", may be what is applied to)
    schools = _listed_positions(message, cues.get("school_words", frozenset()))
    if not schools or _listed_positions(message, cues.get("not_school_words", frozenset())):
        return False
    applying = _listed_positions(message, cues.get("applying_words", frozenset()))
    return any(same_clause(message, a, s) for a in applying for s in schools if a != s)


def _free_time_clause(message: Message, words: set[int], free_time: set[int]) -> set[int]:
    """The job seeker's and work words in a clause that also says the person has time."""
    return {p for p in words for t in free_time if same_clause(message, p, t)}


def _asks_help(message: Message, asks: list[PhraseHit]) -> bool:
    """Someone is asked to help or guide ("kuka auttaa", "voisko joku auttaa", "en tiiä mille alalle")."""
    return any(h.phrase.key == "help" for h in asks) or any(
        w.startswith(_HELP_WORDS) or (i > 0 and w in _NOT_KNOWING and message.folded[i - 1] in ("en", "enka"))
        for i, w in enumerate(message.folded))


def _employment_part(kb: KnowledgeBase, role: str | None, audiences: tuple[str, ...], organisations: tuple[str, ...],
                     topic_hits: list[PhraseHit], asked_where: set[int], theirs: set[int],
                     municipality: str | None = None, has_job: bool = False, asks_work: bool = False,
                     age_stated: bool = True, got_job: bool = False, ends_search: bool = False,
                     hires: bool = True, asks_help: bool = True) -> bool:
    """Whether the message asks employment services something too, beside another organisation's matter: a job
    seeker's or employer's own words; a young person (Ohjaamo advises them on whatever they ask); a topic word
    of ours that is more than "where is it" or "who helps" ("missä on Kelan toimisto" asks where Kela is) and
    more than the organisation's own word ("asumistuki") - unless it is one of our specific topics that shares
    it ("työmarkkinatuki": unemployment_benefit says who pays and that the payer needs the job seeker's
    registration). Youth counts only where a youth point of its own serves the municipality (Ohjaamo in
    Kajaani): elsewhere the home point does not advise a 16-year-old on upper secondary school; not for a
    young person with a job asking about its tax card; and beside another organisation's matter only when the age
    is said (a "student" asking Kela's housing allowance is no young job seeker) and work or help is asked ("oon 17,
    mistä haetaan opintotuki" is Kela's alone; "oon 17, kuka auttais miettimään mitä tekis" is Ohjaamo's too). A
    foreign-language client
    asking only a permit or a benefit gets its organisation: being a newcomer ("olen Filippiineiltä", "my wife is
    Thai") asks employment services nothing by itself; a word about work beside it does, unless the person has a
    job."""
    if any(_urgent(kb, o) for o in organisations):
        # "oon työtön ja naapurin talosta tulee savua": 112 now; the job search can wait for another message
        return False
    if ends_search:  # "löysin töitä, pitääkö ilmoittaa että lopetan työnhaun?": ending the search is done with us
        return True
    not_ours = asked_where | theirs
    # "which website is KAO's", "my tax return online": a way of doing their matter, no need of ours
    topic_hits = [h for h in topic_hits if not kb.routing.topics[h.phrase.key].channel] if organisations \
        else topic_hits
    if got_job and organisations and role != "employer":
        # "sain töitä, saako Kelasta liikkuvuusavustusta kun oon ollu pitkään työttömänä": the search is over
        return any(h.phrase.key != kb.routing.default_topic and not not_ours.issuperset(h.positions)
                   for h in topic_hits)
    # an employer who hires nobody ("mulla on työpaikka pienessä firmassa", "toiminimellä teen remppahommia") asks
    # the employer services nothing beside another organisation's matter
    if role == "jobseeker" or (role == "employer" and (hires or not organisations)):
        return True
    ours_asked = {h.phrase.key for h in topic_hits if not theirs.issuperset(h.positions)}
    if has_job and organisations and not audiences and (
            all(h.phrase.key == kb.routing.default_topic or theirs.issuperset(h.positions) for h in topic_hits)
            or (not asks_help and not ours_asked & {kb.routing.default_topic, *_ASKED_BY_THE_EMPLOYED})):
        # "mulla on kaksi osa-aikatyötä, kumpaan työpaikkaan verokortti?": work words of a job the person has;
        # "kannattaako kassaan liittyä ku on vakituinen duuni": the fund's own word is the fund's matter then;
        # "olen vielä töissä, pitäisi hakea ammatillista kuntoutusta eläkeyhtiöltä", "oon töissä mut haluun vaihtaa
        # alaa, milloin on yhteishaku": a topic of ours beside their matter, said by someone working who asks no
        # help, is their matter too (unless it is a business of their own or training for a new trade)
        return False
    if "foreign_language" in audiences and asks_work and not has_job:
        return True
    if "youth" in audiences and _youth_point(kb, municipality) and not has_job and (
            not organisations or (age_stated and (asks_work or asks_help))):
        return True
    if audiences and not organisations:
        return True
    return any(not not_ours.issuperset(h.positions) or (h.phrase.key != kb.routing.default_topic
                                                        and not asked_where.issuperset(h.positions))
               for h in topic_hits)


#: organisations whose matter said in a relative clause tells of someone just named, not what is asked: "lahja
#: työkaverille joka jää eläkkeelle", "runo pomolle joka jää eläkkeelle"
_TOLD_OF_OTHERS = frozenset({"pensions"})
#: ... the Finnish relative pronouns that start such a clause ("who" also asks: "who pays disability pension?")
_WHO_OF_OTHERS = frozenset({"joka", "jotka", "jonka", "jolle"})
#: right before studies, a wish for them: "haluaisin aikuiskoulutukseen" (folded)
_WISHES = frozenset({"haluaisin", "haluisin", "haluan", "haluun", "kiinnostaisi", "kiinnostais",
                     "kiinnostaa"})
#: our services a person with a job asks for themselves (a business of their own, training for a new trade)
_ASKED_BY_THE_EMPLOYED = frozenset({"startup_grant", "training"})
#: "en tiiä mille alalle": not knowing what to do asks for guidance too (after "en" or "enkä", folded)
_NOT_KNOWING = frozenset({"tieda", "tiia", "tia", "tii"})
#: someone asked to help: "voisko joku auttaa", "apua", "help me" (folded starts)
_HELP_WORDS = ("autta", "autais", "apua", "help", "hjalp", "neuvo", "ohjaus", "ohjaa")
#: the words before a home the writer introduces themselves with: "oon Hyrynsalmelta", "I'm from" (folded)
_I_AM = frozenset({"oon", "olen", "ole", "mie", "ma", "mina", "am", "im"})
#: an age as one word: "19v", "19", "19-vuotias"
_AGE_WORD = re.compile(r"\d{1,2}(?:v|-?vuotias|vee)?")


def _introduced(message: Message, home: PlaceHit) -> bool:
    """The writer says where they are from: a demonym ("kuusamolainen tässä") or the place they write from at the
    start of a clause ("Jurmusta kirjoitan", "paltamosta terve", "oon Hyrynsalmelta"); not "mistä Kajaanista saa"."""
    p = home.position
    previous = message.folded[p - 1] if p else ""
    # (an age may stand between: "oon 19v sotkamosta")
    before_age = message.folded[p - 2] if p > 1 and _AGE_WORD.fullmatch(previous) else ""
    return home.how == "demonym" or (case_of(message.folded[p], previous) == "from" and (
        p == 0 or p in message.breaks or previous in _I_AM or before_age in _I_AM))


#: verbs of saying right after a third person: what they said is told, nothing is asked for them (folded)
_SAYING = frozenset({"sanoi", "sano", "sanoo", "kertoi", "kerto", "vaitti", "vaittaa", "ehdotti", "kaski", "neuvoi",
                     "suositteli", "said", "says", "told", "sa", "sade", "sager"})


def _saying(message: Message, position: int) -> bool:
    """A verb of saying right after the word at `position`: "hän sanoi", "she said"."""
    return position + 1 < len(message.folded) and message.folded[position + 1] in _SAYING


def _bare_where(message: Message, where_positions: set[int]) -> bool:
    """A where-word (at `where_positions`) asked on its own after a home is said: "kajaanissa asun. minne?" (not
    "kuka sen korjaa")."""
    last = len(message.folded) - 1
    return any(i == last or i + 1 in message.breaks for i in where_positions)


def _youth_point(kb: KnowledgeBase, municipality: str | None) -> bool:
    """True when routing.yaml gives the municipality's young people a point of their own (not just `own`)."""
    route = kb.routing.audiences.get("youth")
    points = route.points.get(municipality or "", ()) if route else ()
    return bool(points) and points[0] != "own"


def _organisations(hits: list[PhraseHit], evidence: list[Evidence]) -> tuple[str, ...]:
    """Organisations named, strongest first (a tie goes to the one named first)."""
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for hit in _claimed(hits):
        scores[hit.phrase.key] += hit.weight
        first.setdefault(hit.phrase.key, min(hit.positions))
        evidence.append(Evidence(" ".join(hit.phrase.stems), f"organisation: {hit.phrase.key}", hit.weight, hit.how))
    return tuple(sorted(scores, key=lambda k: (-scores[k], first[k])))


def _most_of(hit: PhraseHit, message: Message) -> bool:
    """A one-word phrase found inside a longer word covers most of it ("starttiraha|n"), not just a part
    ("työkyvyttömyys|bonusta")."""
    if len(hit.positions) != 1:
        return True
    return len(hit.phrase.stems[0]) >= WHOLE_WORD_SHARE * len(message.folded[hit.positions[0]])


def _unknown_service(message: Message, read_whole: set[int], endings: frozenset[str],
                     known: tuple[frozenset[str], ...]) -> str:
    """The first compound that names an office, card or ticket ("lahjakortti|toimisto", "polttoaine|kortin") whose
    first part is nothing we know: "kelan|toimisto" and "työnhakija|kortti" are known things' offices and cards.
    `known`: sets of known words, looked up one by one (their union would be built on every message)."""
    shapes = _as_tuple(endings)
    for i, (token, folded) in enumerate(zip(message.tokens, message.folded, strict=True)):
        if not folded.endswith(shapes) or i in read_whole or any(folded in words for words in known):
            continue
        for ending in endings:
            head = folded[:-len(ending)].rstrip("-")
            if folded.endswith(ending) and len(head) > 3:
                forms = (head, head[:-1] if head.endswith("n") else head, stem_fi(head))
                if not any(form in words for form in forms for words in known):
                    return token
                break
    return ""


#: showing a document as proof ("näyttää henkkarit", "show your ID", Swedish "visa legitimation"): the document's
#: issuer is asked nothing (folded)
_SHOW_WORDS = frozenset({"nayttaa", "nayttamassa", "nayttamalla", "naytat", "nayttaen", "show", "showing", "visa"})


def _shown(message: Message, hit: PhraseHit) -> bool:
    """A showing word just before the organisation's word ("näyttää henkkarit")."""
    return any(w in _SHOW_WORDS for w in message.folded[max(0, min(hit.positions) - 2):min(hit.positions)])


def _free(message: Message, kb: KnowledgeBase) -> bool:
    """A word of something free or cheaper (language.yaml free_words: "ilmaseks", "alennusta")."""
    free = kb.language_cues.get("free_words", frozenset())
    return any(w in free for w in message.folded)


def _unknown_benefit(message: Message, covered: set[int], words: frozenset[str], endings: frozenset[str],
                     known: frozenset[str], free: frozenset[str] = frozenset(), places: set[int] = frozenset()) -> str:
    """The first word shaped like a benefit that no phrase read: a longer word with a Finnish benefit ending
    ("kuukausilisää"), a Swedish or English benefit word after a word nothing explains ("flimflam subsidy"), or a
    thing nothing explains said to be free ("ilmaisen sähköpyörän", past the places that say where: "alennusta
    Hyrynsalmen Ukkohallan hissilipuista")."""
    for i, (token, folded) in enumerate(zip(message.tokens, message.folded, strict=True)):
        at = i + 1
        while at in places:
            at += 1
        if folded in free and at < len(message.tokens) and at not in covered:
            thing = message.folded[at]
            if thing not in known and stem_fi(thing) not in known and thing.replace("-", "").isalpha():
                return f"{token} {message.tokens[at]}"
        if i in covered or folded in known:
            continue
        if folded in words:
            before = message.folded[i - 1] if i else ""
            if before and (i - 1) not in covered and before not in known and before.isalpha():
                return f"{message.tokens[i - 1]} {token}"
        elif _benefit_shaped(folded, endings):
            return token
    return ""


#: An organisation's words this near a free word make the free thing theirs ("ilmaista velkaneuvontaa",
#: "hammaslääkärille halvemmalla"); farther off, a free thing is a perk nobody here knows of.
FREE_NEAR = 2


def said_free(unknown: str, free_words: frozenset[str]) -> bool:
    """Whether an unknown benefit is a thing said to be free ("ilmaiseksi uimahalliin"), not a benefit's name."""
    words = unknown.split()
    return len(words) >= 2 and fold(words[0]) in free_words


def _free_theirs(message: Message, unknown: str, cues: dict[str, frozenset[str]], theirs: set[int]) -> bool:
    """Whether the unknown benefit is a thing said to be free that belongs to the organisation named: said right
    beside its words, or help ("ilmaista neuvontaa") anywhere beside them."""
    if not theirs or not said_free(unknown, cues.get("free_words", frozenset())):
        return False
    words = unknown.split()
    first = fold(words[0])
    at = message.folded.index(first) if first in message.folded else -1
    return (at >= 0 and any(abs(p - at) <= FREE_NEAR for p in theirs)) \
        or fold(words[1]).startswith(_as_tuple(cues.get("free_theirs", frozenset())) or ("\0",))


def _benefit_shaped(folded: str, endings: frozenset[str]) -> bool:
    """A longer word with a benefit's ending ("kuukausi|lisää", "päivä|raha"; not "lisää" alone)."""
    # (one endswith over all endings first: most words have none, and this runs for every word of every message)
    return folded.endswith(_as_tuple(endings)) and any(
        len(folded) >= len(ending) + BENEFIT_HEAD_MIN and folded.endswith(ending) for ending in endings)


def _benefit_said(message: Message, endings: frozenset[str]) -> bool:
    """Whether a word is shaped like a benefit's name ("päiväraha", "työmarkkinatukea"), known or not."""
    return any(_benefit_shaped(folded, endings) for folded in message.folded)


def _words_shared(hits: list[PhraseHit], key: str, other_hits: list[PhraseHit], other_key: str) -> bool:
    """Whether a word read for `key` is read for `other_key` too ("vocational training": Opintopolku's and ours)."""
    mine = {p for h in hits if h.phrase.key == key for p in h.positions}
    return any(mine & set(h.positions) for h in other_hits if h.phrase.key == other_key)


def _listed_positions(message: Message, words: frozenset[str]) -> set[int]:
    """Where a language.yaml word list's words stand (being at work: "töihin", "työvuoro", "for work"; applying):
    a word listed or a compound ending in one ("metsätöihin"), a word starting like a listed start ("työmatk-"), or
    two listed words written together ("for work")."""
    out = set()
    starts = _starts(words)
    ends = _ends(words)
    for i, token in enumerate(message.folded):
        if token in words or (starts and token.startswith(starts)) or (ends and token.endswith(ends)):
            out.add(i)
        elif i and f"{message.folded[i - 1]} {token}" in words:
            out.update((i - 1, i))
    return out


@lru_cache(maxsize=8)
def _as_tuple(words: frozenset[str]) -> tuple[str, ...]:
    """A knowledge-base word list as the tuple str.endswith takes (made once per list, not per message)."""
    return tuple(words)


@lru_cache(maxsize=8)
def _starts(words: frozenset[str]) -> tuple[str, ...]:
    """The word starts of a list ("työmatk-" covers every word starting "työmatk")."""
    return tuple(w[:-1] for w in words if w.endswith("-") and len(w) > 1)


#: A listed word this long may end a compound ("metsä|töihin"); shorter ones ("shift") only stand alone.
COMPOUND_END_MIN = 6


@lru_cache(maxsize=8)
def _ends(words: frozenset[str]) -> tuple[str, ...]:
    """The one-word entries of a list that may end a compound: "töihin" in "metsätöihin"."""
    return tuple(w for w in words if not w.endswith("-") and " " not in w and len(w) >= COMPOUND_END_MIN)


def _work_positions(message: Message, stems: frozenset[str], things: tuple[str, ...] = ()) -> set[int]:
    """The words about work, also inside a compound ("osa-aikatyötä", "kesätyöpaikka"); not a thing that only has a
    work word in it ("työmatkapyörä", "talvityöhanskat": language.yaml `not_work`)."""
    work, thing = _any_of(stems), _any_of(things)
    return {i for i, token in enumerate(message.folded) if work.search(token)
            and not (things and thing.search(token))}


@lru_cache(maxsize=8)
def _any_of(words: frozenset[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a word list of the knowledge base (built once per list, not per message); an entry
    starting with "^" matches only at a word's start or after a hyphen ("^tya": "tyätön", not "käynnistyä")."""
    return re.compile("|".join(r"(?:^|(?<=-))" + re.escape(w[1:]) if w.startswith("^") else re.escape(w)
                               for w in sorted(words, key=len, reverse=True)) or "(?!)")


class _Strangeness:
    """_strangeness of a message's unexplained words, worked out on the first call only."""

    def __init__(self, words: tuple[str, ...], familiar: FuzzyVocabulary | None):
        self.words, self.familiar, self.value = words, familiar, -1

    def __call__(self) -> int:
        if self.value < 0:
            self.value = _strangeness(self.words, self.familiar) if self.words else 0
        return self.value


def _strangeness(words: tuple[str, ...], familiar: FuzzyVocabulary | None) -> int:
    """How many unexplained words are not a typo or dialect form of a word we know ("tyättömänä", "wrok");
    keyboard mash ("qwertyuiop") counts twice."""
    strange = [w for w in words if not _familiar(w, familiar)]
    return sum(1 if looks_like_words(w) else 2 for w in strange)


#: Short words are close to many ("paras" and "pääs" are 89 % alike): a word this short or shorter must be closer
#: to count as a typo of a word we know.
SHORT_WORD = 5
SHORT_WORD_CUTOFF = 90.0


def _familiar(word: str, familiar: FuzzyVocabulary | None) -> bool:
    if familiar is None:
        return False
    found = familiar.find(fold(word))
    return found is not None and (len(word) > SHORT_WORD or found[1] >= SHORT_WORD_CUTOFF)


#: the fewest letters of a need's word at a compound's end ("koulutus" in "rekkakorttikoulutusta"; not "vuoro")
NEED_TAIL = 6
#: plural genitive and allative endings of a group said ("työttömien", "työnhakijoille") (folded)
_GROUP_ENDINGS = ("ien", "iden", "tten", "ille", "oille")


def _group_thing(message: Message, status: set[int], covered: set[int], known: frozenset[str],
                 needs: frozenset[str]) -> bool:
    """A thing for a group that nothing explains, or that nobody here serves: "työttömien kaljakerho", "työttömien
    sählyvuoro" (`covered` leaves out the words of such things); not a need of ours inside a longer word
    ("työttömille rekkakorttikoulutusta")."""
    return any(message.folded[i].endswith(_GROUP_ENDINGS) and i + 1 < len(message.folded)
               and _unexplained_at(message, i + 1, covered, known) and not _ends_in(message.folded[i + 1], needs)
               for i in status)


def _ends_in(word: str, needs: frozenset[str]) -> bool:
    """A compound whose last part is a need's word ("rekkakortti|koulutusta")."""
    return any(word[k:] in needs or stem_fi(word[k:]) in needs for k in range(3, len(word) - NEED_TAIL + 1))


def _of_other(message: Message, hit: PhraseHit, others_said: list[int]) -> bool:
    """Said after another person is named (`others_said`: where), in their sentence, before any "but" ("mun mies on
    kenialainen ja puhuu vain englantia" is his; "mutta minä olen suomalainen" is the writer's)."""
    first = min(hit.positions)
    return any(o < first and sentence_of(message, o) == sentence_of(message, first)
               and not any(message.folded[k] in BUT for k in range(o, first)) for o in others_said)


#: forms of being between a negation and a job: "en oo ollu töissä", "en ole ollut töissä" (folded)
_BEEN = frozenset({"ollu", "ollut", "olleet"})


def _negation_reach(message: Message, hit: PhraseHit) -> int:
    """How far back a negation of a job had reaches: past "ollu" ("en oo ollu töissä") one word more."""
    first = min(hit.positions)
    return 3 if first and message.folded[first - 1] in _BEEN else 2


def _bare_where_ask(message: Message, hit: PhraseHit, where_words: frozenset[str]) -> bool:
    """An asks-where phrase of only a where-word and short words ("where", "missä on", "where can I")."""
    return hit.phrase.kind == "asks" and hit.phrase.key == "where" and all(
        message.folded[p] in where_words or len(message.folded[p]) <= 3 for p in hit.positions)


#: Words nothing explains in what is asked, with no need of ours in it, for the question to be another thing's.
QUESTION_UNEXPLAINED = 2


def _asks_another_thing(message: Message, needs: set[int], work: set[int], things: set[int], covered: set[int],
                        known: frozenset[str], need_stems: frozenset[str], familiar: FuzzyVocabulary | None,
                        office: set[int] | frozenset[int] = frozenset()) -> bool:
    """Every sentence that ends in a question mark names no need of ours (a place may be in it), and things nobody
    here serves or words nothing explains are in it: "Missä vois pelata sählyä Puolangalla? Työtön arki on tylsää"
    asks about floorball."""
    if not message.questions or message.questions & needs:
        return False
    # a word of our needs that no phrase read ("jollekin kurssille", "työllisyyskursseja", "johonki hommiin") is
    # still ours
    needs_pattern = _any_of(need_stems)
    if any(needs_pattern.search(message.folded[i]) for i in message.questions - office) or message.questions & work:
        return False
    words = tuple(message.tokens[i] for i in sorted(message.questions) if _unexplained_at(message, i, covered, known))
    # (a thing asked of our office, "voiko työkkäristä vuokrata saunan?", is enough)
    return _strangeness(words, familiar) + len(things & message.questions) >= (1 if office else QUESTION_UNEXPLAINED)


def _unexplained_at(message: Message, i: int, covered: set[int], known: frozenset[str]) -> bool:
    folded = message.folded[i]
    return i not in covered and len(folded) >= 3 and folded.isalpha() and folded not in known \
        and message.stems_fi[i] not in known


def _unexplained(message: Message, covered: set[int], known: frozenset[str]) -> tuple[str, ...]:
    """Words of three letters or more that nothing read: not a phrase, place, cue, number or known word."""
    return tuple(token for i, token in enumerate(message.tokens) if _unexplained_at(message, i, covered, known))


def _language(cue_scores: dict[str, float], context: Context, hits: list[PhraseHit]) -> str:
    spots: dict[str, set[int]] = defaultdict(set)
    for hit in hits:
        if hit.phrase.kind not in ("point", "former") and hit.how == "exact":
            spots[hit.phrase.language].update(hit.positions)
    # a word that is a phrase in both languages ("starttiraha", "eures") says nothing about the language
    evidence = {lang: float(len(spots[lang] - set().union(*(spots[o] for o in LANGUAGES if o != lang))))
                for lang in LANGUAGES}
    return detect_language(cue_scores, evidence, default=context.language or context.last_language or "fi")


def _role(message: Message, by_kind: dict[str, list[PhraseHit]], signals: list[Signal], context: Context,
          evidence: list[Evidence], readings: list[Reading]) -> tuple[str | None, Ask | None]:
    """Job seeker or employer, from all the evidence of each; close calls are asked about."""
    # "en arbetsgivare som vill anställa mig": the writer is the one hired; "en oo työnantaja": no employer
    employer_hits = [h if h.how == "exact" else _scaled(h, INEXACT_ROLE_WEIGHT)
                     for h in by_kind["audience"] if h.phrase.key == "employer" and not hires_me(message, h)
                     and not negated(message, min(h.positions), language=h.phrase.language)] + [
        _scaled(h, 0.5) for h in by_kind["topic"] if h.phrase.key in EMPLOYER_ONLY_TOPICS]
    # "en oo työnhakija vaan pyöritän kahvilaa": a job seeker's word denied is none
    seeker_hits = [h if h.how == "exact" else _scaled(h, INEXACT_ROLE_WEIGHT) for h in by_kind["audience"]
                   if h.phrase.key == "jobseeker"
                   and not negated(message, min(h.positions), language=h.phrase.language)]
    hired = [s for s in signals if s.what == "hiring"]
    if hired:
        # "voisimmeko palkata työttömän hitsaajan, joka on ollut pitkään ilman töitä": the one hired is unemployed
        hired_words = {p for s in hired for p in s.positions}
        seeker_hits = [h for h in seeker_hits if not hired_words & set(h.positions)
                       and not in_relative_clause(message, min(h.positions))]
    employer, seeker = _weight(employer_hits), _weight(seeker_hits)
    covered = {p for h in employer_hits for p in h.positions}
    for signal in signals:
        if not covered.issuperset(signal.positions):
            employer += signal.weight
            covered.update(signal.positions)
        evidence.append(Evidence(" ".join(message.tokens[i] for i in signal.positions),
                                 f"role: employer ({signal.what})", signal.weight, "signal"))
    for name, hits in (("employer", employer_hits), ("jobseeker", seeker_hits)):
        for hit in _claimed(hits):
            evidence.append(Evidence(" ".join(hit.phrase.stems), f"role: {name}", hit.weight, hit.how))
    if context.role in ("employer", "jobseeker"):
        readings.append(Reading("role", context.role, 0.0, True, "answered the bot's question"))
        return context.role, None
    if not employer and not seeker:
        return None, None
    if employer and not hired and any(_becoming(message, p) for h in seeker_hits for p in h.positions):
        # "mulla on toiminimi mutta tilauksia ei tule, voinko ilmoittautua työnhakijaksi?": a business owner who hires
        # nobody and asks to be a job seeker asks as one
        readings.append(Reading("role", "jobseeker", seeker, True, "an owner asking to be a job seeker"))
        return "jobseeker", None
    close = abs(employer - seeker) < ROLE_MARGIN and max(employer, seeker) < 2 * min(employer, seeker)
    if employer and seeker and close:
        readings += [Reading("role", "employer", employer, False, "too close to call"),
                     Reading("role", "jobseeker", seeker, False, "too close to call")]
        return None, Ask("role", ("role:jobseeker", "role:employer"))
    winner = "employer" if employer > seeker else "jobseeker"
    readings += [Reading("role", "employer", employer, winner == "employer"),
                 Reading("role", "jobseeker", seeker, winner == "jobseeker")]
    return winner, None


def _becoming(message: Message, position: int) -> bool:
    """A job seeker's word as what the writer becomes or is: the translative ("työnhakijaksi") or the essive
    ("olla työnhakijana"), not the essive of someone described ("pitkään työttömänä ollut hakija")."""
    word = message.folded[position]
    following = message.folded[position + 1] if position + 1 < len(message.folded) else ""
    return word.endswith("ksi") or (word.endswith("na") and not following.startswith("oll") and any(
        w in _I_BE for w in message.folded[max(0, position - ESSIVE_REACH):position]))


#: the writer's own "to be" before an essive: "voinko olla työnhakijana", "oon nyt työttömänä" (folded)
_I_BE = frozenset({"olla", "oon", "olen", "oo", "olisin", "olis", "olisi", "ole"})
ESSIVE_REACH = 3


def _urgent(kb: KnowledgeBase, organisation_id: str) -> bool:
    """An emergency's organisation (`urgent: true`: 112): answered first and alone."""
    organisation = kb.organisations.get(organisation_id)
    return organisation is not None and organisation.urgent


def _scaled(hit: PhraseHit, factor: float) -> PhraseHit:
    return PhraseHit(hit.phrase, hit.weight * factor, hit.positions, hit.how)


def _weight(hits: list[PhraseHit]) -> float:
    """Summed weight, each word counted once (a word in two phrases is one piece of evidence)."""
    seen: set[int] = set()
    total = 0.0
    for hit in _claimed(hits):
        fresh = [p for p in hit.positions if p not in seen]
        if fresh:
            total += hit.weight * len(fresh) / len(hit.positions)
            seen.update(fresh)
    return total


def _claimed(hits: list[PhraseHit]) -> list[PhraseHit]:
    """A phrase whose words all lie inside a longer phrase of another key is not evidence of its own
    ("wife got a job" is not the job-seeker word "job"); phrases that only overlap both count."""
    kept = [h for h in hits
            if not any(len(o.positions) > len(h.positions) and o.phrase.key != h.phrase.key
                       and set(h.positions) <= set(o.positions) for o in hits)]
    return sorted(kept, key=lambda h: min(h.positions))


def _studied_near(message: Message, hit: PhraseHit, studied: list[int]) -> bool:
    """A word of studies done within STUDIED_REACH words of the hit, in its clause."""
    return any(abs(p - q) <= STUDIED_REACH and same_clause(message, p, q)
               for p in studied for q in hit.positions)


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


def _topic(kb: KnowledgeBase, hits: list[PhraseHit], evidence: list[Evidence],
           readings: list[Reading]) -> tuple[str | None, bool, float]:
    """The topic with the most phrase weight. The default topic only wins when nothing more specific was
    asked; a tie between specific topics goes to the one named last, with lower confidence."""
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.phrase.key] += hit.weight
        evidence.append(Evidence(" ".join(hit.phrase.stems), f"topic: {hit.phrase.key}", hit.weight, hit.how))
    if not scores:
        return None, False, 0.0
    # an audience's general topic (employer services) loses a tie: "palkkatuki työnantajalle" is about pay
    # subsidy; then a tie goes to the topic named last: people tell their situation first and ask last
    general = {kb.routing.default_topic} | {a.default_topic for a in kb.routing.audiences.values() if a.default_topic}
    default = kb.routing.default_topic
    specific = {k: v for k, v in scores.items() if k != default} or scores
    order = list(kb.routing.topics)
    last_seen = {k: max(max(h.positions) for h in hits if h.phrase.key == k) for k in specific}
    ranked = sorted(specific, key=lambda k: (-specific[k], k in general, -last_seen[k],
                                             order.index(k) if k in order else len(order)))
    topic = ranked[0]
    penalty = 0.0
    why = "most weight" if len(ranked) == 1 or specific[ranked[1]] < specific[topic] else "tie: named last"
    if len(ranked) > 1 and specific[ranked[1]] == specific[topic]:
        penalty = 0.25
    for key in sorted(scores, key=lambda k: -scores[k]):
        reason = why if key == topic else ("general: only when nothing specific" if key in general else "")
        readings.append(Reading("topic", key, scores[key], key == topic, reason))
    return topic, True, penalty



def _native(hits: list[PhraseHit]) -> bool:
    """The person says they are Finnish or speak Finnish, at least as strongly as anything says otherwise."""
    native = _weight([h for h in hits if h.phrase.key == "native"])
    return bool(native) and native >= _weight([h for h in hits if h.phrase.key == "foreign_language"])


def _audiences(kb: KnowledgeBase, hits: list[PhraseHit], topic: str | None, role: str | None, age: int | None,
               evidence: list[Evidence]) -> tuple[str, ...]:
    found = {h.phrase.key for h in hits} - {"jobseeker", "employer", "native"}
    for hit in hits:
        if hit.phrase.key not in ("jobseeker", "employer"):
            evidence.append(Evidence(" ".join(hit.phrase.stems), f"audience: {hit.phrase.key}", hit.weight, hit.how))
    if _native(hits):
        found.discard("foreign_language")  # "I'm Finnish but I find it easier to type in English"
    if role == "employer":
        found.add("employer")
    low, high = kb.routing.youth_ages
    if age is not None:
        if low <= age <= high:
            found.add("youth")
        elif age > high:
            found.discard("youth")  # "olen 45 ja vasta valmistunut": not the youth service
    implied = kb.routing.topics[topic].implies_audience if topic else None
    if implied and (implied != "employer" or role != "jobseeker"):
        found.add(implied)
    return tuple(a for a in AUDIENCE_ORDER if a in found)


def _implied_topic(kb: KnowledgeBase, audiences: tuple[str, ...], context: Context, has_place: bool,
                   follow_up: bool, job_seeker: bool) -> str | None:
    """No topic word: a follow-up keeps the last topic; a place, an audience or a job seeker's own words
    ("lomautettiin viime viikolla") alone mean the basics."""
    if not (has_place or audiences or job_seeker):
        return None
    if context.last_topic in kb.routing.topics and has_place and follow_up:
        return context.last_topic
    for audience in audiences:
        route = kb.routing.audiences.get(audience)
        if route and route.default_topic:
            return route.default_topic
    return kb.routing.default_topic


def _decision(ask: Ask | None, topic: str | None, municipality: str | None, outside: str | None,
              confidence: float) -> str:
    if ask is not None:
        return f"ask ({ask.kind}): {', '.join(ask.options)}"
    if outside:
        return f"out of area: {outside} (confidence {confidence:.2f})"
    if topic is None:
        return "no topic: fallback or small talk"
    return f"topic {topic}, municipality {municipality or 'unknown'} (confidence {max(confidence, 0):.2f})"
