"""Full-text search on either backend: one user syntax, parsed here, written out for FTS5 or tsquery.

The syntax (the ``q`` parameter): words, ``"a phrase"``, ``prefix*``, ``AND`` (also implied
between neighbours), ``OR``, ``NOT`` (binary: ``a NOT b``), and parentheses; ``NOT`` binds
tightest, then ``AND``, then ``OR``, as in SQLite FTS5. Anything else is a
:class:`SearchSyntaxError` (a 400 in the API) on both backends. User text never reaches
FTS5 or ``to_tsquery`` as typed: only the parsed words do, quoted, as a bound parameter.

>>> to_tsquery_text(parse('"tsunami of change" OR overincarcer*'))
"('tsunami' <-> 'of' <-> 'change') | 'overincarcer':*"
>>> to_fts5(parse('racism NOT "Ahmad said"'))
'(words : "racism" NOT pairs : "ahmad_said")'
"""

import os
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from itertools import pairwise

from peewee import SQL, Expression, Value, fn

from ..extract.names import fold
from .db import grouping_lock, is_postgres
from .models import Quote, QuoteDocument, QuoteSearch, database
from .sql import insert_rows, run


class SearchSyntaxError(ValueError):
    """The full-text query is not valid search syntax."""


@dataclass(frozen=True)
class Terms:
    """Words that must appear in this order (one word or a phrase); the last may be a prefix."""

    words: tuple
    prefix: bool = False


@dataclass(frozen=True)
class Op:
    name: str  # AND, OR, NOT
    left: object
    right: object


_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*"?)|(?P<paren>[()])|(?P<word>\w+)|(?P<star>\*)|(?P<other>\S))')
OPERATORS = ("AND", "OR", "NOT")


def _tokens(q):
    tokens = []
    for match in _TOKEN.finditer(q):
        kind = match.lastgroup
        if kind is None:  # trailing white space
            continue
        text = match.group(kind)
        if kind == "phrase":
            if len(text) < 2 or not text.endswith('"'):
                raise SearchSyntaxError("a phrase has no closing quotation mark")
            tokens.append(("terms", text[1:-1]))
        elif kind == "word":
            tokens.append(("op", text) if text in OPERATORS else ("terms", text))
        elif kind == "star":
            if not tokens or tokens[-1][0] != "terms" or tokens[-1][1].endswith("*"):
                raise SearchSyntaxError("* must follow a word, as in prefix*")
            tokens[-1] = ("terms", tokens[-1][1] + "*")
        elif kind == "paren":
            tokens.append((text, text))
        else:
            raise SearchSyntaxError(f'unexpected {text!r}: use words, "phrases", AND, OR, NOT, ( ) and prefix*')
    return tokens


def _terms(text):
    prefix = text.endswith("*")
    words = tuple(fold(text.rstrip("*")).split())
    if not words:
        raise SearchSyntaxError("an empty phrase matches nothing")
    return Terms(words, prefix)


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.at = 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.at += 1
        return token

    def expression(self):
        node = self.conjunction()
        while self.peek() == ("op", "OR"):
            self.take()
            node = Op("OR", node, self.conjunction())
        return node

    def conjunction(self):
        node = self.negation()
        while True:
            kind, value = self.peek()
            if (kind, value) == ("op", "AND"):
                self.take()
            elif kind not in ("terms", "("):
                return node
            node = Op("AND", node, self.negation())

    def negation(self):
        node = self.primary()
        while self.peek() == ("op", "NOT"):
            self.take()
            node = Op("NOT", node, self.primary())
        return node

    def primary(self):
        kind, value = self.take()
        if kind == "terms":
            return _terms(value)
        if kind == "(":
            node = self.expression()
            if self.take()[0] != ")":
                raise SearchSyntaxError("a parenthesis is not closed")
            return node
        if kind is None:
            raise SearchSyntaxError("the search ends where a word was expected")
        raise SearchSyntaxError(f"{value!r} cannot stand here; a word or a phrase was expected")


