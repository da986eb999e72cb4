"""/api/v1/articles: reads, and writes that need a key (post, batch, delete)."""

import json

import pytest

from quotes_api.storage import revoke_key
from tests.conftest import SEED_FILES

ARTICLE = {
    "text": "“We will open the new library on Monday,” Mayor Ana Ruiz said at the ribbon cutting.",
    "url": "https://news.example.org/library",
    "outlet": "Example News",
    "title": "Library opens",
    "published": "2024-05-06",
}


def post(client, body, key, path="/api/v1/articles"):
    headers = {"X-API-Key": key} if key else {}
    return client.post(path, data=json.dumps(body), content_type="application/json", headers=headers)


def test_post_stores_article_and_quotes_then_is_idempotent(client, api_key):
    created = post(client, ARTICLE, api_key)
    assert created.status_code == 201, created.get_data(as_text=True)
    body = created.get_json()
    assert body["created"] is True
    assert body["article"]["outlet"] == "Example News" and body["article"]["published"] == "2024-05-06"
    assert [(q["text"], q["speaker"]["name"]) for q in body["quotes"]] == [
        ("We will open the new library on Monday", "Ana Ruiz")
    ]
    again = post(client, ARTICLE, api_key)
    assert again.status_code == 200 and again.get_json()["created"] is False
    assert again.get_json()["article"]["id"] == body["article"]["id"]
    assert client.get("/api/v1/quotes").headers["X-Total-Count"] == "1"


def test_same_text_without_url_is_not_stored_twice(client, api_key):
    body = {"text": ARTICLE["text"]}
    assert post(client, body, api_key).status_code == 201
    assert post(client, body, api_key).status_code == 200


def test_html_body_is_accepted(client, api_key):
    html = "<html><body><article><p>“Vote early,” Jane Roe said.</p></article></body></html>"
    response = post(client, {"html": html, "url": "https://e.org/h"}, api_key)
    assert response.status_code == 201
    assert response.get_json()["quotes"][0]["speaker"]["name"] == "Jane Roe"


def test_writes_need_a_valid_key(client, app, api_key):
    missing = post(client, ARTICLE, None)
    assert missing.status_code == 401 and missing.content_type == "application/problem+json"
    assert "WWW-Authenticate" in missing.headers
    assert post(client, ARTICLE, "qk_wrong").status_code == 401
    with app.app_context():
        revoke_key("tests")
    revoked = post(client, ARTICLE, api_key)
    assert revoked.status_code == 403 and revoked.get_json()["detail"] == "This API key has been revoked."
    assert client.get("/api/v1/articles").headers["X-Total-Count"] == "0"


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "a", "html": "<p>b</p>"}, "text"),
        ({"text": "a", "url": "not a url"}, "url"),
        ({"text": "a", "url": "ftp://e.org/x"}, "url"),
        ({"text": "a", "published": "06/05/2024"}, "published"),
        ({"text": "a", "colour": "red"}, "colour"),
        ({"text": 5}, "text"),
        ({"text": "“We are open,” Ana Ruiz said.\u0000"}, "text"),  # NUL is not text (PostgreSQL refuses it)
    ],
)
def test_invalid_bodies_are_422_problems_and_store_nothing(client, api_key, body, field):
    response = post(client, body, api_key)
    assert response.status_code == 422 and response.content_type == "application/problem+json"
    assert field in response.get_json()["errors"]["json"]
    assert client.get("/api/v1/articles").headers["X-Total-Count"] == "0"


def test_body_that_is_not_json(client, api_key):
    response = client.post(
        "/api/v1/articles",
        data="text=hello",
        content_type="application/x-www-form-urlencoded",
        headers={"X-API-Key": api_key},
    )
    assert response.status_code in (415, 422) and response.content_type == "application/problem+json"


def test_too_large_bodies_are_413(app, client, api_key):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = post(client, {"text": "x" * 2000}, api_key)
    assert response.status_code == 413 and response.content_type == "application/problem+json"


def test_article_longer_than_the_limit_is_refused(app, client, api_key):
    app.config["MAX_ARTICLE_CHARS"] = 50
    response = post(client, {"text": "y" * 60}, api_key)
    assert response.status_code == 422 and "longer than 50" in response.get_json()["errors"]["json"]["text"][0]


def test_batch_reports_each_outcome(client, api_key):
    batch = {
        "articles": [
            ARTICLE,
            ARTICLE,
            {"text": ""},
            {"text": "“Fine,” Bo Li said.", "published": "bad"},
            {"text": "“Second one here,” Bo Li said."},
        ]
    }
    response = post(client, batch, api_key, "/api/v1/articles/batch")
    assert response.status_code == 200
    body = response.get_json()
    assert [r["status"] for r in body["results"]] == ["created", "existing", "invalid", "invalid", "created"]
    assert (body["created"], body["existing"], body["invalid"]) == (2, 1, 2)
    assert "published" in body["results"][3]["errors"]


def test_batch_limits(client, api_key):
    assert post(client, {"articles": []}, api_key, "/api/v1/articles/batch").status_code == 422
    assert post(client, {"articles": [ARTICLE] * 101}, api_key, "/api/v1/articles/batch").status_code == 422


def test_delete_removes_quotes_and_updates_groups(seeded, api_key):
    client = seeded.test_client()
    assert client.delete("/api/v1/articles/2").status_code == 401
    response = client.delete("/api/v1/articles/2", headers={"X-API-Key": api_key})
    assert response.status_code == 204
    assert client.get("/api/v1/articles/2").status_code == 404
    assert client.get("/api/v1/quotes?article=2").headers["X-Total-Count"] == "0"
    assert client.get("/api/v1/groups").headers["X-Total-Count"] == "0"
    assert client.delete("/api/v1/articles/2", headers={"X-API-Key": api_key}).status_code == 404


def test_writes_are_not_cors_open(client, api_key):
    response = post(client, ARTICLE, api_key)
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options(
        "/api/v1/articles", headers={"Origin": "https://x.example", "Access-Control-Request-Method": "POST"}
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_writes_are_rate_limited_per_key(app, client, api_key):
    app.config["WRITE_RATE_LIMIT"] = "2/minute"
    statuses = [post(client, {"text": f"“Number {n} is here now,” Bo Li said."}, api_key).status_code for n in range(3)]
    assert statuses == [201, 201, 429]


def test_article_reads(read_only):
    client = read_only.test_client()
    listing = client.get("/api/v1/articles")
    assert listing.headers["X-Total-Count"] == str(len(SEED_FILES))
    first = listing.get_json()[0]
    assert {"id", "url", "outlet", "title", "published", "quote_count"} <= set(first)
    detail = client.get("/api/v1/articles/1").get_json()
    assert detail["url"].startswith("https://www.dailywire.com/") and detail["text"]
    quotes = client.get("/api/v1/articles/1/quotes?per_page=100").get_json()
    assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes)
    assert client.get("/api/v1/articles/99/quotes").status_code == 404
    assert client.get("/api/v1/articles?outlet=The%20Daily%20Wire").headers["X-Total-Count"] == "1"
