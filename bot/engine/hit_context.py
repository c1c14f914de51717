"""What the words around a phrase say of it: negated, not wanted, told done, someone else's, a workplace.

A phrase found in a message is not yet a need: "en halua soittaa Kelaan", "olen eläkkeellä", "töissä
sairaalassa", "muuttoilmoitus on tehty" name an organisation that is asked nothing. Each predicate reads a few
words on either side of the hit, so the rules stay small and the understanding step stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.message import Message, sentence_start
from bot.engine.phrases import NEGATIONS, PhraseHit

#: an essive long enough to be one ("omaishoitajana"), not a short word ending in -na ("kuna", "sina")
ESSIVE_MIN_LENGTH = 6

#: wanting, asking or daring: "en halua", "en kysy", "not about", "ei uskalla" (folded)
_WANT_OR_ASK = frozenset({"halua", "haluu", "tahdo", "want", "vill", "kysy", "kysyny", "kysynyt", "kyse", "kysymys",
                          "about", "asking", "fraga", "fragar", "galler", "uskalla", "uskaltanut", "dare", "vagar",
                          "tarvitse", "tarvi", "tarvii", "kiinnosta", "kiinnost", "interested", "intresserad"})
#: having none of it: "ei mulla oo mitään Kelan juttuja" (folded)
_HAVING = frozenset({"mulla", "minulla", "meilla", "meil", "mul"})


def not_wanted(message: Message, position: int, language: str = "") -> bool:
    """A negation and a want- or ask-word right before the word: "eikä halua soittaa", "I don't want to call",
    "en kysyny työpaikoista", "ei oo kyse Kelan tuista", "not about Kela", "ei kiinnosta Kela", "ei mulla oo mitään
    Kelan juttuja": not what the person needs."""
    before = message.folded[max(0, position - 3):position]
    if any(w in _WANT_OR_ASK for w in before) and negated(message, position, reach=3, language=language):
        return True
    after = message.folded[position + 1:position + 3]
    if len(after) == 2 and after[0] in NEGATIONS and after[1].startswith("kiinnost"):  # "verottaja ei kiinnosta"
        return True
    having = message.folded[max(0, position - 4):position]
    return having[-1:] == ("mitaan",) and any(w in _HAVING for w in having) and negated(message, position, reach=4)


#: Swedish "en" is an article ("en ny anställd"), not the Finnish "en" (I don't)
_SWEDISH_NEGATIONS = NEGATIONS - {"en"}


#: the cases of becoming something: "eläkkeelle", "sairauslomalle", "omaishoitajaksi" (folded)
_BECOMING_ENDINGS = ("lle", "ksi")


def as_status(message: Message, hit: PhraseHit, status_words: frozenset[str],
              status_verbs: frozenset[str] = frozenset()) -> bool:
    """The organisation's word says what the person is or was, not what they ask: "olen eläkkeellä" (language.yaml
    status_words), a word in the essive ("ollut pitkään omaishoitajana", "opiskelijana"), or one in a case of
    becoming beside a verb of becoming it ("eläkkeelle jäin just keväällä", "virkailija jäi eläkkeelle":
    status_verbs; not "en päässy yhteishaussa", "muuttoilmoitus jäi tekemättä")."""
    if len(hit.positions) != 1:
        return False
    position = hit.positions[0]
    word = message.folded[position]
    beside = message.folded[max(0, position - 2):position + 2]
    return word in status_words or (len(word) > ESSIVE_MIN_LENGTH and word.endswith("na")
                                    and not hit.phrase.stems[0].endswith("na")) or (
        word.endswith(_BECOMING_ENDINGS) and any(w in status_verbs for w in beside))


#: where a workplace is said to be: "at the hospital", "på sjukhuset" (folded), or a Finnish locative ending
_AT_WORDS = frozenset({"at", "in", "pa"})
_LOCATIVE_ENDINGS = ("ssa", "lla")
WORKPLACE_REACH = 3