def parse(q):
    """The search tree for q; raises SearchSyntaxError when q is not valid syntax."""
    parser = _Parser(_tokens(q))
    if not parser.tokens:
        raise SearchSyntaxError("the search is empty")
    tree = parser.expression()
    if parser.at != len(parser.tokens):
        raise SearchSyntaxError(f"{parser.peek()[1]!r} cannot stand here")
    return tree


def to_fts5(node):
    """The tree as an FTS5 query of quote_search (see below): every token quoted, so no user text is
    read as FTS5 syntax. A word is looked up among the words; a phrase is a phrase of word pairs
    (its last pair a prefix when the phrase ends in one).
    """
    if not isinstance(node, Terms):
        return f"({to_fts5(node.left)} {node.name} {to_fts5(node.right)})"
    words = index_words(" ".join(node.words))
    star = "*" if node.prefix else ""
    if len(words) == 1:
        return f'words : "{words[0]}"{star}'
    pairs = " ".join(word_pairs(words)) or "_"  # no word at all: "_" is never a token, so nothing matches
    return f'pairs : "{pairs}"{star}'


def to_tsquery_text(node, top=True):
    """The tree as to_tsquery text; words are folded \\w+ runs, so they quote safely."""
    if isinstance(node, Terms):
        lexemes = [f"'{word}'" for word in node.words]
        if node.prefix:
            lexemes[-1] += ":*"
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
    left, right = to_tsquery_text(node.left, False), to_tsquery_text(node.right, False)
    text = {"AND": f"{left} & {right}", "OR": f"{left} | {right}", "NOT": f"{left} & !{right}"}[node.name]
    return text if top else f"({text})"


# --- the index and the query, per backend ----------------------------------------------


def document_text(text):
    """What PostgreSQL indexes: the folded words (SQLite's unicode61 remove_diacritics 2 does the same)."""
    return fold(text)


# SQLite's index, quote_search, is a contentless FTS5 table of two columns: a quote's words, and
# its adjacent word pairs as single tokens ("tsunami of change" is "tsunami_of of_change"). A phrase
# is a phrase of pairs: FTS5 would otherwise check positions in every row holding all of a phrase's
# words, and a phrase nearly always has a common word ("of") whose rows grow with the archive,
# where a pair is rare and its list stays short. The words are split and folded exactly as the
# unicode61 tokenizer (remove_diacritics 2) does, each character's fold asked of SQLite itself,
# once; the table's own tokenizer (ascii, with "_" inside tokens) then keeps them as they are.

TEXT_TOKENIZER = "unicode61 remove_diacritics 2"  # the words of quote_search (as migration 0001 split them)


class _TokenizerFolds(dict):
    """A str.translate table: each character as TEXT_TOKENIZER folds it, " " where it splits words.

    Filled on first sight of a character by tokenizing "a<character>a" in an in-memory FTS5 table:
    two tokens mean a separator, one token holds the fold (empty for a diacritic it drops).
    """

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._probe = None
        self._pid = None

    def __missing__(self, code):
        with self._lock:
            try:
                terms = self._tokens(f"a{chr(code)}a")
            except UnicodeEncodeError:  # a lone surrogate: no stored text can hold one
                terms = []
        folded = terms[0][1:-1] if len(terms) == 1 else " "
        self[code] = folded
        return folded

    def _tokens(self, text):
        if self._pid != os.getpid():  # a forked process does not share the parent's connection
            self._probe = sqlite3.connect(":memory:", check_same_thread=False)
            self._probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{TEXT_TOKENIZER}')")
            self._probe.execute("CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, instance)")
            self._pid = os.getpid()
        self._probe.execute("INSERT INTO probe (rowid, text) VALUES (1, ?)", (text,))
        terms = [term for (term,) in self._probe.execute("SELECT term FROM probe_tokens ORDER BY offset")]
        self._probe.execute("DELETE FROM probe")
        return terms


_FOLDS = _TokenizerFolds()


def index_words(text):
    """The words of text as TEXT_TOKENIZER splits and folds them.

    >>> index_words("Gascón's “tsunami”")
    ['gascon', 's', 'tsunami']
    """
    return text.translate(_FOLDS).split()


