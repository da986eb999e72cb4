"""The seed articles' hard cases, one row each: (file, start of the quote, speaker, kind)."""

import pytest

from quotes_api.articles import load_article
from quotes_api.extract import extract_quotes
from tests.conftest import SEEDS

DAILY_WIRE, ARCHIVED, SYNDICATED = "000_804fed04974981a0.txt", "001_47adbd87beffb3dd.txt", "002_a604b6d8b838952b.txt"

CASES = [
    (DAILY_WIRE, "The circumstances surrounding the deaths", "Jackie Lacey", "direct"),
    (DAILY_WIRE, "Our nation is going through", "Jackie Lacey", "direct"),
    (DAILY_WIRE, "It may be said that one day", "Jackie Lacey", "direct"),  # inside a post, cue in the post
    (DAILY_WIRE, "In conceding the DA’s race", "Frank Stoltze", "social"),
    (DAILY_WIRE, "without overincarcerating.", "George Gascón", "partial"),
    (DAILY_WIRE, "has been a litmus test", "L.A. Times", "partial"),
    (DAILY_WIRE, "George Soros Intervenes Again", "Daily Wire", "social"),
    (DAILY_WIRE, "#JackieLaceyWILLGo because", "BLM-LA", "direct"),
    (DAILY_WIRE, "we walked neighborhoods", "BLM-LA", "partial"),
    (DAILY_WIRE, "This may be your LAST CHANCE", "#BlackLivesMatter-LA", "social"),
    (DAILY_WIRE, "A lot of people out here", "An LA Times journalist", "direct"),
    (DAILY_WIRE, "Jackie Lacey will no longer", "Rahje Branch", "direct"),
    (DAILY_WIRE, "an all-or-nothing proposition.", "L.A. Times", "partial"),
    (DAILY_WIRE, "one of the most consequential", "New York Times", "partial"),
    (DAILY_WIRE, "Looking backwards", "LA Justice Defender", "social"),
    (ARCHIVED, "expected victory", "Jackie Lacey", "partial"),
    (ARCHIVED, "To my mom, who constantly asked me, ‘Are you OK?’", "Jackie Lacey", "direct"),
    (ARCHIVED, "I will work with my successor", "Jackie Lacey", "direct"),  # ”I — a closer used as opener
    (ARCHIVED, "When I entered this race", "George Gascón", "direct"),
    (ARCHIVED, "immediately", "George Gascón", "partial"),
    (SYNDICATED, "His response was in fear", "Jackie Lacey", "direct"),
    (SYNDICATED, "traumatized", "The protesters", "partial"),
    (SYNDICATED, "inches", "The protesters", "partial"),
]


@pytest.fixture(scope="module")
def quotes_by_file():
    return {name: extract_quotes(load_article(SEEDS / name)) for name in (DAILY_WIRE, ARCHIVED, SYNDICATED)}


@pytest.mark.parametrize("name, opening, speaker, kind", CASES, ids=[c[1][:30] for c in CASES])
def test_seed_quote(quotes_by_file, name, opening, speaker, kind):
    found = [q for q in quotes_by_file[name] if q.text.startswith(opening)]
    assert [(q.speaker, q.kind) for q in found] == [(speaker, kind)]


def test_offsets_point_into_the_article(quotes_by_file):
    for name, quotes in quotes_by_file.items():
        text = load_article(SEEDS / name).text
        assert all(text[q.start : q.end] == q.text for q in quotes)


def test_sidecar_metadata_is_read():
    article = load_article(SEEDS / SYNDICATED)
    assert (article.published, article.url) == ("2020-11-06", None)
    assert article.outlet and article.title
