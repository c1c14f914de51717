"""Recognising places in a message: the area's municipalities in any case form, their villages
and postal codes, demonyms, Swedish names, typos, and every other Finnish municipality."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.fuzzy import FuzzyVocabulary
from bot.engine.message import Message, phrase_tokens, stem_fi
from bot.kb.model import KnowledgeBase
from bot.kb.normalise_names import words as words_of

_POSTAL_CODE = re.compile(r"^\d{5}$")
_MARKS = frozenset("äöå")
MIN_STEM = 4
#: Longest case ending read off an oblique stem: Hossa-ssa, Puolanga-lla, Kajaani-sta, -ltakin.
MAX_ENDING = 5
#: Case endings read off a locality name outside the area (Sukeva|lla, Tikkala|an).
LOCALITY_ENDINGS = ("ssa", "sta", "lla", "lta", "lle", "an", "en", "in", "on", "un", "n")
#: Case endings (folded, with the usual one-letter typos) a four-letter stem may carry: Oulu|ssa, Oulu|sa.
SHORT_STEM_ENDINGS = frozenset({"ssa", "sa", "sta", "ta", "lla", "la", "lta", "lle", "le", "n", "un", "in", "on",
                                "hin", "ssakin", "stakin", "ksi"})


#: Street names end so: "Kajaanintie 20, 88300 Paltamo" names Paltamo by its postcode, not Kajaani.
STREET_ENDINGS = ("tie", "katu", "kuja", "polku", "vayla", "raitti", "kaari", "gatan", "vagen", "road", "street")


#: A street's name in a case: "Kajaanintiellä", "Kuhmontiellä", "Torikadulla" (folded).
_STREET_IN_CASE = re.compile(r"^.{4,}(?:tie|kadu|kuja|polu|vayla|raiti|kaare)(?:lla|lle|lta|ssa|sta|n|l)$")


def _street(token: str) -> bool:
    """A street name ("Kajaanintie", "Kajaanintiellä" is a street in Kuhmo, not Kajaani)."""
    return any(token.endswith(end) and len(token) >= len(end) + 4 for end in STREET_ENDINGS) or bool(
        _STREET_IN_CASE.match(token))


@dataclass(frozen=True, slots=True)
class Target:
    """What a name points to: an area municipality (by id) or a place outside the area. A village
    name also says which other municipalities have a village of that name, so the engine can ask."""

    municipality: str | None
    outside: str | None = None
    village: str = ""
    #: other area municipalities (ids) with a village of this name
    alternatives: tuple[str, ...] = ()
    #: municipalities outside the area (names) with a village or locality of this name
    elsewhere: tuple[str, ...] = ()
    #: a locality outside the area (Sukeva): a home only when the message says they live there
    weak: bool = False
    #: a locality outside the area: the one municipality it lies in (Sukeva → Sonkajärvi), for its employment area
    located_in: str = ""
    #: a former municipality: the current one it merged into (Valtimo → Nurmes), and the year
    merged_into: str = ""
    merged_year: int | None = None
    #: Åland: its own employment authority (AMS), not an employment area of the mainland
    aland: bool = False

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives or self.elsewhere)

    @property
    def label(self) -> str:
        where = self.municipality or f"outside: {self.outside}"
        return f"{self.village} ({where})" if self.village else where


@dataclass(frozen=True, slots=True)
class PlaceHit:
    target: Target
    position: int
    how: str  # exact | stem | demonym | postal_code | fuzzy

    @property
    def fuzzy(self) -> bool:
        return self.how == "fuzzy"


class PlaceIndex:
    """Built once per knowledge base; `find` is a handful of dict look-ups per token."""

    def __init__(self, kb: KnowledgeBase, vocabulary: frozenset[str]):
        self.exact: dict[str, Target] = {}
        #: how each exact key is written in the data, with its umlauts ("vanda": {"vanda"})
        self.written: dict[str, set[str]] = {}
        self.stems: dict[str, Target] = {}
        self.demonyms: dict[str, Target] = {}
        self.oblique: dict[str, Target] = {}
        #: two-word names by their first word and the second's oblique stem: Ala-Vuoki|n → "ala vuokissa"
        self.pair_oblique: dict[tuple[str, str], Target] = {}
        self.short_oblique: dict[str, Target] = {}
        self.postal_codes: dict[str, Target] = {}
        self.vocabulary = vocabulary
        #: stem keys that came from a name written with ä, ö or å: only these match a stem typed with them
        self.marked: set[str] = set()
        area_ids = {m.name.get("fi", m.id): m.id for m in kb.municipalities.values()}
        # localities first: a municipality's or the area's own name indexed later wins a shared key
        # matched only as written plus a case ending, never by stem: "löytää" is not Löytänä
        self.localities: dict[str, Target] = {}
        for locality, where in kb.other_places.localities.items():
            label = f"{locality} ({where[0]})" if len(where) == 1 else locality
            tokens = phrase_tokens(locality)
            if len(tokens) == 1:
                self.localities[tokens[0]] = Target(None, label, weak=True,
                                                    located_in=where[0] if len(where) == 1 else "")
        for code, municipality in kb.other_places.postal_codes.items():
            self.postal_codes[code] = Target(None, municipality)
        aland_regions: set[str] = set()
        for other in kb.other_municipalities:
            target = Target(None, other.name, merged_into=other.merged_into, merged_year=other.merged_year,
                            aland=other.aland)
            if other.aland:
                aland_regions.add(other.region)
            names = [other.name, other.sv, other.en]
            self._add(target, names, [other.genitive, *other.forms])
            # espoolainen, nurmeslainen (name + -lainen), kemijärveläinen (genitive stem + -läinen);
            # the data names the irregular ones (lahtelainen)
            name_tokens, genitive_tokens = phrase_tokens(other.name), phrase_tokens(other.genitive)
            if len(name_tokens) == 1 and name_tokens[0].endswith("nen") and len(name_tokens[0]) > 6:
                # -nen names bend through -se-/-si-: Kuhmoinen → Kuhmoisissa, Kuhmoiseen (not Kuhmo)
                for stem in ("si", "se"):
                    self.oblique.setdefault(name_tokens[0][:-3] + stem, target)
                    self._mark(name_tokens[0][:-3] + stem, bool(_MARKS & set(other.name.lower())))
            prefixes = [name_tokens[-1] + "lai"] if name_tokens else []
            if genitive_tokens and genitive_tokens[-1].endswith("n"):
                prefixes.append(genitive_tokens[-1][:-1] + "lai")
            if other.demonym:
                prefixes.append(phrase_tokens(other.demonym)[0][:-3])
            for prefix in prefixes:
                self.demonyms.setdefault(prefix, target)
        for region in aland_regions:  # "asun Ahvenanmaalla", "I live in Åland"
            self._add(Target(None, region, aland=True), [region, "Åland", "Aland"], [region + "n"])
        area_words: list[tuple[str, Target]] = []
        shared: dict[str, list[str]] = {}  # village name -> area municipality ids that have one
        for m in kb.municipalities.values():
            for village in m.villages:
                shared.setdefault(village.name.lower(), []).append(m.id)
        for m in kb.municipalities.values():
            target = Target(m.id)
            area_words += self._add(target, [*m.name.values(), *m.aliases], [m.genitive, *m.forms])
            if m.demonym:
                # kajaanilainen, kajaanilaisena, kajaanilaisille: all start with "kajaanilai"
                self.demonyms[phrase_tokens(m.demonym)[0][:-3]] = target
            for village in m.villages:
                others = tuple(x for x in shared[village.name.lower()] if x != m.id)
                elsewhere = tuple(n for n in village.also_in if n not in area_ids)
                village_target = Target(m.id, village=village.name, alternatives=others, elsewhere=elsewhere)
                if village.everyday:
                    # "oon aika hoikka", "Liisa Kaikkonen": only "Hoikassa", "Kaikkosella" name the place; no stem,
                    # no typo
                    self._add(village_target, [], [village.genitive, *village.forms], stems=False)
                    continue
                area_words += self._add(village_target, [village.name], [village.genitive, *village.forms])
                name_tokens = phrase_tokens(village.name)
                if len(name_tokens) == 1:
                    # "vuokattilainen", "otanmäkiläinen": the village's name and -lainen/-läinen, and with an -i
                    # name's -e- ("kontiomäkeläinen")
                    self.demonyms.setdefault(name_tokens[0] + "lai", village_target)
                    if name_tokens[0].endswith("i"):
                        self.demonyms.setdefault(name_tokens[0][:-1] + "elai", village_target)
            for code in m.postal_codes:
                self.postal_codes[code] = target
        self.fuzzy = FuzzyVocabulary(
            ((w, t) for w, t in area_words if w not in vocabulary or w in self.exact), min_length=5, cutoff=84.0)
        # Savo and Kainuu speech: "kuhmolaenen", "kajaanilaesia", "kuhmolaanen" for kuhmolainen, kajaanilaisia
        for prefix, target in list(self.demonyms.items()):
            if prefix.endswith("lai"):
                self.demonyms.setdefault(prefix[:-1] + "e", target)
                self.demonyms.setdefault(prefix[:-1] + "a", target)
        self.demonym_starts = {prefix[:4] for prefix in self.demonyms}

    def _add(self, target: Target, names: list[str], inflected: list[str],
             stems: bool = True) -> list[tuple[str, Target]]:
        """Index a place's names and their stems; area entries overwrite outside ones."""
        words = []
        for form in [*names, *inflected]:
            if not form:
                continue
            tokens = phrase_tokens(form)
            if not tokens:
                continue
            key = " ".join(tokens)
            self.exact[key] = target
            self.written.setdefault(key, set()).add(" ".join(words_of(form)))
            words.append((key, target))
            marked = bool(_MARKS & set(form.lower()))
            is_genitive = bool(inflected) and form == inflected[0] and form.endswith("n")
            if len(tokens) == 1 and is_genitive and len(key) > MIN_STEM + 1:
                # the genitive without its -n is the stem the other cases hang on: Hossa|n → Hossa|ssa
                self.oblique.setdefault(key[:-1], target)
                self._mark(key[:-1], marked)
            elif len(tokens) == 2 and len(tokens[1]) > MIN_STEM + 1:
                # the genitive's stem (Ala-Vuoki|n → vuokissa) and the name itself (Yli-Vuokki → vuokkiin)
                self.pair_oblique.setdefault((tokens[0], tokens[1][:-1] if is_genitive else tokens[1]), target)
            elif len(tokens) == 1 and is_genitive and len(key) == MIN_STEM + 1:
                # short stems (Oulu|n, Kemi|n) only with a case ending: "oulusa", but not "kemikaali"
                self.short_oblique.setdefault(key[:-1], target)
                self._mark(key[:-1], marked)
            if len(tokens) == 1 and stems:
                stem = stem_fi(tokens[0])
                if len(stem) >= MIN_STEM and stem not in self.vocabulary:
                    self.stems[stem] = target
                    self._mark(stem, marked)
                    words.append((stem, target))
        return words

    def _locality(self, token: str) -> Target | None:
        if token in self.localities:
            return self.localities[token]
        for ending in LOCALITY_ENDINGS:
            if token.endswith(ending) and token[:-len(ending)] in self.localities:
                return self.localities[token[:-len(ending)]]
        return None

    def find(self, message: Message) -> list[PlaceHit]:
        """Every place the message names, in order of appearance."""
        hits: list[PlaceHit] = []
        folded = message.folded
        skip = -1
        for i, token in enumerate(folded):
            if i <= skip:
                continue
            if i + 1 < len(folded):
                pair = f"{token} {folded[i + 1]}"
                if pair in self.exact:
                    hits.append(PlaceHit(self.exact[pair], i, "exact"))
                    skip = i + 1
                    continue
                inflected = self._pair_inflected(token, folded[i + 1])
                if inflected:
                    hits.append(PlaceHit(inflected, i, "stem"))
                    skip = i + 1
                    continue
            hit = self._find_token(token, message.stems_fi[i], i, message.tokens[i])
            if hit:
                hits.append(hit)
        return hits

    def _mark(self, key: str, marked: bool) -> None:
        if marked:
            self.marked.add(key)

    def _marks_fit(self, written: str, key: str) -> bool:
        """Umlauts typed are meant: a word whose stem is written with ä, ö or å ("lähde", go) is no inflected name
        without them (Lahti, "Lahdessa"); a name typed without umlauts still matches ("ristijarvella"), and so does
        an ending's ("Kiimingissä")."""
        return not _MARKS & set(written) or key in self.marked

    def _pair_inflected(self, first: str, second: str) -> Target | None:
        """A two-word name in a case: the first word as written, the second its oblique stem and a short ending
        ("ala vuokissa", "ylä vieksiin")."""
        for end in range(len(second) - 1, max(len(second) - MAX_ENDING, MIN_STEM) - 1, -1):
            target = self.pair_oblique.get((first, second[:end]))
            if target:
                return target
        return None

    def _find_token(self, token: str, stem: str, i: int, written: str = "") -> PlaceHit | None:
        if token in self.exact and not (_MARKS & set(written) and written not in self.written.get(token, ())):
            # umlauts typed are meant: "vända" (Swedish: to turn) is not Vanda (Vantaa), though folded alike
            return PlaceHit(self.exact[token], i, "exact")
        if _POSTAL_CODE.match(token):
            target = self.postal_codes.get(token)
            return PlaceHit(target, i, "postal_code") if target else None
        if token in self.vocabulary or token.isdigit() or _street(token):
            return None
        if stem in self.stems and self._marks_fit(written[:len(stem)], stem):
            return PlaceHit(self.stems[stem], i, "stem")
        for end in range(len(token) - 1, max(len(token) - MAX_ENDING, MIN_STEM) - 1, -1):
            if token[:end] in self.oblique and self._marks_fit(written[:end], token[:end]):
                return PlaceHit(self.oblique[token[:end]], i, "stem")
        if token[:MIN_STEM] in self.short_oblique and token[MIN_STEM:] in SHORT_STEM_ENDINGS \
                and self._marks_fit(written[:MIN_STEM], token[:MIN_STEM]):
            return PlaceHit(self.short_oblique[token[:MIN_STEM]], i, "stem")
        if token[:4] in self.demonym_starts:
            for end in range(len(token) - 3, 3, -1):
                if token[:end] in self.demonyms:
                    return PlaceHit(self.demonyms[token[:end]], i, "demonym")
        locality = self._locality(token)
        if locality:
            return PlaceHit(locality, i, "exact")
        found = self.fuzzy.find(token) or self.fuzzy.find(stem)
        if found:
            return PlaceHit(found[0], i, "fuzzy")
        return None
