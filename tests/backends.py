"""Which database the suite runs on: SQLite files by default, PostgreSQL when TEST_DATABASE_URL names one.

With ``TEST_DATABASE_URL=postgresql://user@host:port/db`` every test gets its own schema in that
database (the connection's search_path points at it) and the schema is dropped afterwards.
"""

import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
POSTGRES = TEST_DATABASE_URL.startswith(("postgres://", "postgresql://"))
BACKEND = "postgresql" if POSTGRES else "sqlite"


def with_search_path(url, schema):
    """url with psycopg's options set so the connection works in schema."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-c search_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _admin(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(query="")), autocommit=True, connect_timeout=10)


@contextmanager
def fresh_database(tmp_path, name="test", pooled=False):
    """A url for a new, empty database: a SQLite file under tmp_path, or a PostgreSQL schema dropped after.

    pooled: PostgreSQL connections are kept open between requests (postgresql+pool://), as a
    deployment would; for many requests against one database (schemathesis).
    """
    if not POSTGRES:
        yield f"sqlite:///{tmp_path / (name + '.sqlite3')}"
        return
    schema = f"t_{name}_{uuid.uuid4().hex[:12]}"
    with _admin(TEST_DATABASE_URL) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = with_search_path(TEST_DATABASE_URL, schema)
    try:
        yield url.replace("://", "+pool://", 1) if pooled else url
    finally:
        from quotes_api.storage import database

        if database.obj is not None and not database.is_closed():
            database.close()
        if hasattr(database.obj, "close_all"):
            database.obj.close_all()
        with _admin(TEST_DATABASE_URL) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextmanager
def seeded_copy(template_url, tmp_path, name="seeded", pooled=False):
    """A url for a copy of the database at template_url: a copied SQLite file, or a PostgreSQL schema
    migrated and filled by INSERT … SELECT from the template's schema (dropped after)."""
    if not POSTGRES:
        target = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(template_url.removeprefix("sqlite:///"), target)
        yield f"sqlite:///{target}"
        return
    from quotes_api.storage import MODELS, database, init_database, upgrade
    from quotes_api.storage.transfer import RECOUNT

    with fresh_database(tmp_path, name, pooled=pooled) as url:
        db = init_database(url)
        upgrade(db, Path(__file__).resolve().parent.parent / "migrations")
        db.close()
        source, target = _schema_of(template_url), _schema_of(url)
        with _admin(TEST_DATABASE_URL) as conn, conn.transaction():
            conn.execute(f'SET LOCAL search_path = "{target}"')  # the count triggers name tables unqualified
            for table in [m._meta.table_name for m in MODELS] + ["quote_document"]:
                conn.execute(f'INSERT INTO "{target}"."{table}" SELECT * FROM "{source}"."{table}"')
            for model in MODELS:
                key = model._meta.primary_key
                if getattr(key, "field_type", None) == "AUTO":
                    table = f'"{target}"."{model._meta.table_name}"'
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), MAX(id)) FROM {table} HAVING MAX(id) > 0",
                        (table,),
                    )
            for statement in RECOUNT:  # the copied quotes fired the count triggers on top of the copied counts
                conn.execute(statement)
        database.close()
        yield url


def _schema_of(url):
    return dict(parse_qsl(urlsplit(url).query))["options"].split("search_path=")[1]


def reachable(url):
    """True when a PostgreSQL or Redis server answers at url (used by make test to decide on a pass)."""
    try:
        if url.startswith("redis"):
            import redis

            return bool(redis.Redis.from_url(url, socket_connect_timeout=3).ping())
        import psycopg

        psycopg.connect(urlunsplit(urlsplit(url)._replace(query="")), connect_timeout=3).close()
        return True
    except Exception:
        return False


if __name__ == "__main__":  # python -m tests.backends URL: exit 0 when the server answers
    import sys

    sys.exit(0 if reachable(sys.argv[1]) else 1)
