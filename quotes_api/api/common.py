"""What every resource shares: problem+json errors, body checks, links, CORS, API keys, rate limits."""

from functools import wraps

import marshmallow as ma
from flask import current_app, g, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import Api, abort
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from ..extract import DocumentError
from ..extract.documents import load_json
from ..storage import KeyStatus, check_key

PROBLEM_TYPE = "about:blank"  # RFC 9457: the status code says it all; `title` is its phrase
EXPOSED_HEADERS = (
    "Link, X-Total-Count, X-Total-Count-Exact, ETag, "
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After"
)
API_KEY_HEADER = "X-API-Key"


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details."""

    type = ma.fields.String(metadata={"example": "about:blank"})
    title = ma.fields.String(metadata={"example": "Not Found"})
    status = ma.fields.Integer(metadata={"example": 404})
    detail = ma.fields.String()
    errors = ma.fields.Dict(metadata={"description": "Per location and field: the messages"})


class ProblemApi(Api):
    """flask-smorest's Api, answering and documenting every error as application/problem+json (RFC 9457)."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):
        return problem_response(error)

    def _register_responses(self):
        default = self.DEFAULT_RESPONSE_CONTENT_TYPE
        self.DEFAULT_RESPONSE_CONTENT_TYPE = "application/problem+json"
        try:
            super()._register_responses()
        finally:
            self.DEFAULT_RESPONSE_CONTENT_TYPE = default


def problem_response(error):
    data = getattr(error, "data", None) or {}
    body = {
        "type": PROBLEM_TYPE,
        "title": error.name,
        "status": error.code,
        "detail": data.get("message") or error.description,
    }
    errors = data.get("errors") or data.get("messages")
    if errors:
        # webargs nests errors by location ({"query": {"per_page": [...]}}); keep them per field.
        body["errors"] = errors
        body["detail"] = data.get("message") or "The request's parameters are not valid; see errors."
    response = jsonify(body)
    response.status_code = error.code
    response.content_type = "application/problem+json"
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    if isinstance(error, HTTPException):
        for name, value in error.get_headers():
            if name.lower() not in ("content-type", "content-length"):
                response.headers[name] = value
    return response


def refuse_nul_characters():
    """A 400 for a query parameter holding NUL (\\x00): no stored text holds one, and PostgreSQL refuses it."""
    for name, value in request.args.items(multi=True):
        if "\x00" in value or "\x00" in name:
            abort(
                400,
                message=f"The parameter {name!r} holds a NUL character.",
                errors={"query": {name: ["must not hold a NUL character"]}},
            )


# --- request bodies ------------------------------------------------------------------


