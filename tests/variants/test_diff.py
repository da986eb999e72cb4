"""Word diffs a page can highlight: (canonical, variant, [(op, canonical words, variant words)])."""

import pytest

from quotes_api.variants import word_diff

CASES = [
    (
        "the deaths of George Floyd",
        "the death of George Floyd",
        [("equal", "the", "the"), ("replace", "deaths", "death"), ("equal", "of George Floyd", "of George Floyd")],
    ),
    (
        "discussion about racism",
        "discussion around racism, policing",
        [
            ("equal", "discussion", "discussion"),
            ("replace", "about", "around"),
            ("equal", "racism", "racism"),
            ("insert", "", "policing"),
        ],
    ),
    (
        "It has been an honor. I will work with you",
        "I will work with you",
        [("omitted", "It has been an honor", ""), ("equal", "I will work with you", "I will work with you")],
    ),
    (
        "Same words, other punctuation!",
        "same words other punctuation",
        [("equal", "Same words, other punctuation", "same words other punctuation")],
    ),
]


@pytest.mark.parametrize("canonical, variant, expected", CASES)
def test_word_diff(canonical, variant, expected):
    edits = word_diff(canonical, variant)
    assert [(e["op"], e["canonical"]["text"], e["variant"]["text"]) for e in edits] == expected
    for edit in edits:  # offsets point at the words shown
        assert canonical[edit["canonical"]["start"] : edit["canonical"]["end"]] == edit["canonical"]["text"]
        assert variant[edit["variant"]["start"] : edit["variant"]["end"]] == edit["variant"]["text"]
