"""Opening the database (SQLite or PostgreSQL), its write transactions, and bringing its schema up to date.

Backend differences live here and in :mod:`.search`; the rest of storage is written once.
"""

import logging
import os
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from peewee import InterfaceError, OperationalError, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import parse as parse_url
from playhouse.migrations import Runner
from playhouse.pool import PooledPostgresqlDatabase
from playhouse.schema_diff import diff_models

from ..config import sqlite_path
from .models import MODELS, QuoteDocument, QuoteSearch, database

log = logging.getLogger(__name__)

# WAL lets readers run while one writer writes; the busy timeout makes a second writer
# wait its turn instead of failing with "database is locked".
PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 10000,
    "foreign_keys": 1,
    "synchronous": "normal",
    # 64 MiB of pages at most (allocated as used): ingest writes shingle postings in random order, and
    # at a million quotes their index outgrows a smaller cache; reads of large lists profit too.
    "cache_size": -65536,
    # Reads map the file (its first GiB) instead of copying each page into every connection's cache:
    # the workers share the OS page cache, and a list reading rows all over a large archive costs less.
    "mmap_size": 2**30,
}

POSTGRES_SCHEMES = {"postgres": PostgresqlDatabase, "postgresql": PostgresqlDatabase}
POOLED_SCHEMES = {"postgres+pool": PooledPostgresqlDatabase, "postgresql+pool": PooledPostgresqlDatabase}


def init_database(database_url):
    """Bind the models to the database named by database_url (sqlite:/// or postgresql://) and return it."""
    db = open_database(database_url)
    database.initialize(db)
    return db


def open_database(database_url):
    """The database named by database_url, not bound to the models (not connected yet)."""
    scheme = database_url.partition("://")[0]
    if scheme in POSTGRES_SCHEMES or scheme in POOLED_SCHEMES:
        return _postgres(database_url, scheme)
    path = sqlite_path(database_url)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
    return SqliteDatabase(path, pragmas=PRAGMAS, timeout=10, check_same_thread=False)


def _postgres(database_url, scheme):
    """A PostgreSQL database through psycopg 3; url query parameters go to psycopg (e.g. ?options=...)."""
    params = parse_url(database_url)
    if not params.get("database"):
        raise ValueError(f"DATABASE_URL names no database: {database_url!r}")
    params.setdefault("connect_timeout", 10)
    if scheme in POOLED_SCHEMES:
        params.setdefault("max_connections", 8)
        params.setdefault("stale_timeout", 300)
        return POOLED_SCHEMES[scheme](prefer_psycopg3=True, **params)
    return POSTGRES_SCHEMES[scheme](prefer_psycopg3=True, **params)


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened (no server, wrong name or credentials)."""


def check_connection():
    """Open the bound database once, or raise DatabaseUnavailable saying why."""
    try:
        database.connect(reuse_if_open=True)
    except (OperationalError, InterfaceError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DatabaseUnavailable(f"cannot open the database: {reason}") from None


def is_postgres(db=None):
    """True when the models are bound to PostgreSQL (else SQLite)."""
    return isinstance(db if db is not None else database.obj, PostgresqlDatabase)


@contextmanager
def write_transaction():
    """One write transaction, in the mode each backend needs.

    SQLite: IMMEDIATE takes the write lock first, so concurrent writers queue instead of
    deadlocking on a lock upgrade. PostgreSQL: READ COMMITTED with row locks; conflicts are
    settled by unique constraints and ON CONFLICT, and grouping by :func:`grouping_lock`.
    """
    if is_postgres():
        with database.atomic():
            yield
    else:
        with database.atomic("IMMEDIATE"):
            yield


# One advisory lock id for the variant groups (a stable 32-bit number from its name).
GROUPING_LOCK = zlib.crc32(b"quotes_api.variant_groups")


def grouping_lock():
    """Serialise grouping decisions across writers until the transaction ends.

    On PostgreSQL two ingests may group at the same moment; without this both could see
    no group for a statement and each make one. pg_advisory_xact_lock is released at
    commit or rollback. SQLite's IMMEDIATE transaction already serialises writers.
    """
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (GROUPING_LOCK,))


# PostgreSQL states that mean "another transaction got in the way, run yours again".
RETRY_SQLSTATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected


def retrying(action, attempts=4):
    """Run action(); on PostgreSQL, again after a deadlock or serialization failure (rolled back)."""
    for attempt in range(attempts):
        try:
            return action()
        except Exception as error:  # psycopg raises these unwrapped; peewee wraps some as OperationalError
            if _sqlstate(error) not in RETRY_SQLSTATES or attempt == attempts - 1:
                raise
            log.info("transaction retried after %s", _sqlstate(error))
            time.sleep(0.05 * (attempt + 1))  # a little apart, so the same collision is unlikely
    raise AssertionError("unreachable")


def _sqlstate(error):
    """The SQLSTATE of a driver error, whether raised as it is or wrapped by peewee (its .orig)."""
    for candidate in (error, getattr(error, "orig", None)):
        state = getattr(candidate, "sqlstate", None)
        if state:
            return state
    return None


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
    search = QuoteDocument if is_postgres(db) else QuoteSearch
    if search._meta.table_name not in db.get_tables():
        drift += ("\n" if drift else "") + f"create table {search._meta.table_name}"
    return drift
