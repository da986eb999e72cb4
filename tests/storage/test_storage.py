"""Storage: migrations match the models, ingest is idempotent and atomic, groups follow deletes."""

import multiprocessing

import pytest

from quotes_api.articles import load_article
from quotes_api.extract import Article as ParsedArticle
from quotes_api.extract import extract_quotes
from quotes_api.storage import (
    Article,
    Quote,
    Speaker,
    Syndication,
    VariantGroup,
    database,
    delete_article,
    indexed_count,
    ingest_article,
    ingest_articles,
    init_database,
    is_postgres,
    queries,
    regroup_all,
    schema_drift,
    upgrade,
)
from tests.conftest import ROOT, SEED_FILES

MIGRATIONS = sorted(p.stem for p in (ROOT / "migrations").glob("0*.py"))


def test_migrating_an_empty_database_gives_the_models_schema(database_url):
    db = init_database(database_url)
    assert upgrade(db, ROOT / "migrations") == MIGRATIONS
    assert schema_drift(db) == ""
    assert upgrade(db, ROOT / "migrations") == []  # a second upgrade has nothing to do
    if is_postgres(db):
        assert "quote_document" in db.get_tables() and "quote_search" not in db.get_tables()
    else:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_upgrading_stores_the_words_grouping_reads_for_quotes_already_there(app):
    from playhouse.migrations import Runner

    from quotes_api.variants.text import statement_words

    with app.app_context():
        _store_seeds()
        runner = Runner(database.obj, ROOT / "migrations")
        runner.down("0006_stored_words_and_common_shingles")
        assert "words" not in {c.name for c in database.get_columns("quote")}
        runner.up()
        stored = Quote.select(Quote.text, Quote.words)
        assert stored.count() > 10
        assert all(q.words == " ".join(statement_words(q.text)) for q in stored)
        database.close()


def test_upgrading_rebuilds_the_search_index_for_quotes_already_there(app):
    from playhouse.migrations import Runner

    if is_postgres():
        pytest.skip("the FTS5 index is SQLite's")
    searches = {
        '"tsunami of change"': '"tsunami of change"',
        "tsunami change": '"tsunami" "change"',
        "overincarcer*": '"overincarcer"*',
    }
    with app.app_context():
        _store_seeds()
        stored = {q: _search_ids(q) for q in searches}  # as ingest indexed them
        runner = Runner(database.obj, ROOT / "migrations")
        runner.down("0007_search_words_and_pairs")
        sql = "SELECT rowid FROM quote_search WHERE quote_search MATCH ?"  # the text index of 0001
        before = {q: {row[0] for row in database.execute_sql(sql, (fts5,))} for q, fts5 in searches.items()}
        runner.up()
        assert {q: _search_ids(q) for q in searches} == stored
        assert {q: set(ids) for q, ids in stored.items()} == before
        assert len(before['"tsunami of change"']) == 3 and before["overincarcer*"]
        assert indexed_count() == Quote.select().count()
        database.close()


def test_upgrading_stamps_the_search_index_of_a_database_that_holds_quotes(app):
    """Searches are remembered under the index's stamp (storage/search_cache.py): one is needed at once."""
    from playhouse.migrations import Runner

    from quotes_api.storage.search import version

    with app.app_context():
        runner = Runner(database.obj, ROOT / "migrations")
        runner.down("0008_search_version")
        runner.up()
        assert version() is None  # nothing indexed yet: the first write stamps it
        _store_seeds()
        runner.down("0008_search_version")
        runner.up()
        assert version() is not None
        database.close()


def _search_ids(q):
    page = queries.list_quotes(queries.QuoteFilters(q=q), "-published", queries.PageRequest(per_page=100))
    return [quote.id for quote in page.items]


def _store_seeds():
    results = []
    for path in SEED_FILES:
        article = load_article(path)
        results.append(ingest_article(article, extract_quotes(article)))
    return results


def test_second_ingest_changes_nothing(app):
    with app.app_context():
        first = _store_seeds()
        counts = (
            Article.select().count(),
            Quote.select().count(),
            Speaker.select().count(),
            VariantGroup.select().count(),
            indexed_count(),
        )
        second = _store_seeds()
        assert [r.created for r in first] == [True, True, True]
        assert [r.created for r in second] == [False, False, False]
        assert (
            Article.select().count(),
            Quote.select().count(),
            Speaker.select().count(),
            VariantGroup.select().count(),
            indexed_count(),
        ) == counts


def test_one_speaker_record_per_person_across_articles(app):
    with app.app_context():
        _store_seeds()
        names = [s.name for s in Speaker.select()]
        assert names.count("Jackie Lacey") == 1 and names.count("George Gascón") == 1
        lacey = Speaker.get(Speaker.name == "Jackie Lacey")
        assert {q.article_id for q in lacey.quotes} == {1, 2, 3}


