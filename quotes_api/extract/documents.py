"""Turn raw input (plain text, HTML or JSON) into an :class:`Article`.

Pure: bytes or str in, Article out. Reading files is the caller's job.
"""

import datetime
import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .model import Article
from .resources import HEADER_LINE


class DocumentError(ValueError):
    """The input cannot be read as an article; the message says why."""


# Outlets whose name is not their domain; any other domain is shown as itself.
KNOWN_OUTLETS = {
    "dailywire.com": "The Daily Wire",
    "latimes.com": "Los Angeles Times",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "usatoday.com": "USA Today",
    "politico.com": "Politico",
    "breitbart.com": "Breitbart",
    "huffpost.com": "HuffPost",
    "huffingtonpost.com": "HuffPost",
    "westernjournal.com": "Western Journal",
    "apnews.com": "Associated Press",
    "reuters.com": "Reuters",
    "ktla.com": "KTLA",
    "laist.com": "LAist",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
}

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: `\d` would take "٢٠٢١"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Real articles nest a few levels ({"html": ...} or a batch of them); anything much deeper is an attack
# on the parser's recursion (json.loads raises RecursionError near 1000 levels), refused before it.
MAX_JSON_DEPTH = 32


def outlet_from_url(url):
    """Return the outlet's name for a url: a known name, else its domain.

    >>> outlet_from_url("https://www.dailywire.com/news/x")
    'The Daily Wire'
    """
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    for domain, name in KNOWN_OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host or None


def normalise_date(value):
    """Return YYYY-MM-DD from an ISO date or datetime, None when absent; raise on garbage or impossible dates.

    >>> normalise_date("2024-05-06T10:00:00Z")
    '2024-05-06'
    >>> normalise_date("2021-02-31")
    Traceback (most recent call last):
    ...
    quotes_api.extract.documents.DocumentError: published is not a real date: '2021-02-31' (day is out of ...)
    """
    if value in (None, ""):
        return None
    match = _DATE.match(str(value).strip())
    if not match:
        raise DocumentError(f"published must be an ISO date (YYYY-MM-DD), not {str(value)[:40]!r}")
    try:
        datetime.date.fromisoformat(match.group())
    except ValueError as error:
        raise DocumentError(f"published is not a real date: {match.group()!r} ({error})") from None
    return match.group()


def json_problem(value, max_depth=MAX_JSON_DEPTH):
    """Why a parsed JSON value is unsafe to use (nested too deep, a lone surrogate in a string), or None.

    Walks the value with an explicit stack, so a deep value cannot exhaust Python's recursion.

    >>> json_problem({"text": "fine", "tags": ["a", "b"]}) is None
    True
    >>> json_problem(json.loads('{"title": "\\ud800"}'))
    'a string holds a lone surrogate (U+D800), which is not Unicode text'
    >>> json_problem([[[1]]], max_depth=2)
    'nested deeper than 2 levels'
    """
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found:
                return f"a string holds a lone surrogate (U+{ord(found.group()):04X}), which is not Unicode text"
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > max_depth:
            return f"nested deeper than {max_depth} levels"
        children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children)
    return None


