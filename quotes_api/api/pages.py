"""Root routes: quote pages, embeds, oEmbed, health, and the offline docs' assets."""

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import marshmallow as ma
import swagger_ui_bundle
from flask import Response, render_template, send_from_directory, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..storage import queries
from .common import MAX_ID, AsciiInteger, found, links_follow_host, public_base

blp = Blueprint(
    "pages",
    __name__,
    url_prefix="",
    template_folder="templates",
    description="Pages and embeds for people and sites: HTML quote pages, oEmbed, health.",
)

_QUOTE_PAGE = re.compile(r"^/(?:q|embed|api/v1/quotes)/([0-9]+)/?$")
EMBED_CACHE_SECONDS = 86400


def _embed_cache_control():
    """Shared caches may keep an embed for a day, unless its links come from the request's Host."""
    scope = "private" if links_follow_host() else "public"
    return {"Cache-Control": f"{scope}, max-age={EMBED_CACHE_SECONDS}", "Vary": "Host"}


def _quote_or_404(quote_id):
    return found(queries.get_quote(quote_id), "quote", quote_id)


def _render(template, quote, width=550):
    base = public_base()
    page_url = f"{base}/q/{quote.id}"
    return render_template(
        template,
        quote=quote,
        width=width,
        page_url=page_url,
        api_url=f"{base}/api/v1/quotes/{quote.id}",
        oembed_url=f"{base}{url_for('pages.OEmbed')}?url={page_url}&format=json",
    )


@blp.route("/q/<id:quote_id>")
@blp.doc(responses={200: {"description": "An HTML page", "content": {"text/html": {}}}})
def quote_page(quote_id):
    """A minimal HTML page for one quote, with oEmbed discovery"""
    return _render("quote.html", _quote_or_404(quote_id)), 200, {"Content-Type": "text/html; charset=utf-8"}


@blp.route("/embed/<id:quote_id>")
@blp.doc(responses={200: {"description": "An embeddable HTML snippet", "content": {"text/html": {}}}})
def embed(quote_id):
    """The embeddable snippet: a self-contained blockquote that reads without script"""
    return (
        _render("embed.html", _quote_or_404(quote_id)),
        200,
        {"Content-Type": "text/html; charset=utf-8", **_embed_cache_control()},
    )


class OEmbedArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    url = ma.fields.String(
        required=True,
        validate=ma.validate.Length(min=1, max=2000),
        metadata={"description": "A quote page url: /q/ID, /embed/ID or /api/v1/quotes/ID"},
    )
    format = ma.fields.String(load_default="json", validate=ma.validate.OneOf(["json", "xml"]))
    maxwidth = AsciiInteger(validate=ma.validate.Range(min=100, max=4000))
    maxheight = AsciiInteger(validate=ma.validate.Range(min=50, max=4000))


class OEmbedSchema(ma.Schema):
    version = ma.fields.Constant("1.0")
    type = ma.fields.Constant("rich")
    html = ma.fields.String()
    width = ma.fields.Integer()
    height = ma.fields.Integer()
    title = ma.fields.String()
    author_name = ma.fields.String(allow_none=True)
    author_url = ma.fields.String(allow_none=True)
    provider_name = ma.fields.String()
    provider_url = ma.fields.String()
    cache_age = ma.fields.Integer()


def _as_xml(answer):
    """oEmbed's XML form: <oembed> with one element per field."""
    root = ElementTree.Element("oembed")
    for name, value in answer.items():
        if value is not None:
            ElementTree.SubElement(root, name).text = str(value)
    body = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>' + ElementTree.tostring(root, encoding="unicode")
    return Response(body, content_type="text/xml; charset=utf-8")


@blp.route("/oembed")
class OEmbed(MethodView):
    @blp.arguments(OEmbedArgsSchema(), location="query", as_kwargs=True, unknown=ma.RAISE)
    @blp.response(200, OEmbedSchema)
    @blp.doc(responses={"200": {"content": {"text/xml": {"schema": {"type": "string"}}}}})
    def get(self, url, format, maxwidth=None, maxheight=None):
        """oEmbed 1.0 provider for quote pages (type rich), as JSON or XML"""
        try:
            path = urlsplit(url).path
        except ValueError as error:  # "http://[::1/q/1": an unclosed IPv6 bracket
            abort(400, message=f"The url is not valid: {error}.", errors={"query": {"url": [str(error)]}})
        match = _QUOTE_PAGE.match(path or "")
        if not match or int(match.group(1)) > MAX_ID:
            abort(404, message="That url is not a quote page of this service.")
        quote = _quote_or_404(int(match.group(1)))
        width = min(maxwidth or 550, 550)
        height = 120 + 22 * (len(quote.text) // max(20, width // 9))
        if maxheight:
            height = min(height, maxheight)
        answer = OEmbedSchema().dump(
            {
                "html": _render("_blockquote.html", quote, width).strip(),
                "width": width,
                "height": height,
                "title": quote.text[:200],
                "author_name": quote.speaker.name if quote.speaker else None,
                "author_url": (f"{public_base()}/api/v1/speakers/{quote.speaker.id}" if quote.speaker else None),
                "provider_name": "Quotes API",
                "provider_url": public_base(),
                "cache_age": EMBED_CACHE_SECONDS,
            }
        )
        return _as_xml(answer) if format == "xml" else answer


class HealthSchema(ma.Schema):
    status = ma.fields.String()
    database = ma.fields.String()


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """Liveness and database check"""
        queries.database_ok()
        return {"status": "ok", "database": "ok"}


@blp.route("/docs/assets/<path:name>")
@blp.doc(hide=True)
def docs_assets(name):
    """Swagger UI's files, served from the installed package so /docs works offline."""
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, name, max_age=86400)
