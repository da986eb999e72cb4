"""/api/v1/articles: source articles; posting one extracts and stores its quotes."""

from datetime import UTC

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..extract import DocumentError
from ..extract.documents import article_from_fields
from ..service import extract_and_store, store_article
from ..storage import delete_article, queries
from .common import articles_in_body, found, limiter, require_key, write_limit, write_limit_message
from .paging import PaginationArgsSchema, list_response, paged
from .schemas import API, ArticleRefSchema, QuoteSchema

blp = Blueprint(
    "articles", __name__, url_prefix="/api/v1/articles", description="Source articles. Writes need an X-API-Key."
)

WRITE_SECURITY = [{"ApiKeyAuth": []}]


class ArticleSchema(ArticleRefSchema):
    quote_count = ma.fields.Integer()
    links = ma.fields.Function(lambda a: {"self": f"{API}/articles/{a.id}", "quotes": f"{API}/articles/{a.id}/quotes"})


class SyndicationSchema(ma.Schema):
    url = ma.fields.String()
    outlet = ma.fields.String(allow_none=True)
    published = ma.fields.Date(allow_none=True)
    recorded_at = ma.fields.Function(
        lambda s: s.created_at.replace(tzinfo=UTC).isoformat(), metadata={"type": "string", "format": "date-time"}
    )


class ArticleDetailSchema(ArticleSchema):
    text = ma.fields.String()
    syndications = ma.fields.List(
        ma.fields.Nested(SyndicationSchema),
        attribute="syndication_list",
        metadata={"description": "Other addresses that printed the same text, as they were posted"},
    )
    created_at = ma.fields.Function(
        lambda a: a.created_at.replace(tzinfo=UTC).isoformat(),
        metadata={"type": "string", "format": "date-time", "description": "When this service stored it (UTC)"},
    )


class ArticleInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    text = ma.fields.String(metadata={"description": "Plain text, paragraphs separated by blank lines"})
    html = ma.fields.String(metadata={"description": "HTML; the article body and its blockquotes are read"})
    url = ma.fields.Url(allow_none=True, schemes={"http", "https"}, validate=ma.validate.Length(max=2000))
    outlet = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=200))
    title = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=1000))
    published = ma.fields.Date(allow_none=True)

    @ma.validates_schema
    def has_body(self, data, **kwargs):
        bodies = [k for k in ("text", "html") if (data.get(k) or "").strip()]
        if len(bodies) != 1:
            raise ma.ValidationError("give exactly one of text or html, not empty", "text")
        limit = current_app.config["MAX_ARTICLE_CHARS"]
        if len(data[bodies[0]]) > limit:
            raise ma.ValidationError(f"longer than {limit} characters", bodies[0])


class StoredArticleSchema(ma.Schema):
    created = ma.fields.Boolean(metadata={"description": "false: the article was already stored"})
    outcome = ma.fields.String(
        metadata={
            "enum": ["created", "existing", "syndicated"],
            "description": "existing: nothing changed; syndicated: the same text under a new url, "
            "recorded in the article's syndications",
        }
    )
    article = ma.fields.Nested(ArticleDetailSchema)
    quotes = ma.fields.List(ma.fields.Nested(QuoteSchema))


class BatchInSchema(ma.Schema):
    articles = ma.fields.List(ma.fields.Dict(), required=True, validate=ma.validate.Length(min=1, max=100))


class BatchOutcomeSchema(ma.Schema):
    index = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["created", "existing", "syndicated", "invalid"]})
    article_id = ma.fields.Integer(allow_none=True)
    quotes = ma.fields.Integer(allow_none=True)
    errors = ma.fields.Dict(allow_none=True)


class BatchOutSchema(ma.Schema):
    created = ma.fields.Integer()
    existing = ma.fields.Integer()
    syndicated = ma.fields.Integer()
    invalid = ma.fields.Integer()
    results = ma.fields.List(ma.fields.Nested(BatchOutcomeSchema))