def load_json(raw, max_depth=MAX_JSON_DEPTH):
    """Parse JSON text into a value that is safe to use; DocumentError (a readable reason) otherwise."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise DocumentError(f"invalid JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise DocumentError(f"invalid JSON: nested deeper than {max_depth} levels") from None
    problem = json_problem(data, max_depth)
    if problem:
        raise DocumentError(f"invalid JSON: {problem}")
    return data


def parse_document(raw, *, url=None, outlet=None, title=None, published=None):
    """Return the Article in raw (str or UTF-8 bytes), whatever its format.

    Keyword arguments fill what the document itself does not say (a sidecar's metadata).
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DocumentError(f"not UTF-8 text (byte {error.start})") from None
    stripped = raw.lstrip()
    if not stripped:
        raise DocumentError("empty document")
    meta = {"url": url, "outlet": outlet, "title": title, "published": published}
    if stripped.startswith("{"):
        return article_from_json(stripped, **meta)
    if stripped.startswith("<") and re.search(r"<(?:html|body|p|article|div)\b", stripped[:5000], re.I):
        return article_from_html(stripped, **meta)
    return article_from_text(raw, **meta)


def article_from_text(raw, **meta):
    """Plain text; an optional first line ``date YYYY-MM-DD URL`` carries metadata."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    header = HEADER_LINE.match(text)
    if header:
        meta["published"] = meta["published"] or header["date"]
        meta["url"] = meta["url"] or header["url"]
        text = text[header.end() :]
    return _build(text, **meta)


def article_from_json(raw, **meta):
    """JSON ``{text | html, url, outlet, title, published}``."""
    data = load_json(raw)
    if not isinstance(data, dict):
        raise DocumentError("JSON input must be an object")
    return article_from_fields(data, **meta)


def article_from_fields(data, **meta):
    """A mapping ``{text | html, url, outlet, title, published}`` (an API body, a JSON file)."""
    given = {k: data.get(k) or meta.get(k) for k in ("url", "outlet", "title", "published")}
    if isinstance(data.get("text"), str) and data["text"].strip():
        return _build(data["text"], **given)
    if isinstance(data.get("html"), str) and data["html"].strip():
        return article_from_html(data["html"], **given)
    raise DocumentError("JSON input needs a non-empty 'text' or 'html'")


def article_from_html(raw, **meta):
    """HTML: the article body's paragraphs, headings and blockquotes (embedded posts)."""
    reader = _BodyReader()
    reader.feed(raw)
    reader.close()
    for key in ("url", "title", "published"):
        meta[key] = meta[key] or reader.meta.get(key)
    return _build("\n\n".join(reader.paragraphs()), **meta)


def _build(text, url=None, outlet=None, title=None, published=None):
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise DocumentError("the article has no text")
    for name, value in (("url", url), ("outlet", outlet), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise DocumentError(f"{name} must be a string")
    for name, value in (("text", text), ("url", url), ("outlet", outlet), ("title", title)):
        # A lone surrogate (from a JSON "\ud800" escape) cannot be stored, printed or sent as UTF-8.
        if value and _SURROGATE.search(value):
            raise DocumentError(f"{name} holds a lone surrogate, which is not Unicode text")
    if url and urlsplit(url).scheme.lower() not in ("http", "https"):
        # Pages link to the source: a javascript: or data: address would run in readers' browsers.
        raise DocumentError(f"url must be an http(s) address, not {url[:80]!r}")
    return Article(
        text=text,
        url=url or None,
        outlet=outlet or outlet_from_url(url),
        title=title or None,
        published=normalise_date(published),
    )


class _BodyReader(HTMLParser):
    """Collect block text, preferring <article> when the page has one."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "figcaption"}
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.blocks = []  # (inside_article, text)
        self._current = None
        self._depth_quote = 0
        self._skip = 0
        self._article = 0
        self._in_title = False
        self._title = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "article":
            self._article += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            value = attrs.get("content")
            wanted = {
                "og:url": "url",
                "og:title": "title",
                "article:published_time": "published",
                "date": "published",
                "pubdate": "published",
            }
            if key in wanted and value and wanted[key] not in self.meta:
                self.meta[wanted[key]] = value
        elif tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
            self.meta.setdefault("url", attrs["href"])
        elif tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("published", attrs["datetime"])
        if tag == "br" and self._current is not None and not self._depth_quote:
            self._current.append(" ")
        if tag in self.BLOCKS and not self._skip:
            if tag == "blockquote":
                self._depth_quote += 1
            if self._depth_quote and tag != "blockquote" and self._current is not None:
                return  # an embedded post stays one paragraph
            self._flush()
            self._current = []

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "article":
            self._article = max(0, self._article - 1)
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS and not self._skip:
            if tag == "blockquote":
                self._depth_quote = max(0, self._depth_quote - 1)
            if self._depth_quote and tag != "blockquote":
                self._current = (self._current or []) + [" "]
                return
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self._title.append(data)
        elif self._current is not None and not self._skip:
            self._current.append(data)

    def _flush(self):
        if self._current is not None:
            text = re.sub(r"\s+", " ", "".join(self._current)).strip()
            if text:
                self.blocks.append((self._article > 0, text))
        self._current = None

    def close(self):
        super().close()
        self._flush()
        if "title" not in self.meta and self._title:
            self.meta["title"] = html.unescape(" ".join("".join(self._title).split()))

    def paragraphs(self):
        inside = [text for in_article, text in self.blocks if in_article]
        return inside or [text for _, text in self.blocks]
