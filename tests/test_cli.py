"""The quotes-api command: extract's JSON Lines contract, ingest's summary and per-file errors, keys, export."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from quotes_api import create_app
from quotes_api.cli import main
from tests.conftest import ROOT, SEED_FILES


@pytest.fixture
def run(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("MIGRATIONS_DIR", str(ROOT / "migrations"))

    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_extract_jsonl_contract(run):
    result = run("extract", "--format", "jsonl", *SEED_FILES)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    keys = {"source", "text", "start", "end", "speaker", "kind", "cue", "confidence", "group"}
    assert all(keys <= set(row) for row in rows)
    groups = {row["group"] for row in rows if row["group"] is not None}
    assert len(groups) == 2  # the two statements printed by two outlets
    assert {row["source"] for row in rows} == {str(p) for p in SEED_FILES}


# (extraction processes, articles per transaction): one writer stores in file order whatever these are.
INGEST_SHAPES = [("1", 50), ("2", 50), ("2", 1)]


@pytest.mark.parametrize("jobs, batch", INGEST_SHAPES, ids=[f"jobs {j}, batch {b}" for j, b in INGEST_SHAPES])
def test_db_upgrade_then_ingest_twice(run, monkeypatch, jobs, batch):
    monkeypatch.setattr("quotes_api.service.INGEST_BATCH", batch)
    assert "applied: 0001_initial" in run("db", "upgrade").stdout
    assert "up to date" in run("db", "upgrade").stdout
    first = run("ingest", "--jobs", jobs, ROOT / "seeds")
    assert first.exit_code == 0
    assert "articles added: 3, already stored: 0, failed: 0" in first.stdout
    exported = [json.loads(line) for line in run("export", "--format", "jsonl").stdout.splitlines()]
    assert len({row["group"] for row in exported if row["group"] is not None}) == 2  # as `extract` finds
    second = run("ingest", "--jobs", jobs, ROOT / "seeds")
    assert "articles added: 0, already stored: 3" in second.stdout and "quotes added: 0" in second.stdout
    assert "nothing ingested" in run("ingest", "--if-empty", ROOT / "seeds").stdout


def test_ingest_needs_a_migrated_database(run):
    result = CliRunner().invoke(main, ["ingest", str(SEED_FILES[0])])
    assert result.exit_code != 0 and "db upgrade" in result.output


def test_ingest_refuses_an_article_over_the_length_limit_and_stores_the_rest(run, tmp_path, monkeypatch):
    monkeypatch.setenv("MAX_ARTICLE_CHARS", "200")
    folder = tmp_path / "sizes"
    folder.mkdir()
    (folder / "short.txt").write_text("“We will fix the roads,” Mayor Ana Ruiz said.", encoding="utf-8")
    (folder / "long.txt").write_text("“We will fix the roads,” Ana Ruiz said. " * 10, encoding="utf-8")
    run("db", "upgrade")
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert "long.txt: the article text is longer than 200 characters" in result.stderr
    assert "articles added: 1, already stored: 0, failed: 1" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_are_reported_each_and_good_ones_still_stored(run, tmp_path, jobs):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("“We will fix the roads this summer,” Mayor Ana Ruiz said.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes('"Caf\xe9," she said.'.encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    run("db", "upgrade")
    result = CliRunner().invoke(main, ["ingest", "--jobs", jobs, str(folder), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "latin1.txt: not UTF-8 text" in result.stderr
    assert "empty.txt: empty document" in result.stderr
    assert "broken.json: invalid JSON" in result.stderr
    assert "photo.jpg: skipped: not an article file" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "articles added: 1, already stored: 0, failed: 4, skipped: 1" in result.stdout
    exported = run("export", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["speaker"] for line in exported] == ["Ana Ruiz"]


def test_extract_reports_bad_files_and_exits_nonzero(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(SEED_FILES[0]), str(bad)])
    assert result.exit_code == 1 and "bad.txt: not UTF-8" in result.stderr
    assert result.stdout.strip()  # the good file's quotes are still printed


def test_keys_are_printed_once_and_stored_hashed(run):
    run("db", "upgrade")
    result = run("keys", "create", "newsroom")
    key = result.stdout.strip()
    assert key.startswith("qk_") and len(key) > 20
    assert "will not be shown again" in result.stderr
    from quotes_api.storage import ApiKey

    assert ApiKey.get().key_hash != key and key not in ApiKey.get().key_hash
    assert "revoked 1" in run("keys", "revoke", "newsroom").stdout


def test_export_csv(run):
    run("db", "upgrade")
    run("ingest", *SEED_FILES)
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert rows and {"text", "speaker", "outlet", "published", "group"} <= set(rows[0])
    assert any(r["speaker"] == "Jackie Lacey" and r["outlet"] == "The Daily Wire" for r in rows)


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://elsewhere/db", "sqlite:/// or postgresql://"),  # a backend we do not support
        ("postgresql://nobody@127.0.0.1:9/db", "cannot open the database"),  # no server listens there
    ],
)
def test_a_bad_database_setting_is_a_clear_error(run, monkeypatch, url, message):
    monkeypatch.setenv("DATABASE_URL", url)
    result = CliRunner().invoke(main, ["db", "upgrade"])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_migrate_data_copies_everything_and_checks_counts(run, database_url, tmp_path, monkeypatch):
    """A seeded SQLite file copied into this run's backend (PostgreSQL in the PostgreSQL pass)."""
    source = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", source)
    run("db", "upgrade")
    run("ingest", *SEED_FILES)
    run("keys", "create", "desk")
    before = run("export", "--format", "jsonl").stdout

    result = run("migrate-data", "--from", source, "--to", database_url)
    assert result.exit_code == 0 and "all counts match" in result.stdout
    counts = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:-1]}
    assert counts["quote"][0] == counts["quote"][1] != "0" and counts["variant_group"] == ["2", "2"]
    assert result.stdout.count("MISMATCH") == 0

    monkeypatch.setenv("DATABASE_URL", database_url)
    assert run("export", "--format", "jsonl").stdout == before  # the same rows, ids and groups
    from quotes_api.storage import Speaker, init_database

    init_database(database_url)
    lacey = Speaker.get(Speaker.name == "Jackie Lacey")
    assert lacey.quote_count == lacey.quotes.count()  # stored counts are the rows', not doubled by triggers
    searched = create_app({"DATABASE_URL": database_url}).test_client().get('/api/v1/quotes?q="tsunami of change"')
    assert searched.headers["X-Total-Count"] == "3"  # the search index was rebuilt in the target's form
    new = tmp_path / "new.txt"
    new.write_text("“The buses will run all night from June,” Mayor Ana Ruiz said.", encoding="utf-8")
    assert "articles added: 1" in run("ingest", new).stdout  # ids continue after the copied ones

    again = CliRunner().invoke(main, ["migrate-data", "--from", source, "--to", database_url])
    assert again.exit_code != 0 and "already holds data" in again.output


def test_the_progress_rate_counts_a_burst_over_the_time_it_took(monkeypatch):
    """Articles are stored 200 at a time: 200 at once after 2 s is 100 a second, not thousands."""
    from quotes_api import cli

    clock = iter([0.0] + [2.0] * 201 + [2.0])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    meter = cli.RateMeter(total=1000)
    for _ in range(200):
        meter.tick()
    assert meter.show() == "100 articles/s, 0:08 left"
