"""Transcripts without quotation marks: each turn after a speaker label is a quotation.

Interviews, press conferences and radio transcripts print turns as ``HOST: …``,
``ANN WELLS, PREMIER: …`` or ``Q. …`` with no marks at all. A paragraph is read as a turn only
when the article has at least two such labelled paragraphs, so a single ``WASHINGTON:`` dateline
or ``UPDATE:`` line is never taken for one.

Magazine Q&As drop even the labels: a question paragraph, then the answer (:func:`interview_answers`).
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


# --- Q&A interviews without labels ---------------------------------------------------------

# What a Q&A's headline or introduction says it is: "Five minutes with …", "… talks to us about …".
_INTERVIEW_CUE = re.compile(
    r"\b(?:Q ?& ?A|interview|minutes with|in conversation|talks? to|spoke to|sat down with|chats? with)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|our|us)\b", re.I)
_ANSWER_PARAGRAPHS = 4  # an answer runs on over this many paragraphs at most
_MIN_QUESTIONS = 2
_INTRO_PARAGRAPHS = 3  # where the headline and introduction say what the piece is
_QUESTION_CHARS = 300


def interview_answers(text, paragraphs):
    """Return (question, answers) paragraph index lists of a Q&A printed without labels, or None.

    A Q&A when its headline or introduction says so, at least two paragraphs are questions (ending
    with "?", short), each followed by answers that are not questions, and most answers
    speak in the first person: an explainer's "What happens next? ¶ The court will …" is no interview.
    """
    intro = (
        text[paragraphs[0].start : paragraphs[min(len(paragraphs), _INTRO_PARAGRAPHS) - 1].end] if paragraphs else ""
    )
    if not _INTERVIEW_CUE.search(intro):
        return None
    questions, answers = [], []
    previous = None  # what the paragraph before was: "question", "answer" or None
    run = 0  # answer paragraphs since the question
    for number, paragraph in enumerate(paragraphs):
        words = text[paragraph.start : paragraph.end]
        if _LABEL.match(words.lstrip('"“')):
            return None  # turns with labels ("WALLACE: …"), maybe inside marks: no label-less Q&A
        if words.endswith("?") and len(words) <= _QUESTION_CHARS:
            questions.append(number)
            previous = "question"
        elif previous is not None and not words.endswith("?") and run < _ANSWER_PARAGRAPHS:
            answers.append(number)  # an answer may run over paragraphs, and may come in marks
            previous, run = "answer", run + 1
            continue
        else:
            previous = None
        run = 0
    first_person = sum(1 for n in answers if _FIRST_PERSON.search(text, paragraphs[n].start, paragraphs[n].end))
    if len(questions) < _MIN_QUESTIONS or not answers or first_person * 2 < len(answers):
        return None
    return questions, answers
