"""Quote extraction: article text in, :class:`Quote` dataclasses out.

Pure: imports neither flask nor peewee, touches no files.

>>> [(q.text, q.speaker) for q in extract_quotes('“We won,” Jane Roe said.')]
[('We won', 'Jane Roe')]
"""

from .confidence import DEFAULT_MIN_CONFIDENCE
from .documents import DocumentError, parse_document
from .extraction import ArticleExtraction
from .model import KINDS, Article, Quote

__all__ = ["Article", "Quote", "KINDS", "DEFAULT_MIN_CONFIDENCE", "DocumentError", "extract_quotes", "parse_document"]


def extract_quotes(article, *, min_confidence=DEFAULT_MIN_CONFIDENCE, indirect=False):
    """Return every quotation in article (an Article or a str), in text order.

    Reported speech (kind "indirect") is included only when indirect is true: it
    has no marks to anchor it, so it is less certain than a quotation.
    """
    if isinstance(article, str):
        article = Article(text=article)
    return ArticleExtraction(article.text).run(min_confidence, indirect)
