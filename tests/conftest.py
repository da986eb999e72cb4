"""Fixtures: an app on a temporary, migrated database; a client; the seeds stored; an API key."""

import shutil
from pathlib import Path

import pytest

from quotes_api import create_app
from quotes_api.articles import load_article
from quotes_api.storage import create_key, database, upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}",
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
    from quotes_api.service import extract_and_store

    with app.app_context():
        for path in SEED_FILES:
            extract_and_store(load_article(path))
        database.close()
    return app


@pytest.fixture
def seed_copy(tmp_path):
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
