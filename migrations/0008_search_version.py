"""``search_version``: a stamp that changes with every write to the search index.

Each API process remembers what a search found until the stamp changes (see
``quotes_api/storage/search_cache.py``). One row, written by the transaction that changes the index.
A database that already holds quotes gets its first stamp here; an empty one (a new database, or
the target of ``migrate-data``, which copies the row) gets it with its first write.

Frozen copy of the model as it was when this migration was written.
"""

import secrets

from peewee import BigIntegerField, IntegerField, Model


def _model(db):
    class SearchVersion(Model):
        id = IntegerField(primary_key=True)
        stamp = BigIntegerField()

        class Meta:
            database = db
            table_name = "search_version"

    return SearchVersion


def up(migrator, db):
    search_version = _model(db)
    db.create_tables([search_version])
    if db.execute_sql("SELECT 1 FROM quote LIMIT 1").fetchone():
        search_version.create(id=1, stamp=secrets.randbits(62))


def down(migrator, db):
    db.drop_tables([_model(db)])
