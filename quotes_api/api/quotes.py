"""/api/v1/quotes: list, search, random, one quote, its variants."""

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..extract import KINDS
from ..storage import queries
from .common import (
    MAX_ID,
    PAGINATION_HEADERS,
    AsciiInteger,
    PaginationArgsSchema,
    found,
    limiter,
    not_a_search,
    pagination_headers,
    search_limit,
)

blp = Blueprint(
    "quotes",
    __name__,
    url_prefix="/api/v1/quotes",
    description="Quotations with their speaker, source article, offsets and variant group.",
)

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
    cue = ma.fields.String(allow_none=True, metadata={"description": "The word that attributes it (said, told, —)"})
    confidence = ma.fields.Float()
    start = ma.fields.Integer(metadata={"description": "Character offset of the text in the article"})
    end = ma.fields.Integer()
    context = ma.fields.Function(
        lambda q: q.article.text[q.context_start : q.context_end],
        metadata={"description": "The sentence or paragraph around the quote"},
    )
    article = ma.fields.Nested(ArticleRefSchema)
    group = ma.fields.Function(
        lambda q: GroupSummarySchema().dump(q.group_summary) if q.group_summary else None,
        metadata={"description": "Variant group summary, or null"},
    )
    links = ma.fields.Function(
        lambda q: {
            "self": f"{API}/quotes/{q.id}",
            "variants": f"{API}/quotes/{q.id}/variants",
            "html": f"/q/{q.id}",
            "embed": f"/embed/{q.id}",
        }
    )


class QuoteFilterArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    speaker = ma.fields.String(
        validate=ma.validate.Length(min=1, max=200),
        metadata={"description": "Speaker id or name (accent- and case-insensitive)"},
    )
    article = AsciiInteger(validate=ma.validate.Range(min=1, max=MAX_ID))
    outlet = ma.fields.String(validate=ma.validate.Length(min=1, max=200))
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS))
    since = ma.fields.Date(metadata={"description": "Articles published on or after (YYYY-MM-DD)"})
    until = ma.fields.Date()
    q = ma.fields.String(
        validate=ma.validate.Length(min=1, max=500),
        metadata={"description": 'Full-text search: "a phrase", AND/OR/NOT, prefix*'},
    )
    group = AsciiInteger(validate=ma.validate.Range(min=1, max=MAX_ID))

    @ma.validates_schema
    def dates_in_order(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ma.ValidationError("since must not be after until", "since")


class QuoteQueryArgsSchema(QuoteFilterArgsSchema, PaginationArgsSchema):
    sort = ma.fields.String(load_default="-published", validate=ma.validate.OneOf(sorted(queries.QUOTE_SORTS)))

    @ma.validates_schema
    def relevance_needs_q(self, data, **kwargs):
        if data.get("sort") == "relevance" and not data.get("q"):
            raise ma.ValidationError("sort=relevance needs a search (q)", "sort")


def filters_from(args):
    return queries.QuoteFilters(
        **{k: args.get(k) for k in ("speaker", "article", "outlet", "kind", "since", "until", "q", "group")}
    )


def with_groups(quotes):
    """Attach each quote's group summary (one query for the whole page)."""
    summaries = queries.group_summaries(q.group_id for q in quotes)
    for quote in quotes:
        quote.group_summary = summaries.get(quote.group_id)
    return quotes


def run_search(action):
    """Run a query function, turning FTS5 syntax errors into a 400 that says what is wrong."""
    try:
        return action()
    except queries.SearchSyntaxError as error:
        abort(
            400,
            message=f"The search query (q) is not valid: {error}.",
            errors={"query": {"q": [f"invalid full-text query: {error}"]}},
        )


@blp.route("")
class Quotes(MethodView):
    decorators = [limiter.limit(search_limit, exempt_when=not_a_search)]

    @blp.etag
    @blp.arguments(QuoteQueryArgsSchema, location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, QuoteSchema(many=True), headers=PAGINATION_HEADERS)
    def get(self, page, per_page, sort, **filters):
        """List and search quotes

        Filter by speaker, article, outlet, kind, dates, group or full-text `q`;
        pages carry `X-Total-Count` and a `Link` header.
        """
        query = run_search(lambda: queries.filtered_quotes(filters_from(filters)))
        items, total = queries.page_of(queries.sort_quotes(query, sort), page, per_page)
        return with_groups(items), pagination_headers(page, per_page, total)


@blp.route("/random")
class RandomQuote(MethodView):
    decorators = [limiter.limit(search_limit, exempt_when=not_a_search)]

    @blp.arguments(QuoteFilterArgsSchema, location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, QuoteSchema)
    def get(self, **filters):
        """One quote at random, with the same filters as the list"""
        quote = run_search(lambda: queries.random_quote(filters_from(filters)))
        if quote is None:
            abort(404, message="No quote matches these filters.")
        return with_groups([quote])[0]


@blp.route("/<id:quote_id>")
class QuoteById(MethodView):
    @blp.etag
    @blp.response(200, QuoteSchema)
    def get(self, quote_id):
        """One quote with its speaker, article, offsets, context and group summary"""
        return with_groups([found(queries.get_quote(quote_id), "quote", quote_id)])[0]


class DiffSpanSchema(ma.Schema):
    start = ma.fields.Integer()
    end = ma.fields.Integer()
    text = ma.fields.String()


class DiffEditSchema(ma.Schema):
    op = ma.fields.String(metadata={"enum": ["equal", "replace", "insert", "delete", "omitted"]})
    canonical = ma.fields.Nested(DiffSpanSchema)
    variant = ma.fields.Nested(DiffSpanSchema)


class VariantSchema(QuoteSchema):
    is_canonical = ma.fields.Function(lambda q: q.is_canonical)
    diff = ma.fields.List(
        ma.fields.Nested(DiffEditSchema),
        allow_none=True,
        metadata={"description": "Word edits from the canonical wording to this one"},
    )


class VariantsSchema(ma.Schema):
    quote_id = ma.fields.Integer()
    group = ma.fields.Nested(GroupSummarySchema, allow_none=True)
    canonical_text = ma.fields.String(
        allow_none=True, metadata={"description": "The group's longest wording: it contains what shorter printings cut"}
    )
    variants = ma.fields.List(ma.fields.Nested(VariantSchema))


@blp.route("/<id:quote_id>/variants")
class QuoteVariants(MethodView):
    @blp.etag
    @blp.response(200, VariantsSchema)
    def get(self, quote_id):
        """The other wordings of the same statement, each with outlet, article and word diff"""
        quote = found(queries.get_quote(quote_id), "quote", quote_id)
        if quote.group_id is None:
            return {"quote_id": quote_id, "group": None, "canonical_text": None, "variants": []}
        summary, members, diffs = queries.group_members(quote.group_id)
        others = [m for m in members if m.id != quote_id]
        for member in others:
            member.group_summary = summary
            member.is_canonical = member.id == summary.canonical_quote_id
            member.diff = diffs[member.id]
        return {"quote_id": quote_id, "group": summary, "canonical_text": summary.canonical_text, "variants": others}
