"""compile_dump gives what Schema.dump gives: the list answers' JSON is the schemas' JSON."""

import datetime
from types import SimpleNamespace

import marshmallow as ma
import pytest

from quotes_api.api.articles import ArticleSchema
from quotes_api.api.dump import compile_dump
from quotes_api.api.schemas import GroupSummarySchema, QuoteSchema
from quotes_api.api.speakers import SpeakerSchema
from quotes_api.storage import queries


class Inner(ma.Schema):
    n = ma.fields.Integer()


class EveryKind(ma.Schema):
    number = ma.fields.Integer(allow_none=True)
    ratio = ma.fields.Float()
    name = ma.fields.String(allow_none=True)
    flag = ma.fields.Boolean()
    day = ma.fields.Date(allow_none=True)
    renamed = ma.fields.Integer(attribute="other", data_key="shown_as")
    dotted = ma.fields.Integer(attribute="inner.n")
    source = ma.fields.String(attribute="from")  # a Python keyword: read with getattr, not obj.from
    inner = ma.fields.Nested(Inner, allow_none=True)
    inners = ma.fields.List(ma.fields.Nested(Inner))
    words = ma.fields.List(ma.fields.String())
    computed = ma.fields.Function(lambda obj: f"#{obj.number}")
    constant = ma.fields.Constant("always")
    stamp = ma.fields.DateTime()  # not converted by compile_dump: marshmallow does it


FULL = dict(
    number=7,
    ratio=1,
    name="Gascón",
    flag=1,
    day=datetime.date(2020, 6, 1),
    other=3,
    **{"from": "wire"},
    inner=SimpleNamespace(n=4),
    inners=[SimpleNamespace(n=1), SimpleNamespace(n=2)],
    words=["a", "b"],
    stamp=datetime.datetime(2024, 1, 2, 3, 4, 5),
)


@pytest.mark.parametrize(
    "changes",
    [
        {},  # every field set
        {"number": None, "name": None, "day": None},  # None stays None
        {"ratio": 0.25, "flag": 0, "words": []},
        {"number": True},  # marshmallow's int(True) is 1: the same here
    ],
)
def test_compiled_dump_is_the_schema_dump(changes):
    obj = SimpleNamespace(**{**FULL, **changes})
    assert compile_dump(EveryKind())(obj) == EveryKind().dump(obj)


def test_an_object_lacking_an_attribute_is_dumped_by_marshmallow():
    obj = SimpleNamespace(**{k: v for k, v in FULL.items() if k != "name"})
    dumped = compile_dump(EveryKind())(obj)
    assert "name" not in dumped and dumped == EveryKind().dump(obj)


def _quotes(filters, sort="-published"):
    return queries.list_quotes(filters, sort, queries.PageRequest(per_page=100)).items


@pytest.mark.parametrize(
    "schema, items",
    [
        (QuoteSchema, lambda: _quotes(queries.QuoteFilters())),
        (QuoteSchema, lambda: _quotes(queries.QuoteFilters(q="change OR racism"), "relevance")),
        (QuoteSchema, lambda: queries.article_quotes(1, queries.PageRequest(per_page=100)).items),
        (SpeakerSchema, lambda: queries.list_speakers(None, "-quotes", queries.PageRequest(per_page=100)).items),
        (SpeakerSchema, lambda: queries.list_speakers("ga", "name", queries.PageRequest(per_page=100)).items),
        (ArticleSchema, lambda: queries.list_articles(queries.ArticleFilters(), queries.PageRequest()).items),
        (GroupSummarySchema, lambda: queries.list_groups("-size", queries.PageRequest()).items),
    ],
)
def test_list_items_dump_as_their_schema_says(read_only, schema, items):
    with read_only.app_context():
        found = items()
        assert found
        assert [compile_dump(schema())(item) for item in found] == schema(many=True).dump(found)


@pytest.mark.parametrize(
    "url, other",
    [
        ("/api/v1/quotes?per_page=3", "/api/v1/quotes?per_page=4"),
        ("/api/v1/speakers", "/api/v1/speakers?sort=name"),
        ("/api/v1/groups", "/api/v1/groups?sort=-updated"),
        ("/api/v1/articles", "/api/v1/articles?per_page=1"),
    ],
)
def test_a_list_etag_follows_its_body(read_only, url, other):
    client = read_only.test_client()
    first, again, different = client.get(url), client.get(url), client.get(other)
    assert first.headers["ETag"] == again.headers["ETag"]
    assert (first.headers["ETag"] == different.headers["ETag"]) == (first.get_data() == different.get_data())
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
