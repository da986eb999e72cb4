"""/api/v1/quotes: filters, search, sorting, pagination headers, ETags, random, variants."""

import datetime
import re

import pytest

from quotes_api.variants import words
from tests.conftest import SEED_FILES


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def test_speaker_filter_is_accent_and_case_insensitive_and_spans_outlets(read_only):
    client = read_only.test_client()
    by_name = get_json(client, "/api/v1/quotes?speaker=jackie%20lacey&per_page=100")
    assert {q["article"]["id"] for q in by_name} == {1, 2, 3}
    assert all(q["speaker"]["name"] == "Jackie Lacey" for q in by_name)
    gascon = get_json(client, "/api/v1/quotes?speaker=George%20Gascon")
    assert gascon and all(q["speaker"]["name"] == "George Gascón" for q in gascon)
    by_alias = get_json(client, "/api/v1/quotes?speaker=Lacey&per_page=100")
    assert len(by_alias) == len(by_name)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/speakers/{id}/quotes",
        "/api/v1/quotes?speaker={id}",
        "/api/v1/quotes?speaker=jackie%20lacey",
        "/api/v1/quotes?speaker=Lacey",  # an alias
        "/api/v1/quotes?speaker=George%20Gascon",
        "/api/v1/quotes?speaker=nobody%20at%20all",
    ],
)
def test_a_speaker_filter_totals_what_its_pages_hold(read_only, url):
    # A speaker filter alone takes its total from the speakers' stored quote counts.
    client = read_only.test_client()
    lacey = next(s for s in get_json(client, "/api/v1/speakers?q=lacey") if s["name"] == "Jackie Lacey")
    url = url.format(id=lacey["id"])
    everything = get_json(client, f"{url}{'&' if '?' in url else '?'}per_page=100")
    first = client.get(f"{url}{'&' if '?' in url else '?'}per_page=1")
    assert first.headers["X-Total-Count"] == str(len(everything))
    assert first.headers["X-Total-Count-Exact"] == "true"


@pytest.mark.parametrize(
    "query, check",
    [
        ("kind=partial", lambda q: q["kind"] == "partial"),
        ("outlet=the%20daily%20wire", lambda q: q["article"]["outlet"] == "The Daily Wire"),
        ("article=2", lambda q: q["article"]["id"] == 2),
        ("since=2020-11-06&until=2020-11-06", lambda q: q["article"]["published"] == "2020-11-06"),
        ("group=1", lambda q: q["group"]["id"] == 1),
    ],
)
def test_filters(read_only, query, check):
    quotes = get_json(read_only.test_client(), f"/api/v1/quotes?{query}&per_page=100")
    assert quotes and all(check(q) for q in quotes)


def test_full_text_search_finds_both_wordings(read_only):
    quotes = get_json(read_only.test_client(), '/api/v1/quotes?q="tsunami of change"&sort=relevance')
    assert {q["article"]["id"] for q in quotes} == {1, 2}
    prefix = get_json(read_only.test_client(), "/api/v1/quotes?q=overincarcer*")
    assert [q["text"] for q in prefix] == ["without overincarcerating."]
    boolean = get_json(read_only.test_client(), "/api/v1/quotes?q=racism%20NOT%20Ahmad")
    assert {q["article"]["id"] for q in boolean} == {1}


@pytest.mark.parametrize("path", ["/api/v1/quotes?outlet=%00", "/api/v1/speakers?q=a%00", "/api/v1/quotes?q=%00"])
def test_a_nul_character_in_a_parameter_is_a_400_problem(read_only, path):
    response = read_only.test_client().get(path)
    assert response.status_code == 400 and response.content_type == "application/problem+json"


@pytest.mark.parametrize("q", ['"unbalanced', "AND", "racism OR", "(a", "*", "NOT racism", "text:racism", "a:* | b"])
def test_malformed_search_is_a_400_problem(read_only, q):
    response = read_only.test_client().get("/api/v1/quotes", query_string={"q": q})
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    assert response.get_json()["errors"]["query"]["q"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("kind=rumour", "kind"),
        ("since=yesterday", "since"),
        ("sort=relevance", "sort"),
        ("sort=size", "sort"),
        ("colour=red", "colour"),
        ("since=2021-01-01&until=2020-01-01", "since"),
    ],
)
def test_invalid_parameters_are_problems_per_field(read_only, query, field):
    response = read_only.test_client().get(f"/api/v1/quotes?{query}")
    assert response.status_code == 422
    body = response.get_json()
    assert response.content_type == "application/problem+json"
    assert (body["status"], body["title"]) == (422, "Unprocessable Entity")
    assert field in body["errors"]["query"]


