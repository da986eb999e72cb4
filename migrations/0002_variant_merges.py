"""Variant groups that merge keep their old id as an alias; quotes keep their speaker's kind.

``group_alias``: a group id that was merged into another (or renumbered by a regroup) and the
live group it now resolves to, so ``/groups/{old}`` and embedded links keep working.
``quote.speaker_kind``: "person", "organisation", "place", "other" or NULL, as attribution gave it;
grouping lets only two confident person names veto a pair.

Frozen copies of the models as they were when this migration was written; never
import the live models here.
"""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model


def _now():
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class VariantGroup(Base):
        canonical_quote_id = IntegerField(null=True)
        created_at = DateTimeField(default=_now)
        updated_at = DateTimeField(default=_now, index=True)

    class GroupAlias(Base):
        id = IntegerField(primary_key=True)  # the old group id
        group = ForeignKeyField(VariantGroup, on_delete="CASCADE", index=True)
        created_at = DateTimeField(default=_now)

    db.create_tables([GroupAlias])
    migrator.add_column("quote", "speaker_kind", CharField(max_length=12, null=True)).run()


def down(migrator, db):
    migrator.drop_column("quote", "speaker_kind").run()
    db.execute_sql('DROP TABLE IF EXISTS "group_alias"')
