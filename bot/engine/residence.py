"""Where the person (or the person they write about) lives now, weighed from every place they name.

People name several places in one message and only one of them is home now: "asuin ennen
Oulussa, nyt Kajaanissa", "muutin Kuhmosta Tampereelle", "en asu enää Paltamossa", "kotoisin
Puolangalta". Each place gets a role from the cue words of its own clause and from its case
ending (from / in / to), then the roles are ranked. A village that shares its name with another
municipality's village is settled by a municipality named beside it, or asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.evidence import Evidence, Reading
from bot.engine.message import Message, sentence_start
from bot.engine.phrases import NEGATIONS, PhraseHit
from bot.engine.places import PlaceHit

#: How strongly a role says "lives here now" (the registered home municipality, kotikunta, decides which
#: municipality's services are the person's, so it outranks where they stay: "kotikunta Hyrynsalmi, armeijassa
#: Kajaanissa"); past and negated places never make a home. A move that
#: happened ("muutin Kuhmoon") says less than "asun"/"nyt"; a planned one ("pitäisi muuttaa Helsinkiin", "my
#: friends say I should move to Oulu") less than a place named without a cue; a place used as a landmark
#: ("Kajaanin naapurissa Vaalassa", "near Ruka") less still.
ROLE_RANK = {"correction": 6.0, "registered": 5.5, "current": 5.0, "moved_to": 4.5, "still": 4.4, "unmarked": 4.0,
             "destination": 3.8, "plan_to": 3.5,
             "origin": 3.0,
             "near": 2.5, "option": 2.4, "work": 2.0, "visit": 2.0, "past": 0.0}
#: Roles whose last mention counts (people correct themselves and tell the latest last).
LATEST_COUNTS = ("correction", "registered", "current", "moved_to")
#: A past verb alone ("lived in Kuusamo all my life") is undone by a perfect's duration; "ennen", "no longer" are not.
PAST_VERBS = frozenset({"asunut", "asunu", "lived", "bott", "asuin", "asui"})
#: Cue roles in the order they win when several stand before one place ("en asu enää" beats "asu").
CUE_PRIORITY = ("past", "move", "plan", "origin", "registered", "visit", "current", "work")
#: How far back (in words, within the clause) a cue reaches, and how far forward ("Sotkamossa asun").
CUE_REACH_BACK = 5
#: A move said right after a correction ("eiku anteeks, muutin just viime viikolla Sotkamoon") carries it this much
#: farther, to the place moved to.
CORRECTION_MOVE_REACH = 4
CUE_REACH_AHEAD = 2
#: from: the elative and ablative, also clipped as spoken ("stadist", "oulust": from Helsinki, from Oulu)
_FROM = re.compile(r"(?:st[aä]|lt[aä]|(?<=[aeiouyäö])[sl]t)$")
_TO = re.compile(r"(?:lle|([aeiouy])\1n|seen|siin|hin|hun|hon|han|h[aeiouy]n)$")


@dataclass(frozen=True, slots=True)
class PlaceRole:
    hit: PlaceHit
    role: str
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Residence:
    """The chosen place (None: not said, or only where they no longer live) and how sure we are."""

    home: PlaceHit | None
    left: tuple[PlaceHit, ...] = ()  # places the person said they no longer live in
    ambiguous: PlaceHit | None = None  # a shared village name nothing else settles: ask
    someone_else: bool = False
    penalty: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    readings: tuple[Reading, ...] = ()
    #: the chosen place's role: "current", "moved_to", "registered"… ("unmarked": named without a cue)
    role: str = ""


def case_of(token: str, previous: str) -> str:
    """'from', 'to' or 'in' by the Finnish case ending, or by an English preposition before it."""
    if previous in ("from", "från", "fran"):  # the word before comes folded: från → fran
        return "from"
    if previous in ("to", "into", "till"):
        return "to"
    if _FROM.search(token):
        return "from"
    if _TO.search(token):
        return "to"
    return "in"


#: words that start a clause of their own for the cues: "opiskelin Oulussa mutta kotikunta on Suomussalmi", "käyn
#: töissä Kajaanissa ja nyt tuli lomautus" ("nyt" is not Kajaani's), "kuhmossa vai täällä"
CLAUSE_WORDS = frozenset({"mutta", "mut", "but", "men", "ja", "vai"})


#: the writer speaking of themselves right before a place: "…and I live in Kajaani", "mä asun Kajaanissa" (folded)
#: ("i" only before a verb of living: Swedish "i" is "in")
FIRST_PERSON = frozenset({"we", "i'm", "im", "we're", "jag", "vi", "ma", "mina", "mie", "asun", "asumme", "asutaan"})
_I_VERBS = frozenset({"live", "am", "moved", "stay", "have"})
#: the verbs of living by person (as the cue is written): "asun" is the writer's, "asuu" someone's named before it
FIRST_PERSON_LIVING = frozenset({"asun", "asumme", "asutaan", "asustan", "asustelen", "asuskelen", "asuvana", "live"})
THIRD_PERSON_LIVING = frozenset({"asuu", "asuvat", "lives"})
#: the writer's own move: "muutin", "muutettiin" (folded, the first word of a move cue)
FIRST_PERSON_MOVES = frozenset({"muutin", "muutimme", "muutettiin"})
#: roles that say someone lives in the place (not only that it is named)
LIVES_THERE = frozenset({"current", "moved_to", "registered", "still", "correction"})
#: "we" live: the writer and the person asked about alike
WE_LIVING = frozenset({"asumme", "asutaan"})
#: a time word that makes a place "current" without saying who lives there: "Paltamo nykyään hoitaa"
NOW_WORDS = frozenset({"nykyään", "nykyaan", "nykyisin", "nyt", "now", "nu"})
FIRST_PERSON_REACH = 3


def _said_of_oneself(message: Message, position: int) -> bool:
    """A first person within a few words before the place, in its clause: it is the writer's, whoever was named
    before ("Hyvinkäällä asun. Äiti asuu Kajaanissa": the writer's "asun" is another sentence's)."""
    start = max(sentence_start(message, position), position - FIRST_PERSON_REACH)
    words = message.folded
    return any(words[j] in FIRST_PERSON or (words[j] == "i" and j + 1 < len(words) and words[j + 1] in _I_VERBS)
               for j in range(start, position))


#: at someone's place: "muutin mutsin luo Vuokattiin" is where the writer lives now (folded)
_AT_PLACE = frozenset({"luo", "luona", "luokse", "luota", "tyk", "tykona"})
#: with someone, before the person: "back living with my parents in Kuusamo", "bor hos mina föräldrar" (folded)
_WITH = frozenset({"with", "hos", "med"})


def _at_their_place(message: Message, first: int, after: int, position: int) -> bool:
    """The writer at someone's place ("mutsin luo", "living with my parents"), not a third person at theirs
    ("tyttäreni asuu isänsä luona")."""
    if first and message.folded[first - 1] in _WITH:
        return True
    return not message.folded[after].endswith("nsa") and after + 1 < position and \
        message.folded[after + 1] in _AT_PLACE


def _cue_clause_starts(message: Message) -> list[int]:
    """Where the clause of each word starts, for the cues: at a sign, or at "but", "and" or "or" (CLAUSE_WORDS)."""
    starts, start = [], 0
    for i, word in enumerate(message.folded):
        if i in message.breaks or word in CLAUSE_WORDS:
            start = i
        starts.append(start)
    return starts


def _owners(message: Message, hits: list[PlaceHit],
            cues: dict[str, list[PhraseHit]]) -> dict[int, dict[str, PhraseHit]]:
    """Each cue goes to the nearest place in its clause: "asun Helsingissä, mökki Sotkamossa" and
    "Helsingissä asun mut mökki on Sotkamossa" both make Helsinki home. A cue before a place reaches
    CUE_REACH_BACK words, one after it CUE_REACH_AHEAD ("Sotkamossa asun"); on a tie the place after wins, and a
    move or plan cue takes a place after it first."""
    owned: dict[int, dict[str, PhraseHit]] = {}
    clause = _cue_clause_starts(message)
    for role, found in cues.items():
        for cue in found:
            first, last = min(cue.positions), max(cue.positions)
            best: tuple[int, int] | None = None  # (distance, tie-break), place index
            best_index = -1
            for index, hit in enumerate(hits):
                p = hit.position
                if clause[p] != clause[first]:
                    continue
                if last < p and p - last <= CUE_REACH_BACK:
                    key = (p - last, 0)
                elif role == "perfect" and first < p < last:
                    key = (0, 0)  # a duration around the place: "asunut Sotkamossa jo viisi vuotta"
                elif first > p and first - p <= (CUE_REACH_BACK if role == "visit" else CUE_REACH_AHEAD):
                    # a visit is told after the place ("kirjotan Oulusta kun oon kaverilla kylässä"); a move's place
                    # comes after its verb ("asun vielä Kuhmossa mutta muutan ensi kuussa Kajaaniin"): one before
                    # it only when none follows
                    key = (first - p + (CUE_REACH_BACK if role in ("move", "plan") else 0), 1)
                else:
                    continue
                if best is None or key < best:
                    best, best_index = key, index
            if best_index >= 0:
                owned.setdefault(best_index, {}).setdefault(role, cue)
    return owned


def _role(message: Message, hit: PlaceHit, near: dict[str, PhraseHit],
          moves: list[PhraseHit]) -> tuple[str, str]:
    """The role the cue words a place owns give it, and the words that gave it."""
    p = hit.position
    previous = message.folded[p - 1] if p else ""
    perfect = near.get("perfect")
    if perfect is not None:
        past = near.get("past")
        words = " ".join(message.tokens[i] for i in sorted(perfect.positions))
        # "olen asunut Kuhmossa koko ikäni" lives there still; "olen asunut ennen Kuhmossa" does not. A move
        # said later wins ("olen asunut Kuhmossa 5 vuotta mutta muutin Joensuuhun"): still ranks below it
        past_words = {message.folded[i] for i in past.positions} if past else set()
        if past is None or set(past.positions) <= set(perfect.positions) or past_words <= PAST_VERBS:
            return "still", words
    for role in CUE_PRIORITY:
        cue = near.get(role)
        if cue is None:
            continue
        words = " ".join(message.tokens[i] for i in sorted(cue.positions))
        if role in ("move", "plan"):
            direction = case_of(message.folded[p], previous)
            return _MOVE_ROLES[role][direction == "from"], f"{words} … {direction}"
        if role == "current" and case_of(message.folded[p], previous) == "to":
            # nobody lives "into" a place: "Kuusamoon mut nyt jäin työttömäks" is where they go, not home now
            continue
        return role, words
    if hit.how == "postal_code":
        # "osote on 93590 Vanhala": a postcode is an address, and an address is where the person lives
        return "current", message.tokens[p]
    if any(max(c.positions) < p for c in moves):
        # "muutin Sotkamosta viime kuussa Kuusamoon": the move verb reaches the whole sentence
        direction = case_of(message.folded[p], previous)
        if direction != "in":
            return _MOVE_ROLES["move"][direction == "from"], SENTENCE_MOVE + direction
    return "unmarked", ""


#: The cue of a place a move verb earlier in the sentence reaches ("muutin Sotkamosta viime kuussa Kuusamoon").
SENTENCE_MOVE = "moved … "
#: (to or in, from): a move done leaves the place it was from; a planned one starts from home
_MOVE_ROLES = {"move": ("moved_to", "past"), "plan": ("plan_to", "current")}


def _denied(message: Message, hit: PlaceHit, denials: list[PhraseHit]) -> bool:
    """'asun Sotkamossa, ei Kuhmossa', 'in Sotkamo, not Kuhmo': a place said right after a denial in its own
    clause is where the person does not live ("ei, Kuhmossa" answers no and then names the place)."""
    p = hit.position
    return any(max(c.positions) == p - 1 and sentence_start(message, p) <= min(c.positions) for c in denials)


def _option(hit: PlaceHit, which: list[PhraseHit], breaks: frozenset[int] = frozenset()) -> bool:
    """'Loukusalta oon, kuusamoon vai?', 'ouluun vai tänne': a place right beside 'vai' is an option weighed; a move's
    destination only in the same clause ("muutin Puolangalle. Kummassa paikassa…" is a move told, then a question)."""
    return any((min(c.positions) == hit.position + 1 and hit.position + 1 not in breaks)
               or (max(c.positions) == hit.position - 1 and hit.position not in breaks) for c in which)


def _landmark(hit: PlaceHit, near: list[PhraseHit]) -> bool:
    """'Kajaanin naapurissa', 'Kuhmon lähellä', 'near Ruka', 'next to Kajaani': a place that locates another."""
    p = hit.position
    # Finnish postpositions follow the place (Kajaanin naapurissa), English prepositions come before it
    return any(min(c.positions) == p + 1 if c.phrase.language == "fi" else max(c.positions) == p - 1 for c in near)


def _level(hit: PlaceHit) -> int:
    """A named municipality (or postal code) says more than a village name."""
    return 1 if hit.target.village else 2


def _settles(candidate: PlaceHit, village: PlaceHit) -> bool:
    """Does this other place name settle which municipality a shared village name means?"""
    t, v = candidate.target, village.target
    if t.village:
        return False
    if t.municipality:
        return t.municipality == v.municipality or t.municipality in v.alternatives
    return bool(t.outside)


#: a "meant" said after the place it corrects: "Puolangalla tarkotin" (folded)
MEANT = frozenset({"tarkoitin", "tarkotin", "tarkoitan", "tarkotan"})
#: "but rather": "en asu siellä vaan Paakissa", "ristijärvi... ei vaan hyrynsalmi" (folded)
_RATHER = frozenset({"vaan", "vaa"})
RATHER_REACH = 4
#: what a negation before "vaan" denies: being, living, or (with "siis", "vaan") the place itself (folded)
_DENIED_BEING = frozenset({"oo", "ole", "olla", "asu", "asuta", "siis", "vaan", "vaa", "kun", "ku"})
#: how far before "vaan" its negation may stand: "en oo kuusamosta vaikka kaikki luulee, vaan taivalkoskelta"
RATHER_NEGATION_REACH = 8


def _rather(message: Message, hits: list[PlaceHit]) -> set[int]:
    """The place right after "vaan" when a negation stands just before it, beside another place: "not there but here"
    ("ei siis Kajaani vaan Kajaanin naapurista Paltamosta", "en asu siellä vaan Paakissa")."""
    found = set()
    words = message.folded
    at = {h.position for h in hits}
    for i, word in enumerate(words):
        start = max(0, i - RATHER_NEGATION_REACH)
        # the negation denies being or living somewhere: "en oo", "en asu", "ei siis", "ei Kuhmossa", "ei vaan"
        if word not in _RATHER or not any(w in NEGATIONS and (j + 1 in at or words[j + 1] in _DENIED_BEING)
                                          for j, w in enumerate(words[start:i], start)):
            continue
        after = [j for j, h in enumerate(hits) if 0 < h.position - i <= RATHER_REACH]
        # (not a genitive before the place meant: "Kajaanin naapurista Paltamosta"; a demonym's "-lainen" is none)
        plain = [j for j in after if hits[j].how == "demonym" or not words[hits[j].position].endswith("n")]
        if after:
            found.add((plain or after)[0])
    return found


#: after a place the message opens with, "from X": a greeting, the writer asking or commuting ("Kontiomäestä moi",
#: "Raumalta kysyn", "Taivalkoskelta oon", "Kontiomäeltä käyn Kajaanissa töissä"): the writer's home (folded)
_FROM_HOME = frozenset({"moi", "hei", "moikka", "terve", "terveisia", "kysyn", "kyselen", "kysyisin", "oon", "olen",
                        "hej", "hi", "hello", "kayn", "kuljen"})


#: "Kuhmosta kirjottelen", wherever in the message: the writer writes from home (folded)
_WRITING_FROM = frozenset({"kirjotan", "kirjoitan", "kirjottelen", "kirjoittelen", "kirjottaa", "kirjoittaa"})


def _greets_from(message: Message, hit: PlaceHit) -> bool:
    """The message opens with a place in a "from" case and a greeting or the writer's question right after it, or
    a place in a "from" case is where the writer writes from."""
    at = hit.position
    after = message.folded[at + 1] if at + 1 < len(message.folded) else ""
    return ((at == 0 and after in _FROM_HOME) or after in _WRITING_FROM) \
        and case_of(message.folded[at], "") == "from"


def resolve(message: Message, hits: list[PlaceHit], cues: dict[str, list[PhraseHit]],
            corrections: list[PhraseHit]) -> Residence:
    """Weigh every place named; see the module docstring."""
    if not hits:
        return Residence(None)
    roles: list[PlaceRole] = []
    # a correction names the one place right after it ("eiku siis Sotkamossa, Kuhmossa oli se vanha kämppä"), or right
    # before a "meant" ("Asun Paltamossa, anteeks, Puolangalla tarkotin!"); "ei siis Kajaani vaan Paltamosta" denies
    # the place after it and names the one after "vaan"
    corrected = set()
    for c in corrections:
        start, end = min(c.positions), max(c.positions)
        before = [i for i, h in enumerate(hits) if h.position == start - 1]
        if message.folded[start] in MEANT and start not in message.breaks and before:
            corrected.add(before[0])
        elif not (start > 0 and message.folded[start - 1] in NEGATIONS):
            # ("eiku anteeks, muutin just viime viikolla Sotkamoon": an apology and a move before the place)
            reach = CUE_REACH_BACK + (CORRECTION_MOVE_REACH if any(
                m.positions and end < min(m.positions) <= end + CUE_REACH_BACK for m in cues.get("move", [])) else 0)
            corrected.add(min((i for i, h in enumerate(hits) if 0 < h.position - end <= reach), default=-1))
    corrected |= _rather(message, hits)
    owned = _owners(message, hits, cues)
    for index, hit in enumerate(hits):
        if _denied(message, hit, cues.get("denied", [])):
            roles.append(PlaceRole(hit, "past", "denied"))
        elif index in corrected:
            roles.append(PlaceRole(hit, "correction", "correction"))
        else:
            role, cue = _role(message, hit, owned.get(index, {}), cues.get("move", []))
            if role in ("unmarked", "work") and _greets_from(message, hit):
                role, cue = "current", "from … hi"
            if role != "past" and _landmark(hit, cues.get("near", [])):
                role, cue = "near", "landmark"
            elif role in ("unmarked", "plan_to", "moved_to") and len(hits) > 1 and _option(
                    hit, cues.get("which", []), message.breaks if role == "moved_to" else frozenset()):
                role, cue = "option", "which"
            elif role == "unmarked" and len(hits) > 1 and case_of(message.folded[hit.position],
                                                                   message.folded[hit.position - 1] if hit.position
                                                                   else "") == "to":
                # "Kontiomäeltä kysyn … junalla Kajaaniin on hankala päästä": where one goes, beside another place
                role, cue = "destination", "to"
            elif cue == SENTENCE_MOVE + "to" and any(r.role == "moved_to" for r in roles):
                # "muutin kuusamosta ouluun, kuulunko vielä kuusamoon": a move has one destination, named first
                role, cue = "unmarked", ""
            roles.append(PlaceRole(hit, role, cue))
    # a locality outside the area counts only when they say they live there ("asun Sukevalla")
    roles = [r for r in roles if not r.hit.target.weak or r.role in ("correction", "registered", "current", "moved_to",
                                                                     "still")]
    if not roles:
        return Residence(None)
    evidence = [Evidence(message.tokens[r.hit.position], f"place: {r.hit.target.label} ({r.role})",
                         ROLE_RANK[r.role] / 5, f"{r.hit.how}{', cue: ' + r.cue if r.cue else ''}") for r in roles]
    living = [r for r in roles if r.role != "past"]
    left = tuple(r.hit for r in roles if r.role == "past")
    if not living:
        readings = tuple(Reading("place", r.hit.target.label, 0.0, False, "no longer lives there") for r in roles)
        return Residence(None, left, evidence=tuple(evidence), readings=readings)
    others = cues.get("other_person", [])
    # ("muutin puolisoni perässä Kajaaniin": the writer's own move, whoever it was for)
    # (a place corrected to is the writer's own: "ei Kajaani vaan Kajaanin naapuri Paltamo")
    theirs = {id(r) for r in living if r.role != "correction" and not _said_of_oneself(message, r.hit.position)
              and r.cue.split(" ")[0] not in FIRST_PERSON_MOVES and any(
        max(c.positions) < r.hit.position and sentence_start(message, r.hit.position) <= min(c.positions)
        and not _at_their_place(message, min(c.positions), max(c.positions), r.hit.position) for c in others)}
    if any(r.cue in FIRST_PERSON_LIVING for r in living) and (cues.get("asked_for_other") or not others):
        # "Asun Mikkelissä … Kummitäti asuu Kajaanissa": beside the writer's "asun", "asuu" is someone else's (whose
        # need it is, when a relative is named but nobody is asked for, stays with the other rules: "asun
        # Helsingissä, tyttäreni on 24, asuu Kajaanissa ja etsii töitä")
        theirs |= {id(r) for r in living if r.cue in THIRD_PERSON_LIVING and not _said_of_oneself(
            message, r.hit.position)}
    if others and cues.get("asked_for_other") and not any(id(r) in theirs and r.role in LIVES_THERE for r in living):
        # "Asumme Iisalmessa. Mieheni jäi työttömäksi …, minne hänen pitäisi ilmoittautua?": "we" live there, the
        # one asked about too (unless a place of their own is said: "tyttäreni asuu isänsä luona Sotkamossa")
        theirs |= {id(r) for r in living if r.cue in WE_LIVING or (
            r.cue == "live" and "we" in message.folded[max(0, r.hit.position - FIRST_PERSON_REACH):r.hit.position])}
    if theirs and cues.get("asked_for_other"):  # "…poikani asuu Kajaanissa, mihin hän menee?"
        living = [r for r in living if id(r) in theirs]
    elif len(theirs) < len(living):  # "I live in Kajaani, my wife lives in Oulu": the writer's own place first
        living = [r for r in living if id(r) not in theirs]
    best_rank = max(ROLE_RANK[r.role] for r in living)
    top = [r for r in living if ROLE_RANK[r.role] == best_rank]
    # a named municipality beats a village name of the same standing ("Metsäkylässä Haminassa")
    best_level = max(_level(r.hit) for r in top)
    top = [r for r in top if _level(r.hit) == best_level]
    # "asun Ristijärvellä, mutta kuulin että Paltamo nykyään hoitaa…": the writer's own "asun" beats a "now" said of
    # another place
    if len(top) > 1 and top[0].role == "current" and any(r.cue in FIRST_PERSON_LIVING for r in top):
        top = [r for r in top if r.cue in FIRST_PERSON_LIVING] if all(
            r.cue in FIRST_PERSON_LIVING or r.cue in NOW_WORDS for r in top) else top
    # corrections and explicit "now" statements: the last one counts; otherwise the first named
    chosen = top[-1] if top[0].role in LATEST_COUNTS else top[0]
    penalty = 0.0
    if len({(r.hit.target.municipality, r.hit.target.outside) for r in top}) > 1:
        penalty += 0.3  # two homes of equal standing: an answer, but one staff should see
    if chosen.role == "origin":
        penalty += 0.1
    ambiguous = None
    if chosen.hit.target.ambiguous:
        settler = next((r.hit for r in living if r is not chosen and _settles(r.hit, chosen.hit)), None)
        if settler is not None:
            chosen = next(r for r in living if r.hit is settler)
        else:
            ambiguous = chosen.hit
    someone_else = bool(theirs) and id(chosen) in theirs
    readings = tuple(
        Reading("place", r.hit.target.label, ROLE_RANK[r.role] + _level(r.hit) / 10, r is chosen,
                r.role + (f" ({r.cue})" if r.cue else ""))
        for r in roles)
    return Residence(chosen.hit, left, ambiguous, someone_else, penalty, tuple(evidence), readings, chosen.role)
