"""The immutable knowledge-base model the engine reads; built once, swapped whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: The bot's full languages: Finland's national languages and English. Every text exists in each.
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
#: Newcomers' languages: a first answer (where to go, how to go on in English or Finnish) in their own
#: language. Texts in these are optional; a missing one is a `kb lint` warning and English is shown.
NEWCOMER_LANGUAGES: tuple[str, ...] = ("uk", "ru", "ar", "fa", "so", "et")
ALL_LANGUAGES: tuple[str, ...] = LANGUAGES + NEWCOMER_LANGUAGES
#: Written right to left: Telegram shows these best with the address on a line of its own.
RTL_LANGUAGES = frozenset({"ar", "fa"})


@dataclass(frozen=True, slots=True)
class Text:
    """A text in the bot's languages: fi and en always, sv (required by validation), and optionally newcomer
    languages in `more` ((language, text) pairs). A missing newcomer translation falls back to English."""

    fi: str
    en: str
    sv: str = ""
    more: tuple[tuple[str, str], ...] = ()

    def get(self, language: str) -> str:
        if language == "fi":
            return self.fi
        if language == "sv":
            return self.sv or self.fi
        if language == "en":
            return self.en
        return dict(self.more).get(language) or self.en

    def has(self, language: str) -> bool:
        return bool(self.get(language)) and (language in LANGUAGES or language in dict(self.more))


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    postal_code: str
    town: str

    def __str__(self) -> str:
        return f"{self.street}, {self.postal_code} {self.town}"


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with the Finnish genitive the bot derives case forms from.

    `also_in` names (in Finnish) the OTHER municipalities, inside or outside the area, that have a
    village or locality of the same name, so that a bare "Maanselkä" can be resolved or asked about.
    """

    name: str
    genitive: str = ""
    forms: tuple[str, ...] = ()
    also_in: tuple[str, ...] = ()
    #: the name is also an everyday word or a surname (Hoikka, Inget, Kaikkonen): only its case forms name the place
    everyday: bool = False


@dataclass(frozen=True, slots=True)
class Municipality:
    id: str
    name: dict[str, str]
    genitive: str
    forms: tuple[str, ...]
    demonym: str
    aliases: tuple[str, ...]
    region: str
    centre: tuple[float, float]
    postal_codes: tuple[str, ...]
    villages: tuple[Place, ...]
    radius_km: float = 40.0
    #: Statistics Finland's three-digit municipality code ("205" for Kajaani), as PTV names municipalities.
    code: str = ""
    #: The municipality's own web site, where a source shows it: where a person finds what the bot does not know.
    website: str = ""
    #: Its name in scripts the place index does not read ("كاياني", "卡亚尼", "คายานิ"): found in a message written
    #: in a language without texts, anywhere in the text where the script has no spaces.
    foreign_names: tuple[str, ...] = ()

    def display_name(self, language: str) -> str:
        return self.name.get(language) or self.name["fi"]


@dataclass(frozen=True, slots=True)
class OtherMunicipality:
    """A Finnish municipality outside the area: recognised so people are sent onwards."""

    name: str
    genitive: str
    sv: str = ""
    en: str = ""
    region: str = ""
    forms: tuple[str, ...] = ()
    #: For a former municipality that people still name: the current municipality it is part of
    #: (Valtimo -> Nurmes) and the year the merger took effect. Empty for current municipalities.
    merged_into: str = ""
    merged_year: int | None = None
    #: The inhabitant word, only where it is not the name or the genitive stem + -lainen (lahtelainen).
    demonym: str = ""

    @property
    def aland(self) -> bool:
        """Åland (region Ahvenanmaa) has its own public employment service, AMS, not an employment area."""
        return self.region == "Ahvenanmaa"

    @property
    def current(self) -> bool:
        return not self.merged_into


@dataclass(frozen=True, slots=True)
class OtherPlaces:
    """Places OUTSIDE the area that people name instead of their municipality (other_places.yaml).

    `postal_codes` maps a street-address postal code to the Finnish name of its current municipality
    ("88340" -> "Vaala"); `localities` maps a post-office locality to the municipalities that have one of
    that name ("Sukeva" -> ("Sonkajärvi",)). A locality only says where someone lives when the message
    says they live there ("asun Sukevalla"). Both are empty when the optional file is absent.
    """

    postal_codes: dict[str, str]
    localities: dict[str, tuple[str, ...]]


