"""Fixtures: apps on temporary, migrated databases; a client; the seeds stored; an API key.

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

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def make_app(path, **settings):
    """An app on the SQLite file at path, migrated."""
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{path}",
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
    """A database file holding the three seed articles (copy it; never open it for writing)."""
    from quotes_api.service import extract_and_store

    path = tmp_path_factory.mktemp("template") / "seeded.sqlite3"
    app = make_app(path)
    with app.app_context():
        for seed in SEED_FILES:
            extract_and_store(load_article(seed))
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
    return path


def _copy_of(template, folder):
    target = Path(folder) / "seeded.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def app(request, tmp_path):
    """An app of its own: on an empty database, or on a copy of the seeded one when the test asks for `seeded`."""
    path = tmp_path / "test.sqlite3"
    if "seeded" in request.fixturenames:
        _copy_of(request.getfixturevalue("seeded_template"), tmp_path)
        Path(tmp_path / "seeded.sqlite3").rename(path)
    app = make_app(path)
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
    app = make_app(_copy_of(seeded_template, tmp_path_factory.mktemp("read_only")), RATE_LIMIT_ENABLED=False)
    yield app
    if not database.is_closed():
        database.close()


@pytest.fixture
def seed_copy(tmp_path):
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
