"""Groups, speakers, pages, oEmbed, docs, health and errors on unknown routes."""

import html
import json


def test_groups_list_and_detail(read_only):
    client = read_only.test_client()
    groups = client.get("/api/v1/groups").get_json()
    assert [g["members"] for g in groups] == [3, 2]  # largest first
    detail = client.get(f"/api/v1/groups/{groups[0]['id']}").get_json()
    assert detail["canonical_text"].startswith("Our nation is going through a reckoning, and what happened in my")
    assert "longest" in detail["canonical_reason"]
    outlets = {entry["outlet"]: len(entry["quotes"]) for entry in detail["by_outlet"]}
    assert outlets == {"The Daily Wire": 2, "Unknown TV station (Nexstar archive)": 1}
    assert client.get("/api/v1/groups?sort=-updated").status_code == 200
    assert client.get("/api/v1/groups/999").status_code == 404


def test_speakers_as_entities(read_only):
    client = read_only.test_client()
    speakers = client.get("/api/v1/speakers").get_json()
    assert speakers[0]["name"] == "Jackie Lacey"  # most quoted first
    found = client.get("/api/v1/speakers?q=gasc").get_json()
    assert [s["name"] for s in found] == ["George Gascón"]
    detail = client.get(f"/api/v1/speakers/{speakers[0]['id']}").get_json()
    assert "Lacey" in detail["aliases"] and len(detail["outlets"]) == 3
    quotes = client.get(f"/api/v1/speakers/{speakers[0]['id']}/quotes")
    assert quotes.headers["X-Total-Count"] == str(detail["quote_count"])
    assert client.get("/api/v1/speakers/999").status_code == 404
    assert client.get("/api/v1/speakers/999/quotes").status_code == 404


def test_quote_page_and_embed_escape_what_users_supply(client, api_key):
    text = "“Watch this <script>alert('x')</script> now,” said Eve <b>Bold</b> Smith."
    body = {"text": text, "url": "https://e.org/?a=1&b=<x>", "title": "<i>T</i>"}
    created = client.post(
        "/api/v1/articles", data=json.dumps(body), content_type="application/json", headers={"X-API-Key": api_key}
    ).get_json()
    quote_id = created["quotes"][0]["id"]
    for url in (f"/q/{quote_id}", f"/embed/{quote_id}"):
        page = client.get(url)
        assert page.status_code == 200 and page.content_type.startswith("text/html")
        source = page.get_data(as_text=True)
        assert "<script>" not in source and "&lt;script&gt;" in source
        assert "<i>T</i>" not in source
    assert 'type="application/json+oembed"' in client.get(f"/q/{quote_id}").get_data(as_text=True)


def test_oembed(read_only):
    client = read_only.test_client()
    answer = client.get("/oembed?url=http://localhost/q/1&format=json&maxwidth=400")
    assert answer.status_code == 200
    body = answer.get_json()
    assert (body["version"], body["type"], body["width"], body["provider_name"]) == ("1.0", "rich", 400, "Quotes API")
    assert body["author_name"] and body["cache_age"] > 0
    assert body["html"].startswith("<blockquote") and "<script" not in body["html"]
    assert html.unescape(body["html"]).count("“") >= 1
    assert client.get("/oembed?url=http://localhost/q/999&format=json").status_code == 404
    assert client.get("/oembed?url=http://localhost/elsewhere&format=json").status_code == 404
    xml = client.get("/oembed?url=http://localhost/q/1&format=xml")
    assert xml.status_code == 200 and xml.content_type.startswith("text/xml")
    assert "<type>rich</type>" in xml.get_data(as_text=True) and "&lt;blockquote" in xml.get_data(as_text=True)
    assert client.get("/oembed?url=http://localhost/q/1&format=yaml").status_code == 422
    assert client.get("/oembed").status_code == 422


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/quotes", "/api/v1/quotes/{quote_id}/variants", "/oembed", "/healthz"} <= set(spec["paths"])
    docs = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in docs and "//cdn" not in docs
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_health(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok"}


def test_unknown_routes_and_methods_are_problems(client):
    missing = client.get("/no/such/thing")
    assert missing.status_code == 404 and missing.content_type == "application/problem+json"
    assert missing.get_json()["title"] == "Not Found"
    wrong_method = client.put("/api/v1/quotes")
    assert wrong_method.status_code == 405 and wrong_method.content_type == "application/problem+json"
