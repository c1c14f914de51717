"""A person's age from a message: the writer's own before anyone else's, in digits, words or a year of birth.

The youth point serves people aged 15-29, so an age decides a route; another person's age ("vaimoni on 27")
must never be taken for the writer's.
"""

from __future__ import annotations

import re
from datetime import date

from bot.engine.message import Message

#: "19-vuotias", "olen 22", "i'm 19", "19 years old", "19v", and of someone else: "poikani on 19", "she is 24"
_AGE = re.compile(
    r"\b(?:(?:olen|oon|mä oon|ma oon|mie oon|i'm|im|i am|age|ikä|ikää|on|is|täytti|täytin|täytän|täyttänyt|täyttäny|"
    r"turned|är|ar|"
    r"fyllde)\s+"
    r"(?:(?:muuten|nyt|vasta|jo|juuri|just|kyllä|vielä|kohta|tasan|melkein|lähes|still|only|now|exactly|almost)\s+)?(\d{2})\b"
    r"(?!\s*(?:%|€|e\b|euroa?|km|kilometri|min|h\b|tuntia|astetta|vuotta|years ago|years in|kg))"
    r"|(\d{2})\s*(?:-?\s*v\b|vee\b|-?vuotia(?:s|an|aa|ana|alle|aalle|ksi)|vuotias|-?\s*years?[\s-]*old|yo\b|y/o|yrs?\b|v\.|"
    r"år\b|ar\b|-årig)"
    # "poika (19)", "Poikani, 24, asuu Kajaanissa"
    r"|(?:poika|poja|tytär|tyttär|tyttö|son|daughter|lapsi|lapse|child|kid|kaveri|ystävä|veli|velje|sisko|sisar|"
    r"friend|brother|sister)\w*(?:\s*\(|,\s*)(\d{2})(?:\)|\s*,))"
    # "täytin just viime viikolla 30": a birthday's words may stand between
    r"|\b(?:täytin|täytän|täytti|turned|fyllde)\s+(?:[a-zåäö]+\s+){1,3}?(\d{2})\b(?!\s*(?:%|€|euroa?|km|vuotta))"
    # "31 täytin", "nyt vielä 29", "nyt 31 ja edelleen kajaanilainen": the writer's own
    r"|\b(\d{2})\s+täytin\b|\bnyt\s+(?:vielä\s+|jo\s+)?(\d{2})(?=\s*(?:,|\.|ja\b|mutta\b|$))"
    # "ikää 29 vuotta", "ikkee 27 vuotta" (years after the word for age are the age), "29 ja puol vuotta",
    # "29 vuotta vielä kaks kuukautta", and years said on their own: "87500, 20 vuotta, duunia vailla"
    r"|\b(?:ikä|ikää|ikkee|ikee|ikeä|iältään)\s+(?:on\s+)?(\d{2})\s*(?:v\b|vuotta|vuotias)"
    r"|\b(\d{2})\s+(?:ja\s+puol(?:i|ikas)?\s+vuotta|vuotta\s+(?:vielä|viel)\b)"
    r"|(?:^|,\s*)(\d{2})\s+vuotta\s*(?=,|\.|$)"
    # "finnish guy from kajaani, 25, lost my job": a number alone between commas, after words
    r"|(?<=[a-zåäö]),\s*(\d{2})\s*,(?!\s*\d)"
)
_AGE_CORRECTION = re.compile(
    r"\b(?:ei kun|eiku|eikun|tai siis|siis|ei vaan|hetkinen|kirjoitusvirhe|kirjotusvirhe|näppäinvirhe|anteeks|"
    r"anteeksi|sori|no okei|i mean|sorry|typo|förlåt|jag menar)\b")
#: "oon 28, siis 38": the number right after a correction word is the age corrected
_CORRECTED_AGE = re.compile(r"\b(?:ei kun|eiku|eikun|tai siis|siis|ei vaan|anteeks|anteeksi|sori|i mean|jag menar)"
                            r"[\s,.!]+"
                            r"(?:(?:sori|sorry|anteeks|anteeksi|ei vaan|ei kun|oikeesti|oikeasti|jo|itse asiassa)\s+)*"
                            r"(\d{2})\b"
                            r"(?!\s*(?:%|€|euroa?|km|kilometri|min|h\b|tuntia|vuotta|kg))")
