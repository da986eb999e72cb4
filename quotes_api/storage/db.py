"""Opening the SQLite database and bringing its schema up to date."""

import logging
import os
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrations import Runner
from playhouse.schema_diff import diff_models

from ..config import sqlite_path
from .models import MODELS, QuoteSearch, database

log = logging.getLogger(__name__)

# WAL lets readers run while one writer writes; the busy timeout makes a second writer
# wait its turn instead of failing with "database is locked".
PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 10000,
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -16000,
}


def init_database(database_url):
    """Bind the models to the SQLite file in database_url and return the database."""
    path = sqlite_path(database_url)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
    db = SqliteDatabase(path, pragmas=PRAGMAS, timeout=10, check_same_thread=False)
    database.initialize(db)
    return db


def _create_private(path):
    """Create the database file readable by its owner only (0600) if it does not exist yet.

    It holds API key hashes and unpublished copy; SQLite gives its -wal and -shm files the
    database file's mode. An existing file keeps the mode its owner chose.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def upgrade(db, migrations_dir):
    """Apply pending migrations; return their names."""
    if not Path(migrations_dir).is_dir():
        raise FileNotFoundError(f"no migrations folder at {migrations_dir}")
    return Runner(db, migrations_dir).up()


def pending(db, migrations_dir):
    """Names of migrations not yet applied."""
    return [m.name for m in Runner(db, migrations_dir).status() if not m.applied and m.path]


def schema_drift(db):
    """Differences between the database and the models, as text ('' when they agree)."""
    drift = str(diff_models(db, MODELS))
    if QuoteSearch._meta.table_name not in db.get_tables():
        drift += ("\n" if drift else "") + f"create table {QuoteSearch._meta.table_name}"
    return drift
