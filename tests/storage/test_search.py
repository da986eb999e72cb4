"""The q syntax: one parser for both backends, written out as FTS5 or tsquery; bad input is an error on both."""

import sqlite3

import pytest

from quotes_api.articles import load_article
from quotes_api.extract import extract_quotes
from quotes_api.storage import Article, database, delete_article, ingest_article, queries
from quotes_api.storage.search import (
    TEXT_TOKENIZER,
    SearchSyntaxError,
    Terms,
    index_quotes,
    index_words,
    parse,
    to_fts5,
    to_tsquery_text,
)
from tests.backends import BACKEND
from tests.conftest import SEED_FILES

sqlite_only = pytest.mark.skipif(BACKEND != "sqlite", reason="the FTS5 index is SQLite's")


@pytest.mark.parametrize(
    "q, fts5, tsquery",
    [
        ("racism", 'words : "racism"', "'racism'"),
        ("Gascón", 'words : "gascon"', "'gascon'"),  # accents and case folded, as SQLite's tokenizer does
        ('"tsunami of change"', 'pairs : "tsunami_of of_change"', "('tsunami' <-> 'of' <-> 'change')"),
        ("overincarcer*", 'words : "overincarcer"*', "'overincarcer':*"),
        ('"going through a"*', 'pairs : "going_through through_a"*', "('going' <-> 'through' <-> 'a':*)"),
        ('"don\'t"', 'pairs : "don_t"', "('don' <-> 't')"),  # one word to the user, two to the tokenizer
        ("a b", '(words : "a" AND words : "b")', "'a' & 'b'"),  # neighbours are ANDed
        ("a OR b c", '(words : "a" OR (words : "b" AND words : "c"))', "'a' | ('b' & 'c')"),  # AND before OR
        ("a NOT b", '(words : "a" NOT words : "b")', "'a' & !'b'"),
        ("a NOT b OR c", '((words : "a" NOT words : "b") OR words : "c")', "('a' & !'b') | 'c'"),
        ("(a OR b) AND c", '((words : "a" OR words : "b") AND words : "c")', "('a' | 'b') & 'c'"),
        ("and or not", '((words : "and" AND words : "or") AND words : "not")', "('and' & 'or') & 'not'"),  # words
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


# --- SQLite's index of words and pairs: what SQLite's own tokenizer finds -----------------

TRICKY_TEXTS = [
    "Gascón’s “tsunami of change” — isn’t it?",  # accents, curly quotes and apostrophes, a dash
    "Gasco\u0301n said the e\u0301lan was gone",  # accents as combining marks
    "snake_case and kebab-case, 3.5% and U.S.",  # "_", "-", "." and "%" split words
    "STRASSE, Straße, İstanbul, ΣΟΦΟΣ σοφος",  # letters whose case folds differ between libraries
    "the ﬁnal ﬂoor: ligatures",
    "東京 2020 and Москва said «нет»",  # scripts without spaces between words, and others
    "a 👍 to that, 🇺🇸 too",  # emoji, a flag made of two symbols
    "١٢٣ and ½ and ²",  # other digits and numbers
    "zero\u200bwidth and\u00a0no-break\tspaces\nlines",
    "private\ue000use and \U0001d400 math letters",
]


def _reference(texts):
    """An in-memory FTS5 table of texts, tokenized by SQLite's unicode61 itself (as quote_search was)."""
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, tokenize='{TEXT_TOKENIZER}')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    db.executemany("INSERT INTO t (rowid, text) VALUES (?, ?)", enumerate(texts, 1))
    return db


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_words_are_split_and_folded_as_sqlites_tokenizer_does(text):
    reference = _reference([text])
    assert index_words(text) == [term for (term,) in reference.execute("SELECT term FROM v ORDER BY offset")]


def _reference_query(node):
    """The tree as an FTS5 query of the reference table (the words as the user gave them)."""
    if isinstance(node, Terms):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    return f"({_reference_query(node.left)} {node.name} {_reference_query(node.right)})"


@sqlite_only
def test_searches_find_in_the_index_what_sqlites_tokenizer_finds(app):
    searches = [
        '"tsunami of change"',
        "tsunami change",
        '"gascon s"',
        "gascón",
        '"gascon said"',
        '"elan was gone"',
        "elan*",
        '"the el"*',  # a phrase ending in a prefix
        '"snake case"',
        "snake_case",
        '"kebab case"',
        '"u s"',
        '"U.S."',
        '"strasse straße"',
        "istanbul",
        "σοφοσ",
        '"東京 2020"',
        '"a to that"',  # the emoji between "a" and "to" is not a word
        "zero",
        '"width and no break spaces lines"',
        '"private use"',
        "privateuse",
        '"tsunami of" OR "math letters"',
        '"the final" NOT "tsunami of"',
        'said NOT "tsunami of"',
        '"tsunami of" change',  # a phrase and a word
        "and NOT ½",
    ]
    reference = _reference(TRICKY_TEXTS)
    with app.app_context():
        with database.atomic():
            index_quotes(enumerate(TRICKY_TEXTS, 1))
        found = 0
        for q in searches:
            tree = parse(q)
            expected = {
                rowid
                for (rowid,) in reference.execute("SELECT rowid FROM t WHERE t MATCH ?", (_reference_query(tree),))
            }
            got = {
                rowid
                for (rowid,) in database.execute_sql(
                    "SELECT rowid FROM quote_search WHERE quote_search MATCH ?", (to_fts5(tree),)
                )
            }
            assert got == expected, q
            found += bool(expected)
        assert found >= 20  # most find a text; the others (ligatures, ß, private use) find none in either


@sqlite_only
def test_deleting_an_article_takes_its_quotes_out_of_the_index(seeded_storage):
    def phrase_count():
        return len(_found('"tsunami of change"'))

    def indexed_rows():
        return database.execute_sql("SELECT count(*) FROM quote_search_docsize").fetchone()[0]

    before, rows = phrase_count(), indexed_rows()
    article = load_article(SEED_FILES[0])
    delete_article(Article.get(Article.url == article.url).id)
    assert phrase_count() < before
    assert indexed_rows() < rows  # the row itself, not just its tokens: bm25 counts the rows
    database.execute_sql("INSERT INTO quote_search (quote_search, rank) VALUES ('integrity-check', 1)")
    ingest_article(article, extract_quotes(article))
    assert (phrase_count(), indexed_rows()) == (before, rows)
