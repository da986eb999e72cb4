"""SQLite: the search index becomes contentless, of each quote's words and adjacent word pairs. PostgreSQL: nothing.

``quote_search`` held the text (a second copy of it) tokenized by unicode61. A phrase search there
checks positions in every row holding all of the phrase's words, and one of them is usually common,
so its cost grew with the archive. The new ``quote_search`` has two columns: ``words``, the words
unicode61 (remove_diacritics 2) finds, each character's fold asked of SQLite itself; and ``pairs``,
one token per adjacent pair of them ("tsunami of change" is "tsunami_of of_change"), so that a
phrase is a phrase of pairs and reads their short lists. ``_`` splits words in unicode61, so it
cannot join two others. The table's own tokenizer (ascii, "_" a token character) keeps those
tokens as they are. Contentless: it costs the index and not another copy of the text. Rebuilt
here from the quotes already stored.

Frozen copy of the word and pair rules as they were when this was written.
"""

import sqlite3
from itertools import pairwise

from peewee import SqliteDatabase

TEXT_TOKENIZER = "unicode61 remove_diacritics 2"


class _Folds(dict):
    """str.translate table: each character as TEXT_TOKENIZER folds it, " " where it splits words."""

    def __init__(self):
        super().__init__()
        self.probe = sqlite3.connect(":memory:")
        self.probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{TEXT_TOKENIZER}')")
        self.probe.execute("CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, instance)")

    def __missing__(self, code):
        try:
            self.probe.execute("INSERT INTO probe (rowid, text) VALUES (1, ?)", (f"a{chr(code)}a",))
            terms = [term for (term,) in self.probe.execute("SELECT term FROM probe_tokens ORDER BY offset")]
            self.probe.execute("DELETE FROM probe")
        except UnicodeEncodeError:
            terms = []
        self[code] = terms[0][1:-1] if len(terms) == 1 else " "
        return self[code]


def index_document(text, folds):
    words = text.translate(folds).split()
    return " ".join(words), " ".join(f"{first}_{second}" for first, second in pairwise(words))


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    db.execute_sql('DROP TABLE "quote_search"')
    db.execute_sql(
        "CREATE VIRTUAL TABLE \"quote_search\" USING fts5(words, pairs, content='', tokenize=\"ascii tokenchars '_'\")"
    )
    folds = _Folds()
    last = 0
    while True:  # in batches, so a large archive is not read into memory at once
        rows = db.execute_sql("SELECT id, text FROM quote WHERE id > ? ORDER BY id LIMIT 5000", (last,)).fetchall()
        if not rows:
            break
        db.cursor().executemany(
            "INSERT INTO quote_search (rowid, words, pairs) VALUES (?, ?, ?)",
            [(quote_id, *index_document(text, folds)) for quote_id, text in rows],
        )
        last = rows[-1][0]
    folds.probe.close()


def down(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    db.execute_sql('DROP TABLE "quote_search"')
    db.execute_sql(f"CREATE VIRTUAL TABLE \"quote_search\" USING fts5(text, tokenize='{TEXT_TOKENIZER}')")
    db.execute_sql('INSERT INTO "quote_search" (rowid, text) SELECT id, text FROM quote')