def workplace(message: Message, hit: PhraseHit, job_words: list[int]) -> bool:
    """The organisation named just after a job ("got a job at the hospital", "töissä sairaalassa") is a workplace."""
    first = min(hit.positions)
    if not any(0 < first - p <= WORKPLACE_REACH for p in job_words):
        return False
    word, after = message.folded[first], message.folded[first + 1] if first + 1 < len(message.folded) else ""
    # "töissä sairaalassa", "töissä keskussairaalan keittiössä", "a job at (the) hospital"
    # (but not "verokortin kanssa": with a thing, no place)
    return word.endswith(_LOCATIVE_ENDINGS) or (word.endswith("n") and after.endswith("ssa") and after != "kanssa") or (
        first > 0 and message.folded[first - 1] in _AT_WORDS) or (
        first > 1 and message.folded[first - 1] == "the" and message.folded[first - 2] in _AT_WORDS)


#: words before "employer" that make it the writer's or someone's employer, not the writer: "uusi työnantaja pyytää",
#: "my employer hasn't paid", "yksi työnantaja vihjasi" (folded)
_EMPLOYEE_OF = frozenset({"uusi", "uuden", "entinen", "entisen", "mun", "minun", "meidan", "my", "our", "new", "former",
                          "min", "var", "nya", "yksi", "yks", "eras", "joku", "one", "another", "some"})


#: relative pronouns: what follows tells of someone just named ("hitsaaja, joka on ollut ilman töitä") (folded)
_RELATIVES = frozenset({"joka", "jotka", "jonka", "who"})  # not Swedish "som": also "as" ("som arbetssökande")
RELATIVE_REACH = 4


#: relative pronouns of a thing: "kortti jolla työtön pääsee", "mökki jota työttömät voi vuokrata" (folded)
THING_RELATIVES = _RELATIVES | frozenset({"jolla", "jossa", "jolle", "jota", "jonne", "joilla", "joissa", "which"})


def in_relative_clause(message: Message, position: int, relatives: frozenset[str] = _RELATIVES) -> bool:
    """A relative pronoun a few words before: the words tell of the person (or thing) just named, not of the
    writer."""
    return any(w in relatives for w in message.folded[max(0, position - RELATIVE_REACH):position])


#: "työnantaja" in a local case: at or from an employer ("olen ollut samalla työnantajalla 18 vuotta") (folded)
_AT_AN_EMPLOYER = ("tyonantajalla", "tyonantajalta")


def someones_employer(message: Message, hit: PhraseHit) -> bool:
    """"Employer" after a word that makes it someone's (_EMPLOYEE_OF), or said as where the writer works ("samalla
    työnantajalla"): the writer works for it."""
    first = min(hit.positions)
    return (first > 0 and message.folded[first - 1] in _EMPLOYEE_OF) or any(
        message.folded[p].startswith(_AT_AN_EMPLOYER) for p in hit.positions)


#: the employer's own word ("työnantaja", "arbetsgivaren", "employer"), however inflected (folded)
_EMPLOYER_WORDS = ("tyonantaj", "arbetsgivar", "employer")
#: the writer as the one the employer does something to ("vaatii minua", "ei maksa mulle") (folded)
WRITER_AS_OBJECT = frozenset({"minua", "mua", "minut", "mut", "minulle", "mulle", "meille", "meita", "meidat",
                               "mig", "oss", "me", "us"})
#: how far after the employer's word the writer may stand as its object
WRITER_OBJECT_REACH = 3


def employer_of_writer(message: Message, hit: PhraseHit, has_job: bool) -> bool:
    """The employer's word only ("työnantaja ei anna vapaata"), said by someone who has a job or who is the one it
    does something to ("työnantaja vaatii minua"): the writer's employer, not the writer being one."""
    words = [p for p in hit.positions if message.folded[p].startswith(_EMPLOYER_WORDS)]
    if len(words) != len(hit.positions):
        return False
    last = max(hit.positions)
    return has_job or any(w in WRITER_AS_OBJECT for w in message.folded[last + 1:last + 1 + WRITER_OBJECT_REACH])