#: "ja minä 44", "mä 25", "jag 50": the writer's own age said without a verb, after another person's
_OWN_ELLIPSIS = re.compile(
    r"\b(?:minä|mä|ma|mie|jag|myself)\s+(?:olen\s+|oon\s+|är\s+)?(\d{2})\b(?!\s*(?:%|€|euroa?|km|vuotta))")
#: "vaimo 27", "tyttäreni 22": another person's age said without a verb
_OTHER_ELLIPSIS = re.compile(
    r"\b(?:vaimo|vaimoni|mies|mieheni|poika|poikani|tyttö|tyttäreni|tytär|veli|veljeni|sisko|siskoni|äiti|äitini|"
    r"isä|isäni|puoliso|puolisoni|avopuoliso|tyttöystävä|tyttöystäväni|poikaystävä|poikaystäväni|wife|husband|son|"
    r"daughter|brother|sister|fru|dotter|bror|syster)\s+(?:on\s+|is\s+|är\s+)?(\d{2})\b"
    r"(?!\s*(?:%|€|euroa?|km|vuotta|years ago))")
#: "syntynyt 2003", "vuosimallia 2003", "born in 2001", "född 2004": the writer's own age from the year of birth
_BIRTH_YEAR = re.compile(
    r"\b(?:syntynyt|synt|syntyny|synnyin|syntymävuosi|vuosimallia|vuosimalli|vuosikertaa|vuosikerta|born(?: in)?|"
    r"född(?: år)?)\.?\s+(?:vuonna\s+)?((?:19|20)\d\d)\b")
#: the same year in two digits: "vuosikertaa -99", "vuosimallia 03", "syntynyt '01"
_BIRTH_YEAR_SHORT = re.compile(
    r"\b(?:syntynyt|synt|syntyny|synnyin|vuosimallia|vuosimalli|vuosikertaa|vuosikerta|född)\s+[-'’]?(\d\d)\b"
    r"(?!\s*(?:v\b|vuot))")
#: a number of years after these words is how long, not how old: "olin nokialla töissä 15v"
_DURATION_WORDS = frozenset({"töissä", "työssä", "hommissa", "duunissa", "firmassa", "yrittäjänä", "talossa", "alalla"})
_OWN_AGE_WORDS = frozenset({"olen", "oon", "mä", "ma", "mie", "i'm", "im", "i", "täytin", "age", "ikä", "ikää"})
_THIRD_PERSON_AGE_WORDS = frozenset({"on", "is", "täytti", "är", "fyllde", "turned"})
_OWN_PRONOUNS = frozenset({"minä", "mä", "ma", "mie", "jag", "i"})
_OTHER_PERSON_WORDS = frozenset({
    "poika", "tyttö", "tytär", "vaimo", "mies", "äiti", "isä", "veli", "sisko", "puoliso", "avopuoliso", "kaveri",
    "ystävä", "lapsi", "hän", "se", "he", "she", "son", "daughter", "wife", "husband", "mother", "father", "mom",
    "mum", "dad", "brother", "sister", "partner", "friend", "kid", "child", "han", "hon", "sonen", "dottern", "fru",
    "man", "mamma", "pappa", "bror", "syster", "sambo", "vän", "dotter"})
#: how another person's noun starts in any case ("19-vuotiaan tyttären", "20-year-old son")
_OTHER_PERSON_STARTS = ("poj", "poik", "tytt", "tytär", "vaimo", "mieh", "äid", "äit", "isä", "velj", "sisk",
                        "puolis", "kaver", "ystäv", "lapse", "lapsi", "lapsenlap", "son", "daughter", "wife", "husband",
                        "brother", "sister", "friend", "kid", "child", "dotter", "grand", "nephew", "niece",
                        "kumppan", "avovaimo", "avomie", "girlfriend", "boyfriend", "fianc", "flickvän", "pojkvän")