def word_pairs(words):
    """Adjacent pairs as index tokens; "_" splits words in TEXT_TOKENIZER, so it never joins two others."""
    return [f"{first}_{second}" for first, second in pairwise(words)]


def index_document(text):
    """The (words, pairs) columns of quote_search for a quote's text."""
    words = index_words(text)
    return " ".join(words), " ".join(word_pairs(words))


def version():
    """The search index's version stamp (None before its first write since migration 0008)."""
    row = run("SELECT stamp FROM search_version WHERE id = 1").fetchone()
    return row[0] if row else None


def mark_changed():
    """Give the index a new version stamp; run it in the transaction of every write to the index.

    index_quotes and unindex_quotes do; a bulk writer of its own (bench/api_load.py) must too.
    Random, not counted up: a process that moves to another database (tests, migrate-data) cannot
    then meet the stamp it remembers from the last one. On PostgreSQL the stamp's row is locked until
    commit; the grouping lock comes first, as in every writer, so that two writers never wait on
    each other's lock in opposite orders.
    """
    grouping_lock()
    run(
        "INSERT INTO search_version (id, stamp) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp",
        (secrets.randbits(62),),
    )


def index_quotes(rows):
    """Add (quote id, text) pairs to the search index."""
    rows = list(rows)
    if not rows:
        return
    mark_changed()
    if is_postgres():
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            placeholders = ", ".join(["(%s, to_tsvector('simple', %s))"] * len(chunk))
            params = [value for quote_id, text in chunk for value in (quote_id, document_text(text))]
            database.execute_sql(f'INSERT INTO "quote_document" ("quote_id", "document") VALUES {placeholders}', params)
    else:
        insert_rows("INSERT INTO quote_search (rowid, words, pairs)", [(id_, *index_document(t)) for id_, t in rows])


def unindex_quotes(quote_ids):
    """Remove stored quotes from the search index (PostgreSQL's also goes by ON DELETE CASCADE).

    quote_search keeps no copy of what it indexed: FTS5 deletes a row of it given the same columns
    again, computed here from the quote's text, which never changes.
    """
    if not quote_ids:
        return
    mark_changed()
    if is_postgres():
        QuoteDocument.delete().where(QuoteDocument.quote.in_(quote_ids)).execute()
        return
    stored = Quote.select(Quote.id, Quote.text).where(Quote.id.in_(quote_ids)).tuples()
    insert_rows(
        "INSERT INTO quote_search (quote_search, rowid, words, pairs)",
        [("delete", quote_id, *index_document(text)) for quote_id, text in stored],
    )


def indexed_count():
    """How many quotes the search index holds."""
    return (QuoteDocument if is_postgres() else QuoteSearch).select().count()


def query_text(tree):
    """The tree written for this backend's full-text query (FTS5 MATCH, or to_tsquery): a bound value."""
    return to_tsquery_text(tree) if is_postgres() else to_fts5(tree)


def _tsquery(text):
    return fn.to_tsquery(SQL("'simple'"), text)


def matched_id():
    """The quote id of a row of the search index (what :func:`matches` selects as ``id``)."""
    return QuoteDocument.quote if is_postgres() else QuoteSearch.rowid


def matches(text, ranked=True):
    """(id, score) of the quotes matching text, read from the search index alone (no join).

    text: the :func:`query_text` of a search, as a value or a placeholder for one. A quote's own
    columns, when a filter needs them, are joined on :func:`matched_id`.
    """
    query = (QuoteDocument if is_postgres() else QuoteSearch).select(
        matched_id().alias("id"), score(text, ranked).alias("score")
    )
    if is_postgres():
        return query.where(Expression(QuoteDocument.document, "@@", _tsquery(text)))
    return query.where(QuoteSearch.match(text))


def score(text, ranked=True):
    """How well a row of :func:`matches` matches: lower is better; 0 for all when not ranked."""
    if not ranked:
        return Value(0)
    if is_postgres():
        return fn.ts_rank(QuoteDocument.document, _tsquery(text)) * -1
    return QuoteSearch.bm25()


def newest_first():
    """ORDER BY for matches, newest quote first, in the index's own order."""
    return matched_id().desc()
