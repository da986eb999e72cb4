"""What grouping reads is stored, so ingest never re-tokenises a candidate; stock-phrase shingles are dropped.

- ``quote.words``: the folded statement words of the quote, space-separated (an ellipsis cut is "…"),
  as :func:`quotes_api.variants.text.statement_words` gives them. Filled here for stored quotes.
- ``common_shingle``: shingles found in more quotes than grouping uses (stock phrases such as
  "at the end"). Their postings are deleted and never written again, so every shingle's postings
  stay bounded and counting them costs the same at a million quotes as at a thousand.
- ``quote_short_by_speaker``: a partial index of each speaker's short quotes (2 to 6 words, not
  indirect), which grouping reads for every longer quote of that speaker.
- SQLite: ``quote_shingle`` becomes a WITHOUT ROWID table. Its postings arrive in random shingle
  order; with a rowid each one was written to three B-trees (rows, primary key, quote id), now to
  two, and the primary key holds the rows themselves. PostgreSQL's tables have no rowid.

Frozen copies of the models and of the word rule as they were when this was written.
"""

import re
import unicodedata

from peewee import BigIntegerField, Model, SqliteDatabase, TextField

_WORD_OR_CUT = re.compile(r"\w+(?:[’']\w+)*|\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]")
ELLIPSIS = "…"


def _fold(word):
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


def statement_words(text):
    tokens = []
    for match in _WORD_OR_CUT.finditer(text):
        token = match.group()
        if token[0].isalnum() or token[0] == "_":
            tokens.append(_fold(token))
        elif tokens and tokens[-1] != ELLIPSIS:
            tokens.append(ELLIPSIS)
    while tokens and tokens[-1] == ELLIPSIS:
        tokens.pop()
    return " ".join(tokens)


def up(migrator, db):
    class CommonShingle(Model):
        shingle = BigIntegerField(primary_key=True)

        class Meta:
            database = db
            table_name = "common_shingle"

    db.create_tables([CommonShingle])
    migrator.add_column("quote", "words", TextField(null=True)).run()
    param = db.param
    last = 0
    while True:  # in batches, so a large archive is not read into memory at once
        rows = db.execute_sql(
            f"SELECT id, text FROM quote WHERE id > {param} ORDER BY id LIMIT 5000", (last,)
        ).fetchall()
        if not rows:
            break
        db.cursor().executemany(
            f"UPDATE quote SET words = {param} WHERE id = {param}", [(statement_words(text), i) for i, text in rows]
        )
        last = rows[-1][0]
    db.execute_sql(
        'CREATE INDEX "quote_short_by_speaker" ON "quote" ("speaker_id", "id") '
        'WHERE (("word_count" >= 2) AND ("word_count" < 7)) AND ("kind" != \'indirect\')'
    )
    if isinstance(db, SqliteDatabase):
        _rebuild_shingles(db, "WITHOUT ROWID")


def _rebuild_shingles(db, options=""):
    db.execute_sql(
        'CREATE TABLE "quote_shingle_new" ("shingle" INTEGER NOT NULL, "quote_id" INTEGER NOT NULL, '
        'PRIMARY KEY ("shingle", "quote_id"), '
        'FOREIGN KEY ("quote_id") REFERENCES "quote" ("id") ON DELETE CASCADE) ' + options
    )
    db.execute_sql('INSERT INTO "quote_shingle_new" SELECT "shingle", "quote_id" FROM "quote_shingle"')
    db.execute_sql('DROP TABLE "quote_shingle"')
    db.execute_sql('ALTER TABLE "quote_shingle_new" RENAME TO "quote_shingle"')
    db.execute_sql('CREATE INDEX "quote_shingle_quote_id" ON "quote_shingle" ("quote_id")')


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "quote_short_by_speaker"')
    if isinstance(db, SqliteDatabase):
        _rebuild_shingles(db)
    migrator.drop_column("quote", "words").run()
    db.execute_sql('DROP TABLE IF EXISTS "common_shingle"')
