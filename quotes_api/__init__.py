"""Quote and attribution service for newsrooms.

``create_app(config=None)`` builds everything: settings from the environment (then
``config`` on top), the database, the JSON API and the pages.
"""

from . import config as settings

__version__ = "0.1.0"


def create_app(config=None):
    """Create the Flask application; ``config`` overrides settings (tests pass a temporary database)."""
    from flask import Flask  # here, not at import: `quotes-api extract` runs without the web stack

    app = Flask(__name__)
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

    init_database(app.config["DATABASE_URL"])

    @app.before_request
    def open_connection():
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def close_connection(_error=None):
        if not database.is_closed():
            database.close()

    from .api import init_api

    init_api(app)
    return app
