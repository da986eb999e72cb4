"""Properties over arbitrary text: never an exception, offsets always true, no partial overlaps."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotes_api.extract import extract_quotes
from quotes_api.extract.documents import parse_document

PIECES = [
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "„",
    "\n",
    "\n\n",
    " ",
    ",",
    ".",
    ":",
    "?",
    "—",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "the",
    "Lacey",
    "Jackie Lacey",
    "Mr.",
    "Gascón",
    "adding",
    "reporters",
    "The Times",
    "— Name (@handle) November 4, 2020",
    "don’t",
    "’90s",
    "''",
    "WALLACE:",
    "#Tag",
    "@user",
    "(D-Wis.)",
    "a",
    "spokesman",
    "§",
    "\u00a0",
]

prose = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)
anything = st.text(max_size=400)


def check(text):
    quotes = extract_quotes(text, min_confidence=0, indirect=True)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "social", "indirect")
        assert 0 <= q.confidence <= 1
    spans = sorted((q.start, q.end) for q in quotes)
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1 :]:
            if s2 >= e1:
                break
            nested = (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)
            assert nested, f"partial overlap {(s1, e1)} {(s2, e2)}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose)
@example("WALLACE: ‘ — Name (@handle) November 4, 2020 \n WALLACE: ,")  # a transcript label inside a post
def test_news_like_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(anything)
def test_any_text(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_html_or_json_input_parses_or_refuses_cleanly(raw):
    for candidate in (raw, "<html><body><p>" + raw + "</p></body></html>", '{"text": ' + repr(raw) + "}"):
        try:
            article = parse_document(candidate)
        except ValueError:
            continue
        check(article.text)