def links_of(response):
    """{rel: url} from an RFC 8288 Link header."""
    return {
        rel.split('"')[1]: url.strip("<>") for url, rel in (p.split("; ") for p in response.headers["Link"].split(", "))
    }


def test_pagination_headers(read_only):
    response = read_only.test_client().get("/api/v1/quotes?per_page=5&page=2")
    total = int(response.headers["X-Total-Count"])
    assert len(response.get_json()) == 5 and total > 10
    assert response.headers["X-Total-Count-Exact"] == "true"
    links = links_of(response)
    assert set(links) == {"first", "last", "prev", "next"}
    assert "page=1" in links["prev"] and "per_page=5" in links["prev"]
    assert "cursor=" in links["next"] and "per_page=5" in links["next"] and not re.search(r"[?&]page=", links["next"])
    assert f"page={-(-total // 5)}" in links["last"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/quotes?per_page=7",
        "/api/v1/quotes?per_page=4&sort=published",
        "/api/v1/quotes?per_page=9&sort=-length",
        "/api/v1/quotes?per_page=6&sort=-confidence",
        "/api/v1/quotes?per_page=3&q=racism%20OR%20police",
        "/api/v1/quotes?per_page=5&kind=direct",
        "/api/v1/articles/1/quotes?per_page=4",
        "/api/v1/speakers?per_page=2",
        "/api/v1/speakers?per_page=2&sort=name",
        "/api/v1/articles?per_page=1",
        "/api/v1/groups?per_page=1",
    ],
)
def test_following_next_links_reads_every_item_once_in_page_order(read_only, url):
    client = read_only.test_client()
    everything = get_json(client, re.sub(r"per_page=\d+", "per_page=100", url))
    seen, response = [], client.get(url)
    while True:
        seen += [item["id"] for item in response.get_json()]
        if "next" not in links_of(response):
            break
        response = client.get(links_of(response)["next"])
        assert response.status_code == 200
    assert seen == [item["id"] for item in everything]


@pytest.mark.parametrize(
    "query, reason",
    [
        ("page=51", "a page starting past the 1000th item: use the cursor"),
        ("page=11&per_page=100", "the depth counts items, whatever the page size"),
        ("page=35&per_page=30", "item 1021 onwards is past the depth too"),
        ("cursor=bm90IGEgY3Vyc29y", "a cursor that is not one of ours"),
        ("cursor=%%%", "not even base64"),
        ("cursor=WyJsZW5ndGgiLDMsMV0&sort=-published", "a cursor made for another sort"),
        ("cursor=WyItcHVibGlzaGVkIiwxXQ", "a cursor with the wrong number of values"),
        ("cursor=WyItcHVibGlzaGVkIiwiMjAyMC0xMS0wNiIsMiwxNDAwLDE1NDQsImRpcmVjdCJd&page=2", "page and cursor together"),
    ],
)
def test_bad_paging_is_a_400_that_says_what_to_do(read_only, query, reason):
    response = read_only.test_client().get(f"/api/v1/quotes?{query}")
    assert response.status_code == 400, reason
    assert response.content_type == "application/problem+json"
    assert set(response.get_json()["errors"]["query"]) & {"page", "cursor"}


def _published(q, newest_first):
    """An article date as a sort key with undated articles last in either direction."""
    date = q["article"]["published"]
    if date is None:
        return (1, 0)
    ordinal = datetime.date.fromisoformat(date).toordinal()
    return (0, -ordinal if newest_first else ordinal)


@pytest.mark.parametrize(
    "sort, key",
    [
        ("-length", lambda q: (-len(words(q["text"])), -q["id"])),
        ("length", lambda q: (len(words(q["text"])), q["id"])),
        ("-confidence", lambda q: (-q["confidence"], -q["id"])),
        (
            "-published",
            lambda q: (_published(q, True), -q["article"]["id"], q["start"], q["end"], q["kind"]),
        ),
        ("published", lambda q: (_published(q, False), q["article"]["id"], q["start"], q["end"], q["kind"])),
    ],
)
def test_sorting_orders_every_item(read_only, sort, key):
    quotes = get_json(read_only.test_client(), f"/api/v1/quotes?sort={sort}&per_page=100")
    assert len(quotes) > 20
    assert [q["id"] for q in quotes] == [q["id"] for q in sorted(quotes, key=key)]


