"""Bad input over HTTP: each row is a request an attacker or a careless client sends, and what it must get.

Every refusal is an application/problem+json 4xx, nothing is stored, and reads keep working afterwards.
"""

import io
import json

import pytest

from quotes_api.storage import Article, database

QUOTE = "<p>“We will fix the roads,” Jane Roe said.</p>"
TEXT = "“We will fix the roads,” Jane Roe said."
DEEP_ARRAY = "[" * 100_000
DEEP_OBJECT = '{"a":' * 5000 + "1" + "}" * 5000
SURROGATE = '"\\ud800"'  # a JSON escape that decodes to a lone surrogate

# (reason, path, raw JSON body, expected status)
BAD_WRITES = [
    (
        "impossible date in <meta>",
        "/api/v1/articles",
        json.dumps({"html": f"<meta name=date content=2020-99-99>{QUOTE}"}),
        422,
    ),
    (
        "31 February in <time>",
        "/api/v1/articles",
        json.dumps({"html": f"<time datetime=2021-02-31>x</time>{QUOTE}"}),
        422,
    ),
    ("impossible date in the field", "/api/v1/articles", json.dumps({"text": TEXT, "published": "2021-02-31"}), 422),
    ("lone surrogate in text", "/api/v1/articles", f'{{"text": {SURROGATE}}}', 400),
    ("lone surrogate in title", "/api/v1/articles", f'{{"text": "{TEXT}", "title": {SURROGATE}}}', 400),
    ("lone surrogate in outlet", "/api/v1/articles", f'{{"text": "{TEXT}", "outlet": {SURROGATE}}}', 400),
    ("lone surrogate in url", "/api/v1/articles", f'{{"text": "{TEXT}", "url": "https://e.org/{SURROGATE[1:]}}}', 400),
    ("lone surrogate in html", "/api/v1/articles", f'{{"html": "<p>{SURROGATE[1:-1]}</p>"}}', 400),
    ("lone surrogate as a key", "/api/v1/articles", f'{{"text": "{TEXT}", {SURROGATE}: 1}}', 400),
    ("lone surrogate in a batch item", "/api/v1/articles/batch", f'{{"articles": [{{"text": {SURROGATE}}}]}}', 400),
    ("[ x 100 000", "/api/v1/articles", DEEP_ARRAY, 400),
    ("objects 5 000 deep", "/api/v1/articles", DEEP_OBJECT, 400),
    ("deep value in a field", "/api/v1/articles", f'{{"text": {"[" * 200 + "]" * 200}}}', 400),
    ("deep batch item", "/api/v1/articles/batch", f'{{"articles": [{DEEP_OBJECT}]}}', 400),
    ("a batch of a deep array", "/api/v1/articles/batch", f'{{"articles": {DEEP_ARRAY}', 400),
    ("not UTF-8", "/api/v1/articles", b'{"text": "caf\xe9"}', 400),
]


def post(client, path, body, key):
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    return client.post(path, data=data, content_type="application/json", headers={"X-API-Key": key})


def stored_articles(app):
    with app.app_context():
        count = Article.select().count()
        database.close()
        return count


def assert_problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.content_type == "application/problem+json"
    assert response.get_json()["status"] == status and response.get_json()["detail"]


@pytest.mark.parametrize("reason, path, body, status", BAD_WRITES, ids=[row[0] for row in BAD_WRITES])
def test_bad_writes_are_clear_problems_and_store_nothing(app, client, api_key, reason, path, body, status):
    assert_problem(post(client, path, body, api_key), status)
    assert stored_articles(app) == 0
    assert client.get("/api/v1/quotes").status_code == 200


def test_a_batch_item_with_an_impossible_date_is_invalid_and_the_rest_stored(app, client, api_key):
    batch = {"articles": [{"html": f"<meta name=date content=2020-99-99>{QUOTE}"}, {"text": TEXT}]}
    response = post(client, "/api/v1/articles/batch", json.dumps(batch), api_key)
    assert response.status_code == 200
    assert [r["status"] for r in response.get_json()["results"]] == ["invalid", "created"]
    assert "not a real date" in response.get_json()["results"][0]["errors"]["text"][0]
    assert stored_articles(app) == 1


