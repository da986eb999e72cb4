"""The ``quotes-api`` command: serve, db, ingest, extract, export, keys, regroup."""

import csv
import json
import os
import sys
import time
from collections import deque
from pathlib import Path

import click

from .articles import iter_article_paths
from .extract import DEFAULT_MIN_CONFIDENCE, DocumentError


@click.group(help="Quote and attribution service for newsrooms.")
def main():
    pass


def _database():
    """The settings, with their database bound to the models and open.

    No Flask app: the commands here only read settings and the database, and building the app
    and its API would cost each of them half a second of start-up (a tenth of ingesting 2,000
    articles, and most of a run that ingests a few).
    """
    from .config import from_environment
    from .storage import DatabaseUnavailable, check_connection, init_database

    try:
        settings = from_environment()
        init_database(settings["DATABASE_URL"])
        check_connection()
        return settings
    except (ValueError, DatabaseUnavailable) as error:  # a bad setting or no server: say which, no traceback
        raise click.ClickException(str(error)) from None


# --- database ------------------------------------------------------------------


@main.group()
def db():
    """Database schema commands."""


@db.command("upgrade")
def db_upgrade():
    """Apply pending migrations (creates the database file if needed)."""
    from .storage import database, schema_drift, upgrade

    settings = _database()
    applied = upgrade(database.obj, settings["MIGRATIONS_DIR"])
    click.echo(f"applied: {', '.join(applied)}" if applied else "database is up to date")
    drift = schema_drift(database.obj)
    if drift:
        raise click.ClickException(f"the schema differs from the models after migrating:\n{drift}")


@db.command("status")
def db_status():
    """List migrations not applied yet."""
    from .storage import database, pending

    settings = _database()
    names = pending(database.obj, settings["MIGRATIONS_DIR"])
    click.echo("\n".join(names) if names else "database is up to date")


def _migrated_database():
    """The settings, once their database is bound and known to be migrated."""
    from .storage import database, pending

    settings = _database()
    if pending(database.obj, settings["MIGRATIONS_DIR"]):
        raise click.ClickException("the database is not migrated: run `quotes-api db upgrade` first")
    return settings


@main.command("migrate-data")
@click.option("--from", "source", required=True, help="Database to copy, e.g. sqlite:///instance/quotes.sqlite3")
@click.option("--to", "target", required=True, help="Empty database to fill, e.g. postgresql://user@host:5432/quotes")
def migrate_data(source, target):
    """Copy every article, quote, speaker, group and key to another database; check the counts.

    The target is migrated first and must hold no data. Ids are kept; the search index is
    rebuilt in the target's own form (FTS5 or tsvector). Exit status 1 if a count differs.
    """
    from .config import from_environment
    from .storage.db import DatabaseUnavailable
    from .storage.transfer import TransferError, copy_database

    migrations_dir = from_environment()["MIGRATIONS_DIR"]
    copied = {}

    def progress(table, rows):
        copied[table] = copied.get(table, 0) + rows

    try:
        counts = copy_database(source, target, migrations_dir, progress)
    except (ValueError, TransferError, DatabaseUnavailable) as error:
        raise click.ClickException(str(error)) from None
    width = max(len(c.table) for c in counts)
    click.echo(f"{'table':<{width}}  {'source':>8}  {'target':>8}")
    for count in counts:
        mark = "" if count.ok else "  MISMATCH"
        click.echo(f"{count.table:<{width}}  {count.source:>8}  {count.target:>8}{mark}")
    if not all(c.ok for c in counts):
        raise click.ClickException("the copy is incomplete: counts differ")
    click.echo("all counts match")


