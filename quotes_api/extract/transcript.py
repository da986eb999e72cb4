"""Transcripts without quotation marks: each turn after a speaker label is a quotation.

Interviews, press conferences and radio transcripts print turns as ``HOST: …``,
``ANN WELLS, PREMIER: …`` or ``Q. …`` with no marks at all. A paragraph is read as a turn only
when the article has at least two such labelled paragraphs, so a single ``WASHINGTON:`` dateline
or ``UPDATE:`` line is never taken for one.
"""

import re
from dataclasses import dataclass

from .marks import ALL_MARKS

# A label in capitals (a name, maybe a party in brackets as US broadcast transcripts print it, maybe
# a role or a state after a comma) or Q/A, then a colon (Q and A may take a full stop), then the words.
_LABEL = re.compile(
    r"(?P<label>Q|A|[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?: \([A-Z](?:-[A-Z. ]{1,12})?\))?"
    r"(?:, (?P<role>[A-Z][A-Z.'’ -]{0,40}))?\s*[:.]\s+(?=\S)"
)
_INTERVIEWER = {"Q", "QUESTION", "INTERVIEWER", "REPORTER"}
_MIN_TURNS = 2


@dataclass(frozen=True)
class Turn:
    start: int  # the words spoken, without the label
    end: int
    label: str  # "HOST", "ANN WELLS", or "Q" for the interviewer


def transcript_turns(text, paragraphs):
    """Return the labelled turns of a transcript, or [] when the article is not one.

    >>> t = "HOST: Good morning.\\nANN WELLS, PREMIER: Good to be here."
    >>> from quotes_api.extract.marks import split_paragraphs
    >>> [(t[u.start:u.end], u.label) for u in transcript_turns(t, split_paragraphs(t))]
    [('Good morning.', 'HOST'), ('Good to be here.', 'ANN WELLS')]
    """
    turns = []
    for paragraph in paragraphs:
        match = _LABEL.match(text, paragraph.start, paragraph.end)
        if not match or any(mark in text[paragraph.start : paragraph.end] for mark in ALL_MARKS[:5] + '"'):
            continue
        label = match["label"]
        if match.group().rstrip()[-1] == "." and label not in ("Q", "A"):
            continue  # "SMITH. …" is a sentence, not a label; only Q. and A. take a full stop
        if len(label) < 2 and label not in ("Q", "A"):
            continue
        turns.append(Turn(match.end(), paragraph.end, label))
    return turns if len(turns) >= _MIN_TURNS else []


def is_interviewer(label):
    return label in _INTERVIEWER
