"""Matching the knowledge base's phrasings against a message, by stems, compounds and typos."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.engine.fuzzy import FuzzyVocabulary
from bot.engine.message import Message, SpokenForms, phrase_tokens, same_clause, stem_en, stem_fi
from bot.kb.model import LANGUAGES, KnowledgeBase

MIN_COMPOUND_PART = 5
#: A one-word phrase is also indexed by its stem only when the stem keeps at least this many letters.
MIN_STEM = 3
#: Extra words allowed inside a phrase: "en oikein puhu suomea" still matches "en puhu suomea".
MAX_PHRASE_GAP = 2
#: Negations (folded): one may not stand in a phrase's gap ("i don't speak finnish", "en oo töissä"), and one before a
#: word turns it round (understand.py: "en kysy", "enkä oo töissä").
NEGATIONS = frozenset({"ei", "en", "eika", "enka", "emme", "ettei", "etten", "ettet", "jottei", "not", "don't", "dont",
                       "doesn't", "doesnt", "never", "inte", "aldrig"})


@dataclass(frozen=True, slots=True)
class Phrase:
    #: topic | audience | smalltalk | home | followup | correction | point | former | organisation | place_<role>
    kind: str
    key: str
    language: str
    stems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhraseHit:
    phrase: Phrase
    weight: float
    positions: tuple[int, ...]
    how: str  # exact | compound | fuzzy


#: Languages read with the light stemmer (plural -s, possessive 's): their phrasings list the word forms.
_LIGHT = ("en", "sv")


def _stemmer(language: str):
    """Snowball for Finnish, whose case endings are many; the light one for English and Swedish."""
    return stem_en if language in _LIGHT else stem_fi


def kb_phrases(kb: KnowledgeBase, spoken: SpokenForms | None = None) -> list[Phrase]:
    """Every phrase the engine listens for, from phrasings.yaml and the service points. Finnish phrases written as
    spoken ("uus osote") are stemmed as the messages are, through `spoken`."""
    out: dict[Phrase, None] = {}  # ordered and without repeats: "ohjaamo", "ohjaamossa" are one stem

    def add(kind: str, key: str, language: str, text: str) -> None:
        tokens = phrase_tokens(text)
        if tokens:
            stem = _stemmer(language)
            standard = spoken.standard if spoken and language not in _LIGHT else (lambda word: word)
            stems = tuple(stem(standard(t)) for t in tokens)
            if len(tokens) > 1:
                # a word of a longer phrase cut to a couple of letters is matched as written: "olin töissä" (a job
                # that was) is no "ollaan töissä" (one we have), though both stems are "ol"
                stems = tuple(s if len(s) >= MIN_STEM or s == t else t for s, t in zip(stems, tokens, strict=True))
            if len(tokens) > 1 or len(stems[0]) >= MIN_STEM or stems[0] == tokens[0]:
                # a stem cut down to a couple of letters ("entä" → "en") would match unrelated words
                out[Phrase(kind, key, language, stems)] = None
            if len(tokens) == 1 and stem(tokens[0]) != tokens[0]:
                # Snowball cuts some base forms deeper than their case forms (syyria → syyr, but
                # syyriasta → syyria): the word itself is a key as well
                out[Phrase(kind, key, language, tokens)] = None
        if language == "fi" and len(tokens) == 1 and tokens[0].endswith("nen") and len(tokens[0]) > 6:
            # -nen words bend to -se-: omaehtoinen → omaehtoisesta, kotoutuminen → kotoutumiskoulutus
            out[Phrase(kind, key, language, (stem_fi(tokens[0][:-3] + "sen"),))] = None

    groups = (("topic", kb.phrasings.topics), ("audience", kb.phrasings.audiences),
              ("smalltalk", kb.phrasings.smalltalk))
    for kind, group in groups:
        for key, by_language in group.items():
            for language, phrases in by_language.items():
                for text in phrases:
                    add(kind, key, language, text)
    for key, by_language in kb.phrasings.asks.items():
        for language, phrases in by_language.items():
            for text in phrases:
                add("asks", key, language, text)
    cue_groups = (("home", kb.phrasings.home_cues), ("followup", kb.phrasings.followup_cues),
                  ("correction", kb.phrasings.correction_cues))
    for kind, cues in cue_groups:
        for language, phrases in cues.items():
            for text in phrases:
                add(kind, kind, language, text)
    for organisation in kb.organisations.values():
        for language, phrases in organisation.phrasings.items():
            for text in phrases:
                add("organisation", organisation.id, language, text)
    for point in kb.service_points.values():
        for language in LANGUAGES:
            add("point", point.id, language, point.name.get(language))
            add("point", point.id, language, point.address.street)
            for alias in point.aliases.get(language, ()):
                add("point", point.id, language, alias)
            for former in point.former_addresses:
                add("former", point.id, language, former.street)
                # "onko se vielä Kitkantiellä?": the street alone names the old address too
                add("former", point.id, language, former.street.rstrip("0123456789 ABCDEFGH"))
    return list(out)


class PhraseIndex:
    """Single words in dicts, longer phrases keyed by their first stem; built once."""

    def __init__(self, phrases: list[Phrase], words: frozenset[str] = frozenset(),
                 greetings: frozenset[str] = frozenset(), close_only: frozenset[tuple[str, str]] = frozenset()):
        """`words`: everyday words as written (language.yaml neutral) never read as a spoken form of a phrase:
        "kellään" (anyone) is no "kellaan" (to Kela). `greetings`: the greeting and thanks words as written (folded),
        read only as written: "päivää" greets, "päivänä" and "päivälläki" do not."""
        self.words = words
        self.greetings = greetings
        #: (kind, key) of phrases read out of their written order only with at most one word between: "tulee
        #: (mustaa) savua" is an emergency's "savua tulee", but "palata … varastolle" (go back to the warehouse) is no
        #: "varasto palaa" (burns): the two verbs share a stem
        self.close_only = close_only
        self.single: dict[str, dict[str, list[Phrase]]] = {lang: defaultdict(list) for lang in LANGUAGES}
        self.multi: dict[str, dict[str, list[Phrase]]] = {lang: defaultdict(list) for lang in LANGUAGES}
        for phrase in phrases:
            target = self.single if len(phrase.stems) == 1 else self.multi
            target[phrase.language][phrase.stems[0]].append(phrase)
        self.fuzzy = {
            lang: FuzzyVocabulary(((s, s) for s in self.single[lang] if not s.isdigit()),
                                  min_length=6, cutoff=90.0)
            for lang in LANGUAGES
        }
        #: every start and every end (MIN_COMPOUND_PART letters or more) of a single word's stem: a compound's
        #: look-up stops at the first letters no stem starts (or ends) with instead of trying every cut
        self._heads = {lang: frozenset(s[:end] for s in self.single[lang]
                                       for end in range(MIN_COMPOUND_PART, len(s) + 1)) for lang in LANGUAGES}
        self._tails = {lang: frozenset(s[start:] for s in self.single[lang]
                                       for start in range(len(s) - MIN_COMPOUND_PART + 1)) for lang in LANGUAGES}
        self.vocabulary = frozenset(s for lang in LANGUAGES for s in self.single[lang]) | frozenset(
            s for lang in LANGUAGES for group in self.multi[lang].values() for p in group for s in p.stems)
        #: a word of a longer phrase ("ammattilaisen kanssa") is a word we know: never split into small talk
        #: ("ammat|tilaiselle" is no "tilaisitko")
        self.known_stems = frozenset(s for lang in LANGUAGES for group in self.multi[lang].values() for p in group
                                     for s in p.stems if len(s) >= MIN_COMPOUND_PART)
        #: the stems of the needs someone here answers (ours, their organisations'), not small talk's "kuntosali"
        self.needs = frozenset(s for p in phrases if p.kind in ("topic", "audience", "organisation") for s in p.stems)

    def find(self, message: Message, skip: set[int] = frozenset()) -> list[PhraseHit]:  # type: ignore[assignment]
        """Every phrase in the message; tokens in `skip` (already read as places) are not fuzzed."""
        hits: list[PhraseHit] = []
        for language in LANGUAGES:
            stems = message.stems_en if language in _LIGHT else message.stems_fi
            positions: dict[str, list[int]] = defaultdict(list)
            for i, s in enumerate(stems):
                positions[s].append(i)
                if len(s) < MIN_STEM and message.folded[i] != s:
                    positions[message.folded[i]].append(i)  # the word as written, for a phrase's short word
            single, multi = self.single[language], self.multi[language]
            for i, s in enumerate(stems):
                found = single.get(s)
                if found and len(s) <= MIN_STEM and message.tokens[i] in self.words:
                    # an organisation's short stem is often an everyday word's: "testaan" is no "TES"
                    found = [p for p in found if p.kind != "organisation"]
                if not found and len(s) < MIN_STEM:
                    # Snowball cut the word too short to be a key ("essee" → "es"): the listed word itself is one
                    found = single.get(message.folded[i])
                how = "exact"
                if not found and i not in skip:
                    found = self._compound_or_typo(s, message.folded[i], single, language, message.tokens[i])
                    if s in self.known_stems:
                        found = [p for p in found or () if p.kind != "smalltalk"]
                    how = "compound"
                for phrase in found or ():
                    if phrase.kind == "smalltalk" and phrase.key in GREETINGS \
                            and message.folded[i] not in self.greetings:
                        continue
                    weight = 1.0 if how == "exact" else 0.85
                    hits.append(PhraseHit(phrase, weight, (i,), how))
                starting = multi.get(s, ())
                if len(s) < MIN_STEM and message.folded[i] != s:
                    starting = (*starting, *multi.get(message.folded[i], ()))
                for phrase in starting:
                    if all(part in positions for part in phrase.stems[1:]):
                        # the words may come in any order, but close together: "suomea en puhu" yes,
                        # "I am from Ukraine and live in Kajaani" is not "and in"
                        spots = _spots(i, phrase.stems[1:], positions)
                        in_order = all(a < b for a, b in zip(spots, spots[1:], strict=False))
                        # out of order only when every word carries meaning: "suomea en puhu", but not
                        # "english … live in" for "in english"
                        if not in_order and any(len(part) <= 3 for part in phrase.stems):
                            continue
                        low, high = min(spots), max(spots)
                        if not in_order and (phrase.kind, phrase.key) in self.close_only and high - low > len(spots):
                            continue
                        # a phrase never spans a clause: "min son behöver tandläkare, vi bor" is no "behöver vi"
                        if not same_clause(message, low, high):
                            continue
                        # a thing got is the verb's first object: "sain potkut ja työpaikalla …" is no "sain työpaikan"
                        if phrase.key == "got_job" and any(
                                message.folded[g] in _AND for g in range(low + 1, high) if g not in spots):
                            continue
                        # a negation in a gap turns the phrase round: "I don't speak Finnish" is no "i speak finnish"
                        negations = _ENGLISH_NEGATIONS if language == "en" else NEGATIONS
                        if any(message.folded[g] in negations for g in range(low + 1, high) if g not in spots):
                            continue
                        if high - low <= len(phrase.stems) + MAX_PHRASE_GAP:
                            weight = float(sum(len(part) > 2 for part in phrase.stems)) or 1.0  # "a", "in" add nothing
                            hits.append(PhraseHit(phrase, weight, spots, "exact"))
        return hits

    def _compound_or_typo(self, stem: str, word: str, single: dict[str, list[Phrase]], language: str,
                          written: str = "") -> list[Phrase]:
        if language == "fi" and written not in self.words:
            # Finnish glues words together: starttiraha|hakemus, rakennus|firma. The unstemmed word is
            # tried too, as Snowball over-stems some forms (starttirahan → starttir). (An everyday word is no
            # compound: "perinteisesti" is no "perintä".)
            heads, tails = self._heads[language], self._tails[language]
            for form in dict.fromkeys((stem, word)):
                longest = None  # the longest start of the word that is a stem, the word itself left out
                for end in range(MIN_COMPOUND_PART, len(form)):
                    if form[:end] not in heads:
                        break
                    if form[:end] in single:
                        longest = form[:end]
                if longest is not None:
                    return single[longest]
            longest = None  # the longest end of the stem that is a stem, the stem itself left out
            for start in range(len(stem) - MIN_COMPOUND_PART, 0, -1):
                if stem[start:] not in tails:
                    break
                if stem[start:] in single:
                    longest = stem[start:]
            if longest is not None:
                return single[longest]
        if stem.isdigit():
            return []
        if language == "fi" and written not in self.words:
            # spoken Kainuu doubles consonants: "kellaan" is Kelaan, "Miggrin" Migrin (but "kellään" is anyone's)
            for plain in _single_sounds(word):
                if found := single.get(stem_fi(plain)):
                    return found
        typo = self.fuzzy[language].find(stem)
        return single[typo[0]] if typo else []


_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
#: English "no" turns a phrase round too ("I speak no Finnish"); in Finnish "no" is "well"
_ENGLISH_NEGATIONS = NEGATIONS | {"no"}
#: the small talk read only as written (PhraseIndex.greetings), and a greeting or thanks that goes on into chat
#: (engine/core.py)
GREETINGS = frozenset({"greeting", "thanks"})
#: words joining two statements: a phrase's words on both sides of one are two things said (folded)
_AND = frozenset({"ja", "mutta", "mut", "and", "but", "och", "men"})


def _single_sounds(word: str) -> list[str]:
    """The word with one of its doubled consonants single ("miggrissä" → "migrissä": the case ending's "ss" stays);
    none when none is doubled. Vowels stay: "päästä" is no "pästä"."""
    return [word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1] and word[i] in _CONSONANTS]


def _spots(first: int, parts: tuple[str, ...], positions: dict[str, list[int]]) -> tuple[int, ...]:
    """Where each word of a phrase stands: the next one after the word before it when there is one ("börjar på
    ett nytt jobb" after "behöver jag ett nytt"), else the one nearest the first word."""
    spots = [first]
    for part in parts:
        after = [p for p in positions[part] if p > spots[-1]]
        spots.append(min(after) if after else min(positions[part], key=lambda p: abs(p - first)))
    return tuple(spots)
