"""Input formats: plain text with a header line, HTML with embeds, JSON; and what is refused."""

import json

import pytest

from quotes_api.extract import DocumentError, parse_document
from quotes_api.extract.documents import outlet_from_url

HTML = """<html><head><title>Page title</title>
<link rel="canonical" href="https://www.latimes.com/story">
<meta property="article:published_time" content="2020-11-06T10:00:00Z"></head>
<body><nav><p>Menu</p></nav><article>
<h1>Headline</h1><p>“We won,” Jane Roe said.</p>
<blockquote class="twitter-tweet"><p>Go vote!</p>&mdash; Jane Roe (@janeroe)
<a href="#">November 3, 2020</a></blockquote>
<script>var x = "not text";</script></article><footer><p>Footer</p></footer></body></html>"""


def test_plain_text_header_line():
    article = parse_document(" date 2020-11-06 https://www.dailywire.com/news/x\n\nBody “here.”\n")
    assert (article.published, article.url, article.outlet) == (
        "2020-11-06",
        "https://www.dailywire.com/news/x",
        "The Daily Wire",
    )
    assert article.text.startswith("Body")


def test_html_keeps_body_and_embeds_and_drops_chrome():
    article = parse_document(HTML)
    assert article.text.split("\n\n") == [
        "Headline",
        "“We won,” Jane Roe said.",
        "Go vote! — Jane Roe (@janeroe) November 3, 2020",
    ]
    assert (article.url, article.outlet, article.published, article.title) == (
        "https://www.latimes.com/story",
        "Los Angeles Times",
        "2020-11-06",
        "Page title",
    )


def test_json_with_text_or_html():
    article = parse_document(json.dumps({"text": "A “b.”", "url": "https://apnews.com/x", "published": "2020-01-02"}))
    assert (article.text, article.outlet, article.published) == ("A “b.”", "Associated Press", "2020-01-02")
    assert parse_document(json.dumps({"html": HTML})).url == "https://www.latimes.com/story"


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty document"),
        (b"   \n ", "empty document"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        ('{"text": ""}', "needs a non-empty 'text' or 'html'"),
        ('{"text": "x", "published": "yesterday"}', "published must be an ISO date"),
        ("{not json", "invalid JSON"),
        ('{"text": "x", "url": 5}', "url must be a string"),
        ('{"text": "x", "url": "javascript:alert(1)"}', "url must be an http"),
    ],
    ids=["empty", "blank", "not utf-8", "json without text", "bad date", "bad json", "url not a string", "script url"],
)
def test_refused_documents(raw, message):
    with pytest.raises(DocumentError, match=message):
        parse_document(raw)


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.nytimes.com/2020/a.html", "The New York Times"),
        ("https://edition.cnn.com/x", "CNN"),
        ("https://example.org/x", "example.org"),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet
