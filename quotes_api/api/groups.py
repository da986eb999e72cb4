"""/api/v1/groups: the same statement as each outlet worded it."""

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from ..storage import queries
from .common import found
from .paging import PaginationArgsSchema, list_response, paged
from .schemas import GroupSummarySchema, VariantSchema

blp = Blueprint(
    "groups",
    __name__,
    url_prefix="/api/v1/groups",
    description="Variant groups: one statement, every wording, which outlet printed it.",
)


class GroupQueryArgsSchema(PaginationArgsSchema):
    sort = ma.fields.String(
        load_default="-size",
        validate=ma.validate.OneOf(["-size", "-updated"]),
        metadata={"description": "-size: largest first; -updated: newest first"},
    )


class OutletMembersSchema(ma.Schema):
    outlet = ma.fields.String(allow_none=True)
    quotes = ma.fields.List(ma.fields.Nested(VariantSchema))


class GroupDetailSchema(GroupSummarySchema):
    canonical_reason = ma.fields.Constant(
        "longest wording: it contains what shorter printings cut; ties go to the first stored"
    )
    by_outlet = ma.fields.List(ma.fields.Nested(OutletMembersSchema))


@blp.route("")
class Groups(MethodView):
    @blp.etag
    @blp.arguments(GroupQueryArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @list_response(blp, GroupSummarySchema)
    def get(self, page, per_page, sort, cursor=None):
        """List variant groups, largest or newest first"""
        return paged(lambda at: queries.list_groups(sort, at), page, per_page, cursor, sort)


@blp.route("/<id:group_id>")
class GroupById(MethodView):
    @blp.etag
    @blp.response(200, GroupDetailSchema)
    def get(self, group_id):
        """One group: canonical wording and every member by outlet, with word diffs"""
        return found(queries.group_detail(group_id), "group", group_id)