class ArticleQueryArgsSchema(PaginationArgsSchema):
    outlet = ma.fields.String(validate=ma.validate.Length(min=1, max=200))
    since = ma.fields.Date()
    until = ma.fields.Date()


def _settings():
    """The settings storing follows (MIN_CONFIDENCE, STORE_INDIRECT, MAX_ARTICLE_CHARS)."""
    config = current_app.config
    return {
        "min_confidence": config["MIN_CONFIDENCE"],
        "indirect": config["STORE_INDIRECT"],
        "max_chars": config["MAX_ARTICLE_CHARS"],
    }


@blp.route("")
class Articles(MethodView):
    @blp.etag
    @blp.arguments(ArticleQueryArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, ArticleSchema)
    def get(self, page, per_page, cursor=None, **filters):
        """List source articles, newest first"""
        wanted = queries.ArticleFilters(**filters)
        return paged(lambda at: queries.list_articles(wanted, at), page, per_page, cursor, "-published")

    @blp.arguments(ArticleInSchema)
    @blp.response(201, StoredArticleSchema)
    @blp.alt_response(200, schema=StoredArticleSchema, description="The article was already stored")
    @blp.doc(security=WRITE_SECURITY)
    @limiter.limit(write_limit)
    @require_key
    def post(self, fields):
        """Store an article and its extracted quotes

        Same url, or same text: 200 with the stored article. Same text under a new url: 200 with
        outcome `syndicated`, the url recorded in the article's `syndications`.
        """
        try:
            stored = store_article(fields, **_settings())
        except DocumentError as error:
            abort(422, message=str(error), errors={"json": {"text": [str(error)]}})
        return stored, 201 if stored.created else 200


@blp.route("/batch")
class ArticleBatch(MethodView):
    @blp.arguments(BatchInSchema)
    @blp.response(200, BatchOutSchema)
    @blp.doc(security=WRITE_SECURITY)
    @limiter.limit(write_limit, cost=articles_in_body, error_message=write_limit_message)
    @require_key
    def post(self, body):
        """Store up to 100 articles, one transaction each; report each one's outcome"""
        results = []
        for index, raw in enumerate(body["articles"]):
            try:
                fields = ArticleInSchema().load(raw)
                result = extract_and_store(article_from_fields(fields), **_settings())
            except ma.ValidationError as error:
                results.append({"index": index, "status": "invalid", "errors": error.messages})
                continue
            except DocumentError as error:
                results.append({"index": index, "status": "invalid", "errors": {"text": [str(error)]}})
                continue
            results.append(
                {
                    "index": index,
                    "status": result.outcome,
                    "article_id": result.article.id,
                    "quotes": result.quotes if result.created else None,
                }
            )
        counts = {s: sum(r["status"] == s for r in results) for s in ("created", "existing", "syndicated", "invalid")}
        return {**counts, "results": results}


@blp.route("/<id:article_id>")
class ArticleById(MethodView):
    @blp.etag
    @blp.response(200, ArticleDetailSchema)
    def get(self, article_id):
        """One article with its text and metadata"""
        return found(queries.get_article(article_id), "article", article_id)

    @blp.response(204)
    @blp.doc(security=WRITE_SECURITY)
    @limiter.limit(write_limit)
    @require_key
    def delete(self, article_id):
        """Remove an article and its quotes; their variant groups shrink or dissolve"""
        found(delete_article(article_id), "article", article_id)


@blp.route("/<id:article_id>/quotes")
class ArticleQuotes(MethodView):
    @blp.etag
    @blp.arguments(PaginationArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, QuoteSchema)
    def get(self, article_id, page, per_page, cursor=None):
        """The article's quotes in text order"""
        return paged(
            lambda at: found(queries.article_quotes(article_id, at), "article", article_id),
            page,
            per_page,
            cursor,
            "position",
        )
