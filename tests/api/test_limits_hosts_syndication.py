"""Limits that cannot be dodged, links that never echo an unchecked Host, syndicated copies, private files."""

import json
import logging
import os
import stat
from datetime import timedelta
from types import SimpleNamespace

import pytest

from quotes_api.access_log import RedactingLogger
from quotes_api.storage import create_key, database, init_database

TEXT = "“We will open the new library on Monday,” Mayor Ana Ruiz said at the ribbon cutting."


def post(client, body, key, path="/api/v1/articles"):
    headers = {"X-API-Key": key} if key else {}
    return client.post(path, data=json.dumps(body), content_type="application/json", headers=headers)


# --- rate limits ------------------------------------------------------------------


def test_random_keys_do_not_buy_fresh_search_buckets(app, client):
    app.config["SEARCH_RATE_LIMIT"] = "3/minute"
    statuses = [
        client.get("/api/v1/quotes?q=roads", headers={"X-API-Key": f"qk_random{n}"}).status_code for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_random_keys_on_writes_count_against_the_address(app, client):
    app.config["WRITE_RATE_LIMIT"] = "2/minute"
    statuses = [post(client, {"text": TEXT}, f"qk_random{n}").status_code for n in range(3)]
    assert statuses == [401, 401, 429]


def test_each_verified_key_has_its_own_bucket(app, client, api_key):
    app.config["WRITE_RATE_LIMIT"] = "2/minute"
    with app.app_context():
        other_key = create_key("other desk")[1]
        database.close()
    first = [post(client, {"text": f"“Number {n} is here now,” Bo Li said."}, api_key).status_code for n in range(3)]
    second = [post(client, {"text": f"“Count {n} is here now,” Bo Li said."}, other_key).status_code for n in range(2)]
    assert (first, second) == ([201, 201, 429], [201, 201])


@pytest.mark.parametrize(
    "limit, batch_sizes, statuses, reason",
    [
        ("5/minute", [3, 2, 1], [200, 200, 429], "3 + 2 articles use up 5; the next single article is refused"),
        ("5/minute", [6], [429], "a batch larger than the limit never passes"),
        ("5/minute", [5, 1], [200, 429], "one batch of 5 is 5 writes, not 1"),
    ],
)
def test_a_batch_counts_one_write_per_article(app, client, api_key, limit, batch_sizes, statuses, reason):
    app.config["WRITE_RATE_LIMIT"] = limit
    got = []
    for batch, size in enumerate(batch_sizes):
        articles = [{"text": f"“Batch {batch} item {n} here,” Bo Li said."} for n in range(size)]
        got.append(post(client, {"articles": articles}, api_key, "/api/v1/articles/batch").status_code)
    assert got == statuses, reason


def test_the_429_says_how_writes_are_counted(app, client, api_key):
    app.config["WRITE_RATE_LIMIT"] = "1/minute"
    response = post(client, {"articles": [{"text": TEXT}, {"text": TEXT}]}, api_key, "/api/v1/articles/batch")
    assert response.status_code == 429 and response.content_type == "application/problem+json"
    assert "counted per article" in response.get_json()["detail"]


# --- Host header -------------------------------------------------------------------

EVIL = "evil.example"


@pytest.mark.parametrize("path", ["/q/1", "/embed/1", "/oembed?url=/q/1", "/oembed?url=/q/1&format=xml"])
def test_without_settings_links_are_relative_and_never_echo_the_host(seeded, path):
    response = seeded.test_client().get(path, headers={"Host": EVIL})
    assert response.status_code == 200
    assert EVIL not in response.get_data(as_text=True)


def test_pagination_links_never_echo_the_host(seeded):
    response = seeded.test_client().get("/api/v1/quotes?per_page=1", headers={"Host": EVIL})
    assert EVIL not in response.headers["Link"] and "</api/v1/quotes?" in response.headers["Link"]


def test_public_url_makes_links_absolute_and_embeds_publicly_cacheable(seeded):
    seeded.config["PUBLIC_URL"] = "https://quotes.example.org"
    client = seeded.test_client()
    page = client.get("/q/1", headers={"Host": EVIL}).get_data(as_text=True)
    assert 'href="https://quotes.example.org/oembed?url=https://quotes.example.org/q/1' in page
    assert EVIL not in page
    assert client.get("/embed/1", headers={"Host": EVIL}).headers["Cache-Control"].startswith("public")
    oembed = client.get("/oembed?url=/q/1", headers={"Host": EVIL}).get_json()
    assert oembed["provider_url"] == "https://quotes.example.org"


def test_allowed_hosts_refuse_others_and_host_derived_embeds_are_private(seeded):
    seeded.config["TRUSTED_HOSTS"] = ["quotes.example.org"]
    client = seeded.test_client()
    refused = client.get("/embed/1", headers={"Host": EVIL})
    assert refused.status_code == 400 and refused.content_type == "application/problem+json"
    page = client.get("/q/1", headers={"Host": "quotes.example.org"})
    assert page.status_code == 200 and "http://quotes.example.org/api/v1/quotes/1" in page.get_data(as_text=True)
    embed = client.get("/embed/1", headers={"Host": "quotes.example.org"})
    assert embed.headers["Cache-Control"].startswith("private") and embed.headers["Vary"] == "Host"


# --- same text under a new url -------------------------------------------------------


def test_the_same_text_under_a_new_url_is_recorded_as_syndicated(client, api_key):
    first = post(client, {"text": TEXT, "url": "https://a.example/story", "outlet": "A"}, api_key)
    assert first.status_code == 201 and first.get_json()["outcome"] == "created"
    copy = post(client, {"text": TEXT, "url": "https://b.example/copy", "outlet": "B"}, api_key)
    body = copy.get_json()
    assert copy.status_code == 200 and body["outcome"] == "syndicated" and body["created"] is False
    assert body["article"]["url"] == "https://a.example/story"
    assert [(s["url"], s["outlet"]) for s in body["article"]["syndications"]] == [("https://b.example/copy", "B")]
    again = post(client, {"text": TEXT, "url": "https://b.example/copy", "outlet": "B"}, api_key)
    assert again.status_code == 200 and again.get_json()["outcome"] == "existing"
    article = client.get(f"/api/v1/articles/{body['article']['id']}").get_json()
    assert [s["url"] for s in article["syndications"]] == ["https://b.example/copy"]
    assert client.get("/api/v1/articles").headers["X-Total-Count"] == "1"


def test_a_batch_reports_syndicated_copies(client, api_key):
    batch = {"articles": [{"text": TEXT, "url": "https://a.example/1"}, {"text": TEXT, "url": "https://b.example/1"}]}
    body = post(client, batch, api_key, "/api/v1/articles/batch").get_json()
    assert [r["status"] for r in body["results"]] == ["created", "syndicated"]
    assert (body["created"], body["syndicated"], body["existing"]) == (1, 1, 0)


def test_deleting_an_article_deletes_its_syndications(client, api_key):
    first = post(client, {"text": TEXT, "url": "https://a.example/1"}, api_key).get_json()
    post(client, {"text": TEXT, "url": "https://b.example/1"}, api_key)
    assert (
        client.delete(f"/api/v1/articles/{first['article']['id']}", headers={"X-API-Key": api_key}).status_code == 204
    )
    again = post(client, {"text": TEXT, "url": "https://b.example/1"}, api_key)
    assert again.status_code == 201 and again.get_json()["article"]["url"] == "https://b.example/1"


# --- files and logs --------------------------------------------------------------------


def test_a_new_database_file_is_private(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    db = init_database(f"sqlite:///{path}")
    db.connect()
    db.execute_sql("CREATE TABLE t (x)")
    db.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_access_log_hides_a_key_sent_in_the_query_string():
    logger = RedactingLogger(SimpleNamespace(**{k: v for k, v in _gunicorn_defaults().items()}))
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/api/v1/quotes?api_key=qk_secret123&q=roads",
        "QUERY_STRING": "api_key=qk_secret123&q=roads",
        "PATH_INFO": "/api/v1/quotes",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="422 UNPROCESSABLE ENTITY", sent=10, headers=[])
    request = SimpleNamespace(headers=[("X-API-KEY", "qk_secret123")])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=5))
    assert "qk_secret123" not in " ".join(str(v) for v in atoms.values())
    assert "q=roads" in atoms["r"]


def _gunicorn_defaults():
    from gunicorn.config import Config

    config = Config()
    logging.getLogger("gunicorn.error").handlers.clear()
    return {name: setting.get() for name, setting in config.settings.items()} | {"logconfig_dict": {}}
