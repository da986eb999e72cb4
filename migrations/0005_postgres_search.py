"""PostgreSQL: a tsvector search table with a GIN index, BIGINT shingles, 8-byte confidences. SQLite: nothing.

SQLite searches through the FTS5 table of 0001, and its INTEGER already holds an unsigned
32-bit shingle hash; PostgreSQL's INTEGER does not. The search document is filled by the
application (it folds accents in Python, as SQLite's tokenizer does), so this only creates it.
peewee's FloatField is PostgreSQL's 4-byte REAL: 0.8 read back as 0.800000011920929 no longer equals
the cursor value a page ended on, and keyset paging by confidence repeated its pages; SQLite's REAL
is 8 bytes, so DOUBLE PRECISION is the same number on both.
Frozen SQL, no live models.
"""

from peewee import PostgresqlDatabase


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql('ALTER TABLE "quote_shingle" ALTER COLUMN "shingle" TYPE BIGINT')
    db.execute_sql('ALTER TABLE "quote" ALTER COLUMN "confidence" TYPE DOUBLE PRECISION')
    db.execute_sql(
        'CREATE TABLE "quote_document" ('
        '"quote_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "quote" ("id") ON DELETE CASCADE, '
        '"document" TSVECTOR NOT NULL)'
    )
    db.execute_sql('CREATE INDEX "quote_document_document" ON "quote_document" USING GIN ("document")')


def down(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql('DROP TABLE IF EXISTS "quote_document"')
    db.execute_sql('ALTER TABLE "quote_shingle" ALTER COLUMN "shingle" TYPE INTEGER')
    db.execute_sql('ALTER TABLE "quote" ALTER COLUMN "confidence" TYPE REAL')
