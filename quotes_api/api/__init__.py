"""The JSON API and pages: thin views over storage queries; no SQL and no parsing here."""

from werkzeug.exceptions import HTTPException

from . import articles, groups, pages, quotes, speakers
from .common import IdConverter, ProblemApi, add_cors_headers, check_request_body, limiter, problem_response


def init_api(app):
    """Register the resources, problem+json errors, CORS and rate limits on app."""
    app.config.setdefault("RATELIMIT_ENABLED", app.config.get("RATE_LIMIT_ENABLED", True))
    app.before_request(check_request_body)
    limiter.init_app(app)
    app.url_map.converters["id"] = IdConverter
    api = ProblemApi(
        app,
        spec_kwargs={
            "info": {
                "description": (
                    "Quotations extracted from news articles, with canonical speakers, source articles, offsets "
                    "and the variant wordings of one statement across outlets. Reads are public; writes need "
                    "an `X-API-Key`. Errors are application/problem+json (RFC 9457)."
                )
            }
        },
    )
    api.register_converter(
        IdConverter, lambda converter: {"type": "integer", "format": "int64", "minimum": 1, "maximum": converter.max}
    )
    api.spec.components.security_scheme("ApiKeyAuth", {"type": "apiKey", "in": "header", "name": "X-API-Key"})
    for module in (quotes, groups, speakers, articles, pages):
        api.register_blueprint(module.blp)
    # Errors raised before routing (413, unknown routes, 405) reach Flask's handler, not the Api's.
    app.register_error_handler(HTTPException, problem_response)
    app.after_request(add_cors_headers)
    return api
