"""/api/v1/speakers: people and organisations quoted, one record each."""

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from ..storage import queries
from .common import PAGINATION_HEADERS, PaginationArgsSchema, found, pagination_headers
from .quotes import API, QuoteSchema, with_groups

blp = Blueprint(
    "speakers",
    __name__,
    url_prefix="/api/v1/speakers",
    description="Speakers as entities: canonical name, aliases, quote counts.",
)


class SpeakerSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    quote_count = ma.fields.Integer()
    links = ma.fields.Function(lambda s: {"self": f"{API}/speakers/{s.id}", "quotes": f"{API}/speakers/{s.id}/quotes"})


class SpeakerDetailSchema(SpeakerSchema):
    aliases = ma.fields.List(ma.fields.String(), attribute="alias_list")
    outlets = ma.fields.List(ma.fields.String(), metadata={"description": "Outlets that quoted this speaker"})


class SpeakerQueryArgsSchema(PaginationArgsSchema):
    q = ma.fields.String(
        validate=ma.validate.Length(min=1, max=200),
        metadata={"description": "Name prefix, any word of the name (accent-insensitive)"},
    )
    sort = ma.fields.String(load_default="-quotes", validate=ma.validate.OneOf(["-quotes", "name"]))


class SpeakerQuotesArgsSchema(PaginationArgsSchema):
    sort = ma.fields.String(
        load_default="-published", validate=ma.validate.OneOf(["-published", "published", "length", "-length"])
    )


@blp.route("")
class Speakers(MethodView):
    @blp.etag
    @blp.arguments(SpeakerQueryArgsSchema, location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, SpeakerSchema(many=True), headers=PAGINATION_HEADERS)
    def get(self, page, per_page, sort, q=None):
        """List speakers, most quoted first, or search them by name prefix"""
        speakers, total = queries.list_speakers(q, sort, page, per_page)
        return speakers, pagination_headers(page, per_page, total)


@blp.route("/<id:speaker_id>")
class SpeakerById(MethodView):
    @blp.etag
    @blp.response(200, SpeakerDetailSchema)
    def get(self, speaker_id):
        """One speaker with aliases and the outlets that quoted them"""
        return found(queries.get_speaker(speaker_id), "speaker", speaker_id)


@blp.route("/<id:speaker_id>/quotes")
class SpeakerQuotes(MethodView):
    @blp.etag
    @blp.arguments(SpeakerQuotesArgsSchema, location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, QuoteSchema(many=True), headers=PAGINATION_HEADERS)
    def get(self, speaker_id, page, per_page, sort):
        """The speaker's quotes"""
        found(queries.exists("speaker", speaker_id), "speaker", speaker_id)
        query = queries.sort_quotes(queries.filtered_quotes(queries.QuoteFilters(speaker=str(speaker_id))), sort)
        items, total = queries.page_of(query, page, per_page)
        return with_groups(items), pagination_headers(page, per_page, total)
