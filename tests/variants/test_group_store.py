"""Groups in the database: incremental ingest and `regroup` agree, merged ids keep resolving, the API shows diffs."""

import pytest

from quotes_api.extract import Article as ParsedArticle
from quotes_api.extract.model import Quote as ParsedQuote
from quotes_api.storage import Quote, VariantGroup, database, ingest_article, regroup_all

DANA = "Dana Whitfield"
HALF_1 = "How often must we read about this in our state and look away from it again?"
HALF_2 = "At the plant a worker had no protective gear at all, and this is simply unacceptable."
WHOLE = f"{HALF_1} {HALF_2} And it has to stop."
OTHER = "The bridge will reopen in May and every toll collected this year goes back to the riverside towns"

# (url, published, [(quote text, speaker)]) in the order the articles arrive — not their publication order.
ARTICLES = [
    ("https://example.org/c", "2024-03-03", [(HALF_2, DANA), (OTHER, DANA)]),
    ("https://example.org/a", "2024-03-01", [("simply unacceptable", DANA), (HALF_1, DANA), (HALF_2, "she")]),
    ("https://example.org/b", "2024-03-02", [(HALF_1, None), (OTHER, "the council")]),
    ("https://example.org/d", "2024-03-04", [(WHOLE, DANA)]),
    ("https://example.org/e", "2024-03-05", [(OTHER + ", the mayor added", DANA), ("a weak and hopeless plan", DANA)]),
]


def _ingest(url, published, quotes):
    body = f"From {url}. " + " ".join(f"“{text}” {speaker or 'someone'} said." for text, speaker in quotes)
    parsed = []
    for text, speaker in quotes:
        start = body.index(text)
        parsed.append(ParsedQuote(text, start, start + len(text), "direct", speaker, "said", 0.9, speaker))
    return ingest_article(ParsedArticle(body, url=url, published=published), parsed)


def _snapshot():
    """Each group as (id, canonical text, member texts by article)."""
    groups = []
    for group in VariantGroup.select().order_by(VariantGroup.id):
        members = sorted((q.article_id, q.text) for q in Quote.select().where(Quote.group == group.id))
        canonical = Quote.get_by_id(group.canonical_quote_id).text
        groups.append((group.id, canonical, members))
    return groups


def test_regroup_agrees_with_incremental_ingest(app):
    with app.app_context():
        for article in ARTICLES:
            _ingest(*article)
        incremental = _snapshot()
        assert regroup_all() == len(incremental)
        assert _snapshot() == incremental
        database.close()
    # The halves, the fragment and the whole passage are one statement; the bridge statement another.
    statement = next(members for _, canonical, members in incremental if canonical == WHOLE)
    assert sorted(text for _, text in statement) == sorted(
        [HALF_1, HALF_1, HALF_2, HALF_2, WHOLE, "simply unacceptable"]
    )


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


@pytest.mark.parametrize("regroup", [False, True], ids=["after ingest", "after regroup"])
def test_a_merged_group_id_still_resolves_in_the_api(app, regroup):
    with app.app_context():
        _ingest("https://example.org/1", "2024-03-01", [(HALF_1, DANA)])
        _ingest("https://example.org/2", "2024-03-01", [(HALF_1, DANA)])
        _ingest("https://example.org/3", "2024-03-01", [(HALF_2, DANA)])
        _ingest("https://example.org/4", "2024-03-01", [(HALF_2, DANA)])
        older, newer = [g.id for g in VariantGroup.select().order_by(VariantGroup.id)]
        _ingest("https://example.org/5", "2024-03-02", [(WHOLE, DANA)])
        assert [g.id for g in VariantGroup.select()] == [older]  # merged; the older id stays
        if regroup:
            regroup_all()
        database.close()
    client = app.test_client()
    merged = _get(client, f"/api/v1/groups/{newer}")
    assert merged["id"] == older and merged["members"] == 5
    assert merged["canonical_text"] == WHOLE  # the longer containing wording took over
    assert len(_get(client, f"/api/v1/quotes?group={newer}")) == 5
    half = next(q for outlet in merged["by_outlet"] for q in outlet["quotes"] if q["text"] == HALF_2)
    ops = [edit["op"] for edit in half["diff"]]
    assert ops[0] == "omitted" and "equal" in ops  # the half quotes a stretch of the whole, the rest is omitted
    assert client.get("/api/v1/groups/999").status_code == 404


def test_a_stock_phrase_stops_being_indexed_once_it_is_common(app, monkeypatch):
    """Past COMMON_SHINGLE quotes, a shingle's postings are dropped and never written again: counting stays bounded."""
    from quotes_api.storage import groups
    from quotes_api.storage.models import CommonShingle, QuoteShingle
    from quotes_api.variants.text import shingles, statement_words

    monkeypatch.setattr(groups, "COMMON_SHINGLE", 2)
    stock = shingles(statement_words("at the end of the day"))
    endings = ["we built the bridge", "the river rose again", "nobody paid the fine", "schools stayed open"]
    with app.app_context():
        for number, ending in enumerate(endings):
            _ingest(f"https://example.org/{number}", "2024-03-01", [(f"At the end of the day {ending}", DANA)])
        assert {row.shingle for row in CommonShingle.select()} == stock
        assert not QuoteShingle.select().where(QuoteShingle.shingle.in_(list(stock))).exists()
        assert (
            QuoteShingle.select()
            .where(QuoteShingle.quote == Quote.select(Quote.id).order_by(Quote.id.desc()).limit(1))
            .exists()
        )
        assert VariantGroup.select().count() == 0  # the stock phrase alone makes no statement
        database.close()
