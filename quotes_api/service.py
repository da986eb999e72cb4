"""Extract-then-store, shared by the command line and the API. Settings are passed in, never read here."""

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .articles import load_article
from .extract import DEFAULT_MIN_CONFIDENCE, Article, DocumentError, extract_quotes
from .extract.documents import article_from_fields
from .storage import IngestResult, ingest_article, ingest_articles, queries

# Articles stored per transaction by ingest_files: one commit serves many articles (see
# storage.ingest_articles); a run killed midway loses at most this many, and a second run stores them.
INGEST_BATCH = 50


@dataclass
class Stored:
    """What an API answer shows of a stored article."""

    created: bool  # False when it was already stored
    outcome: str  # created, existing (nothing changed) or syndicated (same text, new url recorded)
    article: Any  # the stored row, with its text and quote_count
    quotes: list  # its quotes in text order, each with its group summary


def extract_checked(article, *, min_confidence=DEFAULT_MIN_CONFIDENCE, indirect=True, max_chars=None) -> list:
    """The quotes of a parsed article; DocumentError when it is longer than max_chars (MAX_ARTICLE_CHARS).

    Every way in (API, batch, ingest) goes through here, so the limit holds for all of them.
    """
    if max_chars is not None and len(article.text) > max_chars:
        raise DocumentError(f"the article text is longer than {max_chars} characters (MAX_ARTICLE_CHARS)")
    return extract_quotes(article, min_confidence=min_confidence, indirect=indirect)


def extract_and_store(article, **settings) -> IngestResult:
    """Extract a parsed article's quotes and store both in one transaction."""
    return ingest_article(article, extract_checked(article, **settings))


@dataclass
class Extracted:
    """One article file, read and extracted; or why it could not be (then article is None)."""

    path: str
    article: Article | None = None
    quotes: list | None = None
    problem: str | None = None  # "skipped: …" for a file that is not an article; else why it failed

    @property
    def skipped(self) -> bool:
        return bool(self.problem) and self.problem.startswith("skipped")


def extract_files(listed: Iterable[tuple[str, str | None]], jobs: int = 1, **settings) -> Iterator[Extracted]:
    """Read and extract each listed (path, problem) file, in order, in ``jobs`` processes.

    The caller stores what comes out in this one process (the single writer), so quotes are
    stored, and grouped, in the order of the files whatever the number of jobs.
    """
    work = partial(_extract_file, settings=settings)
    if jobs <= 1:
        yield from map(work, listed)
        return
    # fork: the workers only read files and extract; they never touch the parent's database connection.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(work, listed, chunksize=8)


def ingest_files(listed: Iterable[tuple[str, str | None]], jobs: int = 1, **settings):
    """Extract the listed files in ``jobs`` processes and store them, INGEST_BATCH a transaction.

    Yields (Extracted, outcome) per file: outcome is its IngestResult, the DocumentError that
    refused it, or None for a file that could not be read or extracted (Extracted.problem says why).
    """
    batch: list[Extracted] = []
    for done in extract_files(listed, jobs, **settings):
        if done.problem:
            yield done, None
            continue
        batch.append(done)
        if len(batch) == INGEST_BATCH:
            yield from _store(batch)
            batch = []
    yield from _store(batch)


def _store(batch: list[Extracted]):
    if batch:
        yield from zip(batch, ingest_articles((done.article, done.quotes) for done in batch), strict=True)


def _extract_file(listed: tuple[str, str | None], settings: dict) -> Extracted:
    path, problem = listed
    if problem:
        return Extracted(path, problem=problem)
    try:
        article = load_article(path)
        return Extracted(path, article, extract_checked(article, **settings))
    except DocumentError as error:
        return Extracted(path, problem=str(error))


def store_article(fields, *, min_confidence=DEFAULT_MIN_CONFIDENCE, indirect=True, max_chars=None) -> Stored:
    """Store an article given as request fields (text or html, url, outlet, title, published).

    Raises DocumentError for what cannot be an article. A parsed extract.Article is accepted too.
    """
    article = fields if isinstance(fields, Article) else article_from_fields(fields)
    result = extract_and_store(article, min_confidence=min_confidence, indirect=indirect, max_chars=max_chars)
    article_id = result.article.id
    return Stored(
        result.created, result.outcome, queries.get_article(article_id), queries.article_quotes_all(article_id)
    )
