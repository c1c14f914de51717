"""Redacting personal data from what people write, and hashing user ids, before anything is stored.

`redact` replaces, in this order: e-mail addresses (also written "nimi at domain piste fi",
"name(at)domain.com", "name [at] domain dot com") and Telegram @handles; identity codes
(henkilötunnus: every century sign, spaces around the sign, lower case, no sign at all when the check
character is right); IBANs; birth dates (after a cue such as "synnyin", "syntymäaika", "born", "date
of birth", and any full date in the 1900s); passport and identity-card numbers (after a cue, and two
letters with seven digits anywhere); payment card numbers (13–19 digits that pass the Luhn check);
phone numbers (Finnish and international, with spaces, dashes, dots, a slash or brackets, and after a
cue such as "puh" without the leading zero too); street addresses (a street word and a house number,
or any word and a number after "osoite"/"address"); and people's names, after a cue ("nimeni on",
"olen", "my name is", "I'm", "terveisin", "t.", "regards", …, or "Jenni tässä") and without one, as a
known first name (`FIRST_NAMES`) followed by a capitalised surname.

What it keeps: places and services of the area (never taken for a surname: `PROTECTED_STEMS` and the
case forms of every village of the shipped knowledge base), dates of appointments (without a year, or
from 2000 on, unless a birth cue stands before them), birth years and ages ("synnyin vuonna 2004",
"olen 19": routing to youth services needs them), postal codes and other numbers.

Over-redaction is the safe side: the street address of a service point is redacted like any other,
as an address alone does not say which town it is in ("Kauppakatu 20" is a service point in
Suomussalmi and may be a home in Kajaani). The corpora in tests/privacy/ show what is caught and kept.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re

import yaml

from bot import SHIPPED_KNOWLEDGE

HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

PLACEHOLDERS = {"hetu": "[hetu]", "phone": "[puhelin]", "email": "[email]", "iban": "[iban]",
                "address": "[osoite]", "card": "[kortti]", "passport": "[passi]", "birth": "[syntymäaika]",
                "name": "[nimi]", "handle": "[käyttäjä]"}

#: After a cue: when the cue ends in a letter, the word ends there ("olen", not "Olena").
_CUE_END = r"(?:(?<=\w)(?!\w)|(?<!\w))"

# --- e-mail addresses ---------------------------------------------------------------------------------
_LOCAL = r"[\w%+-]+(?:\.[\w%+-]+)*"
_LABEL = r"[\w-]+"
_BRACKETED_AT = r"\s*[(\[{<]\s*(?:at|a|ät|@)\s*[)\]}>]\s*"
_WORD_DOT = r"(?:\s*[(\[{<]\s*(?:dot|piste|\.)\s*[)\]}>]\s*|\s+(?:dot|piste)\s+)"
_DOMAIN = _LABEL + r"(?:(?:\." + "|" + _WORD_DOT + ")" + _LABEL + r")+"
_MAIL_PROVIDERS = (r"(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|luukku|suomi24|kolumbus|"
                   r"elisanet|saunalahti|netti|pp\.inet|welho|dnainternet|protonmail|proton|gmx|yandex|mail|"
                   r"ukr|inbox|aol|web)")
_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<dotted>(?=[\w%+-]*[._\d]))?" + _LOCAL + r"(?:"
    + r"(?:\s*@\s*|" + _BRACKETED_AT + r")" + _DOMAIN  # name@domain.fi, name(at)domain.com
    # "name at domain …": only when it cannot be plain prose ("look at tyomarkkinatori.fi"): the name has
    # a dot, digit or underscore, or the domain is written with "dot"/"piste", or is a mail provider
    + r"|\s+(?:at|ät)\s+(?:(?(dotted)" + _DOMAIN + r"|(?!))"
    + r"|" + _LABEL + r"(?:\." + _LABEL + r")*" + _WORD_DOT + _LABEL + r"(?:(?:\.|" + _WORD_DOT + r")" + _LABEL + r")*"
    + r"|" + _MAIL_PROVIDERS + r"(?:\." + _LABEL + r")+)"
    + r")",
    re.IGNORECASE)
_EMAIL_HINT = re.compile(r"@|(?<![\w])(?:at|ät)(?![\w])|[(\[{<]\s*(?:at|a|ät)\s*[)\]}>]", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z]\w{3,31}\b")

# --- identity codes ---------------------------------------------------------------------------------
# With a century sign (spaces around it allowed), or without one; checked in _hetu.
_HETU = re.compile(r"(?<![\w-])(\d{6})(?:\s*([-+A-FU-Y])\s*|\s?)(\d{3})([0-9A-Y])(?!\w)", re.IGNORECASE)

# --- IBANs: letters after the check digits are upper case in every IBAN -------------------------------
_IBAN = re.compile(r"(?<![\w])(?:[A-Za-z]{2}\d{2}|[A-Z]{2}\s\d{2}|fi\s\d{2})"
                   r"(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![\w])")

# --- birth dates ----------------------------------------------------------------------------------------
_MONTH = (r"(?:(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu(?:ta|n)?"
          r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_NUMERIC_DATE = r"\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:\d{4}|\d{2})(?!\d)"
_DATE = (r"(?:" + _NUMERIC_DATE + r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"
         r"|\d{1,2}(?:\.|st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"\s*,?\s*\d{2,4}(?!\d)"
         r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s*\d{4}(?!\d))")
_BIRTH_CUE = (r"(?:synnyin|syntynyt|syntyi|synt\.?|syntymä(?:aika|päivä|päivämäärä)(?:ni|si|nsä)?|(?<![\w.])s\."
              r"|born(?:\s+on)?|date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?)")
_BIRTH = re.compile(
    r"(?<![\w])(?P<cue>" + _BIRTH_CUE + r")" + _CUE_END
    # "synnyin 13.10.1952", "syntymäaika on 1.2.1990", "synnyin Kuhmossa 5.5.1985": up to two words between
    + r"(?P<gap>[\s:,-]*(?:(?:on|oli|is|was|:)\s*)?(?:[^\s\d]+\s+){0,2}?)"
    r"(?P<date>" + _DATE + r")"
    # any full date in the 1900s: in a job seeker's message, a birth date
    # (not a range of dates, "1.1.1998–31.12.2004": work history)
    r"|(?<![\d.])(?<![–—-])(?P<old>(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?19\d{2}|19\d{2}-\d{1,2}-\d{1,2})"
    r"(?!\d|\s?[–—-]\s?\d)"
    r"|\d{1,2}(?:\.|st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"\s*,?\s*19\d{2}(?!\d))",
    re.IGNORECASE)

# --- passports and identity cards -------------------------------------------------------------------
_DOCUMENT_CUE = (r"(?:passi(?:n|ni|nsa)?(?:numero(?:ni)?)?|passport|passeport|reisepass|pass"
                 r"|henkilökortin|henkilökortti|id[\s-]?card|identity\s+card|id)")
_DOCUMENT = re.compile(
    r"(?<![\w])(?P<cue>" + _DOCUMENT_CUE + r")" + _CUE_END
    + r"(?P<gap>(?:[\s:.#-]+(?:no|nro|nr|num|number|numero|numeroni|is|on|oli|was)\b\.?)*[\s:.#-]*)"
    r"(?P<number>[A-Z]{1,2}\s?\d{6,8}|(?=[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d)[A-Z0-9]{6,10})(?![\w])"
    r"|(?<![\w])(?P<bare>[A-Z]{2}\d{7})(?![\w])",  # a Finnish passport number: two letters, seven digits
    re.IGNORECASE)

# --- payment cards ------------------------------------------------------------------------------------
_CARD = re.compile(r"(?<![\d-])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}|\d{4}[ -]\d{6}[ -]\d{4,5})(?!\d)")

# --- phone numbers ----------------------------------------------------------------------------------
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\d{1,4}(?:[ .-]?\d){4,10}"  # +358 40 123 4567, +46 …
    r"|(?:\(0\d{1,3}\)|0\d{1,3}\s?/)\s?\d(?:[ -]?\d){4,9}"  # (040) 1234567, (08) 615 5555, 040/123 4567
    r"|(?!\d{1,2}\.\d{1,2}\.\d)0\d{1,3}(?:\.\d{2,4}){2,3}"  # 040.123.4567 (but not the date 01.02.2026)
    r"|0\d(?:[ -]?\d){5,10}"  # 040 123 4567, 0401234567, 09 123 456
    r")(?!\d)")
_PHONE_CUE = re.compile(
    r"(?<![\w])(?P<cue>puh(?:elin)?(?:numero)?(?:ni|n|si)?\.?|p\.|gsm|tel\.?|phone|mobile|whatsapp|matkapuhelin)"
    + _CUE_END
    + r"(?P<gap>[\s:.]*(?:(?:nro|no|number|numero|on|is)\.?[\s:]*)*)"
    r"(?P<number>\+?\d(?:[ ./-]?\d){6,14})(?!\d)",
    re.IGNORECASE)

# --- street addresses ----------------------------------------------------------------------------------
_STREET_WORD = (r"(?:tie|katu|kadu|kuja|polku|polu|väylä|raitti|raiti|rinne|rintee|kaari|kaare|tanhua"
                r"|ranta|ranna|puisto|aukio)"
                r"(?:n|ll[aä]|lt[aä]|lle|ss[aä]|st[aä])?")
# A number followed by a unit is a quantity, not a house number ("tie 5 kertaa", "Ranta 3 km").
_NOT_A_HOUSE = (r"(?!\s*(?:km|m|kertaa|kerran|vuotta|vuoden|v|tuntia|tunnin|h|min|minuuttia|€|e|euroa|%|kk"
                r"|kuukautta|päivää|pv|viikkoa|vko|hlö|henkeä|years?|times|hours?|minutes?|days?|weeks?|euros?)"
                r"(?![\wåäö]))")
_APARTMENT = r"(?:\s*(?:as\.?\s*\d{1,4}|[a-z]\s*\d{1,4}|[a-z](?![\w])))?"
_HOUSE = r"\s+\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?" + _NOT_A_HOUSE + _APARTMENT  # 4, 4a, 3-5; B 12, as. 3, A
_ADDRESS = re.compile(
    r"(?<![\w])(?:(?P<cue>(?:(?:koti|katu)?osoit(?:e|teeni|teessa|teeseen|teella|teesta)|address|live\s+at)" + _CUE_END
    + r"(?:\s*(?:on|is|:))?\s*)?(?P<word>[^\W\d_][\w-]*)" + _HOUSE
    + r"|\d{1,4}\s+[A-Z][a-z]+\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Way)(?![\w]))",
    re.IGNORECASE)
_STREET_END = re.compile(r"[\w-]" + _STREET_WORD + r"$", re.IGNORECASE)  # Kalliokatu, Rantakadulla

# --- names -------------------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return text.split()


#: Common first names (lower case) of people in Finland: Finnish, Swedish, English, and the languages
#: newcomers to Kainuu speak most. Enough to recognise "Liisa Virtanen" without a cue.
FIRST_NAMES = frozenset(_words("""
aada aapo aarne aaro aatu ahti aila aino aki aleksi alexander alina aliisa allan alma amanda amira amina
anja anna anne anneli anni anniina annika ansku antero anton antti ari arja arto arttu arvo asko atte
auli aulis eemeli eemil eero eetu eeva eija eila eino eliisa elina elisa eliel ella ellen elli elma elsa
emil emilia emma emmi erik erika erkki esa esko essi eveliina hanna hannele hannu harri heidi heikki
heli helena helmi henna henri henrik hilkka hilla hilma hilja iida iina iiris ilari ilkka ilona inkeri
irja irma irmeli ismo jaakko jaana jani janne jari jarkko jarmo jenna jenni jere jesse joel johanna
joni jonna joonas jorma josefiina juha juhani juho jukka julia jussi jutta juuso jyrki kaarina kai
kaija kaisa kalervo kalevi kalle kari karoliina kasper katariina kati katja kauko kerttu kimmo kirsi
kirsti kristiina kristian kustaa kyösti laila lasse laura lauri leena leevi leila leo liisa lilja
linnea lotta lumi maarit maija maire maria marika marja marjatta marjo marjut markku marko marita
marketta markus marianne martti matias matti merja mervi mika mikael mikko milla minna mira mirja
mirjami mirjam moona nea niilo niina niklas niko nina noora nuutti oiva olavi oliver olli onni oona
oskari ossi otto paavo paula pauli pekka pentti petra petri petteri pia pirjo pirkko pertti päivi
raija raimo raili rasmus reijo reino riikka riitta risto ritva roope ruut saana saara sakari salla
sami sampo sanna santeri sari satu seija seppo siiri simo sini sirkka sirpa sofia sonja sulo susanna
suvi taina taisto taneli tapani tapio tarja tatu teemu teija tellervo terhi terttu teuvo tiia tiina
tiinamari timo tino toivo tomi tommi toni topi topias tuija tuomas tuomo tuula tuulikki tuuli tytti
ulla unto urho usko valtteri valto vappu veera veikko veli venla verna vesa ville vilho vilja vilma
väinö yrjö ylermi
adam alan albert alex alice alison amy andrew angela ann anthony barbara ben benjamin bill bob brian
carl carol caroline charles charlotte chris christopher claire daniel david dennis diana donald dorothy
edward elizabeth emily eric ethan frank gary george grace harry helen henry jack jacob james jane jason
jennifer jessica joe john jonathan joseph joshua julie karen kate katherine kevin laura linda lisa
kim lucy margaret mark mary matthew michael michelle nancy nicholas oliver olivia patricia paul peter
rachel rebecca richard robert ryan sam samuel sandra sarah scott sophie stephen steven susan thomas
tim tom victoria william
anders ann-marie annika birgitta björn britt carina emil erik gunnar göran hans ingrid johan karin
kristina lars magnus mats nils per sven ulf
abdi abdullah abdulla abdirahman ahmad ahmed ali amal amina aisha ayan fadumo farah fatima fatuma hamza
hassan hawa hodan hussein ibrahim ismail khadija layla leila mahmoud maryam mohamed mohammed mohammad
muhammad mustafa nasra omar osman rahma sahra said samira yasmin yusuf zahra zainab
alexei alla anastasia andrii andriy anton artem bohdan daria dmitri dmitry dmytro galina halyna iryna
irina ivan kateryna katerina kseniia ksenia maksym maxim mykola natalia nataliia oksana oleg oleh olena
olga oleksandr oleksii pavlo petro roman serhii sergei sergey svetlana taras tetiana tatiana valentyna
viktor viktoriia volodymyr yana yevhen yulia yuliia
ain andres jaan kadri kaja liis mari mart priit rein tiit triin
reza fatemeh hossein mehdi mohsen parisa
"""))
#: First names that are also everyday words: taken for a name only when written with a capital.
_WORD_NAMES = frozenset(_words("""
anna onni aino satu tuuli lumi toivo usko valo oiva vilja vappu lilja helmi sulo urho kai veli sini alla alan
hans will may mark grace bill jack rose hope joy art sam per mats said
"""))
#: A capitalised word starting like one of these is a place or service of the area, never a surname.
#: More come from the shipped knowledge base: villages, service names (`_shipped_places_and_services`).
PROTECTED_STEMS = tuple(_words("""
kainuu koillismaa finland finnish international ohjaamo virastotalo kunnantalo kaupungintalo toimintakeskus
työmarkkinatori tyomarkkinatori työkanava te- työllisyy tyollisyy palvelupiste starttiraha palkkatu muutosturva
"""))
#: The ten municipalities by stem, only when the shipped knowledge base cannot be read (their case forms are
#: used otherwise, so that Kuhmonen, a surname, is not taken for Kuhmo).
_FALLBACK_STEMS = tuple(_words("""
kajaan kajana kuhmo sotkamo paltamo puolang puolank ristijärv ristijarv hyrynsalm suomussalm taivalko kuusamo
"""))
#: Short names protected as whole words only (a prefix would protect the surnames Suominen and Kelander).
PROTECTED_WORDS = frozenset(_words("""
suomi suomen suomessa suomesta suomeen oulu oulun oulussa oulusta ouluun kela kelan kelassa kelasta kelaan
kelalla kelalta kelalle kelaan te typ info eures
"""))
#: A compound with a service word in it ("Henkilöasiakaspalvelut", "Asumistuen", "Työvoimakoulutus") is not
#: a surname either.
_SERVICE_COMPOUND = re.compile(r"\w{3,}?(?:palvelu|tuki|tuke|tue|raha|koulutu|valmennu|ohjau|opiskelu|messu|turva"
                               r"|etuu|etuud|työpaik|toimisto|keskus|neuvonta|neuvonna)", re.IGNORECASE)
_STOPWORDS = frozenset(_words("""
ja sekä tai mutta että kun jos koska kuin vai eli olen oon olin on ei en et emme asun asunut haen etsin
tarvitsen tarvitsisin kysyn kysyisin haluan haluaisin voin voisin olisin muutin muutan minä mä mun minun
sinä sä hän me te he se ne tässä täällä tänne täältä siellä sieltä kiitos kiitti hei moi terve morjens
mistä missä minne mihin miten mikä mitä mitkä kuka ketkä kenelle keneltä milloin miksi voiko voinko onko
olenko saako saanko pitääkö tarvitseeko nyt vielä myös vain jo juuri tosi aivan kotoisin
työtön työttömänä nuori yrittäjä opiskelija eläkeläinen ulkomaalainen
and or but so i im i'm am is are was were be been a an the from in at on to of for with by my me mine
not no yes here there where what when how who why which can could would will shall should do does did
please thanks thank hello hi hey dear live living looking work working need needing want new just also
unemployed employed student retired young old still back tomorrow today again
"""))
_NAME_WORD = r"[A-Za-zÅÄÖÜÉÈÁÍÓÚÕåäöüéèáíóúõšž'’]+(?:-[A-Za-zÅÄÖÜÉÈÁÍÓÚÕåäöüéèáíóúõšž'’]+)*"
# Cues, strongest first. "name": whatever word follows is a name ("nimeni on liisa"); "sign": a signature,
# greeting or a name mentioned (a capitalised word, or a known first name); "self": "olen", "I'm" (a known
# first name, or two capitalised words: "olen Kajaanista" is not a name).
_NAME_CUES = {
    "name": r"(?:(?:minun\s+|mun\s+|hänen\s+)?nime(?:ni|nsä|si)\s+on|(?:mun|minun|hänen)\s+nimi\s+on|nimi\s*:"
            r"|(?:my|his|her|full)\s+name\s*(?:is|:)|name\s*:|name's)",
    "sign": r"(?:nimi\s+on|name\s+is|(?:ystävällisin\s+|yst\.\s*)?terveisin|terv\.|(?<![\w.])t[.:]"
            r"|(?:best\s+|kind\s+|warm\s+)?regards|cheers|sincerely|call\s+me|täällä|tässä)",
    "self": r"(?:olen|oon|i['’]?m|i\s+am|this\s+is|thanks|thank\s+you|kiitos|kiitti|(?<![\w-])[-–—](?=\s?[A-ZÅÄÖ]))",
}
_CUED_NAME = re.compile(
    r"(?<![\w])(?:(?P<name>" + _NAME_CUES["name"] + r")|(?P<sign>" + _NAME_CUES["sign"] + r")|(?P<self>"
    + _NAME_CUES["self"] + r"))" + _CUE_END
    + r"[\s,:;-]*(?P<words>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,2})",
    re.IGNORECASE)
# Every cue contains one of these (lower case): a message without any is not searched for cues.
_NAME_CUE_HINTS = ("nim", "name", "terv", "t.", "t:", "regards", "cheers", "sincerely", "call", "täällä", "tässä",
                   "olen", "oon", "im", "i'm", "i’m", "am", "this", "thank", "kiit", "-", "–", "—")
_BIRTH_HINTS = ("19", "synn", "synt", "s.", "born", "birth", "dob", "d.o", "do.")
_CAPITALISED = r"[A-ZÅÄÖÜÉ][\w'’]*(?:-[\w'’]+)*"
# "Jenni tässä", "Mikko here": a known first name before the cue.
_NAME_BEFORE_CUE = re.compile(r"(?<!\w)(?<!\w-)(?P<word>" + _CAPITALISED
                              + r")(?=[ \t,]+(?i:tässä|täällä|here|speaking)\b)")
_CAPITALISED_RUN = re.compile(r"(?<!\w)(?<!\w-)" + _CAPITALISED + r"(?:[ \t]+" + _CAPITALISED + r")+")


_WORDS = re.compile(r"\S+")


def hetu_is_valid(birth: str, number: str, check: str) -> bool:
    """The henkilötunnus check character: (DDMMYY + NNN) mod 31 picks it."""
    return HETU_CHECK_CHARACTERS[int(birth + number) % 31] == check.upper()


def _is_date(ddmmyy: str) -> bool:
    day, month = int(ddmmyy[:2]), int(ddmmyy[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12


def _hetu(match: re.Match[str]) -> str:
    # A mistyped code (wrong check character) with its century sign is still somebody's identity code:
    # redact every such string whose date part is a real date. Without the sign, only a valid code.
    birth, sign, number, check = match.groups()
    valid = hetu_is_valid(birth, number, check)
    if valid and _is_date(birth) or sign and _is_date(birth):
        return PLACEHOLDERS["hetu"]
    return match.group(0)


def _iban(match: re.Match[str]) -> str:
    # Ten digits at least, so that "FI12 this that" or a product code is not taken for an account.
    digits = sum(c.isdigit() for c in match.group(0))
    return PLACEHOLDERS["iban"] if digits >= 10 else match.group(0)


def _birth(match: re.Match[str]) -> str:
    if match.group("old"):
        return PLACEHOLDERS["birth"]
    return match.group("cue") + match.group("gap") + PLACEHOLDERS["birth"]


def _document(match: re.Match[str]) -> str:
    if match.group("bare"):
        return PLACEHOLDERS["passport"]
    return match.group("cue") + match.group("gap") + PLACEHOLDERS["passport"]


def luhn_is_valid(digits: str) -> bool:
    """The payment-card check: double every second digit from the right, the sum ends in 0."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = match.group(0).replace(" ", "").replace("-", "")
    return PLACEHOLDERS["card"] if 13 <= len(digits) <= 19 and luhn_is_valid(digits) else match.group(0)


