"""Schemas more than one resource answers with: quotes and their speaker, article, group and diffs."""

import marshmallow as ma

from ..extract import KINDS

API = "/api/v1"


class SpeakerRefSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    url = ma.fields.Function(lambda s: f"{API}/speakers/{s.id}")


class ArticleRefSchema(ma.Schema):
    id = ma.fields.Integer()
    url = ma.fields.String(allow_none=True, metadata={"description": "The article's own address"})
    outlet = ma.fields.String(allow_none=True)
    title = ma.fields.String(allow_none=True)
    published = ma.fields.Date(allow_none=True)
    api_url = ma.fields.Function(lambda a: f"{API}/articles/{a.id}")


class GroupSummarySchema(ma.Schema):
    id = ma.fields.Integer()
    canonical_quote_id = ma.fields.Integer()
    canonical_text = ma.fields.String()
    members = ma.fields.Integer(metadata={"description": "Wordings in the group"})
    outlets = ma.fields.Integer(metadata={"description": "Distinct outlets that printed it"})
    articles = ma.fields.Integer()
    url = ma.fields.Function(lambda g: f"{API}/groups/{g.id}")


class QuoteSchema(ma.Schema):
    id = ma.fields.Integer()
    text = ma.fields.String(metadata={"description": "The words, without quotation marks"})
    kind = ma.fields.String(metadata={"enum": list(KINDS)})
    speaker = ma.fields.Nested(SpeakerRefSchema, allow_none=True)
    speaker_mention = ma.fields.String(allow_none=True, metadata={"description": "How the article named the speaker"})
    speaker_kind = ma.fields.String(
        allow_none=True,
        metadata={
            "description": "What the article says the speaker is: person, organisation, place or other; "
            "null when it does not say (a description, or a bare surname)"
        },
    )
    cue = ma.fields.String(allow_none=True, metadata={"description": "The word that attributes it (said, told, —)"})
    confidence = ma.fields.Float()
    start = ma.fields.Integer(metadata={"description": "Character offset of the text in the article"})
    end = ma.fields.Integer()
    context = ma.fields.String(metadata={"description": "The sentence or paragraph around the quote"})
    article = ma.fields.Nested(ArticleRefSchema)
    group = ma.fields.Nested(
        GroupSummarySchema, attribute="group_summary", allow_none=True, metadata={"description": "Variant group"}
    )
    links = ma.fields.Function(
        lambda q: {
            "self": f"{API}/quotes/{q.id}",
            "variants": f"{API}/quotes/{q.id}/variants",
            "html": f"/q/{q.id}",
            "embed": f"/embed/{q.id}",
        }
    )


class DiffSpanSchema(ma.Schema):
    start = ma.fields.Integer()
    end = ma.fields.Integer()
    text = ma.fields.String()


class DiffEditSchema(ma.Schema):
    op = ma.fields.String(metadata={"enum": ["equal", "replace", "insert", "delete", "omitted"]})
    canonical = ma.fields.Nested(DiffSpanSchema)
    variant = ma.fields.Nested(DiffSpanSchema)


class VariantSchema(QuoteSchema):
    is_canonical = ma.fields.Boolean()
    diff = ma.fields.List(
        ma.fields.Nested(DiffEditSchema),
        allow_none=True,
        metadata={"description": "Word edits from the canonical wording to this one"},
    )
