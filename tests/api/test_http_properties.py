"""Property: no JSON body and no query string, however odd, makes the HTTP layer answer 5xx.

Bodies mix article-shaped objects (each field any JSON value: dates, lone surrogates, deep nesting)
with arbitrary JSON; query strings mix the parameters the API knows with made-up ones. Every answer
below 500, every error problem+json. A few dozen examples each keep this to seconds.
"""

import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes_api import create_app
from quotes_api.articles import load_article
from quotes_api.service import store_article
from quotes_api.storage import create_key, database, upgrade
from tests.conftest import ROOT, SEED_FILES

# Any code point, lone surrogates included (hypothesis leaves them out by default).
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
DATES = st.sampled_from(["2024-05-06", "2020-99-99", "2021-02-31", "0000-01-01", "2024-02-30T10:00", "٢٠٢١-٠١-٠١"])
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT | DATES
JSON_VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4)
)
TEXTS = st.sampled_from(["“We will fix the roads,” Jane Roe said.", "", "   "]) | ANY_TEXT
HTMLS = st.builds(lambda date, body: f"<meta name=date content={date}><p>{body}</p>", DATES, TEXTS)
ARTICLES = st.fixed_dictionaries(
    {},
    optional={
        "text": TEXTS | JSON_VALUES,
        "html": HTMLS | JSON_VALUES,
        "url": st.sampled_from(["https://e.org/a", "javascript:alert(1)", "http://[::1/x"]) | ANY_TEXT,
        "outlet": ANY_TEXT | JSON_VALUES,
        "title": ANY_TEXT | JSON_VALUES,
        "published": DATES | JSON_VALUES,
    },
)
NESTED = st.integers(min_value=1, max_value=3000).map(lambda depth: "[" * depth + "]" * depth)
BODIES = (
    ARTICLES.map(json.dumps)
    | st.lists(ARTICLES | JSON_VALUES, max_size=5).map(lambda items: json.dumps({"articles": items}))
    | JSON_VALUES.map(json.dumps)
    | NESTED
    | st.binary(max_size=60)
)

PARAMS = st.sampled_from(
    ["speaker", "article", "outlet", "kind", "since", "until", "q", "group", "sort", "page", "per_page", "url"]
    + ["format", "maxwidth", "maxheight", "api_key"]
)
NUMBERS = st.sampled_from(["1", "0", "-1", "99999999999999999999", "9223372036854775808", "²", "٣", "1e9", "1.5"])
VALUES = NUMBERS | DATES | ANY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
QUERIES = st.dictionaries(PARAMS | st.text(max_size=8), VALUES, max_size=4).map(urlencode)
READ_PATHS = st.sampled_from(
    [
        "/api/v1/quotes",
        "/api/v1/quotes/random",
        "/api/v1/articles",
        "/api/v1/speakers",
        "/api/v1/speakers/1/quotes",
        "/api/v1/groups",
        "/oembed",
        "/q/1",
        "/embed/1",
    ]
)


@pytest.fixture(scope="module")
def client_and_key(tmp_path_factory):
    path = tmp_path_factory.mktemp("properties") / "api.sqlite3"
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{path}", "RATE_LIMIT_ENABLED": False, "MIGRATIONS_DIR": str(ROOT / "migrations")}
    )
    with app.app_context():
        upgrade(database.obj, app.config["MIGRATIONS_DIR"])
        for seed in SEED_FILES:
            store_article(load_article(seed))
        key = create_key("properties")[1]
        database.close()
    return app.test_client(), key


def assert_not_a_server_error(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    if response.status_code >= 400:
        assert response.content_type == "application/problem+json"


@given(path=st.sampled_from(["/api/v1/articles", "/api/v1/articles/batch"]), body=BODIES)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_json_body_gives_a_server_error(client_and_key, path, body):
    client, key = client_and_key
    data = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
    response = client.post(path, data=data, content_type="application/json", headers={"X-API-Key": key})
    assert_not_a_server_error(response)


@given(path=READ_PATHS, query=QUERIES)
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_query_string_gives_a_server_error(client_and_key, path, query):
    client, _ = client_and_key
    assert_not_a_server_error(client.get(f"{path}?{query}"))
