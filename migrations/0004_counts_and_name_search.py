"""Read paths that stay fast at millions of quotes: stored counts, sort indexes, a speaker-name index.

- ``speaker.quote_count`` and ``variant_group.size``, kept by triggers on ``quote`` (insert, delete,
  a changed speaker or group), so "most quoted" and "largest group" read an index instead of counting.
- Indexes for the quote sorts by length and confidence, for groups by size, for the outlet filter; the index on
  ``quote.kind`` goes (three values: SQLite chose it for kind=… and then sorted most of the table).
- ``speaker_name_key``: every word-start tail of each speaker's folded name and aliases, so name search
  is one index range.

Frozen copies of what this migration touches; never import the live models here.
"""

from peewee import ForeignKeyField, IntegerField, Model, PostgresqlDatabase, SqliteDatabase, TextField


def name_tails(key):
    """'jackie lacey' -> ['jackie lacey', 'lacey'] (a frozen copy of storage's rule)."""
    words = key.split()
    return [" ".join(words[i:]) for i in range(len(words))]


SQLITE_TRIGGERS = [
    """CREATE TRIGGER quote_counts_insert AFTER INSERT ON quote BEGIN
        UPDATE speaker SET quote_count = quote_count + 1 WHERE id = NEW.speaker_id;
        UPDATE variant_group SET size = size + 1 WHERE id = NEW.group_id;
    END""",
    """CREATE TRIGGER quote_counts_delete AFTER DELETE ON quote BEGIN
        UPDATE speaker SET quote_count = quote_count - 1 WHERE id = OLD.speaker_id;
        UPDATE variant_group SET size = size - 1 WHERE id = OLD.group_id;
    END""",
    """CREATE TRIGGER quote_counts_speaker AFTER UPDATE OF speaker_id ON quote
    WHEN OLD.speaker_id IS NOT NEW.speaker_id BEGIN
        UPDATE speaker SET quote_count = quote_count - 1 WHERE id = OLD.speaker_id;
        UPDATE speaker SET quote_count = quote_count + 1 WHERE id = NEW.speaker_id;
    END""",
    """CREATE TRIGGER quote_counts_group AFTER UPDATE OF group_id ON quote
    WHEN OLD.group_id IS NOT NEW.group_id BEGIN
        UPDATE variant_group SET size = size - 1 WHERE id = OLD.group_id;
        UPDATE variant_group SET size = size + 1 WHERE id = NEW.group_id;
    END""",
]

POSTGRES_TRIGGERS = [
    """CREATE OR REPLACE FUNCTION quote_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            UPDATE speaker SET quote_count = quote_count + 1 WHERE id = NEW.speaker_id;
            UPDATE variant_group SET size = size + 1 WHERE id = NEW.group_id;
            RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN
            UPDATE speaker SET quote_count = quote_count - 1 WHERE id = OLD.speaker_id;
            UPDATE variant_group SET size = size - 1 WHERE id = OLD.group_id;
            RETURN NULL;
        END IF;
        IF OLD.speaker_id IS DISTINCT FROM NEW.speaker_id THEN
            UPDATE speaker SET quote_count = quote_count - 1 WHERE id = OLD.speaker_id;
            UPDATE speaker SET quote_count = quote_count + 1 WHERE id = NEW.speaker_id;
        END IF;
        IF OLD.group_id IS DISTINCT FROM NEW.group_id THEN
            UPDATE variant_group SET size = size - 1 WHERE id = OLD.group_id;
            UPDATE variant_group SET size = size + 1 WHERE id = NEW.group_id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER quote_counts AFTER INSERT OR DELETE OR UPDATE OF speaker_id, group_id ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_counts()""",
]


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Speaker(Base):
        name = TextField()
        key = TextField(unique=True)

    class SpeakerAlias(Base):
        speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
        key = TextField(index=True)

    class SpeakerNameKey(Base):
        speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
        key = TextField()

        class Meta:
            indexes = ((("key", "speaker"), True),)

    quote_count = IntegerField(default=0)
    size = IntegerField(default=0)
    migrator.migrate(
        migrator.add_column("speaker", "quote_count", quote_count),
        migrator.add_column("variant_group", "size", size),
        migrator.add_index("speaker", ("quote_count",)),
        migrator.add_index("variant_group", ("size", "updated_at")),
        migrator.add_index("quote", ("word_count",)),
        migrator.add_index("quote", ("confidence",)),
        migrator.drop_index("quote", "quote_kind"),
    )
    db.create_tables([SpeakerNameKey])
    # The outlet filter compares LOWER(outlet) and lists newest first.
    db.execute_sql('CREATE INDEX "article_outlet_key_published" ON "article" (LOWER("outlet"), "published")')

    # Counts as they stand, then triggers keep them.
    db.execute_sql("UPDATE speaker SET quote_count = (SELECT COUNT(*) FROM quote WHERE quote.speaker_id = speaker.id)")
    db.execute_sql(
        "UPDATE variant_group SET size = (SELECT COUNT(*) FROM quote WHERE quote.group_id = variant_group.id)"
    )
    if isinstance(db, SqliteDatabase):
        triggers = SQLITE_TRIGGERS
    elif isinstance(db, PostgresqlDatabase):
        triggers = POSTGRES_TRIGGERS
    else:
        raise NotImplementedError(f"no count triggers written for {type(db).__name__}")
    for statement in triggers:
        db.execute_sql(statement)

    keys = [(s.id, s.key) for s in Speaker.select(Speaker.id, Speaker.key)]
    keys += [(a.speaker_id, a.key) for a in SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.key)]
    rows = {(speaker, tail) for speaker, key in keys for tail in name_tails(key)}
    rows = [{"speaker": speaker, "key": tail} for speaker, tail in sorted(rows)]
    for start in range(0, len(rows), 500):
        SpeakerNameKey.insert_many(rows[start : start + 500]).on_conflict_ignore().execute()


def down(migrator, db):
    if isinstance(db, SqliteDatabase):
        for name in ("quote_counts_insert", "quote_counts_delete", "quote_counts_speaker", "quote_counts_group"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        db.execute_sql("DROP TRIGGER IF EXISTS quote_counts ON quote")
        db.execute_sql("DROP FUNCTION IF EXISTS quote_counts()")
    db.execute_sql('DROP TABLE IF EXISTS "speaker_name_key"')
    db.execute_sql('DROP INDEX IF EXISTS "article_outlet_key_published"')
    migrator.migrate(
        migrator.add_index("quote", ("kind",)),
        migrator.drop_index("quote", "quote_confidence"),
        migrator.drop_index("quote", "quote_word_count"),
        migrator.drop_index("variant_group", "variant_group_size_updated_at"),
        migrator.drop_index("speaker", "speaker_quote_count"),
        migrator.drop_column("variant_group", "size"),
        migrator.drop_column("speaker", "quote_count"),
    )
