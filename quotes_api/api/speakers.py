"""/api/v1/speakers: people and organisations quoted, one record each."""

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from ..storage import queries
from .common import found
from .paging import PaginationArgsSchema, list_response, paged
from .schemas import API, QuoteSchema

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
    @blp.arguments(SpeakerQueryArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, SpeakerSchema)
    def get(self, page, per_page, sort, q=None, cursor=None):
        """List speakers, most quoted first, or search them by name prefix"""
        return paged(lambda at: queries.list_speakers(q, sort, at), page, per_page, cursor, sort)


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
    @blp.arguments(SpeakerQuotesArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, QuoteSchema)
    def get(self, speaker_id, page, per_page, sort, cursor=None):
        """The speaker's quotes"""
        return paged(
            lambda at: found(queries.speaker_quotes(speaker_id, sort, at), "speaker", speaker_id),
            page,
            per_page,
            cursor,
            sort,
        )
