"""Initial schema: articles, speakers and aliases, quotes, variant groups, shingles, search, API keys.

The FTS5 search table is created on SQLite only (PostgreSQL gets a tsvector table in 0005).
Frozen copies of the models as they were when this migration was written; never
import the live models here.
"""

import datetime

from peewee import (
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, SearchField


def _now():
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Article(Base):
        url = TextField(null=True, unique=True)
        outlet = TextField(null=True, index=True)
        title = TextField(null=True)
        published = DateField(null=True, index=True)
        text = TextField()
        content_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=_now)

    class Speaker(Base):
        name = TextField()
        key = TextField(unique=True)
        created_at = DateTimeField(default=_now)

    class SpeakerAlias(Base):
        speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
        alias = TextField()
        key = TextField(index=True)

        class Meta:
            indexes = ((("speaker", "key"), True),)

    class VariantGroup(Base):
        canonical_quote_id = IntegerField(null=True)
        created_at = DateTimeField(default=_now)
        updated_at = DateTimeField(default=_now, index=True)

    class Quote(Base):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
        group = ForeignKeyField(VariantGroup, null=True, on_delete="SET NULL")
        text = TextField()
        start = IntegerField()
        end = IntegerField()
        kind = CharField(max_length=10, index=True)
        cue = TextField(null=True)
        confidence = FloatField()
        speaker_mention = TextField(null=True)
        context_start = IntegerField()
        context_end = IntegerField()
        word_count = IntegerField()

        class Meta:
            indexes = ((("article", "start", "end", "kind"), True),)

    class QuoteShingle(Base):
        shingle = IntegerField()
        quote = ForeignKeyField(Quote, on_delete="CASCADE", index=True)

        class Meta:
            primary_key = CompositeKey("shingle", "quote")

    class QuoteSearch(FTS5Model):
        text = SearchField()

        class Meta:
            database = db
            table_name = "quote_search"
            options = {"tokenize": "unicode61 remove_diacritics 2"}

    class ApiKey(Base):
        name = TextField()
        prefix = CharField(max_length=12)
        key_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=_now)
        revoked_at = DateTimeField(null=True)

    tables = [Article, Speaker, SpeakerAlias, VariantGroup, Quote, QuoteShingle, ApiKey]
    if isinstance(db, SqliteDatabase):  # FTS5 is SQLite's; PostgreSQL's search table comes in 0005
        tables.append(QuoteSearch)
    db.create_tables(tables)


def down(migrator, db):
    for table in (
        "api_key",
        "quote_search",
        "quote_shingle",
        "quote",
        "variant_group",
        "speaker_alias",
        "speaker",
        "article",
    ):
        db.execute_sql(f'DROP TABLE IF EXISTS "{table}"')
