"""Extract-then-store, shared by the command line and the API. Settings are passed in, never read here."""

from dataclasses import dataclass
from typing import Any

from .extract import DEFAULT_MIN_CONFIDENCE, Article, DocumentError, extract_quotes
from .extract.documents import article_from_fields
from .storage import IngestResult, ingest_article, queries


@dataclass
class Stored:
    """What an API answer shows of a stored article."""

    created: bool  # False when it was already stored
    outcome: str  # created, existing (nothing changed) or syndicated (same text, new url recorded)
    article: Any  # the stored row, with its text and quote_count
    quotes: list  # its quotes in text order, each with its group summary


def extract_and_store(article, *, min_confidence=DEFAULT_MIN_CONFIDENCE, indirect=True, max_chars=None) -> IngestResult:
    """Extract a parsed article's quotes and store both in one transaction (the command line's path).

    An article longer than max_chars (the MAX_ARTICLE_CHARS setting) is refused with a DocumentError,
    whichever way it came (API, batch or ingest).
    """
    if max_chars is not None and len(article.text) > max_chars:
        raise DocumentError(f"the article text is longer than {max_chars} characters (MAX_ARTICLE_CHARS)")
    return ingest_article(article, extract_quotes(article, min_confidence=min_confidence, indirect=indirect))


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
