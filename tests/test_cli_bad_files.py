"""Bad files in a folder: each is reported with its reason, the rest of the run still loads, exit status 1."""

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from quotes_api.cli import main
from tests.conftest import ROOT

GOOD = "“We will fix the roads this summer,” Mayor Ana Ruiz said."
QUOTE = "<p>“We will fix the roads,” Jane Roe said.</p>"

# (file name, content, the reason ingest and extract must print for it)
BAD_FILES = [
    ("header-date.txt", f"date 2021-02-31 https://e.org/a\n{GOOD}", "not a real date: '2021-02-31'"),
    ("meta-date.html", f"<html><meta name=date content=2020-99-99><body>{QUOTE}</body></html>", "not a real date"),
    ("time-date.html", f"<html><body><time datetime=2023-04-31>x</time>{QUOTE}</body></html>", "not a real date"),
    ("json-date.json", json.dumps({"text": GOOD, "published": "2022-13-01"}), "not a real date"),
    ("surrogate-text.json", '{"text": "\\ud800 said"}', "lone surrogate"),
    ("surrogate-title.json", '{"text": "x", "title": "\\udfff"}', "lone surrogate"),
    ("surrogate-html.json", '{"html": "<p>\\ud83d</p>"}', "lone surrogate"),
    ("deep-array.json", "{" + '"a":' + "[" * 100_000, "nested deeper than"),
    ("deep-object.json", '{"a":' * 5000 + "1" + "}" * 5000, "nested deeper than"),
]
# (article file, its sidecar NAME.meta.json, the reason)
BAD_SIDECARS = [
    ("sidecar-date.txt", json.dumps({"published": "2021-02-29"}), "not a real date"),
    ("sidecar-deep.txt", '{"url":' * 5000 + "1" + "}" * 5000, "unreadable sidecar"),
    ("sidecar-surrogate.txt", '{"title": "\\ud800"}', "unreadable sidecar"),
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One folder of good and bad files; ingest (then export) and extract each run once over it."""
    tmp_path = tmp_path_factory.mktemp("bad-files")
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z-good.json").write_text(json.dumps({"text": "“Keep the parks open,” Bo Li said."}), encoding="utf-8")
    for name, content, _ in BAD_FILES:
        (folder / name).write_text(content, encoding="utf-8")
    for name, sidecar, _ in BAD_SIDECARS:
        (folder / name).write_text(GOOD.replace("roads", name), encoding="utf-8")
        (folder / name.replace(".txt", ".meta.json")).write_text(sidecar, encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
        env.setenv("MIGRATIONS_DIR", str(ROOT / "migrations"))
        invoke("db", "upgrade")
        ingest = invoke("ingest", folder)
        export = invoke("export", "--format", "jsonl")
        extract = invoke("extract", "--format", "jsonl", folder)
    return SimpleNamespace(folder=folder, ingest=ingest, export=export, extract=extract)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def reported(result, path):
    return [line for line in result.stderr.splitlines() if line.startswith(str(path))]


@pytest.mark.parametrize("name, reason", [(n, r) for n, _, r in BAD_FILES + BAD_SIDECARS])
def test_ingest_reports_each_bad_file(runs, name, reason):
    lines = reported(runs.ingest, runs.folder / name)
    assert len(lines) == 1 and reason in lines[0], runs.ingest.stderr


@pytest.mark.parametrize("name, reason", [(n, r) for n, _, r in BAD_FILES + BAD_SIDECARS])
def test_extract_reports_each_bad_file(runs, name, reason):
    lines = reported(runs.extract, runs.folder / name)
    assert len(lines) == 1 and reason in lines[0], runs.extract.stderr


def test_ingest_stores_the_good_files_and_exits_1(runs):
    assert runs.ingest.exit_code == 1
    failed = len(BAD_FILES) + len(BAD_SIDECARS)
    assert f"articles added: 2, already stored: 0, failed: {failed}" in runs.ingest.stdout
    exported = [json.loads(line) for line in runs.export.stdout.splitlines()]
    assert sorted(row["speaker"] for row in exported) == ["Ana Ruiz", "Bo Li"]


def test_extract_prints_the_good_files_and_exits_1(runs):
    assert runs.extract.exit_code == 1
    printed = [json.loads(line) for line in runs.extract.stdout.splitlines()]
    assert sorted(row["speaker"] for row in printed) == ["Ana Ruiz", "Bo Li"]
