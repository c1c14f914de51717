"""Employer evidence in the employer's own words: being one, running a business, or looking for workers.

"pidän kahvilaa Sotkamossa", "meidän sahalle tarvitaan kaks miestä", "kuljetusliikkeeni etsii
kuljettajia". A business word alone is not evidence: "firma irtisanoi mut" and "yritys jossa olin
töissä" are a job seeker's words. Evidence needs the business to be one's own (an owner word just
before it, or a possessive ending: -ni, -mme) or a hiring word followed by a worker. The words
are data (phrasings.yaml, employer_signals); only how they combine is code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.hit_context import WRITER_AS_OBJECT, WRITER_OBJECT_REACH
from bot.engine.message import Message, phrase_tokens
from bot.engine.phrases import NEGATIONS
from bot.kb.model import KnowledgeBase

#: What may follow a business word inside one token when it ends in a possessive: tila|llemme,
#: parturi|ini, kuljetusliikke|eni, yrityks|eni (a vowel, a case consonant group, vowels, the possessive).
_OWN_ENDING = re.compile(r"^[aeiouy]?(?:ll|ss|st|lt|n|t)?[aeiouy]{0,2}(?:ni|mme)$")
#: What may follow a business word after an owner word: a case ending ("pidän kahvilaa", "meidän sahalle");
#: "meidän tilanne" (our situation) is not "tila" (farm) + an ending.
#: a demonym's ending, folded: "kuhmolainen", "ristijärveläinen"
_DEMONYM_ENDING = "lainen"
_CASE_ENDING = re.compile(r"^[aeiouy]{0,3}(?:n|t|ssa|sta|lla|lta|lle|na|ksi|h[aeiouy]n|seen)?[aeiouy]?(?:ni|mme)?$")
OWNER_REACH = 4  # "we run a small husky farm"
HIRING_REACH = 4
HIRING_NEGATION_REACH = 2
MIN_AGENT_NOUN = 7
#: A worker word this long ending in -na/-nä (folded) is in the essive: what the writer is, not whom they hire.
ESSIVE_MIN = 5
SIGNAL_WEIGHT = 2.0


#: Vowels of folded Finnish (ä and ö fold to a and o).
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Signal:
    positions: tuple[int, ...]
    what: str  # "own business" | "hiring" | "says they are an employer"
    weight: float = SIGNAL_WEIGHT


#: a business after "mulla on" in these cases is not the writer's: "velkaa pikavippifirmalle", "saatavia firmalta",
#: "työpaikka firmassa" (folded endings)
_NOT_OWNED_CASES = ("lle", "lta", "ssa", "sta")
#: our own clerks are nobody hired: "tarttisin uuden vastuuvirkailijan" asks for one (folded; also misspelt "virkalija")
_NEVER_HIRED = ("virkailij", "vastuuvirkailij", "virkalij", "vastuuvirkalij", "handlaggar")
#: a job seeker's word in the genitive before another genitive is the seeker's thing, nobody hired: "tarvitsen
#: työnhakijan bensakortin" (but "palkata työnhakijan palkkatuella", "palkata työtön työnhakija" hire one)
_SEEKERS = ("tyonhakij", "arbetssokand", "jobseeker")


def _forms(kb: KnowledgeBase, group: str) -> tuple[str, ...]:
    by_language = kb.phrasings.employer_signals.get(group, {})
    return tuple(" ".join(phrase_tokens(p)) for phrases in by_language.values() for p in phrases if phrase_tokens(p))


#: "as (a)" before a worker: the writer's own work, not a worker hired (folded)
_AS_WORKER = frozenset({"as", "som"})


class EmployerSignals:
    def __init__(self, kb: KnowledgeBase):
        self.owners = frozenset(_forms(kb, "owner"))
        self.businesses = tuple(sorted(set(_forms(kb, "business")), key=len, reverse=True))
        self.hiring = frozenset(_forms(kb, "hiring"))
        self.workers = tuple(sorted(set(_forms(kb, "worker")), key=len, reverse=True))
        #: any worker word inside a token, in one search (a hundred substring tests cost more)
        self._any_worker = re.compile("|".join(map(re.escape, self.workers))) if self.workers else None
        self.agent_endings = tuple(_forms(kb, "worker_ending"))
        #: worker words written without umlauts: "näistä" (of these) folds to "naista" (a woman) but is no worker
        self.plain_workers = frozenset(w for group in kb.phrasings.employer_signals.get("worker", {}).values()
                                       for w in group if w.isalpha() and w == w.lower() and w.isascii())
        self.identities = frozenset(_forms(kb, "identity"))
        #: a business's compound ending in a one-word identity says it too: "ravintolayrittäjä", "taksiyrittäjä"
        #: ("kevytyrittäjä" invoices through a service: no business of their own)
        self.identity_tails = tuple(w for w in self.identities if " " not in w and len(w) >= MIN_AGENT_NOUN)
        #: an employer is nobody hired: "jos löydän työnantajan" has an agent noun's shape but hires no one
        self.identity_starts = tuple(w[:MIN_AGENT_NOUN] for w in self.identity_tails)
        self.former = frozenset(_forms(kb, "former"))
        #: before an identity word: it no longer holds ("olin yrittäjä") or is someone else's ("yks yrittäjä")
        self.not_the_writer = self.former | frozenset(_forms(kb, "someone_else"))
        self.help = frozenset(_forms(kb, "help"))
        self.closing = frozenset(_forms(kb, "closing"))
        self.long_closing = tuple(c for c in self.closing if c.count(" ") > 1)
        self.question = frozenset(_forms(kb, "question"))
        #: professions another organisation provides ("sosiaalityöntekijä", "lääkäri" in other_organisations.yaml):
        #: needing one is asking for that service, not hiring ("tarviin sosiaalityöntekijän, vuokrat rästissä")
        self.services = tuple(sorted({w for o in kb.organisations.values() for p in o.phrasings.get("fi", ())
                                      for w in [" ".join(phrase_tokens(p))] if len(w) >= 6 and " " not in w},
                                     key=len, reverse=True))

    def _business(self, token: str, not_in: tuple[str, ...] = ()) -> bool:
        """The token is a business word with a case ending, also at the end of a compound (rakennusfirma); not in the
        cases `not_in` ends with."""
        for b in self.businesses:
            at = token.find(b)
            ending = token[at + len(b):]
            if (at == 0 or (at > 0 and len(b) >= 5)) and _CASE_ENDING.match(ending) \
                    and not (not_in and ending.endswith(not_in)):
                return True
        return False

    def _own_business(self, token: str) -> bool:
        if not token.endswith(("ni", "mme")) or token in self.owners:  # cheap: most words end otherwise
            return False
        for b in self.businesses:
            at = token.find(b)
            if at >= 0 and _OWN_ENDING.match(token[at + len(b):]):
                return True
        return False

    def _worker(self, token: str) -> bool:
        if token.startswith(self.identity_starts) or token.startswith(_NEVER_HIRED):
            return False
        if token.endswith("na") and len(token) > ESSIVE_MIN:
            return False  # the essive is what someone is: "tarvis tietää … työttömänä", "olin kokkina"
        if self._any_worker is not None and self._any_worker.search(token):
            return True
        if len(token) < MIN_AGENT_NOUN:
            return False
        # an agent noun is a verb stem + -ja/-jä, and Finnish verb stems end in a vowel: myy|jän, hoita|jan;
        # a consonant before the j is another word ("hylsysar|jan", "kir|jan", "mar|jan")
        ending = next((e for e in self.agent_endings if token.endswith(e)), None)
        return ending is not None and token[-len(ending) - 1] in _VOWELS

    def closes(self, message: Message) -> bool:
        """The writer's business is being closed or sold ("lopetan firman", "firma on myyty", "firma ei enää
        kannata"): being an entrepreneur is then the job seeker's past, not an employer's evidence."""
        folded = message.folded
        joined = f" {' '.join(folded)} "
        return any(t in self.closing for t in folded) or any(f" {c} " in joined for c in self.long_closing) or any(
            f"{a} {b}" in self.closing for a, b in zip(folded, folded[1:], strict=False))

    def find(self, message: Message, closing: bool | None = None) -> list[Signal]:
        """The employer's signals in a message; `closing`: `closes(message)`, when the caller has it already."""
        folded = message.folded
        pairs = [f"{a} {b}" for a, b in zip(folded, folded[1:], strict=False)]
        signals: list[Signal] = []
        # "olen yrittäjä mutta lopetan firman": a business being closed is a job seeker's story, not an employer's
        closing = self.closes(message) if closing is None else closing
        for i, token in enumerate(folded):
            if closing:
                if token in self.hiring:
                    signals += self._hiring(folded, i, message.breaks, message.tokens)
                continue
            identity = token in self.identities or (token.endswith(self.identity_tails)
                                                     and token.startswith(self.businesses))
            if identity or (i > 0 and pairs[i - 1] in self.identities):
                start = i if identity else i - 1
                if not (start > 0 and folded[start - 1] in self.not_the_writer):
                    signals.append(Signal((i,), "says they are an employer"))
            if i == 1 and folded[0].endswith(_DEMONYM_ENDING) and self._business(token) and not any(
                    w in WRITER_AS_OBJECT for w in folded[2:2 + WRITER_OBJECT_REACH]):
                # "Kuhmolainen yritys tässä", "Kuusamolainen matkailuyritys kysyy": a message that opens with a
                # business of a place introduces the writer's own (not "Kajaanilainen kauppa lupasi minulle töitä")
                signals.append(Signal((0, 1), "introduces their business"))
            # (an owner's words may be three: "vi är ett litet företag", "we are a small farm")
            owner_here = token in self.owners or (i > 0 and pairs[i - 1] in self.owners) or (
                i > 1 and f"{folded[i - 2]} {pairs[i - 1]}" in self.owners)
            if owner_here:
                for j in range(i + 1, min(i + 1 + OWNER_REACH, len(folded))):
                    if self._business(folded[j], _NOT_OWNED_CASES):
                        signals.append(Signal((i, j), "own business"))
                        break
            elif self._own_business(token):
                signals.append(Signal((i,), "own business"))
            if token in self.hiring:
                signals += self._hiring(folded, i, message.breaks, message.tokens)
        return signals

    def _hiring(self, folded: tuple[str, ...], i: int, breaks: frozenset[int] = frozenset(),
                written: tuple[str, ...] = ()) -> list[Signal]:
        """A hiring word at i followed by a worker ("tarvitsemme hitsaajia") in the same clause ("etsitään töitä. Mies
        on metsäkoneenkuljettaja" hires nobody); not one negated ("enkä todellakaan palkata ketään")."""
        if any(w in NEGATIONS for w in folded[max(0, i - HIRING_NEGATION_REACH):i]):
            return []
        if i + 1 < len(folded) and folded[i + 1] == "vastaan":  # "ottaa vastaan työttömiä": receives, hires nobody
            return []
        for j in range(i + 1, min(i + 1 + HIRING_REACH, len(folded))):
            # "haetaan vanhempainrahaa ja mihin miehen": another question begins; so does another sentence
            if folded[j] in self.question or j in breaks:
                return []
            umlaut_only = bool(written) and written[j] != folded[j] and folded[j] in self.plain_workers
            if self._worker(folded[j]) and not umlaut_only:
                # "tarvitsen sosiaalityöntekijän apua": the worker's help, not a worker to hire
                if j + 1 < len(folded) and folded[j + 1] in self.help:
                    return []
                if folded[j].startswith(_SEEKERS) and folded[j].endswith("n") and j + 1 < len(folded) \
                        and folded[j + 1].endswith("n"):
                    return []
                if any(folded[j].startswith(service) for service in self.services):
                    return []
                # "find work as a nurse assistant", "jobb som undersköterska": the work the writer wants to do
                if _AS_WORKER.intersection(folded[max(i + 1, j - 2):j]):
                    return []
                return [Signal((i, j), "hiring")]
        return []
