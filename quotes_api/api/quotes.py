"""/api/v1/quotes: list, search, random, one quote, its variants."""

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..extract import KINDS
from ..storage import queries
from .common import MAX_ID, AsciiInteger, found, limiter, not_a_search, search_limit
from .paging import PaginationArgsSchema, list_response, paged
from .schemas import GroupSummarySchema, QuoteSchema, VariantSchema

blp = Blueprint(
    "quotes",
    __name__,
    url_prefix="/api/v1/quotes",
    description="Quotations with their speaker, source article, offsets and variant group.",
)


class SpeakerField(ma.fields.Field):
    """A speaker id (ASCII digits) becomes an int, anything else a name: storage gets the value typed."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not value.strip() or len(value) > 200:
            raise ma.ValidationError("give a speaker id or a name of at most 200 characters")
        value = value.strip()
        return int(value) if value.isascii() and value.isdigit() else value  # not "²" or "٣"


class QuoteFilterArgsSchema(ma.Schema):
    """The filters: each field is a field of storage's QuoteFilters, which the view builds from them."""

    class Meta:
        unknown = ma.RAISE

    speaker = SpeakerField(
        metadata={"type": "string", "description": "Speaker id or name (accent- and case-insensitive)"}
    )
    article = AsciiInteger(validate=ma.validate.Range(min=1, max=MAX_ID))
    outlet = ma.fields.String(validate=ma.validate.Length(min=1, max=200))
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS))
    since = ma.fields.Date(metadata={"description": "Articles published on or after (YYYY-MM-DD)"})
    until = ma.fields.Date()
    q = ma.fields.String(
        validate=ma.validate.Length(min=1, max=500),
        metadata={
            "description": 'Full-text search: "a phrase", AND/OR/NOT, prefix*. Reads the '
            f"{queries.SEARCH_LIMIT} most recently stored matches; sort=relevance ranks them (BM25)"
        },
    )
    group = AsciiInteger(validate=ma.validate.Range(min=1, max=MAX_ID))

    @ma.validates_schema
    def dates_in_order(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ma.ValidationError("since must not be after until", "since")


class QuoteQueryArgsSchema(QuoteFilterArgsSchema, PaginationArgsSchema):
    sort = ma.fields.String(
        load_default="-published",
        validate=ma.validate.OneOf(sorted(set(queries.QUOTE_SORTS) - {"position"} | set(queries.SEARCH_SORTS))),
        metadata={"description": "relevance needs q"},
    )

    @ma.validates_schema
    def relevance_needs_q(self, data, **kwargs):
        if data.get("sort") == "relevance" and not data.get("q"):
            raise ma.ValidationError("sort=relevance needs a search (q)", "sort")


def run_search(action):
    """Run a query function, turning search syntax errors into a 400 that says what is wrong."""
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
    @blp.arguments(QuoteQueryArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, QuoteSchema)
    def get(self, page, per_page, sort, cursor=None, **filters):
        """List and search quotes

        Filter by speaker, article, outlet, kind, dates, group or full-text `q`; pages carry
        `X-Total-Count`, `X-Total-Count-Exact` and a `Link` header whose `next` is a cursor.
        """
        wanted = queries.QuoteFilters(**filters)
        return run_search(lambda: paged(lambda at: queries.list_quotes(wanted, sort, at), page, per_page, cursor, sort))


@blp.route("/random")
class RandomQuote(MethodView):
    decorators = [limiter.limit(search_limit, exempt_when=not_a_search)]

    @blp.arguments(QuoteFilterArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, QuoteSchema)
    def get(self, **filters):
        """One quote at random, with the same filters as the list"""
        quote = run_search(lambda: queries.random_quote(queries.QuoteFilters(**filters)))
        if quote is None:
            abort(404, message="No quote matches these filters.")
        return quote


@blp.route("/<id:quote_id>")
class QuoteById(MethodView):
    @blp.etag
    @blp.response(200, QuoteSchema)
    def get(self, quote_id):
        """One quote with its speaker, article, offsets, context and group summary"""
        return found(queries.get_quote(quote_id), "quote", quote_id)


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
        return found(queries.quote_variants(quote_id), "quote", quote_id)
