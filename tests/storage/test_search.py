"""The q syntax: one parser for both backends, written out as FTS5 or tsquery; bad input is an error on both."""

import pytest

from quotes_api.articles import load_article
from quotes_api.extract import extract_quotes
from quotes_api.storage import ingest_article, queries
from quotes_api.storage.search import SearchSyntaxError, parse, to_fts5, to_tsquery_text
from tests.conftest import SEED_FILES


@pytest.mark.parametrize(
    "q, fts5, tsquery",
    [
        ("racism", '"racism"', "'racism'"),
        ("Gascón", '"gascon"', "'gascon'"),  # accents and case folded, as SQLite's tokenizer does
        ('"tsunami of change"', '"tsunami of change"', "('tsunami' <-> 'of' <-> 'change')"),
        ("overincarcer*", '"overincarcer"*', "'overincarcer':*"),
        ('"going through a"*', '"going through a"*', "('going' <-> 'through' <-> 'a':*)"),
        ("a b", '("a" AND "b")', "'a' & 'b'"),  # neighbours are ANDed
        ("a OR b c", '("a" OR ("b" AND "c"))', "'a' | ('b' & 'c')"),  # AND binds tighter than OR
        ("a NOT b", '("a" NOT "b")', "'a' & !'b'"),
        ("a NOT b OR c", '(("a" NOT "b") OR "c")', "('a' & !'b') | 'c'"),
        ("(a OR b) AND c", '(("a" OR "b") AND "c")', "('a' | 'b') & 'c'"),
        ("and or not", '(("and" AND "or") AND "not")', "('and' & 'or') & 'not'"),  # lower case: plain words
        ("'; DROP TABLE quote; --", None, None),  # punctuation is refused, not passed on
    ],
)
def test_the_syntax_is_written_out_for_each_backend(q, fts5, tsquery):
    if fts5 is None:
        with pytest.raises(SearchSyntaxError):
            parse(q)
        return
    assert (to_fts5(parse(q)), to_tsquery_text(parse(q))) == (fts5, tsquery)


@pytest.mark.parametrize(
    "q, reason",
    [
        ('"unbalanced', "a phrase without its closing mark"),
        ('""', "an empty phrase"),
        ("AND", "an operator alone"),
        ("racism OR", "an operator with nothing after it"),
        ("NOT racism", "NOT needs something on its left, as in FTS5"),
        ("(a", "an unclosed parenthesis"),
        ("a)", "a closing parenthesis with no opening one"),
        ("()", "empty parentheses"),
        ("*", "a star with no word"),
        ("a**", "two stars"),
        ("text:racism", "FTS5 column filters are not our syntax"),
        ("a -b", "a minus sign is not NOT"),
        ("  ", "only white space"),
        ("a:* | b", "tsquery syntax is not ours either"),
    ],
)
def test_malformed_searches_are_errors(q, reason):
    with pytest.raises(SearchSyntaxError):
        parse(q)


@pytest.fixture
def seeded_storage(app):
    with app.app_context():
        for path in SEED_FILES:
            article = load_article(path)
            ingest_article(article, extract_quotes(article))
        yield


def _found(q, sort="-published"):
    page = queries.list_quotes(queries.QuoteFilters(q=q), sort, queries.PageRequest(per_page=100))
    return [quote.text for quote in page.items]


@pytest.mark.parametrize(
    "q, count",
    [
        ('"tsunami of change"', 3),  # the seeds print it three times (two outlets, one long quote)
        ("overincarcer*", 1),
        ("tsunami AND change", 3),
        ("tsunami NOT change", 0),
        ("overincarcerating OR tsunami", 4),
        ("zebrafish", 0),
    ],
)
def test_searches_find_the_same_quotes_on_each_backend(seeded_storage, q, count):
    found = _found(q)
    assert len(found) == count
    assert sorted(_found(q, "relevance")) == sorted(found)  # ranking reorders, never filters


@pytest.mark.parametrize(
    "q, same_as",
    [
        ("TSUNAMI", "tsunami"),  # case does not matter
        ("Gascón", "gascon"),  # nor accents, on either side
        ('"Tsunami  of   CHANGE"', '"tsunami of change"'),  # nor spacing inside a phrase
    ],
)
def test_case_and_accents_do_not_matter(seeded_storage, q, same_as):
    assert _found(q) == _found(same_as)


def _page(q, sort, per_page=100, **filters):
    return queries.list_quotes(queries.QuoteFilters(q=q, **filters), sort, queries.PageRequest(per_page=per_page))


@pytest.mark.parametrize(
    "q, filters",
    [
        ("the", {}),  # many matches: the newest 3 of them
        ("police OR racism OR change", {}),
        ("the", {"kind": "direct"}),  # the bound counts the matches that pass the filters
        ('"tsunami of change"', {}),  # exactly 3
        ("overincarcer*", {}),  # fewer
        ("zebrafish", {}),  # none
    ],
)
@pytest.mark.parametrize("sort", ["-published", "relevance", "length"])
@pytest.mark.parametrize("per_page", [100, 2])
def test_a_search_shows_its_newest_matches_however_many_match(seeded_storage, q, filters, sort, per_page):
    everything = _page(q, sort, **filters).items  # SEARCH_LIMIT 1000: every match, in the sort
    newest = set(sorted(quote.id for quote in everything)[-3:])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(queries, "SEARCH_LIMIT", 3)
        for sql in (queries._page_sql, queries._count_sql):
            sql.cache_clear()
        try:
            page = _page(q, sort, per_page, **filters)
        finally:
            for sql in (queries._page_sql, queries._count_sql):
                sql.cache_clear()
    expected = [quote.id for quote in everything if quote.id in newest]
    assert [quote.id for quote in page.items] == expected[:per_page]
    assert (page.total, page.total_exact) == (len(expected), True)
