"""How much grouping trusts a speaker: identity key, kind and confidence.

Attribution is imperfect — a heading, a description ("the post", "a joint statement")
or an organisation can stand where the person should be — so a speaker only *vetoes*
a pair when both sides are confident, resolved person names that cannot be the same
person. A description is weak evidence either way.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

KINDS = ("person", "organisation", "place", "other")  # as attribution gives Quote.speaker_kind
CONFIDENT = 0.75  # attribution confidence at which a person's name can veto a pair

_ORGANISATION_WORDS = frozenset(
    """
    administration agency army association authority bank board bureau cabinet centre center church club coalition
    college commission committee company congress corp corporation council court department embassy federation
    foundation fund government group guard hospital house inc institute league ltd llc ministry navy network news
    office organisation organization parliament party police post press school senate service team times union
    university
    """.split()
)
_PARTICLES = frozenset("de da del der di du la le van von bin bint al el ibn y dos das st".split())
_DESCRIPTION_START = frozenset("the a an his her their its our my this that these those".split())


class SpeakerEvidence(NamedTuple):
    """A quote's speaker as grouping weighs it."""

    key: str | None  # accent- and case-folded name
    kind: str | None  # one of KINDS or None (unknown)
    confidence: float


def fold_name(name: str) -> str:
    """The speaker key storage uses too: accent- and case-folded words ("Gascón" -> "gascon")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def guess_kind(name: str | None) -> str | None:
    """A conservative guess at what a speaker string names, for when attribution does not say.

    >>> [guess_kind(n) for n in ("Jackie Lacey", "the post", "U.S. Coast Guard", "Doeleman", "WHO")]
    ['person', 'other', 'organisation', None, 'organisation']
    """
    if not name or not name.strip():
        return None
    tokens = name.replace("’", "'").split()
    folded = [fold_name(t) for t in tokens]
    if folded[0] in _DESCRIPTION_START or tokens[-1].endswith(("'s", "s'")):
        return "other"
    if any(f in _ORGANISATION_WORDS for f in folded):
        return "organisation"
    if any(not t[:1].isupper() and f not in _PARTICLES for t, f in zip(tokens, folded, strict=True)):
        return "other"
    if len(tokens) == 1:
        return "organisation" if len(tokens[0]) >= 2 and tokens[0].isupper() else None
    return "person" if len(tokens) <= 4 else "other"


def evidence(
    name: str | None, kind: str | None = None, confidence: float = 1.0, key: str | None = None
) -> SpeakerEvidence:
    """The evidence a quote's speaker gives: the attribution's kind when it has one, else a guess."""
    if not name:
        return SpeakerEvidence(None, None, 0.0)
    return SpeakerEvidence(key or fold_name(name), kind if kind in KINDS else guess_kind(name), confidence)


def compatible_names(a: str, b: str) -> bool:
    """Could two folded names be one speaker? Equal but for spaces ("open ai"), or one is part of the other.

    >>> compatible_names("doeleman", "sheperd doeleman"), compatible_names("open ai", "openai")
    (True, True)
    """
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    small, large = sorted((a.split(), b.split()), key=len)
    return len(small) < len(large) and set(small) <= set(large)
