"""SQLite: a phrase index, ``quote_phrase``, holding each quote's adjacent word pairs. PostgreSQL: nothing.

A phrase search in ``quote_search`` checks positions in every row holding all of the phrase's
words, and one of them is usually common, so its cost grew with the archive. ``quote_phrase``
holds one token per adjacent pair of words ("tsunami of change" is "tsunami_of of_change"), so a
phrase is a phrase of pairs and reads their short lists. The words are those of
``quote_search``'s tokenizer (unicode61 remove_diacritics 2), each character's fold asked of
SQLite itself; ``_`` splits words there, so it cannot join two others. Contentless, so it costs
the index and not another copy of the text. Filled here for the quotes already stored.

Frozen copy of the pair rule as it was when this was written.
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


def phrase_document(text, folds):
    words = text.translate(folds).split()
    return " ".join(f"{first}_{second}" for first, second in pairwise(words))


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    db.execute_sql(
        "CREATE VIRTUAL TABLE \"quote_phrase\" USING fts5(pairs, content='', tokenize=\"ascii tokenchars '_'\")"
    )
    folds = _Folds()
    last = 0
    while True:  # in batches, so a large archive is not read into memory at once
        rows = db.execute_sql("SELECT id, text FROM quote WHERE id > ? ORDER BY id LIMIT 5000", (last,)).fetchall()
        if not rows:
            break
        db.cursor().executemany(
            "INSERT INTO quote_phrase (rowid, pairs) VALUES (?, ?)",
            [(quote_id, phrase_document(text, folds)) for quote_id, text in rows],
        )
        last = rows[-1][0]
    folds.probe.close()


def down(migrator, db):
    if isinstance(db, SqliteDatabase):
        db.execute_sql('DROP TABLE IF EXISTS "quote_phrase"')
