"""Hand-written SQL for the write path, the same text on SQLite and PostgreSQL.

Ingest runs a few dozen statements per article; peewee builds each query anew, and building them
took more time than running them (ingest spent 60 % of its time in query building). These
statements are written once with ``?`` placeholders and turned into the backend's own (``%s`` for
psycopg) once. Every statement here is plain SQL both backends accept (``ON CONFLICT … DO
NOTHING``, ``RETURNING``); no literal ``?`` or ``%`` may appear in them.
"""

from functools import lru_cache

from peewee import __exception_wrapper__ as driver_errors  # the driver's errors raised as peewee's

from .db import is_postgres
from .models import database

BATCH = 500  # rows per multi-row INSERT: well under either backend's limit on parameters


@lru_cache(maxsize=512)
def _spelled(sql: str, param: str) -> str:
    return sql if param == "?" else sql.replace("?", param)


def run(sql, params=()):
    """Execute sql (with ? placeholders) on the bound database; the cursor."""
    return database.execute_sql(_spelled(sql, database.param), params)


def rows(sql, params=()):
    return run(sql, params).fetchall()


def value(sql, params=()):
    """The first column of the first row, or None."""
    row = run(sql, params).fetchone()
    return row[0] if row else None


def marks(count: int) -> str:
    """'?, ?, ?' for count values: an IN list or a VALUES row."""
    return ", ".join("?" * count)


def insert_rows(head: str, rows_, tail: str = "") -> list:
    """INSERT head VALUES (…), (…) tail, BATCH rows a statement; rows are equal-length tuples.

    What a ``RETURNING`` tail returns comes back, in no promised order (neither backend promises one).
    Without RETURNING on SQLite, the one-row statement runs for each row instead (executemany):
    prepared once and run again, it inserts twice as fast as the multi-row statement (shingle rows:
    4.8 against 10.1 µs), where a round trip per row would undo that on PostgreSQL.
    """
    rows_ = list(rows_)
    if rows_ and "RETURNING" not in tail and not is_postgres():
        with driver_errors:
            database.cursor().executemany(f"{head} VALUES ({marks(len(rows_[0]))}) {tail}", rows_)
        return []
    returned = []
    for start in range(0, len(rows_), BATCH):
        chunk = rows_[start : start + BATCH]
        values = ", ".join([f"({marks(len(chunk[0]))})"] * len(chunk))
        cursor = run(f"{head} VALUES {values} {tail}", [v for row in chunk for v in row])
        if "RETURNING" in tail:
            returned += cursor.fetchall()
    return returned