# (reason, path, expected status): numbers that used to overflow SQLite or be read as other digits
BAD_READS = [
    ("id larger than SQLite holds, as a speaker", "/api/v1/quotes?speaker=99999999999999999999", 200),
    ("superscript two as a speaker id", "/api/v1/quotes?speaker=%C2%B2", 200),
    ("Arabic-Indic three as a speaker id", "/api/v1/quotes?speaker=%D9%A3", 200),
    ("Arabic-Indic three in a quote path", "/q/%D9%A3", 404),
    ("Arabic-Indic three in an API path", "/api/v1/quotes/%D9%A3", 404),
    ("quote id past 2**63 - 1 in oEmbed", "/oembed?url=/q/9223372036854775808", 404),
    ("unclosed IPv6 bracket in oEmbed", "/oembed?url=http://%5B::1/q/1", 400),
    ("Arabic-Indic digits in oEmbed", "/oembed?url=/q/%D9%A3", 404),
    ("Arabic-Indic three as an article filter", "/api/v1/quotes?article=%D9%A3", 422),
    ("Arabic-Indic three as a page", "/api/v1/quotes?page=%D9%A3", 422),
    ("Arabic-Indic digits as an oEmbed width", "/oembed?url=/q/1&maxwidth=%D9%A3%D9%A0%D9%A0", 422),
]


@pytest.mark.parametrize("reason, path, status", BAD_READS, ids=[row[0] for row in BAD_READS])
def test_numeric_edge_cases_are_never_a_server_error(seeded, reason, path, status):
    response = seeded.test_client().get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if status == 200:
        assert response.get_json() == []  # no speaker has that id
    else:
        assert response.content_type == "application/problem+json"


def test_ascii_ids_still_work(seeded):
    client = seeded.test_client()
    assert client.get("/q/1").status_code == 200
    assert client.get("/oembed?url=/q/1").status_code == 200
    assert client.get("/api/v1/quotes?speaker=1").status_code == 200


def test_a_chunked_body_over_the_limit_is_413(app, client, api_key):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    body = json.dumps({"text": "x" * 5000}).encode()
    response = client.post(
        "/api/v1/articles",
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers={"X-API-Key": api_key, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_problem(response, 413)
    assert stored_articles(app) == 0


def test_a_chunked_body_within_the_limit_is_read_whole(app, client, api_key):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    body = json.dumps({"text": TEXT}).encode()
    response = client.post(
        "/api/v1/articles",
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers={"X-API-Key": api_key, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 201, response.get_data(as_text=True)


READ_PATHS = [
    "/api/v1/quotes",
    "/api/v1/quotes?sort=published",
    "/api/v1/articles",
    "/api/v1/articles/1",
    "/api/v1/quotes/1",
    "/api/v1/quotes/random",
    "/api/v1/speakers/1/quotes",
    "/q/1",
    "/embed/1",
    "/oembed?url=/q/1",
]


@pytest.mark.parametrize("path", READ_PATHS)
def test_reads_survive_an_impossible_date_already_stored(seeded, path):
    """A row stored before dates were checked (or written by hand) must not break every read."""
    with seeded.app_context():
        database.execute_sql("UPDATE article SET published = '2020-99-99' WHERE id = 1")
        database.close()
    response = seeded.test_client().get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    if path == "/api/v1/articles/1":
        assert response.get_json()["published"] is None


def test_the_migration_clears_impossible_dates_and_keeps_real_ones(tmp_path):
    from quotes_api.storage import init_database, upgrade
    from tests.conftest import ROOT

    db = init_database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(db, ROOT / "migrations")
    db.execute_sql("DELETE FROM schema_migration WHERE name LIKE '0003%'")
    db.execute_sql("DROP TABLE syndication")
    for n, published in enumerate(["2020-99-99", "2021-02-31", "2024-02-29", None]):
        db.execute_sql(
            "INSERT INTO article (url, published, text, content_hash, created_at) VALUES (?, ?, 't', ?, '2024-01-01')",
            (f"https://e.org/{n}", published, str(n)),
        )
    upgrade(db, ROOT / "migrations")
    assert [row[0] for row in db.execute_sql("SELECT published FROM article ORDER BY id")] == [
        None,
        None,
        "2024-02-29",
        None,
    ]
