"""The ``quotes-api`` command: serve, db, ingest, extract, export, keys."""
import json
import sys

import click

from .articles import iter_article_paths, load_article
from .extract import DEFAULT_MIN_CONFIDENCE, DocumentError, extract_quotes


@click.group(help="Quote and attribution service for newsrooms.")
def main():
    pass


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="text", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=DEFAULT_MIN_CONFIDENCE, show_default=True,
              help="Leave out quotes the extractor is less sure of (scare quotes, titles).")
@click.option("--indirect", is_flag=True, help="Include reported (indirect) speech.")
@click.option("--no-groups", is_flag=True, help="Do not group variant wordings across the files.")
def extract(paths, fmt, min_confidence, indirect, no_groups):
    """Extract quotes from article files in memory (no database) and print them."""
    from .variants import assign_groups

    failed = 0
    rows = []
    for path, problem in iter_article_paths(paths):
        if problem:
            failed += not problem.startswith("skipped")
            click.echo(f"{path}: {problem}", err=True)
            continue
        try:
            article = load_article(path)
        except DocumentError as error:
            failed += 1
            click.echo(f"{path}: {error}", err=True)
            continue
        for quote in extract_quotes(article, min_confidence=min_confidence, indirect=indirect):
            rows.append((path, article, quote))
    groups = [None] * len(rows) if no_groups else assign_groups([(a, q) for _, a, q in rows])
    for (path, article, quote), group in zip(rows, groups):
        if fmt == "jsonl":
            row = {"source": path, **quote.as_dict(), "group": group,
                   "url": article.url, "outlet": article.outlet, "published": article.published}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            click.echo(f"{path}:{quote.start}-{quote.end} [{quote.kind}] {quote.speaker or '?'}: {quote.text}")
    if failed:
        raise SystemExit(1)