def test_seed_variants_are_grouped_in_the_database(app):
    with app.app_context():
        _store_seeds()
        groups = sorted(sorted((q.article_id, q.text[:19]) for q in g.members) for g in VariantGroup.select())
        assert groups == [
            [(1, "It may be said that"), (1, "Our nation is going"), (2, "Our nation is going")],
            [(1, "The circumstances s"), (2, "The circumstances s")],
        ]
        assert regroup_all() == 2  # rebuilding from scratch finds the same groups


def test_a_failed_ingest_leaves_no_trace(app, monkeypatch):
    import quotes_api.storage.ingest as ingest_module

    with app.app_context():
        article = load_article(SEED_FILES[0])
        quotes = extract_quotes(article)
        calls = {"n": 0}
        original = ingest_module._store_quote

        def failing(*args):
            calls["n"] += 1
            if calls["n"] == 3:
                raise RuntimeError("disk full")
            return original(*args)

        monkeypatch.setattr(ingest_module, "_store_quote", failing)
        with pytest.raises(RuntimeError):
            ingest_article(article, quotes)
        assert (Article.select().count(), Quote.select().count(), indexed_count()) == (0, 0, 0)


def _parsed(number, title="A council meeting"):
    text = f"“We will open the new library number {number} in the spring,” Dana Whitfield said."
    return ParsedArticle(text, url=f"https://example.org/{number}", title=title)


# (what the batch holds, outcome per article): a batch is one transaction, but whatever one of its
# articles does, each gets the outcome storing it alone would give.
BATCHES = [
    ("three new articles", [_parsed(1), _parsed(2), _parsed(3)], ["created", "created", "created"]),
    (
        "one refused (a NUL in its title)",
        [_parsed(1), _parsed(2, "bad\x00title"), _parsed(3)],
        ["created", "NUL", "created"],
    ),
    ("one twice", [_parsed(1), _parsed(1), _parsed(3)], ["created", "existing", "created"]),
]


@pytest.mark.parametrize("articles, outcomes", [b[1:] for b in BATCHES], ids=[b[0] for b in BATCHES])
def test_a_batch_gives_each_article_the_outcome_it_would_have_alone(app, articles, outcomes):
    with app.app_context():
        results = ingest_articles((article, extract_quotes(article)) for article in articles)
        told = [r.outcome if hasattr(r, "outcome") else "NUL" * ("NUL character" in str(r)) for r in results]
        assert told == outcomes
        assert Article.select().count() == outcomes.count("created")
        assert Quote.select().count() == indexed_count() == outcomes.count("created")


def test_deleting_an_article_dissolves_groups_left_in_one_article(app):
    with app.app_context():
        _store_seeds()
        assert VariantGroup.select().count() == 2
        assert delete_article(2) is True
        assert VariantGroup.select().count() == 0
        assert Quote.select().where(Quote.group.is_null(False)).count() == 0
        assert indexed_count() == Quote.select().count()
        assert delete_article(2) is False


def test_same_text_without_url_is_one_article(app):
    with app.app_context():
        text = "“We will build it,” Ana Ruiz said on Monday."
        assert ingest_article(ParsedArticle(text), extract_quotes(text)).created is True
        assert ingest_article(ParsedArticle(text), extract_quotes(text)).created is False
        same_url = ParsedArticle("Other text “now,” Bo Li said.", url="https://example.org/a")
        assert ingest_article(same_url, []).created is True
        assert ingest_article(ParsedArticle("Changed text.", url="https://example.org/a"), []).created is False


def _ingest_in_process(database_url, number):
    init_database(database_url)
    for round_ in range(5):
        text = f"“Worker {number} says round {round_} is done and dusted for today,” Ana Ruiz said."
        ingest_article(ParsedArticle(text, url=f"https://example.org/{number}/{round_}"), extract_quotes(text))
    database.close()


def _run_processes(target, args_list):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=target, args=args) for args in args_list]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    return [w.exitcode for w in workers]


def _migrate(database_url):
    """Bring the database up to date and close it, for writer processes to open their own connections."""
    db = init_database(database_url)
    upgrade(db, ROOT / "migrations")
    db.close()


def test_concurrent_writers_do_not_see_database_is_locked(database_url):
    _migrate(database_url)
    assert _run_processes(_ingest_in_process, [(database_url, n) for n in range(4)]) == [0, 0, 0, 0]
    init_database(database_url)
    assert Article.select().count() == 20
    assert Speaker.select().where(Speaker.name == "Ana Ruiz").count() == 1


SAME_STATEMENT = "“We will not raise the fares this year, whatever the council decides,” said {speaker}."