def thing_of_point(message: Message, point_hits: list[PhraseHit], point: str, read: set[int]) -> bool:
    """The point's name in the genitive and right after it a word nothing reads ("kunnantalon ruokalassa",
    "kaupungintalon katto"): that thing of the building is what is asked."""
    for hit in point_hits:
        if hit.phrase.key != point:
            continue
        after = max(hit.positions) + 1
        if message.folded[after - 1].endswith("n") and after < len(message.folded) and after not in read \
                and after not in message.breaks and message.folded[after].isalpha():
            return True
    return False


def point_as_landmark(point_hits: list[PhraseHit], point: str, near: Iterable[PhraseHit],
                      after_only: bool = False) -> bool:
    """A near-word right after the point's name or just before it ("virastotalon lähellä", "near the city hall");
    `after_only`: only right after it ("virastotalon kahvion")."""
    named = [h for h in point_hits if h.phrase.key == point]
    return any(min(c.positions) - max(h.positions) == 1 or (
        not after_only and 0 < min(h.positions) - max(c.positions) <= 2) for h in named for c in near)


def negation_apart(hit: PhraseHit) -> bool:
    """An emergency's negation with words between it and its verb: "ei kolmen hengen perhe pärjää" is no "ei
    hengitä" (the two share a stem); "ei hengitä" is said in one breath."""
    return hit.phrase.stems[0] in NEGATIONS and max(hit.positions) - min(hit.positions) >= len(hit.positions)


#: the words between a negation and what it denies: "ei mitään hätää", "ei oo hätää", "not any danger" (folded)
_DENIAL_FILLERS = frozenset({"mitaan", "mitn", "mikaan", "oo", "ole", "any"})


def denied(message: Message, hit: PhraseHit) -> bool:
    """An emergency's word said not to be one: "ei mitään hätää", "no emergency" (not "eikä verenvuoto lopu", where
    the negation is another verb's)."""
    first = min(hit.positions)
    before = message.folded[max(0, first - 2):first]
    return (len(before) == 2 and before[0] in NEGATIONS and before[1] in _DENIAL_FILLERS) or before[-1:] == ("no",)


def negated(message: Message, position: int, reach: int = 2, end: int | None = None, language: str = "") -> bool:
    """A negation up to `reach` words before the word (and up to `end` inside a phrase): "enkä oo töissä".
    `language`: the phrase's, where a word is a negation in one language only."""
    negations = _SWEDISH_NEGATIONS if language == "sv" else NEGATIONS
    return any(w in negations for w in message.folded[max(0, position - reach):position if end is None else end])


#: "Kela-asia", "kassa-asiat", "a Kela matter": the word naming someone's matter (folded)
_MATTER_WORDS = frozenset({"asia", "asiat", "asiaa", "asioita", "arende", "arenden", "matter", "thing"})


#: a matter already seen to: "muuttoilmoitus on tehty ja kaikki" (folded); not when a "but" follows ("tehty mut
#: osoite ei päivity": the matter goes on)
_DONE = frozenset({"tehty", "hoidettu", "hoidossa", "kunnossa", "done", "soitettiin", "soitettu", "soitin",
                   "vaihdettu", "paivitetty", "ilmoitettu", "vaihtunut", "vaihtunu", "muuttunut", "muuttunu",
                   "paivittynyt", "soitimme"})
#: "but": turns to another matter or person within a sentence (folded)
BUT = frozenset({"mut", "mutta", "but", "men"})
DONE_REACH = 2
#: "muuttoilmoitus on jo tehty": "already" lets the word saying so stand one further (folded)
_ALREADY = frozenset({"jo", "already", "redan"})


def done(message: Message, hit: PhraseHit) -> bool:
    """The organisation's matter is told done right after it is named ("muuttoilmoitus on tehty", "sairausloman
    jälkeen"), and nothing more is said of it."""
    last = max(hit.positions)
    reach = DONE_REACH + any(w in _ALREADY for w in message.folded[last + 1:last + 1 + DONE_REACH])
    after = message.folded[last + 1:last + 1 + reach]
    following = message.folded[last + 1:last + 2 + reach]
    # "pitkän sairausloman jälkeen": after the matter, in the genitive, it is the past
    past = message.folded[last].endswith("n") and after[:1] == ("jalkeen",)
    return (past or any(w in _DONE for w in after)) and not any(w in BUT for w in following)