#: An opening span in minutes from midnight: (540, 690) is 9.00–11.30; midnight at the end is 1440.
Span = tuple[int, int]


def _spans(value: tuple[Span, ...] | Span | None) -> tuple[Span, ...]:
    """A day's spans, sorted; a bare (open, close) pair and None (closed) are read as one span and none."""
    if value is None:
        return ()
    if len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value,)  # type: ignore[return-value]
    return tuple(sorted(value))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Season:
    """Weekly hours for a date range of every year (summer hours); weekdays it leaves out are closed then."""

    first: tuple[int, int]  # (month, day) of the first day
    last: tuple[int, int]  # (month, day) of the last day; before `first` when the range runs over New Year
    week: dict[int, tuple[Span, ...]]
    note: Text | None = None

    def covers(self, day: date) -> bool:
        month_day = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= month_day <= self.last
        return month_day >= self.first or month_day <= self.last


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """When a place is open: opening_hours in service_points.yaml, handoff.hours in the config.

    `week` maps a weekday (0 = Monday) to its spans, and a season's week replaces it on the season's dates;
    or `osm`, an OpenStreetMap opening_hours expression, says it all for what those cannot. `dates` override
    single days (no spans: closed). `by_appointment` weekdays are open by appointment only. Finnish public
    holidays are closed unless `dates` names them (bot/hours.py reads all this).
    """

    week: dict[int, tuple[Span, ...]] = field(default_factory=dict)
    dates: dict[date, tuple[Span, ...]] = field(default_factory=dict)
    seasons: tuple[Season, ...] = ()
    by_appointment: frozenset[int] = frozenset()
    note: Text | None = None
    osm: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "week", {day: _spans(spans) for day, spans in self.week.items()})
        object.__setattr__(self, "dates", {day: _spans(spans) for day, spans in self.dates.items()})

    @property
    def known(self) -> bool:
        return bool(self.week or self.seasons or self.osm)


@dataclass(frozen=True, slots=True)
class ServicePoint:
    id: str
    municipality: str
    name: Text
    address: Address
    serves: tuple[str, ...]
    audiences: tuple[str, ...]
    languages: tuple[str, ...]
    description: Text
    aliases: dict[str, tuple[str, ...]]
    former_addresses: tuple[Address, ...]
    phone: str
    email: str
    opening_hours: OpeningHours
    source: str  # the document and its date, in words a user understands
    checked: date | None  # the day a person compared it with a current source; None: never
    #: The point's service location channel in PTV (Suomi.fi Palvelutietovaranto): a re-import finds it by this.
    ptv_id: str = ""
    #: (latitude, longitude) in WGS84 decimal degrees; None when no source gives them.
    location: tuple[float, float] | None = None
    website: str = ""


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name: Text
    description: Text
    source: str
    checked: date | None


@dataclass(frozen=True, slots=True)
class TopicRoute:
    points: tuple[str, ...]
    needs_municipality: bool
    audience_routes: tuple[str, ...] = ()
    implies_audience: str | None = None
    register_online: bool = False
    #: a way of doing things (online), not a need: beside another organisation's matter it asks us nothing
    channel: bool = False


@dataclass(frozen=True, slots=True)
class AudienceRoute:
    points: dict[str, tuple[str, ...]]
    default_topic: str | None = None
    #: the topics this audience asks about; another topic read from their words is answered as the default
    #: ("jag har ett eget företag och vill anställa": an employer, not a startup grant). Empty: any topic.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Routing:
    home_points: dict[str, str]
    default_topic: str
    topics: dict[str, TopicRoute]
    audiences: dict[str, AudienceRoute]
    youth_ages: tuple[int, int] = (15, 29)