def check_request_body():
    """Refuse, before any view parses it, a body that is too long or JSON that is unsafe to use.

    - A chunked body has no Content-Length, so werkzeug stops reading at MAX_CONTENT_LENGTH and
      hands the view a truncated body (which used to surface as "Invalid JSON body"): a 413 instead.
    - JSON nested deeper than a few levels (json.loads recurses; `[` × 100 000 is a RecursionError)
      or holding a lone surrogate (`"\\ud800"`, which cannot be stored or sent as UTF-8): a 400.
    """
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    data = request.get_data(cache=True)  # a declared Content-Length over the limit is a 413 here
    limit = request.max_content_length
    if limit is not None and request.content_length is None and len(data) >= limit:
        if request.environ["wsgi.input"].read(1):
            abort(413, message=f"The request body is longer than {limit} bytes.")
    if not request.is_json or not data.strip():
        return
    try:
        g.json_body = load_json(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        message = f"The JSON body is not UTF-8 (byte {error.start})."
        abort(400, message=message, errors={"json": [message]})
    except DocumentError as error:
        message = f"The JSON body is not usable: {str(error).removeprefix('invalid JSON: ')}."
        abort(400, message=message, errors={"json": [message]})


# --- ids ---------------------------------------------------------------------

MAX_ID = 2**63 - 1  # SQLite's INTEGER: a larger id cannot exist, so it is a 404, not an overflow


class IdConverter(IntegerConverter):
    """Path ids: positive integers SQLite can hold, in ASCII digits (`\\d` would read /q/٣ as quote 3)."""

    regex = r"[0-9]+"

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


class AsciiInteger(ma.fields.Integer):
    """A query integer in ASCII digits: int() also reads "٣" (Arabic-Indic three) as 3."""

    def _validated(self, value):
        if isinstance(value, str) and not value.isascii():
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


def found(value, kind, identifier):
    """value, or a 404 problem when it is None or False (no such kind of thing with that id)."""
    if value is None or value is False:
        abort(404, message=f"There is no {kind} {identifier}.")
    return value


# --- links ---------------------------------------------------------------------


def public_base():
    """Scheme and host for absolute links, or "" for relative ones; never an unchecked Host header.

    PUBLIC_URL when set; else the request's host when ALLOWED_HOSTS is set (Flask then answers 400 to
    any other Host); else "". A Host header copied into links would let one request poison a shared
    cache that ignores Host.
    """
    if current_app.config.get("PUBLIC_URL"):
        return current_app.config["PUBLIC_URL"]
    if current_app.config.get("TRUSTED_HOSTS"):
        return request.host_url.rstrip("/")
    return ""


def links_follow_host():
    """True when absolute links in a response come from the request's (allowed) Host."""
    return not current_app.config.get("PUBLIC_URL") and bool(current_app.config.get("TRUSTED_HOSTS"))


# --- CORS --------------------------------------------------------------------


def add_cors_headers(response):
    """Reads are open to every origin; writes are not (no CORS header, preflight refused).

    flask-cors applies one policy per route whatever the method, and our routes mix
    public reads with key-protected writes, so the rule is written out here.
    """
    if request.method in ("GET", "HEAD"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    elif request.method == "OPTIONS":
        wanted = request.headers.get("Access-Control-Request-Method", "").upper()
        if wanted in ("GET", "HEAD"):
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "If-None-Match, Accept"
            response.headers["Access-Control-Max-Age"] = "86400"
    return response


# --- API keys ------------------------------------------------------------------


def require_key(view):
    """Let the view run only for a valid X-API-Key: 401 without one, 403 for a revoked one."""

    @wraps(view)
    def checked(*args, **kwargs):
        status, key = check_key(request.headers.get(API_KEY_HEADER))
        if status is KeyStatus.UNKNOWN:
            abort(
                401,
                message=f"This endpoint needs a valid API key in the {API_KEY_HEADER} header "
                "(create one with `quotes-api keys create NAME`).",
                headers={"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'},
            )
        if status is KeyStatus.REVOKED:
            abort(403, message="This API key has been revoked.")
        g.api_key = key
        return view(*args, **kwargs)

    return checked


# --- rate limits -------------------------------------------------------------


def _client_key():
    """Count per verified API key, else per client address.

    An unchecked X-API-Key would let a client pick a fresh bucket for every request
    (130 searches with random keys all passed a 120/minute limit).
    """
    if "limit_key" not in g:
        status, key = check_key(request.headers.get(API_KEY_HEADER))
        g.limit_key = f"key:{key.id}" if status is KeyStatus.VALID else f"address:{get_remote_address()}"
    return g.limit_key


# Counters live where the RATELIMIT_STORAGE_URI setting says (flask-limiter reads it at init_app).
# The default memory:// is each worker's own memory: with N gunicorn workers a client may get up
# to N times the limit. redis://host:6379/0 keeps one count for every worker and host.
limiter = Limiter(key_func=_client_key, headers_enabled=True, strategy="fixed-window")


def write_limit():
    return current_app.config["WRITE_RATE_LIMIT"]


def articles_in_body():
    """A write's cost for the limiter: one per article, so a batch of 100 counts 100 (a bad body counts 1)."""
    body = g.get("json_body")
    items = body.get("articles") if isinstance(body, dict) else None
    return max(1, len(items)) if isinstance(items, list) else 1


def write_limit_message():
    return (
        f"Writes are limited to {current_app.config['WRITE_RATE_LIMIT']} per API key, counted per article: "
        "a batch of N articles counts N, so a batch larger than the limit never passes; send smaller batches."
    )


def search_limit():
    return current_app.config["SEARCH_RATE_LIMIT"]


def not_a_search():
    return not request.args.get("q")
