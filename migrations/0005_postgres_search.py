"""PostgreSQL: a tsvector search table with a GIN index, and shingle hashes as BIGINT. SQLite: nothing.

SQLite searches through the FTS5 table of 0001, and its INTEGER already holds an unsigned
32-bit shingle hash; PostgreSQL's INTEGER does not. The search document is filled by the
application (it folds accents in Python, as SQLite's tokenizer does), so this only creates it.
Frozen SQL, no live models.
"""

from peewee import PostgresqlDatabase


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql('ALTER TABLE "quote_shingle" ALTER COLUMN "shingle" TYPE BIGINT')
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