def test_one_quote_has_everything_a_newsroom_needs(read_only):
    quote = get_json(read_only.test_client(), "/api/v1/quotes?q=%22gave%20breath%22&article=2")[0]
    full = get_json(read_only.test_client(), f"/api/v1/quotes/{quote['id']}")
    assert full["speaker"]["name"] == "Jackie Lacey"
    assert full["article"]["published"] == "2020-11-06"
    assert full["kind"] == "direct" and full["cue"] == "said" and 0 < full["confidence"] <= 1
    assert full["text"] in full["context"]
    assert full["group"]["outlets"] == 2 and full["group"]["canonical_text"].startswith("The circumstances")
    assert full["links"]["variants"] == f"/api/v1/quotes/{quote['id']}/variants"


def test_offsets_match_the_stored_article(read_only):
    client = read_only.test_client()
    for quote in get_json(client, "/api/v1/quotes?article=1&per_page=100"):
        text = get_json(client, "/api/v1/articles/1")["text"]
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_variants_list_other_outlets_with_diffs(read_only):
    client = read_only.test_client()
    dw = get_json(client, "/api/v1/quotes?q=%22gave%20breath%22&article=1")[0]
    body = get_json(client, f"/api/v1/quotes/{dw['id']}/variants")
    [other] = body["variants"]
    assert other["article"]["id"] == 2 and other["is_canonical"] is True and other["diff"] is None
    tv = other["id"]
    back = get_json(client, f"/api/v1/quotes/{tv}/variants")["variants"][0]
    ops = {(e["op"], e["canonical"]["text"], e["variant"]["text"]) for e in back["diff"]}
    assert ("replace", "death", "deaths") in ops and ("replace", "Ahmad", "Ahmaud") in ops


def test_a_quote_without_group_has_no_variants(read_only):
    lone = get_json(read_only.test_client(), "/api/v1/quotes?q=overincarcer*")[0]
    assert get_json(read_only.test_client(), f"/api/v1/quotes/{lone['id']}/variants")["variants"] == []


def test_unknown_quote_is_404_problem(read_only):
    for url in ("/api/v1/quotes/999999", "/api/v1/quotes/999999/variants"):
        response = read_only.test_client().get(url)
        assert response.status_code == 404 and response.content_type == "application/problem+json"


def test_random_respects_filters(read_only):
    client = read_only.test_client()
    for _ in range(5):
        assert (
            get_json(client, "/api/v1/quotes/random?speaker=George%20Gasc%C3%B3n")["speaker"]["name"] == "George Gascón"
        )
    assert client.get("/api/v1/quotes/random?speaker=Nobody%20Here").status_code == 404


def test_etag_gives_304(read_only):
    client = read_only.test_client()
    first = client.get("/api/v1/quotes?per_page=3")
    again = client.get("/api/v1/quotes?per_page=3", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_reads_are_cors_open(read_only):
    response = read_only.test_client().get("/api/v1/quotes")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Total-Count" in response.headers["Access-Control-Expose-Headers"]
    preflight = read_only.test_client().options(
        "/api/v1/quotes", headers={"Origin": "https://newsroom.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"


def test_search_is_rate_limited(seeded):
    seeded.config["SEARCH_RATE_LIMIT"] = "3/minute"
    client = seeded.test_client()
    statuses = [client.get("/api/v1/quotes?q=racism").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/quotes?q=racism")
    assert limited.content_type == "application/problem+json" and "Retry-After" in limited.headers
    assert client.get("/api/v1/quotes").status_code == 200  # plain listing is not a search


def test_seed_files_are_the_ones_stored():
    assert len(SEED_FILES) == 3


def test_the_filters_are_the_storage_filters():
    """The query parameters and storage's QuoteFilters are one list of names, declared in two layers."""
    import dataclasses

    from quotes_api.api.quotes import QuoteFilterArgsSchema
    from quotes_api.storage.queries import QuoteFilters

    assert set(QuoteFilterArgsSchema().fields) == {f.name for f in dataclasses.fields(QuoteFilters)}
