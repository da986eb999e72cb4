"""Fixtures: apps on temporary, migrated databases; a client; the seeds stored; an API key.

The database is SQLite unless TEST_DATABASE_URL names a PostgreSQL server (see tests/backends.py).
The seeds are extracted and stored once per session into a template database. Read-only tests
share one copy of it per module (`read_only`); a test that writes, or changes the app's settings,
takes its own copy (`seeded`) or an empty database (`app`).
"""

import shutil
from pathlib import Path

import pytest

from quotes_api import create_app
from quotes_api.articles import load_article
from quotes_api.storage import create_key, database, upgrade
from tests.backends import BACKEND, fresh_database, seeded_copy

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def pytest_report_header(config):
    return f"database backend: {BACKEND}"


def make_app(url, **settings):
    """An app on the database at url (a sqlite:/// or postgresql:// url), migrated."""
    app = create_app(
        {
            "DATABASE_URL": url,
            "TESTING": True,
            "MIGRATIONS_DIR": str(ROOT / "migrations"),
            "RATE_LIMIT_ENABLED": True,
            **settings,
        }
    )
    with app.app_context():
        upgrade(database.obj, app.config["MIGRATIONS_DIR"])
        database.close()
    return app


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A database holding the three seed articles, as a url (copy it with seeded_copy; never write to it)."""
    from quotes_api.service import extract_and_store

    with fresh_database(tmp_path_factory.mktemp("template"), "template") as url:
        app = make_app(url)
        with app.app_context():
            for seed in SEED_FILES:
                extract_and_store(load_article(seed))
            if BACKEND == "sqlite":
                database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database.close()
        yield url


@pytest.fixture
def database_url(tmp_path):
    """A new, empty database for this test (a SQLite file or a PostgreSQL schema), removed afterwards."""
    with fresh_database(tmp_path) as url:
        yield url


@pytest.fixture
def app(request, tmp_path):
    """An app of its own: on an empty database, or on a copy of the seeded one when the test asks for `seeded`."""
    if "seeded" in request.fixturenames:
        database_of_test = seeded_copy(request.getfixturevalue("seeded_template"), tmp_path)
    else:
        database_of_test = fresh_database(tmp_path)
    with database_of_test as url:
        app = make_app(url)
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
    """An app of its own with the three seed articles stored: for tests that write or change settings."""
    return app


@pytest.fixture(scope="module")
def read_only(tmp_path_factory, seeded_template):
    """The seeded app shared by a module's read-only tests (rate limits off: they send many searches)."""
    with seeded_copy(seeded_template, tmp_path_factory.mktemp("read_only"), pooled=True) as url:
        app = make_app(url, RATE_LIMIT_ENABLED=False)
        yield app
        if not database.is_closed():
            database.close()


@pytest.fixture
def seed_copy(tmp_path):
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
