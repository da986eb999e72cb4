"""Canonical speaker names: "Lacey", "D.A. Jackie Lacey" and "she" all become "Jackie Lacey".

An :class:`EntityIndex` is built once per article from every capitalised run of
words. A short mention maps to the fullest name that ends with it (the
surname convention of news writing), preferring the person the article
introduced first; accents and case never distinguish two people.
"""

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .resources import (
    CAPITALISED_FUNCTION_WORDS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    MONTHS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    TITLES,
    UPPER,
)

# A capitalised word, an initial, an acronym with dots (L.A.), a handle or a hashtag.
_CAP_WORD = rf"(?:[{UPPER}][\w’'.\-]*|@\w+|#[\w\-]+)"
_CONNECTOR = r"(?:de|da|del|della|der|den|van|von|la|le|di|du|bin|al|el|dos|das|y)"
NAME_RUN = re.compile(rf"{_CAP_WORD}(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+)?{_CAP_WORD})*")
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


@lru_cache(maxsize=65536)
def fold(name):
    """Accent- and case-insensitive key: fold("Gascón") == fold("GASCON")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def strip_titles(words):
    """Drop leading function words, titles and offices: ["D.A.", "Jackie", "Lacey"] -> ["Jackie", "Lacey"].

    A run made only of title words ("District Attorney") is not a name and gives [].
    """
    lead = 0  # counted, not popped one by one: "A. A. A. …" would make that quadratic
    while lead < len(words) and words[lead].rstrip(".") in CAPITALISED_FUNCTION_WORDS:
        lead += 1
    words = list(words[lead:])
    last_title = -1
    for i, word in enumerate(words[:-1]):
        if word.casefold() in TITLES or word.casefold().rstrip(".") in TITLES:
            last_title = i
    rest = words[last_title + 1 :]
    if last_title >= 0 and _looks_like_person(rest) and (len(rest) >= 2 or words[last_title].casefold() in HONORIFICS):
        words = rest
    if words and all(w.casefold() in TITLES or w.casefold().rstrip(".") in TITLES for w in words):
        return []
    return words


def _looks_like_person(words):
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in ("de", "van", "von", "bin", "al") for w in words)


_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f"}


@dataclass
class Entity:
    """A name as the article uses it, with everything learnt about it."""

    name: str  # the fullest form seen
    first_seen: int
    gender: str | None = None  # "m", "f" or None
    is_outlet: bool = False
    mentions: int = 0
    canonical_name: str | None = None  # cached by EntityIndex.canonical_of


class EntityIndex:
    """Every name in one article, for canonicalising speaker mentions."""

    def __init__(self, text):
        self.text = text
        self.entities = {}  # fold(full name) -> Entity
        # Folded ending (1-3 words shorter than the name) -> entities in the order the article introduces
        # them: the candidates for a short mention ("Lacey", "Jackie Lacey"), looked up, never scanned.
        self.by_ending = {}
        self.by_title = {}  # office ("mayor") -> names the article gave it to
        self.positions = []  # (offset, Entity) in text order
        self._outlets = None  # the positions of news organisations, listed on first use
        for match in NAME_RUN.finditer(text):
            words = sentence_part(match.group().split())
            # A possessive ends the name: "Lacey’s office", "BLM’s L.A. chapter".
            cut = []
            for word in words:
                if word.endswith(_POSSESSIVE_ENDINGS):
                    cut.append(_POSSESSIVE.sub("", word))
                    break
                cut.append(word)
            run = [w if "." in w[:-1] and _INITIALS.fullmatch(w) else w.rstrip(".,") for w in cut if w]
            words = strip_titles(run)
            if not words or (len(words) == 1 and (words[0] in _MONTHS or len(words[0]) < 2)):
                continue
            start = match.start() + match.group().find(words[0])
            entity = self._add(" ".join(words), start)
            # The offices it was named with ("Mayor Karen Bass"): "the mayor" may refer back to it.
            for word in run[: len(run) - len(words)]:
                title = word.casefold().rstrip(".")
                if title in TITLES and entity is not None:
                    self.by_title.setdefault(title, set()).add(entity.name)

    def _add(self, name, offset):
        key = fold(name)
        if not key:
            return None
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(name, offset)
            first = fold(name.split()[0])
            if len(name.split()) > 1 and first in FEMALE_NAMES:
                entity.gender = "f"
            elif len(name.split()) > 1 and first in MALE_NAMES:
                entity.gender = "m"
            words = key.split()
            entity.is_outlet = bool(set(words) & OUTLET_WORDS) and len(words) <= 5
            for cut in range(1, min(len(words), 4)):
                self.by_ending.setdefault(tuple(words[cut:]), []).append(entity)
        elif _has_more_accents(name, entity.name):
            entity.name = name
        entity.mentions += 1
        self.positions.append((offset, entity))
        return entity

    def canonical(self, mention, at=None):
        """Return the canonical form of a name mention, or the mention itself when unknown.

        A gendered title narrows the candidates: "Mr. Obama" is never "Michelle Obama".
        """
        title_gender = _TITLE_GENDER.get(mention.split()[0].casefold().rstrip(".")) if mention.split() else None
        words = strip_titles(mention.split()) or mention.split()
        key = fold(" ".join(words))
        if not key:
            return mention
        # The first introduced of the fuller names ending with the mention (entities are listed in
        # text order, so the first that fits is the first introduced, whether before `at` or not).
        for entity in self.by_ending.get(tuple(key.split()), ()):
            if not (title_gender and entity.gender and entity.gender != title_gender):
                return entity.name
        entity = self.entities.get(key)
        return entity.name if entity else " ".join(words)

    def holder_of(self, description):
        """The one person the article gave an office to, for "the mayor"; None when not exactly one."""
        words = description.casefold().split()
        if len(words) != 2 or words[0] not in ("the", "this"):
            return None
        names = self.by_title.get(words[1], set())
        return self.canonical(next(iter(names))) if len(names) == 1 else None

    def gender_of(self, name):
        entity = self.entities.get(fold(name))
        if entity is None:
            return None
        if entity.gender is None:
            first = fold(name).split()[0]
            return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
        return entity.gender

    def persons_before(self, offset, window=2500):
        """People named before offset, nearest first, as canonical names."""
        seen, known = [], set()
        for k in range(bisect_left(self.positions, offset, key=_offset) - 1, -1, -1):
            position, entity = self.positions[k]
            if position < offset - window:
                break
            name = self.canonical_of(entity)
            if name not in known and self.is_person(name):
                seen.append(name)
                known.add(name)
        return seen

    def canonical_of(self, entity):
        """The canonical name of an entity, as of where the article first names it (cached)."""
        if entity.canonical_name is None:
            entity.canonical_name = self.canonical(entity.name, entity.first_seen)
        return entity.canonical_name

    def is_person(self, name):
        """A person's name has two to four words, no handle, and is no news organisation."""
        entity = self.entities.get(fold(name))
        words = name.split()
        return (
            entity is not None
            and not entity.is_outlet
            and 2 <= len(words) <= 4
            and not name.startswith(("@", "#"))
            and all(w[:1].isupper() for w in words)
        )

    def latest_outlet(self, offset):
        """The most recent news organisation named before offset ("the paper" refers to it)."""
        if self._outlets is None:
            self._outlets = [(position, entity) for position, entity in self.positions if entity.is_outlet]
        k = bisect_left(self._outlets, offset, key=_offset)
        return self.canonical(self._outlets[k - 1][1].name, self._outlets[k - 1][0]) if k else None


def _offset(position):
    return position[0]


def _has_more_accents(candidate, current):
    def count(s):
        return sum(1 for c in unicodedata.normalize("NFKD", s) if unicodedata.combining(c))

    return count(candidate) > count(current)


def refers_to_outlet(description):
    """True for descriptions such as "the outlet" or "the paper"."""
    words = description.casefold().split()
    return bool(words) and words[-1] in OUTLET_NOUNS and len(words) <= 3