def _ingest_the_same_articles(database_url, number, outcomes):
    """Every process stores the same eight articles: two outlets of one statement per speaker."""
    init_database(database_url)
    created = 0
    for n in range(4):
        speaker = f"Dana Okafor{'abcd'[n]}"
        for outlet in ("a", "b"):
            text = f"{outlet.upper()} reports. " + SAME_STATEMENT.format(speaker=speaker)
            parsed = ParsedArticle(text, url=f"https://{outlet}.example/{n}", outlet=outlet)
            created += ingest_article(parsed, extract_quotes(parsed)).created
    outcomes.put(created)
    database.close()


def test_concurrent_writers_of_the_same_articles_store_each_once(database_url):
    """Four processes race to store the same articles: each is stored once, grouped once, the rest "already stored"."""
    _migrate(database_url)
    outcomes = multiprocessing.get_context("fork").Queue()
    codes = _run_processes(_ingest_the_same_articles, [(database_url, n, outcomes) for n in range(4)])
    assert codes == [0, 0, 0, 0]
    assert sum(outcomes.get(timeout=5) for _ in range(4)) == 8  # the others were told "already stored"
    init_database(database_url)
    assert Article.select().count() == 8
    assert Quote.select().count() == 8 and indexed_count() == 8
    assert Speaker.select().count() == 4
    assert VariantGroup.select().count() == 4  # one group per statement, never two
    assert Quote.select().where(Quote.group.is_null()).count() == 0


def _print_statements(database_url, outlet, statements, outcomes):
    """One outlet's articles: each prints one of the statements, in the same speaker's name."""
    init_database(database_url)
    for n in range(statements):
        text = f"{outlet} desk. " + SAME_STATEMENT.format(speaker=f"Dana Okafor{'abcdefgh'[n]}").replace(
            "fares", f"fares on line {n}"
        )
        parsed = ParsedArticle(text, url=f"https://{outlet}.example/{n}", outlet=outlet)
        ingest_article(parsed, extract_quotes(parsed))
    outcomes.put(outlet)
    database.close()


def test_writers_grouping_one_statement_at_once_make_one_group(database_url):
    """Four outlets' articles of the same statements stored at once: one group per statement, all four in it."""
    _migrate(database_url)
    outcomes = multiprocessing.get_context("fork").Queue()
    outlets = ["north", "south", "east", "west"]
    assert _run_processes(_print_statements, [(database_url, o, 6, outcomes) for o in outlets]) == [0, 0, 0, 0]
    init_database(database_url)
    sizes = sorted(Quote.select().where(Quote.group == g).count() for g in VariantGroup.select())
    assert sizes == [4] * 6


def _store_one_copy(database_url, number, outcomes):
    init_database(database_url)
    text = "“The ferry runs again from Monday, every hour on the hour,” Ana Ruiz said."
    parsed = ParsedArticle(text, url=f"https://paper{number}.example/ferry", outlet=f"paper{number}")
    outcomes.put(ingest_article(parsed, extract_quotes(parsed)).outcome)
    database.close()


def test_the_same_text_from_several_urls_at_once_is_one_article_and_its_copies(database_url):
    """Four outlets send one wire story at the same moment: stored once, the other three recorded as copies."""
    _migrate(database_url)
    outcomes = multiprocessing.get_context("fork").Queue()
    assert _run_processes(_store_one_copy, [(database_url, n, outcomes) for n in range(4)]) == [0, 0, 0, 0]
    assert sorted(outcomes.get(timeout=5) for _ in range(4)) == ["created", "syndicated", "syndicated", "syndicated"]
    init_database(database_url)
    assert (Article.select().count(), Syndication.select().count(), Quote.select().count()) == (1, 3, 1)


def _stored_counts_are_true():
    """Every speaker's quote_count and every group's size equal what counting the quotes gives."""
    for speaker in Speaker.select():
        assert speaker.quote_count == Quote.select().where(Quote.speaker == speaker).count(), speaker.name
    for group in VariantGroup.select():
        assert group.size == Quote.select().where(Quote.group == group).count(), group.id
    return True


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda: None, "ingest counts each quote once"),
        (lambda: delete_article(2), "deleting an article takes its quotes off speakers and groups"),
        (lambda: regroup_all(), "regrouping from scratch moves quotes between groups"),
        (lambda: Quote.update(speaker=None).where(Quote.article == 1).execute(), "a quote losing its speaker"),
    ],
)
def test_stored_counts_follow_every_change(app, change, reason):
    with app.app_context():
        _store_seeds()
        change()
        assert _stored_counts_are_true(), reason


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("jackie", {"Jackie Lacey"}),
        ("lac", {"Jackie Lacey"}),
        ("Jackie La", {"Jackie Lacey"}),
        ("GASC", {"George Gascón"}),
        ("gascón", {"George Gascón"}),
        ("zzz", set()),
    ],
)
def test_speaker_name_search_reads_any_word_of_the_name(app, prefix, expected):
    from quotes_api.storage import queries

    with app.app_context():
        _store_seeds()
        page = queries.list_speakers(prefix, "-quotes", queries.PageRequest(per_page=100))
        assert {s.name for s in page.items} == expected
