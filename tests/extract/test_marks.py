"""Quotation marks: which spans are quotes. Each row: (why, text, expected quote texts)."""

import pytest

from quotes_api.extract.marks import scan_quotes

CASES = [
    ("curly pair", "She said “we won,” and left.", ["we won"]),
    ("straight pair", 'He said "yes." Then he left.', ["yes."]),
    ("guillemets", "Il a dit « non » hier.", ["non"]),
    ("German low-high", "Er sagte „ja“ gestern.", ["ja"]),
    (
        "closing mark used as opener (seed 001)",
        "“It has been an honor,” Lacey closed. ”I will work with my successor.”",
        ["It has been an honor", "I will work with my successor."],
    ),
    ("apostrophes are not marks", "They don’t remember the ’90s or Ahmaud’s case, “really.”", ["really."]),
    ("plural possessive apostrophe", "The voters’ choice was “clear.”", ["clear."]),
    ("single marks as outer quotes (headline style)", "Trump Was ‘Mocking’ Clinton Camp", ["Mocking"]),
    (
        "nested single quote stays inside",
        "“My mom asked, ‘Are you OK?’ every day,” she said.",
        ["My mom asked, ‘Are you OK?’ every day"],
    ),
    ("multi-paragraph quote", "“First part.\n\n“Second part,” she said.", ["First part.\n\n“Second part"]),
    (
        "unclosed quote ends with its paragraph",
        "“No closing mark here\n\nNext paragraph has “its own.”",
        ["No closing mark here", "its own."],
    ),
    ("odd marks do not swallow the article", "A stray “ mark.\n\nLater “a real quote” here.", ["a real quote"]),
    (
        "curly marks inside a straight-quoted passage are nested",
        '"The question: “Are you OK?” Then we moved on," he said.',
        ["The question: “Are you OK?” Then we moved on"],
    ),
    ("NYT double apostrophes", "''This isn't reform,'' said Mr. Holtz-Eakin.", ["This isn't reform"]),
    (
        "no space between a sentence's stop and the next opening mark",
        '"We will appeal," said Joe Marsh."We have no choice," he added.',
        ["We will appeal", "We have no choice"],
    ),
    (
        "no space after a closing mark: it still closes",
        '"We won."The rest was easy.',
        ["We won."],
    ),
    (
        "Irish Times: a curly opener closed with two curly apostrophes",
        "“We have no plans,’’ said Mr Foley. The board “should’’ act.",
        ["We have no plans", "should"],
    ),
    ("no marks", "Nothing quoted at all.", []),
]


@pytest.mark.parametrize("why, text, expected", CASES, ids=[c[0] for c in CASES])
def test_scan_quotes(why, text, expected):
    assert [text[s.start : s.end] for s in scan_quotes(text)] == expected