# --- ingest and extract ------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already holds articles (seeding).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on for a terminal).")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Extract in this many processes; one writer stores, in file order.",
)
def ingest(paths, if_empty, progress, jobs):
    """Extract and store the articles in PATHS (files or folders); print a summary."""
    from .service import ingest_files
    from .storage import Article, Speaker

    settings = _migrated_database()
    extraction = {
        "min_confidence": settings["MIN_CONFIDENCE"],
        "indirect": settings["STORE_INDIRECT"],
        "max_chars": settings["MAX_ARTICLE_CHARS"],
    }
    if if_empty and Article.select().exists():
        click.echo("database already holds articles: nothing ingested")
        return
    speakers_before = Speaker.select().count()
    listed = list(iter_article_paths(paths))
    counts = {"added": 0, "existing": 0, "failed": 0, "skipped": 0, "quotes": 0}
    show = sys.stderr.isatty() if progress is None else progress
    rate = RateMeter(len(listed))
    with click.progressbar(
        ingest_files(listed, jobs, **extraction),
        length=len(listed),
        label="ingesting",
        file=sys.stderr if show else open(os.devnull, "w"),
        item_show_func=rate.show,
        show_eta=False,  # the rate meter's: click's own reads per-item times, and articles come in bursts
    ) as bar:
        for done, outcome in bar:
            rate.tick()
            if outcome is None or isinstance(outcome, DocumentError):
                counts["skipped" if done.skipped else "failed"] += 1
                click.echo(f"\n{done.path}: {done.problem or outcome}", err=True)
            else:
                counts["added" if outcome.created else "existing"] += 1
                counts["quotes"] += outcome.quotes
    new_speakers = Speaker.select().count() - speakers_before
    click.echo(
        f"articles added: {counts['added']}, already stored: {counts['existing']}, "
        f"failed: {counts['failed']}, skipped: {counts['skipped']}; "
        f"quotes added: {counts['quotes']}; speakers added: {new_speakers}"
    )
    if counts["failed"]:
        raise SystemExit(1)


class RateMeter:
    """Articles per second over the last few seconds, and the time left at that rate, for the progress bar.

    Articles are stored a batch at a time, so they come in bursts: the rate is taken between the
    oldest mark of the window and now, not between two marks of one burst (nor per item, as
    click's own ETA is).
    """

    WINDOW = 5.0  # seconds: long enough to be steady, short enough to show a slowdown

    def __init__(self, total):
        self.total, self.done = total, 0
        self.marks = deque([(time.monotonic(), 0)])  # (when, articles done then)

    def tick(self):
        now = time.monotonic()
        self.done += 1
        self.marks.append((now, self.done))
        while len(self.marks) > 2 and now - self.marks[1][0] > self.WINDOW:
            self.marks.popleft()

    def show(self, _item=None):
        (then, done_then), now = self.marks[0], time.monotonic()
        if self.done == done_then or now - then < 0.5:
            return None
        rate = (self.done - done_then) / (now - then)
        left = round((self.total - self.done) / rate)
        return f"{rate:,.0f} articles/s, {left // 60}:{left % 60:02d} left"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="text", show_default=True)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Leave out quotes the extractor is less sure of (scare quotes, titles).",
)
@click.option("--indirect", is_flag=True, help="Include reported (indirect) speech.")
@click.option("--no-groups", is_flag=True, help="Do not group variant wordings across the files.")
def extract(paths, fmt, min_confidence, indirect, no_groups):
    """Extract quotes from article files in memory (no database) and print them.

    Articles are read one at a time, so memory does not grow with their text; with
    grouping on, only the quotes are kept until the end, when group ids are known.
    """
    from .articles import extract_files
    from .variants import assign_groups

    def line(path, source, quote, group):
        if fmt == "jsonl":
            return json.dumps({"source": path, **quote.as_dict(), "group": group, **source}, ensure_ascii=False)
        return f"{path}:{quote.start}-{quote.end} [{quote.kind}] {quote.speaker or '?'}: {quote.text}"

    failed = 0
    held = []  # (path, source metadata, quote) until groups are assigned
    for done in extract_files(iter_article_paths(paths), min_confidence=min_confidence, indirect=indirect):
        path, article = done.path, done.article
        if done.problem:
            failed += not done.skipped
            click.echo(f"{path}: {done.problem}", err=True)
            continue
        source = {"url": article.url, "outlet": article.outlet, "published": article.published}
        for quote in done.quotes:
            if no_groups:
                sys.stdout.write(line(path, source, quote, None) + "\n")
            else:
                held.append((path, source, quote))
    if held:
        groups = assign_groups([(source, quote) for path, source, quote in held])
        for (path, source, quote), group in zip(held, groups, strict=True):
            sys.stdout.write(line(path, source, quote, group) + "\n")
    if failed:
        raise SystemExit(1)


