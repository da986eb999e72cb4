"""Writing articles: one transaction each, idempotent, with speakers, quotes, search and groups."""

import hashlib
from dataclasses import dataclass

from peewee import IntegrityError

from ..extract import DocumentError
from ..extract.names import fold
from ..variants import Grouper
from ..variants.text import statement_words, word_count
from . import sql
from .db import grouping_lock, is_postgres, retrying, write_transaction
from .groups import DatabaseGroupStore, alias_earlier_ids, grouping_member, refresh_group
from .models import (
    Article,
    CommonShingle,
    GroupAlias,
    Quote,
    QuoteShingle,
    Syndication,
    VariantGroup,
    database,
    utcnow,
)
from .search import index_quotes, unindex_quotes


@dataclass
class IngestResult:
    article: Article
    created: bool  # False when the article was already stored: nothing but a new url (below) was recorded
    quotes: int = 0
    syndicated: bool = False  # the same text under a new url: that url was recorded as a copy of the article

    @property
    def outcome(self):
        """created, syndicated (same text, new url recorded) or existing (nothing changed)."""
        return "created" if self.created else "syndicated" if self.syndicated else "existing"


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_existing(article):
    """The stored article with the same url (its own or a recorded copy's), else the same text."""
    if article.url:
        found = Article.get_or_none(Article.url == article.url)
        if found:
            return found
        copy = Syndication.get_or_none(Syndication.url == article.url)
        if copy:
            return copy.article
    return Article.get_or_none(Article.content_hash == content_hash(article.text))


def record_syndication(stored, article):
    """Record article's url as a copy of stored (same text, another address); True when it was new."""
    if (
        not article.url
        or article.url == stored.url
        or Syndication.select().where(Syndication.url == article.url).exists()
    ):
        return False
    # A concurrent writer may record the same copy first (PostgreSQL): then this one is not new.
    insert = Syndication.insert(article=stored, url=article.url, outlet=article.outlet, published=article.published)
    return database.execute(insert.on_conflict_ignore()).rowcount == 1


def ingest_article(article, quotes):
    """Store an extracted article and its quotes; a second ingest of it changes nothing.

    Everything happens in one write transaction (see :func:`.db.write_transaction`), so a
    failure leaves no trace. Concurrent writers of the same article: the unique url and
    text hash let one win; the others answer "already stored" with the winner's row.
    """
    refuse_nul(article)
    try:
        return retrying(lambda: _in_transaction(_ingest, article, quotes))
    except IntegrityError:
        # Another writer stored the same article between our check and our insert. Its row is
        # committed now, so a second pass answers as a repeat would: already stored, or a copy.
        return retrying(lambda: _in_transaction(_ingest, article, quotes))


