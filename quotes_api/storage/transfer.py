"""Copying a whole database to another backend (SQLite → PostgreSQL, or back), checked by counts."""

from dataclasses import dataclass

from .db import is_postgres, open_database, upgrade
from .models import MODELS, Quote, database
from .search import index_quotes, indexed_count

BATCH = 1000


class TransferError(RuntimeError):
    """The copy cannot start (the target holds data) or did not arrive whole."""


@dataclass
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self):
        return self.source == self.target


def copy_database(source_url, target_url, migrations_dir, progress=None):
    """Migrate the target, copy every table's rows with their ids, rebuild search; return TableCounts.

    The target must be empty (a half-copied target is refused, never added to); ids are kept,
    so links and group canonicals stay valid, and PostgreSQL sequences are moved past them.
    The search index is not copied but rebuilt, in the target backend's own form.
    """
    source, target = open_database(source_url), open_database(target_url)
    try:
        upgrade(target, migrations_dir)
        full = [m._meta.table_name for m in MODELS if target.execute(m.select().limit(1)).fetchone()]
        if full:
            raise TransferError(f"the target already holds data ({', '.join(full)}): copy into an empty database")
        for model in MODELS:
            _copy_table(model, source, target, progress)
        if is_postgres(target):
            _move_sequences_past_ids(target)
        recount(target)
        counts = [TableCount(m._meta.table_name, _count(source, m), _count(target, m)) for m in MODELS]
        previous = database.obj
        database.initialize(target)
        try:
            with target.atomic():
                _rebuild_search(progress)
            counts.append(TableCount("search index", counts[MODELS.index(Quote)].source, indexed_count()))
        finally:
            database.initialize(previous)
        return counts
    finally:
        source.close()
        target.close()


def _count(db, model):
    return db.execute_sql(f'SELECT COUNT(*) FROM "{model._meta.table_name}"').fetchone()[0]


def _copy_table(model, source, target, progress):
    fields = model._meta.sorted_fields
    key = model._meta.primary_key
    order = [model._meta.fields[name] for name in key.field_names] if hasattr(key, "field_names") else [key]
    cursor = source.execute(model.select(*fields).order_by(*order))
    with target.atomic():
        while rows := cursor.fetchmany(BATCH):
            values = [tuple(f.python_value(v) for f, v in zip(fields, row, strict=True)) for row in rows]
            target.execute(model.insert_many(values, fields=fields))
            if progress:
                progress(model._meta.table_name, len(rows))


RECOUNT = [
    "UPDATE speaker SET quote_count = (SELECT COUNT(*) FROM quote WHERE quote.speaker_id = speaker.id)",
    "UPDATE variant_group SET size = (SELECT COUNT(*) FROM quote WHERE quote.group_id = variant_group.id)",
]


def recount(db):
    """Set the stored counts from the rows: copied quotes fired the count triggers on top of copied counts."""
    with db.atomic():
        for statement in RECOUNT:
            db.execute_sql(statement)


def _move_sequences_past_ids(db):
    """Make PostgreSQL's next ids follow the copied ones (SQLite's rowids follow by themselves)."""
    for model in MODELS:
        key = model._meta.primary_key
        if getattr(key, "field_type", None) == "AUTO":
            table, column = model._meta.table_name, key.column_name
            db.execute_sql(
                "SELECT setval(pg_get_serial_sequence(%s, %s), MAX(" + f'"{column}"' + ")) "
                f'FROM "{table}" HAVING MAX("{column}") IS NOT NULL',
                (f'"{table}"', column),
            )


def _rebuild_search(progress):
    last = 0
    while True:
        rows = list(Quote.select(Quote.id, Quote.text).where(Quote.id > last).order_by(Quote.id).limit(BATCH).tuples())
        if not rows:
            return
        index_quotes(rows)
        last = rows[-1][0]
        if progress:
            progress("search index", len(rows))
