"""Reported (indirect) speech: "X said the plan would fail", "according to X, …".

Only sentences with no quotation are read here; the content is the reported
clause, without the cue and without the sentence's final stop.
"""

import re
from dataclasses import dataclass

from .confidence import REPORTED_FRAMED, REPORTED_SPEECH
from .cues import CLAUSE_LEMMAS, CUE_FORMS
from .resources import DETERMINERS
from .speakers import MASK, Mention, np_after, np_before, phrase, tokens

# The say family takes a bare clause ("Lacey said her advisors concluded …"); the others report
# speech only with "that" ("admitted that …"), since "conceded the race" is no clause (cues.py).

_MIN_WORDS = 4


@dataclass(frozen=True)
class Reported:
    start: int
    end: int
    mention: Mention
    confidence: float


def reported_speech(masked, lo, hi):
    """Return the reported speech in the sentence masked[lo:hi] (at most one item)."""
    if MASK in masked[lo:hi]:
        return []
    toks = tokens(masked, lo, hi)
    if len(toks) < _MIN_WORDS + 2:
        return []
    # "According to X, CLAUSE." and "CLAUSE, according to X."
    for k, t in enumerate(toks[:-2]):
        if t.low == "according" and toks[k + 1].low == "to":
            found = np_after(toks, k + 2)
            if not found:
                return []
            mention = Mention(phrase(masked, toks, found), toks[found[0]].start, "according to", REPORTED_FRAMED)
            if k == 0 and found[1] < len(toks) and toks[found[1]].text == ",":
                return _item(masked, toks[found[1] + 1].start if found[1] + 1 < len(toks) else hi, hi, mention)
            if k > 0 and toks[k - 1].text == ",":
                return _item(masked, lo, toks[k - 1].start, mention)
            return []
    # "CLAUSE, X said." and "CLAUSE, said X."
    if toks[-1].low in CUE_FORMS and len(toks) > 3:
        found = np_before(toks, len(toks) - 1)
        if found and toks[found[0] - 1].text == "," and _lemma(toks[-1]) in CLAUSE_LEMMAS:
            mention = Mention(phrase(masked, toks, found), toks[found[0]].start, toks[-1].low, REPORTED_FRAMED)
            return _item(masked, lo, toks[found[0] - 1].start, mention)
    # "X said (that) CLAUSE." — the first cue of the sentence, its subject right before it.
    for k, t in enumerate(toks):
        if t.low not in CUE_FORMS or _lemma(t) not in CLAUSE_LEMMAS or t.low.endswith("ing"):
            continue
        if k > 0 and toks[k - 1].low in DETERMINERS:
            continue  # a noun: "the report"
        found = np_before(toks, k)
        if not found:
            return []
        body = k + 1
        if _lemma(t) == "tell":  # skip the listener: "told reporters", "told The Times"
            listener = np_after(toks, body)
            if listener is None and body < len(toks) and toks[body].low in ("him", "her", "them", "me", "us"):
                listener = (body, body + 1)
            if listener is None:
                return []
            body = listener[1]
        if body < len(toks) and toks[body].low == "that":
            body += 1
        elif CLAUSE_LEMMAS[_lemma(t)] == "that":
            return []
        if body >= len(toks) or not toks[body].is_word:
            return []
        mention = Mention(phrase(masked, toks, found), toks[found[0]].start, t.low, REPORTED_SPEECH)
        return _item(masked, toks[body].start, hi, mention)
    return []


def _lemma(token):
    return CUE_FORMS.get(token.low)


def _item(masked, start, end, mention):
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".!?,;:"):
        end -= 1
    while start < end and masked[start].isspace():
        start += 1
    if len(re.findall(r"\w+", masked[start:end])) < _MIN_WORDS:
        return []
    return [Reported(start, end, mention, mention.strength)]
