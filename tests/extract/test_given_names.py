"""Given names and their usual gender: each row is (folded word, given name?, gender, why)."""

import pytest

from quotes_api.extract.given_names import is_given_name, usual_gender

CASES = [
    ("mary", True, "f", "our own list"),
    ("aoife", True, "f", "an Irish name from Faker's locales"),
    ("kwame", True, "m", "a Ghanaian name"),
    ("priya", True, "f", "an Indian name"),
    ("georgia", False, None, "a country or a state first: 'Georgia Southern' is no person"),
    ("morgan", True, None, "a woman's name in one locale and a man's in another"),
    ("said", False, None, "an English word before it is a name"),
    ("june", False, None, "a month"),
    ("lane", False, None, "a street word"),
    ("okafor", False, None, "a surname"),
]


@pytest.mark.parametrize("word, given, gender, why", CASES, ids=[row[3] for row in CASES])
def test_given_names(word, given, gender, why):
    assert (is_given_name(word), usual_gender(word)) == (given, gender)