@dataclass(frozen=True, slots=True)
class Phrasings:
    """Words and phrases per topic, per audience and per small-talk intent, per language."""

    topics: dict[str, dict[str, tuple[str, ...]]]
    audiences: dict[str, dict[str, tuple[str, ...]]]
    smalltalk: dict[str, dict[str, tuple[str, ...]]]
    home_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    followup_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    correction_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: role (current, past, origin, move, work, other_person) -> language -> cue phrases
    place_cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    #: group (owner, business, hiring, worker, worker_ending, help, closing, question) -> language -> words
    employer_signals: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    #: what the person asks about a point (hours, phone, email) -> language -> phrases
    asks: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    name: Text
    municipalities: tuple[str, ...]
    online_service_name: Text
    online_service_url: str
    phone_number: str
    source: str
    checked: date | None
    #: The municipality responsible for the area (vastuukunta), which runs the area-wide employer services.
    lead_municipality: str = ""


@dataclass(frozen=True, slots=True)
class Phone:
    number: str
    label: Text | None = None  # what the line is for ("medical helpline"), in the answer's language


@dataclass(frozen=True, slots=True)
class Organisation:
    """Another organisation a job seeker is sent to for what employment services do not handle (Kela, the
    wellbeing services county, Migri...): what it handles, where to find it, and the words that ask for it."""

    id: str
    name: Text
    handles: Text  # one line: what it decides or provides
    website: str
    #: organisations of one group answer the same need in different municipalities (the wellbeing services
    #: counties): the one whose `serves` holds the person's municipality is named, all of them when unknown
    group: str = ""
    serves: tuple[str, ...] = ()  # municipality ids; empty: everyone
    note: Text | None = None  # an extra line always shown (112 and 116117 with health care)
    job_seeker_note: Text | None = None  # shown when the person is also a job seeker
    phones: tuple[Phone, ...] = ()
    phrasings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> words for its matters
    #: its name and matters in languages without texts ("Kela", "permesso di soggiorno", "居留许可"): read only
    #: in messages written in them, where the stemmed phrasings cannot reach
    foreign_words: tuple[str, ...] = ()
    #: its matter is applying to studies: a school named beside studies done ("valmistuin kamkista") is the
    #: person's past, not a question for it (phrasings.yaml asks.studied)
    studies: bool = False
    #: its matter cannot wait (an emergency): answered alone, whatever else the message asks of employment services
    urgent: bool = False
    source: str = ""
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class EmploymentArea:
    """Another employment area of Finland, for a person who lives outside ours."""

    id: str
    name: Text
    members: tuple[str, ...]  # Finnish municipality names, as in other_municipalities.yaml
    website: str
    source: str
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class SourceName:
    """How a document named in `source` fields is shown to users: a short name in each language."""

    match: str  # the start of its reference as the `source` fields write it
    name: Text


@dataclass(frozen=True, slots=True)
class SourceNames:
    """The short names of documents, and Finnish words of references shown as written, per language."""

    documents: tuple[SourceName, ...] = ()
    words: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Everything the bot knows. Immutable: a reload builds a new one and swaps it in."""

    area: Area
    municipalities: dict[str, Municipality]
    other_municipalities: tuple[OtherMunicipality, ...]
    service_points: dict[str, ServicePoint]
    services: dict[str, Service]
    routing: Routing
    phrasings: Phrasings
    language_cues: dict[str, frozenset[str]]
    texts: dict[str, Text]
    #: Optional (knowledge/other_places.yaml); a KnowledgeBase built without it knows no such places.
    other_places: OtherPlaces = field(default_factory=lambda: OtherPlaces({}, {}))
    #: Optional (knowledge/other_organisations.yaml): whose matters a question is when it is not ours.
    organisations: dict[str, Organisation] = field(default_factory=dict)
    #: Optional (knowledge/employment_areas.yaml): the areas that serve people outside ours.
    employment_areas: dict[str, EmploymentArea] = field(default_factory=dict)
    #: Optional (knowledge/sources.yaml): how the documents behind the facts are named under an answer.
    source_names: SourceNames = field(default_factory=SourceNames)

    def text(self, key: str, language: str, **values: str) -> str:
        """A UI text in the language, with its {placeholders} filled."""
        return self.texts[key].get(language).format_map(values)

    def home_point(self, municipality_id: str) -> ServicePoint:
        return self.service_points[self.routing.home_points[municipality_id]]