def _cued_phone(match: re.Match[str]) -> str:
    return match.group("cue") + match.group("gap") + PLACEHOLDERS["phone"]


def _address(match: re.Match[str]) -> str:
    # A word and a number is an address after a cue ("osoite Ilmarinen 5"), or when the word is a street.
    word, cue = match.group("word"), match.group("cue")
    if word is not None and not cue and not _STREET_END.search(word):
        return match.group(0)
    return (cue or "") + PLACEHOLDERS["address"]


_CASE_ENDINGS = ("", "n", "ssa", "sta", "lla", "lta", "lle", "ksi", "na")


def place_forms(name: str, genitive: str) -> set[str]:
    """The case forms people write a place name in (lower case): "Vuokatti", genitive "Vuokatin" give
    vuokatti, vuokatin, vuokatissa, vuokatista, vuokatilla, …, vuokattiin."""
    name, genitive = name.lower(), genitive.lower()
    stem = genitive[:-1] if genitive.endswith("n") else genitive
    harmonic = [vowel for vowel in stem if vowel in "aouäöy"]
    back = bool(harmonic) and harmonic[-1] in "aou"  # the ending follows the last part: Maanselällä
    forms = {name, genitive}
    for ending in _CASE_ENDINGS:
        forms.add(stem + (ending if back else ending.translate(_FRONT_VOWELS)))
    forms.add(name + name[-1:] + "n")  # illative: Vuokattiin, Hossaan
    if name.endswith("i"):
        forms.add(name[:-1] + "een")  # Otanmäkeen, Vuolijokeen
    return forms


