"""Extract-then-store, shared by the command line and the API. Settings are passed in, never read here."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .articles import Extracted, extract_checked, extract_files
from .extract import DEFAULT_MIN_CONFIDENCE, Article
from .extract.documents import article_from_fields
from .storage import IngestResult, ingest_article, ingest_articles, queries

# Articles stored per transaction by ingest_files: one commit serves many articles (see
# storage.ingest_articles); a run killed midway loses at most this many, and a second run stores them.
# A commit writes every page the batch touched, and shingle postings land all over their index: at
# 50 articles a commit cost 1 ms an article, at 200 a quarter of that.
INGEST_BATCH = 200


@dataclass
class Stored:
    """What an API answer shows of a stored article."""

    created: bool  # False when it was already stored
    outcome: str  # created, existing (nothing changed) or syndicated (same text, new url recorded)
    article: Any  # the stored row, with its text and quote_count
    quotes: list  # its quotes in text order, each with its group summary


def extract_and_store(article, **settings) -> IngestResult:
    """Extract a parsed article's quotes and store both in one transaction."""
    return ingest_article(article, extract_checked(article, **settings))


def ingest_files(listed: Iterable[tuple[str, str | None]], jobs: int = 1, **settings):
    """Extract the listed files in ``jobs`` processes and store them, INGEST_BATCH a transaction.

    Yields (Extracted, outcome) per file: outcome is its IngestResult, the DocumentError that
    refused it, or None for a file that could not be read or extracted (Extracted.problem says why).
    """
    batch: list[Extracted] = []
    for done in extract_files(listed, jobs, INGEST_BATCH, **settings):
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
