"""The question engine: message → normalise → understand → route → compose, nothing else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from bot.answer import (
    CLARIFY,
    EMPTY,
    FALLBACK,
    OTHER_ORGANISATION,
    OUT_OF_AREA,
    OUT_OF_SCOPE,
    ROUTE,
    SMALLTALK,
    Answer,
    Choice,
    Context,
)
from bot.engine import compose
from bot.engine.cues import CueIndex
from bot.engine.employer import EmployerSignals
from bot.engine.evidence import Evidence, Trace
from bot.engine.foreign_words import ForeignWords, plain
from bot.engine.fuzzy import FuzzyVocabulary
from bot.engine.language import language_scores
from bot.engine.message import Message, SpokenForms, phrase_tokens, read_message, stem_fi
from bot.engine.newcomer import detect_foreign, detect_newcomer, script_of, transliterate
from bot.engine.phrases import GREETINGS, PhraseIndex, kb_phrases
from bot.engine.places import PlaceIndex, Target
from bot.engine.route import route
from bot.engine.understand import Understanding, said_free, understand
from bot.hours import HELSINKI
from bot.kb.model import LANGUAGES, EmploymentArea, KnowledgeBase, Organisation
from bot.kb.normalise_names import fold

#: The confidence of a question asked back ("Missä kunnassa asut?"): the bot did not answer, so the answer
#: is never counted as a sure one; staff see these as they see every low-confidence answer.
ASKED_CONFIDENCE = 0.5
#: The most a route answer with another organisation's matter beside ours claims (issue 15's reliability table).
MIXED_CONFIDENCE = 0.85
#: A benefit or card name and a close form of it begin alike: the first letters carry the name ("kela-", "kulta-").
KNOWN_NAME_START = 3


#: this many words nothing explains beside a greeting or thanks make it chat about something nobody here serves
CHAT_UNEXPLAINED = 2


class Engine:
    """Indexes one knowledge base at construction; `answer` is then cheap and side-effect free."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.spoken = SpokenForms(dict(p.split() for p in kb.language_cues.get("spoken_forms", ())))
        self.phrases = PhraseIndex(kb_phrases(kb, self.spoken),
                                   frozenset(w.lower() for w in kb.language_cues.get("neutral", ())),
                                   frozenset(fold(w) for key in GREETINGS
                                             for words in kb.phrasings.smalltalk.get(key, {}).values() for w in words),
                                   frozenset(("organisation", o.id) for o in kb.organisations.values() if o.urgent))
        self.foreign_words = ForeignWords(kb)
        cue_words = frozenset(fold(w) for lang in LANGUAGES for w in kb.language_cues[lang])
        self.cues = CueIndex(kb)
        self.employer_signals = EmployerSignals(kb)
        #: everyday words that carry no need of their own (language.yaml's neutral words)
        neutral = frozenset(fold(w) for w in kb.language_cues.get("neutral", ()))
        # an everyday word is never a mistyped village: "minua" is not Mainua, "lähtee" not Lahti
        self.places = PlaceIndex(kb, self.phrases.vocabulary | cue_words | self.cues.words | neutral)
        newcomer_text = kb.texts.get("newcomer_answer")
        #: the newcomers' languages the knowledge base can answer in (those with a newcomer_answer text)
        self.newcomer_languages = frozenset(dict(newcomer_text.more)) if newcomer_text else frozenset()
        #: words that carry no need of their own: the language cue words and the neutral words, with their stems
        self.known_words = cue_words | neutral | frozenset(stem_fi(w) for w in neutral)
        #: our needs' words and the known words: an unexplained word close to one is a typo, not another matter
        topic_words = _words(kb.phrasings.topics.values())
        ours = topic_words + _words(kb.phrasings.audiences.values())
        self.familiar = FuzzyVocabulary(((w, w) for w in (*ours, *self.known_words)), min_length=3, cutoff=80.0)
        #: the words of our topics and the organisations' matters: a benefit-like word close to one of them is a
        #: form nobody listed ("työttömyysetuutta"), not a benefit that does not exist
        names = topic_words + _words(o.phrasings for o in kb.organisations.values())
        self.benefit_names = FuzzyVocabulary(((w, w) for w in names), min_length=6, cutoff=85.0)
        #: Finnish municipality name (folded) -> the employment area that serves it
        self.areas_by_member = {fold(m): a for a in kb.employment_areas.values() for m in a.members}
        #: Finnish name -> the municipality outside the area, for its Swedish or English name in an answer
        self.other_by_name = {m.name: m for m in kb.other_municipalities}

    def answer(self, text: str, context: Context | None = None, now: datetime | None = None) -> Answer:
        """Answer one message. `context` carries what earlier turns told us."""
        return self.explain(text, context, now)[0]

    def explain(self, text: str, context: Context | None = None,
                now: datetime | None = None) -> tuple[Answer, Trace]:
        """The answer and the evidence behind it: words found, readings that competed, why one won."""
        answer, trace = self._explain(text, context, now)
        source = compose.source_of(self.kb, answer.language, answer.text)
        # a fact the person asked for is missing: channels offer the "ask a person" path too
        unknown = any(key in self.kb.texts and self.kb.texts[key].get(answer.language).split("{")[0] in answer.text
                      for key in ("contact_unknown", "employer_contact"))
        if source or unknown:
            answer = replace(answer, source=source, notes=(*answer.notes, *(("contact_unknown",) if unknown else ())))
        return answer, trace

    def _explain(self, text: str, context: Context | None, now: datetime | None) -> tuple[Answer, Trace]:
        kb = self.kb
        context = _current(context or Context(), kb)
        message = read_message(text, self.spoken)
        cue_scores = language_scores(message, kb.language_cues)
        newcomer = self._newcomer_language(message, cue_scores)
        if newcomer:
            return self._newcomer(message, newcomer, context), Trace(
                (Evidence(message.text[:40], f"language: {newcomer}", 1.0, "newcomer"),), (),
                f"newcomer's first answer in {newcomer}")
        if detect_foreign(message.text, len(message.tokens), max(cue_scores.values())):
            # a language we have no texts for: International Info, in English (or the language chosen)
            return self._newcomer(message, "en", context), Trace(
                (Evidence(message.text[:40], "language: none of ours", 1.0, "foreign"),), (),
                "a language without texts: the English answer for foreign-language clients")
        if message.empty:
            if any(ch.isalpha() for ch in message.text):  # written, but not in Latin letters: я живу в Каяани
                language = context.language or context.last_language or "en"
                return Answer(language, context.municipality, False, (), None, (), False,
                              kb.text("other_script", language), kind=FALLBACK, confidence=0.0), Trace()
            language = context.language or context.last_language or "fi"
            return Answer(language, context.municipality, False, (), None, (), False,
                          kb.text("empty", language), kind=EMPTY, confidence=0.0), Trace()
        u = understand(message, context, kb, self.places, self.phrases, self.cues, self.employer_signals, cue_scores,
                       self.known_words, self.familiar)
        return self._answer(u, now), u.trace

    def _newcomer_language(self, message: Message, scores: dict[str, float]) -> str | None:
        if not self.newcomer_languages or not message.text:
            return None
        cues = self.kb.language_cues
        newcomer_cue = any(t in cues.get(lang, ()) for t in message.tokens for lang in self.newcomer_languages)
        return detect_newcomer(message.text, len(message.tokens), max(scores.values()), self.newcomer_languages,
                               newcomer_cue)

    def _newcomer(self, message: Message, language: str, context: Context) -> Answer:
        """The first answer to a newcomer, in their language (or the one they chose): International Info,
        the online registration, and that they can go on in English or Finnish; a place they named is
        mentioned (Каяани reads as Kajaani)."""
        kb = self.kb
        shown = context.language or language
        latin = read_message(transliterate(message.text)) if script_of(message.text) == "cyrillic" else message
        # "Kajaanî" (Kurdish) is Kajaani once its accents go; "كاياني", "卡亚尼" are municipalities.yaml foreign_names
        hits = self.places.find(latin) or self.places.find(read_message(plain(message.text)))
        named = None if hits else self.foreign_words.municipality(message.text)
        home = hits[0].target if hits else Target(named) if named else None
        route = kb.routing.audiences.get("foreign_language")
        ids = (route.points.get("unknown") or route.points.get("default") or ()) if route else ()
        points = tuple(kb.service_points[p] for p in ids if p in kb.service_points)
        place = ""
        if home is not None:
            place = (home.village or kb.municipalities[home.municipality].display_name(shown)) if home.municipality \
                else home.outside or ""
        if home is not None and home.municipality is None and home.outside and not home.weak:
            # "Ich wohne in Kotka und suche Arbeit": they live outside the area, whatever language they write
            language = shown if shown in LANGUAGES else "en"
            area = self._employment_area(home)
            return Answer(language, None, True, ("foreign_language",), None, (), False,
                          compose.out_of_area_text(kb, language, self._place_name(home.outside, language), home, area),
                          kind=OUT_OF_AREA, outside_place=home.outside, confidence=0.8, employment_area=area)
        # a village of one municipality says where they live ("ik woon in Vuokatti"); a shared name does not
        municipality = home.municipality if home is not None and not home.ambiguous else None
        # "il mio permesso di soggiorno scade": International Info first, and whose the permit is (in English
        # where the newcomer's language has no text for it)
        organisations = self._narrowed(self.foreign_words.find(message.text), municipality, None)
        if not organisations and self.foreign_words.off_topic(message.text):
            # "Che tempo fa domani a Kuusamo?": nobody's here, said honestly (in English) and kept for staff
            english = shown if shown in LANGUAGES else "en"
            return Answer(english, municipality, False, (), None, (), False, kb.text("out_of_scope", english),
                          kind=OUT_OF_SCOPE, confidence=0.5, home_stated=municipality is not None)
        text = compose.newcomer_text(kb, shown, points, place)
        if organisations:
            text += "\n\n" + compose.organisations_text(kb, shown if shown in LANGUAGES else "en", organisations,
                                                        extra=None)
        return Answer(shown, municipality, False, ("foreign_language",), "international_info", points, False, text,
                      kind=ROUTE, confidence=0.8, home_stated=municipality is not None, organisations=organisations)

    def _answer(self, u: Understanding, now: datetime | None) -> Answer:
        kb, language = self.kb, u.language
        organisations = self._organisations(u)
        # a two-word one ("credit card", "health insurance card") beside another organisation's matter is part of it
        # (but a thing said to be free, "ilmaiseksi uimahalliin", is nobody's whoever else is named)
        theirs = bool(organisations) and " " in u.unknown_benefit \
            and not said_free(u.unknown_benefit, kb.language_cues.get("free_words", frozenset()))
        unknown_benefit = u.unknown_benefit and not theirs and not self._known_name(u.unknown_benefit)
        if u.ask is not None and not unknown_benefit:  # a benefit nobody knows needs no municipality first
            return self._ask(u)
        if unknown_benefit:  # "saako Kelan kuukausilisää"
            return self._unknown(u, "unknown_benefit", u.unknown_benefit)
        if u.unknown_service and not organisations and not self._known_name(u.unknown_service):
            return self._unknown(u, "unknown_service", u.unknown_service)  # "työttömien lahjakorttitoimisto"
        if organisations and not u.employment_part:
            # who asks stays said (an employer reporting an accident at work), though nobody of ours is named
            return Answer(language, u.municipality, False, u.audiences, None, (), False,
                          compose.organisations_text(kb, language, organisations),
                          kind=OTHER_ORGANISATION, confidence=u.organisation_confidence,
                          home_stated=u.home_kind == "own", organisations=organisations)
        if u.outside_place and not (u.topic is None and u.smalltalk == "offtopic"):
            # (a hotel in Oulu for a work trip is nobody's here, not a move out of the area)
            area = self._employment_area(u.outside_target, u.outside_place)
            text = compose.out_of_area_text(kb, language, self._place_name(u.outside_place, language),
                                            u.outside_target, area)
            if organisations:
                # "saan Kelasta työmarkkinatukea, jos muutan Ouluun jatkuuko tuki?": their matter goes with them
                text = compose.organisations_text(kb, language, organisations, extra=None, with_source=False) \
                    + "\n\n" + text
            return Answer(language, None, True, u.audiences, u.topic, (), False, text,
                          kind=OUT_OF_AREA, outside_place=u.outside_place, confidence=u.confidence,
                          employment_area=area, organisations=organisations)
        if u.topic is None:
            # "moi botti, mikä on sun lempiruoka?": a greeting that goes on about something nobody here serves
            chatting = u.smalltalk in GREETINGS and len(u.unexplained) >= CHAT_UNEXPLAINED
            if u.smalltalk == "offtopic" or chatting:  # understood, and nobody's here: said honestly, kept for staff
                return Answer(language, u.municipality, False, (), None, (), False, kb.text("out_of_scope", language),
                              kind=OUT_OF_SCOPE, confidence=0.5, home_stated=u.home_kind == "own")
            kind, key = (SMALLTALK, u.smalltalk) if u.smalltalk else (FALLBACK, "fallback")
            return Answer(language, u.municipality, False, u.audiences, None, (), False,
                          kb.text(key, language), kind=kind, confidence=u.confidence)
        routed = route(kb, u.topic, u.audiences, u.municipality, u.point)
        if routed.needs_municipality and organisations:
            # "my employer hasn't paid my salary, what can I do?": their matter answered, ours asked about (the
            # question waits like any other: a municipality chosen answers the whole message again)
            text = compose.organisations_text(
                kb, language, organisations, extra="job_seeker_note",
                then=kb.text("also_ask_municipality", language, municipalities=compose.municipality_list(kb, language)))
            return Answer(language, None, False, u.audiences, u.topic, (), True, text, kind=CLARIFY,
                          confidence=min(u.organisation_confidence, ASKED_CONFIDENCE), organisations=organisations,
                          choices=compose.municipality_choices(kb, language))
        if routed.needs_municipality:  # a question back is no answer: below the line, like every question asked
            return Answer(language, None, False, u.audiences, u.topic, (), True,
                          compose.clarify_text(kb, language, u.topic, u.topic_explicit), kind=CLARIFY,
                          confidence=min(u.confidence, ASKED_CONFIDENCE),
                          choices=compose.municipality_choices(kb, language))
        points = tuple(kb.service_points[p] for p in routed.points)
        text = compose.routed_text(
            kb, language=language, topic=u.topic, topic_explicit=u.topic_explicit, points=points,
            municipality=u.municipality, audiences=u.audiences, former_point=u.former_point,
            now=now or datetime.now(HELSINKI), home_kind=u.home_kind, named_point=u.point, asks=u.asks,
            organisations=organisations)
        # two matters read in one message (theirs and ours): on sets written before the change such answers were
        # right about 85-90 % of the time, so they never claim more
        confidence = min(u.confidence, u.organisation_confidence, MIXED_CONFIDENCE) if organisations else u.confidence
        return Answer(language, u.municipality, False, u.audiences, u.topic, points, False, text,
                      kind=ROUTE, confidence=confidence, home_stated=u.home_kind == "own", organisations=organisations)

    def _known_name(self, word: str) -> bool:
        """A form of a benefit or card we know ("työttömyysetuutta", "kelakorti"): close to a known name and
        beginning like it. "kultakortti" is as close to "kelakortti", but a name differs where it begins."""
        folded = fold(word)
        found = self.benefit_names.find(folded)
        return found is not None and found[0][:KNOWN_NAME_START] == folded[:KNOWN_NAME_START]

    def _unknown(self, u: Understanding, key: str, word: str) -> Answer:
        """A benefit, office or card nobody here knows: said honestly, kept for staff."""
        kb, language = self.kb, u.language
        return Answer(language, u.municipality, False, (), None, (), False,
                      kb.text(key, language, word=word) + "\n\n" + kb.text("out_of_scope", language),
                      kind=OUT_OF_SCOPE, confidence=0.5, home_stated=u.home_kind == "own")

    def _organisations(self, u: Understanding) -> tuple[Organisation, ...]:
        """The organisations named, each group (the wellbeing services counties) narrowed to the one serving
        the person's municipality; all of a group when it is unknown, none when they live elsewhere."""
        return self._narrowed(u.organisations, u.municipality, u.outside_place)

    def _narrowed(self, ids: Iterable[str], municipality: str | None,
                  outside_place: str | None) -> tuple[Organisation, ...]:
        out: list[Organisation] = []
        for oid in ids:
            named = self.kb.organisations[oid]
            group = [o for o in self.kb.organisations.values() if o.group == named.group] if named.group else [named]
            if outside_place:
                group = [o for o in group if not o.serves]
            elif municipality:
                group = [o for o in group if not o.serves or municipality in o.serves]
            out += [o for o in group if o not in out]
        return tuple(out)

    def _place_name(self, name: str, language: str) -> str:
        """A municipality outside the area by its name in the answer's language: Uleåborg to a Swedish
        speaker, Oulu to everyone else (a place the knowledge base does not know is said as written)."""
        other = self.other_by_name.get(name)
        if other is None or language not in ("sv", "en"):
            return name
        return getattr(other, language) or name

    def _employment_area(self, target: Target | None, place: str | None = None) -> EmploymentArea | None:
        """The employment area of the municipality the person lives in outside ours (a former municipality:
        of the one it merged into), when the knowledge base knows it."""
        name = (target.merged_into or target.located_in or target.outside) if target is not None else place
        return self.areas_by_member.get(fold(name or ""))

    def _ask(self, u: Understanding) -> Answer:
        """A short question with choices; answering it answers the original question."""
        kb, language, ask = self.kb, u.language, u.ask
        assert ask is not None
        choices = tuple(Choice(option, self._choice_label(option, language)) for option in ask.options)
        key = "ask_role" if ask.kind == "role" else "ask_village"
        text = kb.text(key, language, village=ask.subject) if ask.kind != "role" else kb.text(key, language)
        return Answer(language, None, False, u.audiences, u.topic, (), True, text, kind=CLARIFY,
                      confidence=u.confidence, choices=choices)

    def _choice_label(self, option: str, language: str) -> str:
        kind, _, value = option.partition(":")
        if kind == "mun" and value in self.kb.municipalities:
            return self.kb.municipalities[value].display_name(language)
        if kind == "mun":
            return self.kb.text("button_elsewhere", language)
        return self.kb.text(f"button_role_{value}", language)


def _words(groups: Iterable[dict[str, tuple[str, ...]]]) -> list[str]:
    """The folded words of phrasings grouped by language (a topic's, an audience's, an organisation's)."""
    return [t for by_language in groups for phrases in by_language.values() for phrase in phrases
            for t in phrase_tokens(phrase)]


def _current(context: Context, kb: KnowledgeBase) -> Context:
    """Forget what a knowledge-base edit has since removed (a renamed municipality or topic)."""
    municipality = context.municipality if context.municipality in kb.routing.home_points else None
    topic = context.last_topic if context.last_topic in kb.routing.topics else None
    language = context.language if context.language in LANGUAGES else None
    last = context.last_language if context.last_language in LANGUAGES else None
    if (municipality, topic, language, last) == (context.municipality, context.last_topic, context.language,
                                                   context.last_language):
        return context
    return Context(language, municipality, topic, last, context.role)
