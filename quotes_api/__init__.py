"""Quote and attribution service for newsrooms.

``create_app(config=None)`` builds everything: settings from the environment (then
``config`` on top), the database, the JSON API and the pages.
"""

from . import config as settings

__version__ = "0.1.0"


def create_app(config=None):
    """Create the Flask application; ``config`` overrides settings (tests pass a temporary database)."""
    from flask import Flask, appcontext_pushed  # here, not at import: `quotes-api extract` needs no web stack

    from .api.json_provider import OrjsonProvider

    app = Flask(__name__)
    app.json = OrjsonProvider(app)
    app.config.update(settings.from_environment())
    app.config.update(
        API_TITLE="Quotes API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/docs/assets/",
    )
    app.json.sort_keys = False  # fields in the order the schemas declare them
    app.json.ensure_ascii = False  # "Gascón", not "Gasc\u00f3n"
    if config:
        app.config.update(config)

    from .storage import database, init_database

    db = init_database(app.config["DATABASE_URL"])

    def bind_database(sender, **extra):
        # Models reach the database through one proxy; an app binds it to its own database whenever
        # its context is pushed, so that several apps in one process (tests) each read their own.
        if database.obj is not db:
            database.initialize(db)

    appcontext_pushed.connect(bind_database, app, weak=False)

    # One connection per worker thread, kept across requests: opening one costs more than most
    # reads (SQLite parses the schema and prepares every statement again on a new connection).
    # Transactions never outlive a request (writes use database.atomic), so nothing is held open.
    @app.before_request
    def open_connection():
        database.connect(reuse_if_open=True)

    from .api import init_api

    init_api(app)
    return app
