"""Searches remembered per process: the same answer as a fresh search, until any write to the index."""

import multiprocessing

import pytest
from flask import current_app

from quotes_api.articles import load_article
from quotes_api.extract import Article as ParsedArticle
from quotes_api.extract import extract_quotes
from quotes_api.storage import (
    Article,
    Quote,
    database,
    delete_article,
    ingest_article,
    init_database,
    queries,
    search_cache,
)
from quotes_api.storage.search import mark_changed, version
from tests.conftest import SEED_FILES


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    monkeypatch.setattr(search_cache, "SEARCHES", search_cache.SearchCache())


def _page(q, sort="-published", per_page=20, offset=0, after=None, **filters):
    request = queries.PageRequest(per_page=per_page, offset=offset, after=after)
    return queries.list_quotes(queries.QuoteFilters(q=q, **filters), sort, request)


def _answer(page):
    """All a page says, to the type of each value (a score of 0 is not one of 0.0 in JSON)."""
    return repr(page)


def _first_cursor(q, sort):
    return _page(q, sort, per_page=1).next_after


# (q, how the page is asked for): each is asked twice, the second time from what was remembered.
SEARCHES = [
    ('"tsunami of change"', {}),
    ("tsunami change", {"sort": "relevance"}),  # ranked: its scores are remembered too
    ("the", {"per_page": 2, "offset": 3}),  # a later page
    ("the", {"per_page": 2, "after": "cursor"}),  # keyset paging
    ("the", {"kind": "direct", "sort": "length"}),  # filtered
    ("the", {"speaker": "Jackie Lacey"}),
    ("the", {"offset": 500}),  # past the end
    ("zebrafish", {}),  # nothing
]


@pytest.mark.parametrize("q, asked", SEARCHES, ids=[f"{q} {asked}" for q, asked in SEARCHES])
def test_a_remembered_search_answers_as_the_search_did(read_only, monkeypatch, q, asked):
    with read_only.app_context():
        if asked.get("after") == "cursor":
            asked = {**asked, "after": _first_cursor(q, asked.get("sort", "-published"))}
        fresh = _answer(_page(q, **asked))

        def searching_again(*args):
            raise AssertionError("searched again, though the index has not changed")

        monkeypatch.setattr(queries, "_quote_page", searching_again)
        assert _answer(_page(q, **asked)) == fresh


def _store(text, url):
    ingest_article(ParsedArticle(text, url=url), extract_quotes(text))


def _store_in_another_process(database_url):
    init_database(database_url)
    _store("“This is a tsunami of change for the county,” Ana Ruiz said.", "https://example.org/other-process")
    database.close()


def _delete_a_seed():
    delete_article(Article.get(Article.url == load_article(SEED_FILES[0]).url).id)


def _write_elsewhere():
    worker = multiprocessing.get_context("fork").Process(
        target=_store_in_another_process, args=(current_app.config["DATABASE_URL"],)
    )
    worker.start()
    worker.join(60)
    assert worker.exitcode == 0


# (what changes, how many more quotes the phrase then finds)
WRITES = [
    ("an article stored", lambda: _store("“A tsunami of change,” Ana Ruiz said.", "https://example.org/new"), 1),
    ("a seed article deleted", _delete_a_seed, -2),  # it prints the phrase twice
    ("an article stored by another process", _write_elsewhere, 1),
]


@pytest.mark.parametrize("write, change", [w[1:] for w in WRITES], ids=[w[0] for w in WRITES])
def test_every_write_to_the_index_makes_searches_fresh(seeded, write, change):
    with seeded.app_context():
        before = _page('"tsunami of change"')
        write()
        after = _page('"tsunami of change"')
        assert after.total == before.total + change
        assert len(after.items) == len(before.items) + change


def test_regrouping_shows_in_a_remembered_search(seeded):
    """Groups change without the index changing: a remembered page reads its rows again, and a search
    filtered by group is never remembered."""
    with seeded.app_context():
        grouped = [q for q in _page('"tsunami of change"').items if q.group_id is not None]
        assert grouped
        group_id = grouped[0].group_id
        assert _page("tsunami", group=group_id).total > 0
        Quote.update(group=None).where(Quote.group == group_id).execute()
        again = {q.id: q for q in _page('"tsunami of change"').items}
        assert all(again[q.id].group_id is None and again[q.id].group_summary is None for q in grouped)
        assert _page("tsunami", group=group_id).total == 0


def test_writers_stamp_the_index_anew(app):
    with app.app_context():
        assert version() is None  # a new database: no write yet
        stamps = set()
        for number in range(3):
            _store(f"“Round {number} is done,” Ana Ruiz said.", f"https://example.org/{number}")
            stamps.add(version())
        mark_changed()
        stamps.add(version())
        assert None not in stamps and len(stamps) == 4


# SearchCache alone: (steps, what the last lookup finds). A step is (stamp, key, value) to keep
# or (stamp, key) to look up.
CACHE_CASES = [
    ("found under its stamp", [(7, "a", 1), (7, "a")], 1),
    ("forgotten when the stamp changes", [(7, "a", 1), (8, "a")], None),
    ("all forgotten when one is kept under a new stamp", [(7, "a", 1), (8, "b", 2), (8, "a")], None),
    ("never kept without a stamp", [(None, "a", 1), (None, "a")], None),
    ("the least recently used goes first", [(7, "a", 1), (7, "b", 2), (7, "a"), (7, "c", 3), (7, "a")], 1),
    ("… and is gone", [(7, "a", 1), (7, "b", 2), (7, "a"), (7, "c", 3), (7, "b")], None),
]


@pytest.mark.parametrize("steps, expected", [c[1:] for c in CACHE_CASES], ids=[c[0] for c in CACHE_CASES])
def test_the_cache_keeps_values_under_the_stamp_they_were_found_under(monkeypatch, steps, expected):
    cache = search_cache.SearchCache(size=2)
    stamp_now = [None]
    monkeypatch.setattr(search_cache.search, "version", lambda: stamp_now[0])
    found = None
    for step in steps:
        stamp_now[0] = step[0]
        if len(step) == 3:
            cache.keep(*step)
        else:
            assert cache.lookup(step[1])[0] == step[0]
            found = cache.lookup(step[1])[1]
    assert found == expected