#: "ei oo kyse Kelasta": the word saying what a message is about, and how far before the matter it may stand
_ABOUT = frozenset({"kyse", "kysymys"})
ABOUT_REACH = 3


def not_their_matter(message: Message, hit: PhraseHit) -> bool:
    """"Ei oo Kela-asia eikä kassa-asia" ("kela asia" once the hyphen is read): a matter said right after a
    negation is not what is asked."""
    first, last = min(hit.positions), max(hit.positions)
    matter = message.folded[last] in _MATTER_WORDS or (
        last + 1 < len(message.folded) and message.folded[last + 1] in _MATTER_WORDS)
    # (in its own sentence: "enkä pääse takaisin. kela-asiat ja työnhaku" is no denial of the Kela matter)
    start = sentence_start(message, first)
    if matter and negated(message, first, reach=min(3, first - start), end=last + 1):
        return True
    # "ei oo kyse mistään Kelan tuista, haluun vaan työkokeiluun": what it is not about
    about = [i for i in range(max(start, first - ABOUT_REACH), first) if message.folded[i] in _ABOUT]
    return bool(about) and negated(message, about[0], reach=min(2, about[0] - start))


def year_after(message: Message, position: int) -> bool:
    """A year right after the word: "synnyin 2001", "synnyin vuonna 2001", "synnyin -01"."""
    after = message.folded[position + 1] if position + 1 < len(message.folded) else ""
    return after == "vuonna" or (after.isdigit() and len(after) in (2, 4))


#: a verb that puts what follows in the past: "olin kolarissa viime talvena" (folded)
_PAST_EVENT = frozenset({"olin", "oli", "olimme", "olit", "was", "were", "had", "var", "hade"})


def in_the_past(message: Message, position: int, reach: int = 3) -> bool:
    """A past verb just before the word, in its clause: "olin alkuvuoden työttömänä", "I was unemployed"."""
    start = max(position - reach, sentence_start(message, position))
    return any(w in _PAST_EVENT for w in message.folded[start:position])


#: a time gone by: "viime viikolla", "last week", "förra veckan" (folded)
_GONE_BY = frozenset({"viime", "last", "forra"})
PAST_TIME_REACH = 3


def not_now(message: Message, hit: PhraseHit) -> bool:
    """An emergency told about afterwards ("olin kolarissa viime talvena", "putos telineiltä viime viikolla") or "112"
    inside a phone number ("puh 0400 112 233"): nothing to call about now."""
    first, last = min(hit.positions), max(hit.positions)
    folded = message.folded
    if any(w in _PAST_EVENT for w in folded[max(0, first - 2):first]):
        return True
    # "putos telineiltä viime viikolla": a time gone by in the emergency's clause
    end = min([b for b in message.breaks if b > last] + [len(folded)])
    if any(w in _GONE_BY for w in folded[last + 1:min(end, last + 1 + PAST_TIME_REACH)]):
        return True
    return folded[first].isdigit() and any(
        0 <= i < len(folded) and folded[i].isdigit() for i in (first - 1, last + 1))


#: the writer as the object of hiring: "palkata minut", "anställa mig", "hire me"
_SELF_OBJECTS = frozenset({"minut", "mut", "minua", "mua", "mig", "me", "meidat", "oss", "us"})  # folded


#: an employer offering the writer work: "työnantaja tarjoaa osa-aikatyötä", "an employer offered me" (folded)
_TO_ME = frozenset({"mulle", "minulle", "meille", "mulleki"})
_OFFERS = frozenset({"tarjoaa", "tarjoo", "tarjosi", "tarjos", "tarjoutui", "offers", "offered", "erbjuder", "erbjod"})


def hires_me(message: Message, hit: PhraseHit) -> bool:
    """The employer named is the writer's, hiring or offering them work: "palkata minut", "työnantaja tarjoaa"."""
    after = max(hit.positions) + 1
    if after < len(message.folded) and message.folded[after] in _TO_ME:  # "tarjosi mulle", "tarjos meille"
        return after + 1 < len(message.folded) and message.folded[after + 1] in _OFFERS
    return after < len(message.folded) and message.folded[after] in _SELF_OBJECTS | _OFFERS


