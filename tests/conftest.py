"""Fixtures: an app on a temporary, migrated database; a client; the seeds stored; an API key.

The database is SQLite unless TEST_DATABASE_URL names a PostgreSQL server (see tests/backends.py).
"""

import shutil
from pathlib import Path

import pytest

from quotes_api import create_app
from quotes_api.articles import load_article
from quotes_api.storage import create_key, database, upgrade
from tests.backends import BACKEND, fresh_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def pytest_report_header(config):
    return f"database backend: {BACKEND}"


@pytest.fixture
def database_url(tmp_path):
    """A new, empty database for this test (a SQLite file or a PostgreSQL schema), removed afterwards."""
    with fresh_database(tmp_path) as url:
        yield url


@pytest.fixture
def app(database_url):
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "TESTING": True,
            "MIGRATIONS_DIR": str(ROOT / "migrations"),
            "RATE_LIMIT_ENABLED": True,
        }
    )
    with app.app_context():
        upgrade(database.obj, app.config["MIGRATIONS_DIR"])
        database.close()
    yield app
    if not database.is_closed():
        database.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api_key(app):
    with app.app_context():
        return create_key("tests")[1]


@pytest.fixture
def seeded(app):
    """The app with the three seed articles stored."""
    from quotes_api.service import store_article

    with app.app_context():
        for path in SEED_FILES:
            store_article(load_article(path))
        database.close()
    return app


@pytest.fixture
def seed_copy(tmp_path):
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
