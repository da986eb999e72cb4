"""Paging for every list: `page` for the first MAX_DEPTH items, a `cursor` (keyset) for any depth.

Each answer carries `X-Total-Count` (exact up to the storage's COUNT_LIMIT, else "at least" that
many, which `X-Total-Count-Exact: false` says) and an RFC 8288 `Link` header: `first`, `prev` and
`last` by page number when they are known, `next` always by cursor.
"""

import base64
import binascii
import hashlib
import json
from functools import wraps
from urllib.parse import quote, urlencode

import marshmallow as ma
from flask import current_app, request
from flask_smorest import abort

from ..storage import queries
from .common import AsciiInteger, public_base
from .dump import compile_dump

MAX_DEPTH = 1000  # a `page` must start within items 1..MAX_DEPTH; deeper, follow the `next` link (a cursor)


class PaginationArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    page = AsciiInteger(
        load_default=1,
        validate=ma.validate.Range(min=1),
        metadata={"description": f"Page number, for the first {MAX_DEPTH} items (deeper: `cursor`)"},
    )
    per_page = AsciiInteger(load_default=20, validate=ma.validate.Range(min=1, max=100))
    cursor = ma.fields.String(
        validate=ma.validate.Length(min=1, max=1000),
        metadata={"description": "Where the previous page ended: copy it from that page's `next` link"},
    )


PAGINATION_HEADERS = {
    "X-Total-Count": {
        "description": f"Items matching over all pages: exact up to {queries.COUNT_LIMIT}, else at least this many",
        "schema": {"type": "integer"},
    },
    "X-Total-Count-Exact": {
        "description": "true when X-Total-Count is the exact total; false when it is a lower bound",
        "schema": {"type": "boolean"},
    },
    "Link": {"description": "RFC 8288 links: first, prev, next (a cursor), last", "schema": {"type": "string"}},
}


def encode_cursor(sort, values):
    """An opaque, url-safe token for the sort key a page ended at."""
    raw = json.dumps([sort, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(token, sort):
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError):
        data = None
    if not isinstance(data, list) or not data or data[0] != sort:
        _bad_cursor("it is not a cursor of this list and sort")
    return data[1:]


def _bad_cursor(reason):
    abort(
        400,
        message=f"The cursor is not valid: {reason}. Use the `next` link of the previous page as it is.",
        errors={"query": {"cursor": [reason]}},
    )


def paged(fetch, page, per_page, cursor=None, sort=None):
    """Run fetch(PageRequest) (one storage call) and return (items, paging headers).

    `page` past MAX_DEPTH items is a 400 that points to the cursor; a cursor from another list or sort
    is a 400 too.
    """
    if cursor is not None and page != 1:
        abort(400, message="Give page or cursor, not both.", errors={"query": {"page": ["not with cursor"]}})
    if (page - 1) * per_page >= MAX_DEPTH and cursor is None:
        abort(
            400,
            message=(
                f"page only reaches the first {MAX_DEPTH} items (a page must start before item {MAX_DEPTH + 1}); "
                "to read further, follow the `next` link of each page (a cursor)."
            ),
            errors={"query": {"page": [f"(page - 1) × per_page must be below {MAX_DEPTH}; use cursor"]}},
        )
    after = _decode_cursor(cursor, sort) if cursor is not None else None
    try:
        result = fetch(queries.PageRequest(per_page=per_page, offset=(page - 1) * per_page, after=after))
    except queries.InvalidCursor as error:
        _bad_cursor(str(error))
    return result.items, _headers(result, page if cursor is None else None, per_page, sort)


def _headers(result, page, per_page, sort):
    base = public_base() + quote(request.script_root + request.path)  # relative unless the host is trusted
    args = {k: v for k, v in request.args.items() if k not in ("page", "per_page", "cursor")}

    def url(**position):
        return f"{base}?{urlencode({**args, **position, 'per_page': per_page})}"

    links = [("first", url(page=1))]
    if page and page > 1:
        links.append(("prev", url(page=page - 1)))
    if result.next_after is not None:
        links.append(("next", url(cursor=encode_cursor(sort, result.next_after))))
    if result.total_exact:
        links.append(("last", url(page=max(1, -(-result.total // per_page)))))
    return {
        "X-Total-Count": str(result.total),
        "X-Total-Count-Exact": "true" if result.total_exact else "false",
        "Link": ", ".join(f'<{target}>; rel="{rel}"' for rel, target in links),
    }


def list_response(blp, schema):
    """blp.response(200, schema(many=True)) for a list view that returns paged()'s (items, headers).

    The items are dumped by the schema compiled once (:func:`.dump.compile_dump`) and the JSON is
    built once: flask-smorest then neither dumps nor serialises again to hash an ETag. The ETag is
    the body's hash, so a conditional GET (If-None-Match) still answers 304. The schema and
    PAGINATION_HEADERS document the answer as before.
    """
    dump = compile_dump(schema())

    def decorator(view):
        @wraps(view)
        def respond(*args, **kwargs):
            items, headers = view(*args, **kwargs)
            response = current_app.json.response([dump(item) for item in items])
            blp.set_etag(hashlib.sha1(response.get_data()).hexdigest())  # raises 304 on a matching If-None-Match
            response.headers.update(headers)
            return response

        return blp.response(200, schema(many=True), headers=PAGINATION_HEADERS)(respond)

    return decorator