def age_in(message: Message, about_other: bool = False) -> int | None:
    """The age of the person the answer is for: the writer's own ("ja minä 44", "jag är 50") before anyone
    else's ("vaimoni on 27, minä olen 34"); another person's when the writer gives none, or when the message
    asks for them ("olen 55 ja poikani 23 asuu Kajaanissa, minne hänen pitäisi mennä")."""
    text = _numbers_in_digits(message.text.lower())
    own: list[int] = []
    other: list[int] = []
    unknown: list[int] = []
    for match in _AGE.finditer(text):
        age = int(next(g for g in match.groups() if g))
        before = text[:match.start()].split()
        if match.group(2) and before and before[-1] in _DURATION_WORDS:
            continue  # "töissä 15v": years at work
        after = text[match.end():].split()[:1]
        if match.group(3) or (match.group(2) and after and after[0].startswith(_OTHER_PERSON_STARTS)):
            whose = "other"  # "poika (19)", "19-vuotiaan tyttären puolesta"
        elif match.group(5) or match.group(6):
            whose = "own"
        elif match.group(4):
            whose = "other" if match.group(0).startswith(("täytti", "turned", "fyllde")) else "own"
        else:
            whose = _whose(text[:match.start()], match.group(0))
        if match.group(0).startswith("täytän"):
            age -= 1  # "täytän 30 ensi kuussa": 29 now
        {"own": own, "other": other, "unknown": unknown}[whose].append(age)
    own += [int(m.group(1)) for m in _OWN_ELLIPSIS.finditer(text)]
    if own:
        own += [int(m.group(1)) for m in _CORRECTED_AGE.finditer(text)]
    own += [date.today().year - int(m.group(1)) for m in _BIRTH_YEAR.finditer(text)
            if 0 < date.today().year - int(m.group(1)) < 100]
    century = date.today().year // 100 * 100
    for m in _BIRTH_YEAR_SHORT.finditer(text):
        year = century + int(m.group(1))
        own.append(date.today().year - (year if year <= date.today().year else year - 100))
    other += [int(m.group(1)) for m in _OTHER_ELLIPSIS.finditer(text)]
    if about_other and (other or unknown):
        return (other or unknown)[0]  # "kysyn veljen puolesta joka on 31 …, itse oon 24"
    if own:
        # "olen 29... ei kun täytin just 30": a corrected age is the last one said
        return own[-1] if _AGE_CORRECTION.search(text) else own[0]
    # only someone else's age: the message is about them ("tyttäreni on 24, asuu Kajaanissa ja etsii töitä")
    found = sorted(other + unknown, key=lambda age: text.find(str(age)))
    return found[0] if found else None


_UNITS = {"yksi": 1, "yks": 1, "kaksi": 2, "kaks": 2, "kolme": 3, "neljä": 4, "viisi": 5, "viis": 5, "kuusi": 6,
          "kuus": 6, "seitsemän": 7, "seittemän": 7, "seitemän": 7, "kahdeksan": 8, "kaheksan": 8, "yhdeksän": 9,
          "yheksän": 9}
_TENS = {"kaksikymmentä": 20, "kakskymmentä": 20, "kakskyt": 20, "kolmekymmentä": 30, "kolkyt": 30,
         "kolmekyt": 30, "neljäkymmentä": 40, "nelkyt": 40, "viisikymmentä": 50, "viiskyt": 50,
         "kuusikymmentä": 60, "kuuskyt": 60}
#: "täytin kakskytviis", "olen yhdeksäntoista": an age in Finnish words, written as one word
_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBER_WORD = re.compile(r"\b(?:(?P<tens>" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?P<unit>"
                          + _UNIT_WORDS + r")?|(?P<teen>" + _UNIT_WORDS + r")toista)\b")


def _numbers_in_digits(text: str) -> str:
    """Ages written in Finnish words as digits ("kakskytviis" → 25, "viisitoista" → 15), for the age patterns."""
    def digits(match: re.Match[str]) -> str:
        if match.group("teen"):
            return str(10 + _UNITS[match.group("teen")])
        return str(_TENS[match.group("tens")] + _UNITS.get(match.group("unit") or "", 0))
    return _NUMBER_WORD.sub(digits, text)


def _whose(before: str, match: str) -> str:
    """Whose age a match gives: "olen 19", "i'm 19" the writer's; "poikani on 16", "she is 24" another's."""
    first = match.split()[0]
    if first in _OWN_AGE_WORDS:
        return "own"
    previous = before.split()[-2:]
    if first == "on" and previous and previous[-1] in ("ikä", "ikäni") and (len(previous) < 2 or previous[0] in (
            "mun", "minun", "mulla")):
        return "own"  # "mun ikä on 28"
    if first in _THIRD_PERSON_AGE_WORDS or not first.isdigit():
        if previous and previous[-1] in _OWN_PRONOUNS:
            return "own"
        if any(w in _OTHER_PERSON_WORDS or (len(w) > 4 and w.endswith(("ni", "nsa", "nsä"))) for w in previous):
            return "other"
    elif previous and (previous[-1] in _OTHER_PERSON_WORDS or previous[-1].endswith("ni")):
        return "other"  # "poikani 16-vuotias"
    return "unknown"