#: being, between a negation and a seeking verb: "en ole etsimässä", "I am not looking" (folded)
_BEING = frozenset({"ole", "oo", "am", "are"})
#: words before a job word in which a search denied is said: "en etsi töitä", "jag söker inte jobb", "I'm not
#: looking for work"
SEARCH_DENIAL_REACH = 4


def search_denied(message: Message, hit: PhraseHit, seeking: frozenset[str]) -> bool:
    """A negation and a word of seeking before the job word, in its clause (language.yaml `seeking_words`): the person
    says they are not looking for work, so the word asks nothing of ours."""
    first = min(hit.positions)
    start = max(sentence_start(message, first), first - SEARCH_DENIAL_REACH)
    words = message.folded
    starts = tuple(seeking)
    # the negation right at the verb: "en etsi", "en ole etsimässä", "not looking", "söker inte" ("en jaksa etsiä
    # töitä" and "en hakenu yhtä työpaikkaa" are a job seeker's words)
    return any(words[j].startswith(starts) and (
        words[j - 1] in NEGATIONS or (j - 2 >= start and words[j - 2] in NEGATIONS and words[j - 1] in _BEING)
        or (j + 1 < len(words) and words[j + 1] in NEGATIONS)) for j in range(max(start, 1), max(hit.positions) + 1))


def reason_clauses(message: Message, reason_words: frozenset[str]) -> set[int]:
    """The words of clauses that give a reason ("ku ei oo töitäkään", "since I lost my job"; language.yaml
    reason_words): from the word after the reason word to the next sign or "but"."""
    inside: set[int] = set()
    open_clause = False
    for i, word in enumerate(message.folded):
        if i in message.breaks or word in BUT:
            open_clause = False
        if open_clause:
            inside.add(i)
        if word in reason_words:
            open_clause = True
    return inside


#: a third person's possessive before a word (folded): "hänen oleskelulupansa", "her residence permit"
_THIRD_PERSONS_OF = frozenset({"hanen", "hanelle", "his", "her", "their", "hans", "hennes", "deras"})


def third_persons(message: Message, hit: PhraseHit) -> bool:
    """The phrase is someone else's: a third person's possessive before it ("hänen", "her") or its suffix on it
    ("oleskelulupansa", "passinsa")."""
    first = min(hit.positions)
    word = message.folded[first]
    return (first > 0 and message.folded[first - 1] in _THIRD_PERSONS_OF) or (
        len(word) > ESSIVE_MIN_LENGTH and word.endswith(("nsa", "nsä")))


#: a country's name in a case is short; a longer word is a thing ("oleskelulupahakemukseen": into the application)
COUNTRY_MAX = 12
#: work or an offer from a country (folded word starts): "työtarjouksen Saksasta", "töitä Norjasta"
_WORK_FROM = ("tyotarjou", "tyopaik", "toita", "tyota", "tarjouksen", "paikan", "kutsun")
#: the illative, where someone goes: "Saksaan", "Ruotsiin", "Viroon", "Kiinaan", "Thaimaahan" (folded)
_ILLATIVE = re.compile(r"(?:aa|ee|ii|oo|uu|yy)n$|(?:aa|ee|ii|oo|uu|yy)h[aeiouy]n$|hin$")


def towards(message: Message, hit: PhraseHit) -> bool:
    """A one-word phrase in the illative: where someone goes ("lähössä vaihtoon Saksaan"), not where they are from
    (but coming to Finland, "tullut Suomeen", is being new here)."""
    word = message.folded[hit.positions[0]] if len(hit.positions) == 1 else ""
    if not 0 < len(word) <= COUNTRY_MAX or word.startswith("suom"):
        return False
    if _ILLATIVE.search(word):
        return True
    # "sain työtarjouksen Saksasta", "haen töitä Irlannista": work from abroad, not where the writer is from
    before = message.folded[hit.positions[0] - 1] if hit.positions[0] else ""
    return word.endswith("sta") and before.startswith(_WORK_FROM)