_FRONT_VOWELS = str.maketrans("ao", "äö")


def _load_shipped(name: str) -> dict:
    with (SHIPPED_KNOWLEDGE / name).open(encoding="utf-8") as file:
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _name_stems(finnish: str) -> set[str]:
    """Prefixes of the words of a Finnish service name, for its case forms: "Yhteinen puhelinpalvelu" gives
    yhteis (yhteisen), puhelinpalvel (puhelinpalvelussa)."""
    stems = set()
    for word in re.findall(r"[^\W\d_]{8,}", finnish.lower()):
        stems.add(word[:-3] + "s" if word.endswith("nen") else word[:-1])
    return stems


@functools.cache
def _shipped_places_and_services() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words never taken for a surname, read once from the shipped knowledge base: the case forms of every
    municipality and village of the area, its demonym, and the words of every service and service point
    name (exact words; Finnish ones also by stem). A missing or unreadable file leaves the fixed words and
    stems, the municipalities by `_FALLBACK_STEMS`: redaction never fails for it."""
    words: set[str] = set(PROTECTED_WORDS)
    stems: set[str] = set()
    try:
        for municipality in _load_shipped("municipalities.yaml")["municipalities"]:
            names = dict(municipality["name"])
            words |= place_forms(str(names["fi"]), str(municipality.get("genitive") or ""))
            words.update(str(name).lower() for name in [*names.values(), *(municipality.get("forms") or ())])
            words.update(w for alias in municipality.get("aliases") or () for w in str(alias).lower().split())
            demonym = str(municipality.get("demonym") or "").lower()
            if len(demonym) > 6:
                stems.add(demonym[:-4])  # kuhmolai: kuhmolainen, kuhmolaiset, kuhmolaisena
            for village in municipality.get("villages") or ():
                words |= place_forms(str(village["name"]), str(village.get("genitive") or ""))
        for file, key in (("services.yaml", "services"), ("service_points.yaml", "service_points")):
            for thing in _load_shipped(file)[key]:
                for language, name in dict(thing["name"]).items():
                    found = re.findall(r"[^\W\d_]{4,}", str(name).lower())
                    words.update(w for w in found if w not in _STOPWORDS)
                    if language == "fi":
                        stems |= _name_stems(str(name))
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError):
        return PROTECTED_WORDS, PROTECTED_STEMS + _FALLBACK_STEMS
    return frozenset(words), PROTECTED_STEMS + tuple(sorted(stems))


def _is_protected(word: str) -> bool:
    """True for a place or service of the area, in any case form: never a surname."""
    lower = word.lower()
    words, stems = _shipped_places_and_services()
    return lower in words or lower.startswith(stems) or bool(_SERVICE_COMPOUND.match(word))


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _first_name(word: str) -> bool:
    """A known first name (any part of a double name), written with a capital unless it is unambiguous."""
    parts = word.lower().split("-")
    if not any(part in FIRST_NAMES for part in parts):
        return False
    return _is_capitalised(word) or not any(part in _WORD_NAMES for part in parts)


def _surname(word: str, lower_case_ok: bool) -> bool:
    lower = word.lower()
    if lower in _STOPWORDS or _is_protected(word) or len(word) < 2:
        return False
    return _is_capitalised(word) or lower_case_ok


def _name_length(kind: str, words: list[str]) -> int:
    """How many of `words`, which follow a cue of `kind`, are a person's name."""
    first = words[0]
    lower = first.lower()
    if lower in _STOPWORDS or _is_protected(first) or len(first) < 2:
        return 0
    if kind == "name" or _first_name(first):
        taken = 1
    elif _is_capitalised(first) and (kind == "sign" or len(words) > 1 and _surname(words[1], lower_case_ok=False)):
        taken = 1  # "Terv. Sanna"; "I am Abdi Hassan" (two capitalised words after "olen", "I'm")
    else:
        return 0
    lower_case_ok = not _is_capitalised(first)  # "nimeni on liisa virtanen"
    while taken < len(words) and _surname(words[taken], lower_case_ok and taken == 1):
        taken += 1
    return taken


