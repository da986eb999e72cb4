"""gunicorn entry point: ``gunicorn --config gunicorn.conf.py wsgi:app``."""

from quotes_api import create_app

app = create_app()