@main.command()
def regroup():
    """Rebuild every variant group from scratch (ingest groups incrementally; this is for rule changes)."""
    from .storage import regroup_all

    _migrated_database()
    click.echo(f"variant groups: {regroup_all()}")


# --- export ----------------------------------------------------------------------

EXPORT_FIELDS = [
    "id",
    "text",
    "kind",
    "speaker",
    "speaker_id",
    "cue",
    "confidence",
    "start",
    "end",
    "article_id",
    "url",
    "outlet",
    "title",
    "published",
    "group",
]


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File (default: stdout).")
def export(fmt, output):
    """Write every stored quote with its speaker and article, streaming."""
    from .storage import queries

    _migrated_database()
    writer = csv.DictWriter(output, EXPORT_FIELDS) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for quote in queries.all_quotes():
        row = {
            "id": quote.id,
            "text": quote.text,
            "kind": quote.kind,
            "speaker": quote.speaker.name if quote.speaker_id else None,
            "speaker_id": quote.speaker_id,
            "cue": quote.cue,
            "confidence": quote.confidence,
            "start": quote.start,
            "end": quote.end,
            "article_id": quote.article_id,
            "url": quote.article.url,
            "outlet": quote.article.outlet,
            "title": quote.article.title,
            "published": quote.article.published.isoformat() if quote.article.published else None,
            "group": quote.group_id,
        }
        if writer:
            writer.writerow(row)
        else:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- keys --------------------------------------------------------------------------


@main.group()
def keys():
    """API keys for writes."""


@keys.command("create")
@click.argument("name")
def keys_create(name):
    """Create a key; it is printed once and only its hash is stored."""
    from .storage import create_key

    _migrated_database()
    row, key = create_key(name)
    click.echo(key)
    click.echo(f"created key {row.prefix}… for {row.name!r}; it will not be shown again", err=True)


@keys.command("revoke")
@click.argument("prefix_or_name")
def keys_revoke(prefix_or_name):
    """Revoke keys by their prefix or name."""
    from .storage import revoke_key

    _migrated_database()
    count = revoke_key(prefix_or_name)
    if not count:
        raise click.ClickException(f"no active key matches {prefix_or_name!r}")
    click.echo(f"revoked {count} key(s)")


# --- serve ---------------------------------------------------------------------------


@main.command()
@click.option("--host", default=None, help="Address to bind (default: HOST, else 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: PORT, else 8000).")
@click.option("--workers", type=int, default=None, help="gunicorn workers (default: gunicorn.conf.py).")
def serve(host, port, workers):
    """Serve the API with gunicorn: the one way to serve (make run and the Docker image call this)."""
    settings = _database()
    bind = f"{host or settings['HOST']}:{port or settings['PORT']}"
    argv = [sys.executable, "-m", "gunicorn", "--bind", bind]
    from .config import REPO_ROOT

    config_file = next(
        (p for p in (Path.cwd() / "gunicorn.conf.py", REPO_ROOT / "gunicorn.conf.py") if p.exists()), None
    )
    if config_file:
        argv += ["--config", str(config_file)]
    if workers:
        argv += ["--workers", str(workers)]
    argv.append("quotes_api:create_app()")
    os.execv(argv[0], argv)