def _cued_name(match: re.Match[str]) -> str:
    kind = next(k for k in ("name", "sign", "self") if match.group(k) is not None)
    words = list(_WORDS.finditer(match.group("words")))
    taken = _name_length(kind, [w.group(0) for w in words])
    if not taken:
        return match.group(0)
    offset = match.start("words") - match.start()
    whole = match.group(0)
    return whole[:offset] + PLACEHOLDERS["name"] + whole[offset + words[taken - 1].end():]


def _name_before_cue(match: re.Match[str]) -> str:
    return PLACEHOLDERS["name"] if _first_name(match.group("word")) else match.group(0)


def _first_and_surnames(text: str) -> str:
    """Replace a known first name followed by one or two capitalised surnames, without a cue."""
    pieces: list[str] = []
    done = 0
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(_WORDS.finditer(run.group(0)))
        i = 0
        while i < len(words) - 1:
            if _first_name(words[i].group(0)) and _surname(words[i + 1].group(0), lower_case_ok=False):
                j = i + 2
                if j < len(words) and _surname(words[j].group(0), lower_case_ok=False):
                    j += 1
                pieces += [text[done:run.start() + words[i].start()], PLACEHOLDERS["name"]]
                done = run.start() + words[j - 1].end()
                i = j
            else:
                i += 1
    return "".join(pieces) + text[done:] if pieces else text


