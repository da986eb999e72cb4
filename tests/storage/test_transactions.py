"""Transactions: what is retried on PostgreSQL, and what each backend's write transaction is."""

import pytest
from peewee import IntegrityError, OperationalError

from quotes_api.storage import database, is_postgres, sql
from quotes_api.storage.db import retrying, write_transaction


class DriverError(Exception):
    """Stands in for a psycopg error: it carries a SQLSTATE."""

    def __init__(self, sqlstate):
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    "error, attempts, retried",
    [
        (DriverError("40P01"), 2, True),  # deadlock detected: the transaction was rolled back, run it again
        (DriverError("40001"), 2, True),  # serialization failure: likewise
        (OperationalError(DriverError("40P01")), 2, True),  # the same, wrapped by peewee
        (DriverError("23505"), 1, False),  # a unique violation is an answer, not bad luck: the caller decides
        (ValueError("bad input"), 1, False),  # not a database error at all
    ],
)
def test_only_deadlocks_and_serialization_failures_are_retried(error, attempts, retried):
    calls = []

    def action():
        calls.append(1)
        if len(calls) == 1:
            raise error
        return "done"

    if retried:
        assert retrying(action) == "done"
    else:
        with pytest.raises(type(error)):
            retrying(action)
    assert len(calls) == attempts


def test_a_failure_that_keeps_coming_back_is_raised_after_a_few_tries():
    calls = []

    def action():
        calls.append(1)
        raise DriverError("40P01")

    with pytest.raises(DriverError):
        retrying(action, attempts=3)
    assert len(calls) == 3


def test_the_write_transaction_takes_the_backends_write_mode(app):
    with app.app_context():
        with write_transaction():
            if is_postgres():
                level = database.execute_sql("SHOW transaction_isolation").fetchone()[0]
                assert level == "read committed"
            else:  # IMMEDIATE holds the write lock already: another connection cannot begin one
                assert database.in_transaction()
        assert not database.in_transaction()


# insert_rows runs one prepared statement a row on SQLite (executemany) and multi-row VALUES on
# PostgreSQL: both must insert, skip, return and fail alike.
INSERT_SHINGLES = "INSERT INTO common_shingle (shingle)"


@pytest.mark.parametrize(
    "why, rows, tail, returned, stored",
    [
        ("nothing to insert", [], "", [], set()),
        ("every row", [(1,), (2,), (3,)], "", [], {1, 2, 3}),
        ("a conflict skipped", [(1,), (1,), (2,)], "ON CONFLICT DO NOTHING", [], {1, 2}),
        ("what RETURNING reads", [(5,), (6,)], "RETURNING shingle", [(5,), (6,)], {5, 6}),
    ],
)
def test_insert_rows(app, why, rows, tail, returned, stored):
    with app.app_context(), database.atomic():
        assert sorted(sql.insert_rows(INSERT_SHINGLES, rows, tail)) == returned
        assert {shingle for (shingle,) in sql.rows("SELECT shingle FROM common_shingle")} == stored


def test_insert_rows_raises_the_drivers_constraint_error_as_peewees(app):
    with app.app_context():
        with pytest.raises(IntegrityError), database.atomic():
            sql.insert_rows(INSERT_SHINGLES, [(1,), (1,)])
        assert sql.rows("SELECT shingle FROM common_shingle") == []  # the transaction left nothing
