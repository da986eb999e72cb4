"""Writing articles: one transaction each, idempotent, with speakers, quotes, search and groups."""

import hashlib
from dataclasses import dataclass

from peewee import JOIN, IntegrityError

from ..extract import DocumentError
from ..extract.names import fold
from ..variants import Grouper, Member, evidence, words
from ..variants.text import statement_words
from .db import grouping_lock, retrying, write_transaction
from .groups import DatabaseGroupStore, alias_earlier_ids, refresh_group
from .models import (
    Article,
    GroupAlias,
    Quote,
    QuoteShingle,
    Speaker,
    SpeakerAlias,
    SpeakerNameKey,
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
    for field in ("text", "url", "outlet", "title"):
        if "\x00" in (getattr(article, field) or ""):
            # PostgreSQL's text cannot hold NUL; refuse it on every backend alike.
            raise DocumentError(f"the {field} holds a NUL character (\\x00), which is not text")
    try:
        return retrying(lambda: _ingest(article, quotes))
    except IntegrityError:
        # Another writer stored the same article between our check and our insert. Its row is
        # committed now, so a second pass answers as a repeat would: already stored, or a copy.
        return retrying(lambda: _ingest(article, quotes))


def _ingest(article, quotes):
    with write_transaction():
        existing = find_existing(article)
        if existing:
            return IngestResult(existing, False, syndicated=record_syndication(existing, article))
        row = Article.create(
            url=article.url,
            outlet=article.outlet,
            title=article.title,
            published=article.published,
            text=article.text,
            content_hash=content_hash(article.text),
        )
        speakers = _speakers_of(quotes)
        stored = [_store_quote(row, quote, speakers) for quote in quotes]
        index_quotes((quote_row.id, quote_row.text) for quote_row in stored)
        grouping_lock()
        grouper = Grouper(DatabaseGroupStore())
        for quote_row in stored:
            if quote_row.kind != "indirect":
                grouper.add(member_of(quote_row, row))
        return IngestResult(row, True, len(stored))


def _speakers_of(quotes):
    """{(name, mention): Speaker} for the quotes' speakers.

    Taken in the order of their keys, so two writers adding the same new people lock
    the same rows in the same order and never wait on each other in a circle.
    """
    wanted = {(q.speaker, q.speaker_mention) for q in quotes if q.speaker}
    ordered = sorted(wanted, key=lambda pair: (fold(pair[0]), pair[0], pair[1] or ""))
    return {(name, mention): speaker_for(name, mention) for name, mention in ordered}


def _store_quote(article_row, quote, speakers=None):
    if not quote.speaker:
        speaker = None
    elif speakers is not None and (quote.speaker, quote.speaker_mention) in speakers:
        speaker = speakers[quote.speaker, quote.speaker_mention]
    else:
        speaker = speaker_for(quote.speaker, quote.speaker_mention)
    return Quote.create(
        article=article_row,
        speaker=speaker,
        text=quote.text,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        cue=quote.cue,
        confidence=quote.confidence,
        speaker_mention=quote.speaker_mention,
        speaker_kind=getattr(quote, "speaker_kind", None),  # set by attribution once it tells kinds apart
        context_start=quote.context[0],
        context_end=quote.context[1],
        word_count=len(words(quote.text)),
    )


def speaker_for(name, mention=None):
    """The one speaker record for a person, created on first sight; aliases recorded as seen.

    A lone surname that exactly one stored speaker ends with is that speaker ("Lacey"
    in an article that never gives her first name). Creation is an insert that yields
    to a concurrent writer's identical insert (ON CONFLICT DO NOTHING), then a read.
    """
    key = fold(name)
    speaker = Speaker.get_or_none(Speaker.key == key)
    if speaker is None and len(key.split()) == 1:
        matches = list(Speaker.select().where(Speaker.key.endswith(" " + key)).limit(2))
        if len(matches) == 1:
            speaker = matches[0]
    if speaker is None:
        Speaker.insert(name=name, key=key).on_conflict_ignore().execute()
        speaker = Speaker.get(Speaker.key == key)
        index_name(speaker.id, key)
    for alias in sorted({name, mention} - {None, speaker.name}):
        alias_key = fold(alias)
        if alias_key and alias.split()[0][:1].isupper():
            SpeakerAlias.insert(speaker=speaker, alias=alias, key=alias_key).on_conflict_ignore().execute()
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
    rows = [{"speaker": speaker_id, "key": tail} for tail in name_tails(key)]
    if rows:
        SpeakerNameKey.insert_many(rows).on_conflict_ignore().execute()


def member_of(quote_row, article_row):
    """A stored quote as grouping sees it, with its speaker's evidence."""
    speaker = quote_row.speaker if quote_row.speaker_id else None
    said = evidence(
        speaker.name if speaker else None,
        quote_row.speaker_kind,
        quote_row.confidence,
        key=speaker.key if speaker else None,
    )
    return Member(
        quote_row.id,
        statement_words(quote_row.text),
        article_row.id,
        said.key,
        article_row.published,
        said.kind,
        said.confidence,
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
        Quote.update(group=None).execute()
        GroupAlias.delete().execute()
        VariantGroup.delete().execute()
        QuoteShingle.delete().execute()
        grouper = Grouper(DatabaseGroupStore(earlier_ids))
        query = (
            Quote.select(Quote, Article, Speaker)
            .join(Article)
            .switch(Quote)
            .join(Speaker, join_type=JOIN.LEFT_OUTER)
            .where(Quote.kind != "indirect")
            .order_by(Quote.id)
        )
        for quote in query:
            grouper.add(member_of(quote, quote.article))
            if progress:
                progress(1)
        alias_earlier_ids(earlier_ids, earlier_aliases)
        VariantGroup.update(updated_at=utcnow()).execute()
        return VariantGroup.select().count()