def redact(text: str) -> str:
    """The text with personal data replaced by placeholders such as [hetu], [puhelin] or [nimi]."""
    if _EMAIL_HINT.search(text):
        text = _EMAIL.sub(PLACEHOLDERS["email"], text)
        if "@" in text:
            text = _HANDLE.sub(PLACEHOLDERS["handle"], text)
    lower = text.lower()
    if any(c.isdigit() for c in text):
        text = _HETU.sub(_hetu, text)
        text = _IBAN.sub(_iban, text)
        if any(hint in lower for hint in _BIRTH_HINTS):
            text = _BIRTH.sub(_birth, text)
        text = _DOCUMENT.sub(_document, text)
        text = _CARD.sub(_card, text)
        text = _PHONE.sub(PLACEHOLDERS["phone"], text)
        text = _PHONE_CUE.sub(_cued_phone, text)
        text = _ADDRESS.sub(_address, text)
    if any(hint in lower for hint in _NAME_CUE_HINTS):
        text = _CUED_NAME.sub(_cued_name, text)
    if "täällä" in lower or "tässä" in lower or "here" in lower or "speaking" in lower:
        text = _NAME_BEFORE_CUE.sub(_name_before_cue, text)
    return _first_and_surnames(text)


def user_key(secret: bytes, user_id: int) -> str:
    """A keyed HMAC-SHA256 of the user id: stable per user, useless without the secret."""
    if not secret:
        raise ValueError("user_key needs a non-empty key (TYONAVI_HASH_KEY, or the key file beside the database: "
                         "bot.conversation.storage.load_hash_key)")
    return hmac.new(secret, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()
