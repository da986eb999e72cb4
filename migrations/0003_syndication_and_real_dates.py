"""Syndicated copies get their own table; impossible stored dates become unknown.

- ``syndication``: another address that printed the same text as a stored article.
- ``article.published`` values that are not real dates ("2020-99-99", "2021-02-31") were accepted
  from HTML, text headers and JSON before dates were checked, and broke every read: set to NULL.

Frozen copies of the models as they were when this migration was written; never
import the live models here.
"""

import datetime

from peewee import DateField, DateTimeField, ForeignKeyField, Model, TextField


def _now():
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Article(Base):
        class Meta:
            table_name = "article"

    class Syndication(Base):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        url = TextField(unique=True)
        outlet = TextField(null=True)
        published = DateField(null=True)
        created_at = DateTimeField(default=_now)

    db.create_tables([Syndication])
    # date(x, '+0 days') is NULL for a malformed date and rolls an impossible day over ("2021-02-31" ->
    # "2021-03-03"; plain date(x) gives it back as it is), so a real date is one it returns unchanged.
    db.execute_sql(
        "UPDATE article SET published = NULL WHERE published IS NOT NULL "
        "AND coalesce(date(published, '+0 days') != substr(published, 1, 10), 1)"
    )


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS "syndication"')
