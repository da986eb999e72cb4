"""Given names and the gender they usually go with.

A given name first in a capitalised run makes a person of it ("Carla Lane", not a street), and its
gender tells "she" from "he" when the text says nothing else. The short lists of resources.py
(FEMALE_NAMES, MALE_NAMES), hand-picked from news, decide where they speak; Faker's first names of
the locales news in English draws its people from widen them to about 7,400 names (Aoife, Kwame,
Latoya). They are read on first use, once per process (about 0.15 s).
"""

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import import_module

from .resources import FEMALE_NAMES, MALE_NAMES, MONTHS, PLACE_WORDS, TITLES

# The English-speaking countries and those whose people English-language news most often names.
FAKER_LOCALES = (
    "en_US en_GB en_IE ga_IE en_NZ en_IN en_PK en_NG en_KE es_MX es_ES pt_BR fr_FR de_DE it_IT nl_NL pl_PL "
    "yo_NG ig_NG ha_NG tw_GH sw zu_ZA id_ID"
).split()

# Words some locale lists as a first name that news prints capitalised for another reason: an English
# word at a sentence start or in a name ("Said", "Job Centre", "Peace Corps"), or a city.
NOT_GIVEN_NAMES = set(
    """
    said lot job forum else peace ties charity harm floor sole urban till patience lucky kick innocent
    harsh gala edu comfort blessing washington lincoln milan wolf
    """.split()
)

_LATIN_NAME = re.compile(r"[a-z][a-z'-]+")


def _folded(name):
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _genders():
    """Folded given name -> "f", "m", or None for a name given to both (Jordan, Andrea)."""
    votes: defaultdict[str, Counter] = defaultdict(Counter)
    for locale in FAKER_LOCALES:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for attribute, gender in (("first_names_female", "f"), ("first_names_male", "m")):
            for name in getattr(provider, attribute, ()):
                votes[_folded(name)][gender] += 1
        if not hasattr(provider, "first_names_male"):  # a locale listing names without a gender (en_PK)
            for name in getattr(provider, "first_names", ()):
                votes.setdefault(_folded(name), Counter())
    from .names import places  # (names reads this module: imported here, when first asked)

    # "Georgia", "Jordan": a name that is also a country is not enough to make "Jordan River" a person.
    excluded = NOT_GIVEN_NAMES | {month.casefold() for month in MONTHS} | TITLES | PLACE_WORDS | places()
    genders = {
        name: next(iter(counts)) if len(counts) == 1 else None  # none or both: no usual gender
        for name, counts in votes.items()
        if _LATIN_NAME.fullmatch(name) and name not in excluded
    }
    genders.update(dict.fromkeys(FEMALE_NAMES, "f"))
    genders.update(dict.fromkeys(MALE_NAMES, "m"))
    return genders


def is_given_name(word):
    """word: folded ("gascon"). True for a first name of any gender."""
    return word in _genders()


def usual_gender(word):
    """word: folded. "f" or "m" when the name usually goes with one; None when with both, or unknown."""
    return _genders().get(word)