def ingest_articles(extracted):
    """Store several (article, quotes) pairs in one transaction; per pair its IngestResult or DocumentError.

    For the command line's batches: a commit costs more than an article's inserts (SQLite's
    full-text index writes a segment at each commit, PostgreSQL flushes its log), so one commit
    serves many articles. If any article is refused or races another writer, the whole batch is
    rolled back and its articles are stored one by one, each in its own transaction as
    :func:`ingest_article` does; so the outcome of each is what storing it alone would give.
    """
    extracted = list(extracted)
    if not is_postgres():
        # Checkpoint less often than every 4 MB of log: a batch dirties pages all over the shingle
        # index, and a page changed by several batches is then copied to the database file once.
        database.execute_sql(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        return retrying(lambda: _in_transaction(_ingest_all, extracted))
    except (IntegrityError, DocumentError):
        outcomes = []
        for article, quotes in extracted:
            try:
                outcomes.append(ingest_article(article, quotes))
            except DocumentError as error:
                outcomes.append(error)
        return outcomes


BULK_CHECKPOINT_PAGES = 10_000  # 40 MB of write-ahead log (SQLite's default is 1000 pages)


def refuse_nul(article):
    for field in ("text", "url", "outlet", "title"):
        if "\x00" in (getattr(article, field) or ""):
            # PostgreSQL's text cannot hold NUL; refuse it on every backend alike.
            raise DocumentError(f"the {field} holds a NUL character (\\x00), which is not text")


def _in_transaction(action, *args):
    with write_transaction():
        return action(*args)


def _ingest_all(extracted):
    grouper = Grouper(DatabaseGroupStore())  # one for the transaction: what it reads serves every article
    results = []
    for article, quotes in extracted:
        refuse_nul(article)
        results.append(_ingest(article, quotes, grouper))
    return results


def _ingest(article, quotes, grouper=None):
    """Store one article within the caller's transaction (and its grouper's)."""
    existing = _stored_already(article) and find_existing(article)
    if existing:
        return IngestResult(existing, False, syndicated=record_syndication(existing, article))
    row = _insert_article(article)
    speakers = _speakers_of(quotes)
    stored = _store_quotes([_store_quote(row.id, quote, speakers) for quote in quotes])
    index_quotes((quote_id, quote.text) for quote_id, quote, _, _ in stored)
    grouping_lock()
    grouper = grouper or Grouper(DatabaseGroupStore())
    for quote_id, quote, speaker, statement in stored:
        if quote.kind != "indirect":
            name, key = (speaker.name, speaker.key) if speaker else (None, None)
            kind, confidence = quote.speaker_kind, quote.confidence
            grouper.add(grouping_member(quote_id, statement, row.id, article.published, name, key, kind, confidence))
    return IngestResult(row, True, len(stored))


def _stored_already(article):
    """Is the url (or a recorded copy's) or the text stored? One cheap read; find_existing says which."""
    found = sql.value(
        "SELECT 1 FROM article WHERE url = ? OR content_hash = ? UNION ALL SELECT 1 FROM syndication WHERE url = ?",
        (article.url, content_hash(article.text), article.url),
    )
    return found is not None


def _insert_article(article):
    """The new article row (only its id is read back)."""
    fields = {
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "text": article.text,
        "content_hash": content_hash(article.text),
        "created_at": utcnow(),
    }
    names = ", ".join(fields)
    article_id = sql.value(
        f"INSERT INTO article ({names}) VALUES ({sql.marks(len(fields))}) RETURNING id", list(fields.values())
    )
    return Article(id=article_id, **fields)


@dataclass(frozen=True)
class SpeakerRecord:
    id: int
    name: str
    key: str


def _speakers_of(quotes):
    """{(name, mention): SpeakerRecord} for the quotes' speakers.

    Taken in the order of their keys, so two writers adding the same new people lock
    the same rows in the same order and never wait on each other in a circle.
    """
    wanted = {(q.speaker, q.speaker_mention) for q in quotes if q.speaker}
    ordered = sorted(wanted, key=lambda pair: (fold(pair[0]), pair[0], pair[1] or ""))
    return {(name, mention): speaker_for(name, mention) for name, mention in ordered}


def _store_quotes(prepared):
    """Insert an article's quotes in one statement; [(id, quote, SpeakerRecord or None, statement words)]."""
    returned = sql.insert_rows(INSERT_QUOTE, [values for values, *_ in prepared], 'RETURNING id, start, "end", kind')
    ids = {(start, end, kind): quote_id for quote_id, start, end, kind in returned}  # unique within an article
    return [(ids[quote.start, quote.end, quote.kind], quote, speaker, words) for _, quote, speaker, words in prepared]


def _store_quote(article_id, quote, speakers):
    """The row of one quote; (its values, the quote, its SpeakerRecord or None, its statement words)."""
    speaker = speakers.get((quote.speaker, quote.speaker_mention)) if quote.speaker else None
    statement = statement_words(quote.text)
    values = (
        article_id,
        speaker.id if speaker else None,
        quote.text,
        quote.start,
        quote.end,
        quote.kind,
        quote.cue,
        quote.confidence,
        quote.speaker_mention,
        getattr(quote, "speaker_kind", None),  # set by attribution once it tells kinds apart
        quote.context[0],
        quote.context[1],
        word_count(statement),  # the words of the text, as variants.words counts them
        " ".join(statement),
    )
    return values, quote, speaker, statement


INSERT_QUOTE = (
    'INSERT INTO quote (article_id, speaker_id, text, start, "end", kind, cue, confidence, speaker_mention, '
    "speaker_kind, context_start, context_end, word_count, words)"
)


def speaker_for(name, mention=None):
    """The one speaker record for a person, created on first sight; aliases recorded as seen.

    A lone surname that exactly one stored speaker ends with is that speaker ("Lacey"
    in an article that never gives her first name). Creation is an insert that yields
    to a concurrent writer's identical insert (ON CONFLICT DO NOTHING), then a read.
    """
    key = fold(name)
    found = sql.rows("SELECT id, name, key FROM speaker WHERE key = ?", (key,))
    if not found and len(key.split()) == 1:
        # Speakers with a name (or alias) word equal to the surname: the name-search index finds them.
        ending = [
            row
            for row in sql.rows(
                "SELECT DISTINCT s.id, s.name, s.key FROM speaker_name_key AS n "
                "JOIN speaker AS s ON s.id = n.speaker_id WHERE n.key = ?",
                (key,),
            )
            if row[2].endswith(" " + key)
        ]
        found = ending if len(ending) == 1 else []
    if not found:
        sql.run(
            "INSERT INTO speaker (name, key, created_at, quote_count) VALUES (?, ?, ?, 0) ON CONFLICT (key) DO NOTHING",
            (name, key, utcnow()),
        )
        found = sql.rows("SELECT id, name, key FROM speaker WHERE key = ?", (key,))
        index_name(found[0][0], key)
    speaker = SpeakerRecord(*found[0])
    for alias in sorted({name, mention} - {None, speaker.name}):
        alias_key = fold(alias)
        if alias_key and alias.split()[0][:1].isupper():
            added = sql.rows(
                "INSERT INTO speaker_alias (speaker_id, alias, key) VALUES (?, ?, ?) "
                "ON CONFLICT (speaker_id, key) DO NOTHING RETURNING id",
                (speaker.id, alias, alias_key),
            )
            if added:  # a known alias is in the name index already
                index_name(speaker.id, alias_key)
    return speaker


def name_tails(key):
    """Each word-start tail of a folded name: what a name search may begin with.

    >>> name_tails("d.a. jackie lacey")
    ['d.a. jackie lacey', 'jackie lacey', 'lacey']
    """
    words = key.split()
    return [" ".join(words[i:]) for i in range(len(words))]


def index_name(speaker_id, key):
    """Record a speaker's folded name or alias for prefix search (see SpeakerNameKey)."""
    sql.insert_rows(
        "INSERT INTO speaker_name_key (speaker_id, key)",
        [(speaker_id, tail) for tail in name_tails(key)],
        "ON CONFLICT (key, speaker_id) DO NOTHING",
    )


def delete_article(article_id):
    """Remove an article with its quotes; shrink or dissolve the groups they were in. False if unknown."""
    with write_transaction():
        grouping_lock()
        article = Article.get_or_none(Article.id == article_id)
        if article is None:
            return False
        quote_ids = [q.id for q in Quote.select(Quote.id).where(Quote.article == article)]
        groups = {q.group_id for q in Quote.select(Quote.group).where(Quote.article == article) if q.group_id}
        unindex_quotes(quote_ids)
        article.delete_instance(recursive=False)  # quotes and shingles go by ON DELETE CASCADE
        for group_id in groups:
            refresh_group(group_id)
        return True


REGROUP_PAGE = 5000  # quotes read at a time by regroup_all


def _refresh_words():
    """Store every quote's statement words again: a regroup runs after the word rules changed."""
    last = 0
    while rows := sql.rows("SELECT id, text FROM quote WHERE id > ? ORDER BY id LIMIT ?", (last, REGROUP_PAGE)):
        for quote_id, text in rows:
            sql.run("UPDATE quote SET words = ? WHERE id = ?", (" ".join(statement_words(text)), quote_id))
        last = rows[-1][0]


def regroup_all(progress=None):
    """Rebuild every variant group from scratch; return the number of groups.

    Quotes are placed in the order they were stored, exactly as incremental ingest placed
    them, so a regroup under unchanged rules gives the groups ingest built. A rebuilt group
    keeps the id its members' group had; an id that is not live again becomes an alias of
    the group most of its quotes went to, so stored links keep resolving.
    """
    with write_transaction():
        grouping_lock()
        earlier_ids = dict(Quote.select(Quote.id, Quote.group).where(Quote.group.is_null(False)).tuples())
        earlier_aliases = dict(GroupAlias.select(GroupAlias.id, GroupAlias.group).tuples())
        _refresh_words()
        Quote.update(group=None).execute()
        GroupAlias.delete().execute()
        VariantGroup.delete().execute()
        QuoteShingle.delete().execute()
        CommonShingle.delete().execute()
        store = DatabaseGroupStore(earlier_ids)
        grouper, last = Grouper(store), 0
        while members := store.stored_after(last, REGROUP_PAGE):
            for member in members:
                grouper.add(member)
                if progress:
                    progress(1)
            last = members[-1].id
        alias_earlier_ids(earlier_ids, earlier_aliases)
        VariantGroup.update(updated_at=utcnow()).execute()
        return VariantGroup.select().count()
