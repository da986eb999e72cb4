"""Extract-then-store, shared by the command line and the API."""

from flask import current_app, has_app_context

from .extract import DocumentError, extract_quotes
from .storage import ingest_article


def store_article(article, min_confidence=None, indirect=None):
    """Extract article's quotes and store both in one transaction; returns storage's IngestResult.

    Defaults come from the app's MIN_CONFIDENCE and STORE_INDIRECT settings. An article longer than
    MAX_ARTICLE_CHARS is refused with a DocumentError, whichever way it came (API, batch or ingest).
    """
    config = current_app.config if has_app_context() else {}
    limit = config.get("MAX_ARTICLE_CHARS")
    if limit is not None and len(article.text) > limit:
        raise DocumentError(f"the article text is longer than {limit} characters (MAX_ARTICLE_CHARS)")
    if min_confidence is None:
        min_confidence = config.get("MIN_CONFIDENCE", 0.5)
    if indirect is None:
        indirect = config.get("STORE_INDIRECT", True)
    return ingest_article(article, extract_quotes(article, min_confidence=min_confidence, indirect=indirect))
