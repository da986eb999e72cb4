"""Read queries for the API: one function per view, each returning rows ready to serialise.

Lists are read a page at a time in a fixed order, either from an offset (shallow pages) or after the
last row of the previous page (keyset paging: an index range, however deep). Totals are counted
exactly up to COUNT_LIMIT and reported as "at least" beyond it. A full-text search ranks the newest
SEARCH_LIMIT matching quotes.
"""

import datetime
import random
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from peewee import JOIN, SqliteDatabase, fn

from ..extract.names import fold
from ..variants import word_diff
from . import search
from .groups import resolve_group
from .models import Article, Quote, Speaker, SpeakerAlias, SpeakerNameKey, Syndication, VariantGroup
from .search import SearchSyntaxError  # noqa: F401 (raised from here; the API turns it into a 400)

MAX_ROWID = 2**63 - 1  # SQLite's INTEGER
COUNT_LIMIT = 1000  # totals are exact up to here; beyond it a page says "at least COUNT_LIMIT"
SEARCH_LIMIT = 1000  # a full-text search ranks this many of the newest matching quotes


class InvalidCursor(ValueError):
    """A paging cursor that does not fit the list it was used on."""


@dataclass(frozen=True)
class QuoteFilters:
    """The quote filters: the API's query parameters of the same names."""

    speaker: int | str | None = None  # an id, or a name or alias (accent- and case-insensitive)
    article: int | None = None
    outlet: str | None = None
    kind: str | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    q: str | None = None
    group: int | None = None


@dataclass(frozen=True)
class ArticleFilters:
    outlet: str | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


@dataclass(frozen=True)
class PageRequest:
    """Which page: per_page rows from offset, or (keyset) the rows after the sort key `after`."""

    per_page: int = 20
    offset: int = 0
    after: list | None = None


@dataclass
class Page:
    items: list
    total: int  # exact when total_exact, else a lower bound (COUNT_LIMIT)
    total_exact: bool
    next_after: list | None = None  # sort key of the last item when more follow (JSON-ready)


# --- ordering and keyset paging ------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One column of a sort order. Only a leading key may be nullable; NULLs come last either way."""

    column: Any
    value: Any  # row -> the column's value
    desc: bool = False
    nullable: bool = False
    type: type = int

    def order(self):
        if self.nullable:
            return self.column.desc(nulls="LAST") if self.desc else self.column.asc(nulls="LAST")
        return self.column.desc() if self.desc else self.column.asc()

    def beyond(self, value, strict=True):
        if self.desc:
            return self.column < value if strict else self.column <= value
        return self.column > value if strict else self.column >= value


def _after(keys, values):
    """Rows strictly after `values` in the order of keys (none of them NULL here).

    The leading key is also given as a plain range so that the database reads an index from there.
    """
    condition = None
    for i in reversed(range(len(keys))):
        step = keys[i].beyond(values[i])
        condition = step if condition is None else step | ((keys[i].column == values[i]) & condition)
    return keys[0].beyond(values[0], strict=False) & condition


def _decode(keys, values):
    if not isinstance(values, list) or len(values) != len(keys):
        raise InvalidCursor("it belongs to another list or sort")
    decoded = []
    for key, value in zip(keys, values, strict=True):
        if value is None and key.nullable:
            decoded.append(None)
        elif key.type is datetime.date and isinstance(value, str):
            try:
                decoded.append(datetime.date.fromisoformat(value))
            except ValueError:
                raise InvalidCursor("it holds a bad date") from None
        elif key.type is float and isinstance(value, int | float) and not isinstance(value, bool):
            decoded.append(float(value))
        elif isinstance(value, key.type) and not isinstance(value, bool):
            decoded.append(value)
        else:
            raise InvalidCursor("it belongs to another list or sort")
    return decoded


def _encode(keys, row):
    values = [key.value(row) for key in keys]
    return [v.isoformat() if isinstance(v, datetime.date) else v for v in values]


def _rows_after(query, keys, after, limit):
    """Up to limit rows of query after the key values `after` (keyset paging)."""
    order = [key.order() for key in keys]
    lead = keys[0]
    if not lead.nullable:
        return list(query.where(_after(keys, after)).order_by(*order).limit(limit))
    rows = []
    if after[0] is not None:  # first the rest of the dated rows, from an index range
        rows = list(query.where(lead.column.is_null(False) & _after(keys, after)).order_by(*order).limit(limit))
        if len(rows) == limit:
            return rows
    undated = query.where(lead.column.is_null())
    if after[0] is None:
        undated = undated.where(_after(keys[1:], after[1:]))
    return rows + list(undated.order_by(*order[1:]).limit(limit - len(rows)))


def _capped_count(query, keys, in_order):
    """(count, exact): exact up to COUNT_LIMIT; past it (COUNT_LIMIT, False) without reading further.

    in_order: count in the page's own order, so that SQLite reads a join the way the page does
    (without statistics it may otherwise drive a filtered join from the wrong table).
    """
    order = [key.order() for key in keys] if in_order else []
    count = query.select(query.model.id).order_by(*order).limit(COUNT_LIMIT + 1).count()
    return (count, True) if count <= COUNT_LIMIT else (COUNT_LIMIT, False)


def _paged(query, keys, request, prepare=None, count_in_order=False, count=None):
    """One page of query in the order of keys, its (capped) total, and the key to continue after."""
    limit = request.per_page + 1
    if request.after is not None:
        rows = _rows_after(query, keys, _decode(keys, request.after), limit)
    else:
        rows = list(query.order_by(*(key.order() for key in keys)).offset(request.offset or None).limit(limit))
    more = len(rows) > request.per_page
    if request.after is None and not more and (rows or not request.offset):
        total, exact = request.offset + len(rows), True  # the last page shows the total: no count needed
    else:
        total, exact = count() if count else _capped_count(query, keys, count_in_order)
    rows = rows[: request.per_page]
    next_after = _encode(keys, rows[-1]) if more and rows else None
    return Page(prepare(rows) if prepare else rows, total, exact, next_after)


# --- quotes --------------------------------------------------------------------------------

CONTEXT = fn.SUBSTR(Article.text, Quote.context_start + 1, Quote.context_end - Quote.context_start)

_PUBLISHED = dict(column=Article.published, value=lambda q: q.article.published, nullable=True)
_IN_TEXT = [
    Key(Quote.start, lambda q: q.start),
    Key(Quote.end, lambda q: q.end),
    Key(Quote.kind, lambda q: q.kind, type=str),
]
QUOTE_SORTS = {
    # Article id and the article's unique (start, end, kind) break ties: the join reads two indexes in order.
    "-published": [
        Key(**_PUBLISHED, desc=True, type=datetime.date),
        Key(Article.id, lambda q: q.article.id, desc=True),
        *_IN_TEXT,
    ],
    "published": [Key(**_PUBLISHED, type=datetime.date), Key(Article.id, lambda q: q.article.id), *_IN_TEXT],
    "length": [Key(Quote.word_count, lambda q: q.word_count), Key(Quote.id, lambda q: q.id)],
    "-length": [Key(Quote.word_count, lambda q: q.word_count, desc=True), Key(Quote.id, lambda q: q.id, desc=True)],
    "-confidence": [
        Key(Quote.confidence, lambda q: q.confidence, desc=True, type=float),
        Key(Quote.id, lambda q: q.id, desc=True),
    ],
    "position": [Key(Quote.article, lambda q: q.article_id), *_IN_TEXT],  # text order within articles
}
SEARCH_SORTS = {"relevance"}


def _quote_query():
    """Quotes with what a page shows of their article and speaker (not the article's text)."""
    return (
        Quote.select(
            Quote,
            Article.id,
            Article.url,
            Article.outlet,
            Article.title,
            Article.published,
            Speaker.id,
            Speaker.name,
            CONTEXT.alias("context"),
        )
        .join(Article)
        .switch(Quote)
        .join(Speaker, JOIN.LEFT_OUTER)
    )


def speaker_ids_matching(name):
    """Speaker ids for a canonical name or an alias (accent- and case-insensitive)."""
    key = fold(name)
    ids = {s.id for s in Speaker.select(Speaker.id).where(Speaker.key == key)}
    ids |= {a.speaker_id for a in SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.key == key)}
    return sorted(ids)


def _common(condition):
    """Tell SQLite's planner that condition holds for many rows, so it keeps reading in page order.

    Without statistics it would otherwise scan and sort the whole table for kind=direct.
    """
    return fn.likely(condition) if isinstance(Quote._meta.database.obj, SqliteDatabase) else condition


def _filtered(query, filters):
    if isinstance(filters.speaker, int):  # an id larger than SQLite's INTEGER cannot exist (nor be bound)
        query = query.where(Quote.speaker == filters.speaker if filters.speaker <= MAX_ROWID else Quote.id.in_([]))
    elif filters.speaker is not None:
        query = query.where(Quote.speaker.in_(speaker_ids_matching(filters.speaker)))
    if filters.article is not None:
        query = query.where(Quote.article == filters.article)
    if filters.outlet:
        query = query.where(fn.LOWER(Article.outlet) == filters.outlet.casefold())
    if filters.kind:
        query = query.where(_common(Quote.kind == filters.kind))
    if filters.since:
        query = query.where(Article.published >= filters.since)
    if filters.until:
        query = query.where(Article.published <= filters.until)
    if filters.group is not None:
        query = query.where(Quote.group == (resolve_group(filters.group) or filters.group))
    return query


def search_matches(filters, ranked=True):
    """The newest SEARCH_LIMIT quotes matching filters and the full-text query filters.q, as (id, score).

    A lower score is a better match (bm25 on SQLite, minus ts_rank on PostgreSQL; 0 when not ranked,
    which spares reading each term's whole posting list). Raises SearchSyntaxError for a bad q. The
    backends' differences are in storage/search.py.
    """
    tree = search.parse(filters.q)
    query = Quote.select(Quote.id, search.score(tree, ranked).alias("score"))
    return (
        _filtered(search.matching(query, Quote.id, tree).switch(Quote).join(Article), filters)
        .order_by(search.newest_first())
        .limit(SEARCH_LIMIT)
    )


def _quotes(filters, ranked=True):
    """(query, extra sort keys): the quotes matching filters; with q, only the bounded matches."""
    if not filters.q:
        return _filtered(_quote_query(), filters), {}
    matches = search_matches(filters, ranked).alias("matches")
    query = (
        _quote_query()
        .select_extend(matches.c.score.alias("score"))
        .join(matches, on=(matches.c.id == Quote.id), src=Quote, attr="match")
    )
    relevance = [Key(matches.c.score, lambda q: q.match.score, type=float), Key(Quote.id, lambda q: q.id)]
    return query, {"relevance": relevance}


def list_quotes(filters, sort, request):
    """A page of quotes matching filters, each with its group summary (sort None: -published)."""
    sort = sort or "-published"
    query, extra = _quotes(filters, ranked=sort == "relevance")
    return _paged(query, {**QUOTE_SORTS, **extra}[sort], request, with_groups, count_in_order=True)


def speaker_quotes(speaker_id, sort, request):
    """A page of the speaker's quotes; None when there is no such speaker."""
    page = list_quotes(QuoteFilters(speaker=speaker_id), sort, request)
    if not page.items and not Speaker.select().where(Speaker.id == speaker_id).exists():
        return None  # asked only when nothing was found: a speaker with quotes exists
    return page


def article_quotes(article_id, request):
    """A page of the article's quotes in text order; None when there is no such article."""
    page = list_quotes(QuoteFilters(article=article_id), "position", request)
    if not page.items and not Article.select().where(Article.id == article_id).exists():
        return None
    return page


def get_quote(quote_id):
    """One quote with its group summary, or None."""
    quote = _quote_query().where(Quote.id == quote_id).first()
    return with_groups([quote])[0] if quote else None


def random_quote(filters):
    """A quote matching filters, picked at random by id (no count, no offset), or None."""
    query, _ = _quotes(filters, ranked=False)
    low = Quote.select(fn.MIN(Quote.id)).scalar()  # MIN and MAX apart: each is then one index probe
    if low is None:
        return None
    high = Quote.select(fn.MAX(Quote.id)).scalar()
    pick = random.randint(low, high)
    quote = query.where(Quote.id >= pick).order_by(Quote.id).first() or query.order_by(Quote.id).first()
    return with_groups([quote])[0] if quote else None


def article_quotes_all(article_id):
    """Every quote of an article in text order, with group summaries (for the answer to a POST)."""
    query = _filtered(_quote_query(), QuoteFilters(article=article_id))
    return with_groups(list(query.order_by(*(key.order() for key in QUOTE_SORTS["position"]))))


def all_quotes():
    """Every stored quote in text order, streamed (for export)."""
    return (
        Quote.select(Quote, Article, Speaker)
        .join(Article)
        .switch(Quote)
        .join(Speaker, JOIN.LEFT_OUTER)
        .order_by(*(key.order() for key in QUOTE_SORTS["position"]))
        .iterator()
    )


# --- groups --------------------------------------------------------------------------------


@dataclass
class GroupSummary:
    id: int
    canonical_quote_id: int
    canonical_text: str
    members: int
    outlets: int
    articles: int
    updated_at: datetime.datetime | None = field(default=None, repr=False)


def group_summaries(group_ids):
    """Summaries for several groups in two queries, keyed by id."""
    group_ids = sorted({g for g in group_ids if g is not None})
    if not group_ids:
        return {}
    stats = {
        row["group"]: row
        for row in (
            Quote.select(
                Quote.group,
                fn.COUNT(Quote.id).alias("members"),
                fn.COUNT(Article.outlet.distinct()).alias("outlets"),
                fn.COUNT(Quote.article.distinct()).alias("articles"),
            )
            .join(Article)
            .where(Quote.group.in_(group_ids))
            .group_by(Quote.group)
            .dicts()
        )
    }
    canonical = (
        VariantGroup.select(VariantGroup.id, VariantGroup.canonical_quote_id, VariantGroup.updated_at, Quote.text)
        .join(Quote, JOIN.LEFT_OUTER, on=(Quote.id == VariantGroup.canonical_quote_id))
        .where(VariantGroup.id.in_(group_ids))
        .dicts()
    )
    return {
        row["id"]: GroupSummary(
            row["id"],
            row["canonical_quote_id"],
            row["text"] or "",
            stats.get(row["id"], {}).get("members", 0),
            stats.get(row["id"], {}).get("outlets", 0),
            stats.get(row["id"], {}).get("articles", 0),
            row["updated_at"],
        )
        for row in canonical
    }


def with_groups(quotes):
    """Give each quote its group summary (`group_summary`, None outside groups): one lookup for all."""
    summaries = group_summaries(q.group_id for q in quotes)
    for quote in quotes:
        quote.group_summary = summaries.get(quote.group_id)
    return quotes


GROUP_SORTS = {
    "-size": [
        Key(VariantGroup.size, lambda g: g.size, desc=True),
        Key(VariantGroup.updated_at, lambda g: g.updated_at.isoformat(" "), desc=True, type=str),
        Key(VariantGroup.id, lambda g: g.id, desc=True),
    ],
    "-updated": [
        Key(VariantGroup.updated_at, lambda g: g.updated_at.isoformat(" "), desc=True, type=str),
        Key(VariantGroup.id, lambda g: g.id, desc=True),
    ],
}


def list_groups(sort, request):
    """A page of group summaries, largest (stored size) or most recently changed first."""
    query = VariantGroup.select(VariantGroup.id, VariantGroup.size, VariantGroup.updated_at).where(
        VariantGroup.size > 0
    )

    def summaries(groups):
        found = group_summaries(g.id for g in groups)
        return [found[g.id] for g in groups if g.id in found]

    return _paged(query, GROUP_SORTS[sort], request, summaries)


def _members(group_id, summary):
    """The group's quotes, canonical first, then by outlet and date, each with its word diff."""
    members = list(
        _quote_query().where(Quote.group == group_id).order_by(Article.outlet, Article.published, Quote.start)
    )
    members.sort(key=lambda q: q.id != summary.canonical_quote_id)
    for member in members:
        member.group_summary = summary
        member.is_canonical = member.id == summary.canonical_quote_id
        member.diff = None if member.is_canonical else word_diff(summary.canonical_text, member.text)
    return members


def group_detail(group_id):
    """A group's summary with its members by outlet (canonical first), or None.

    A group merged into another (or renumbered by a regroup) answers with the group it went into.
    """
    group_id = resolve_group(group_id)
    summary = group_summaries([group_id]).get(group_id) if group_id is not None else None
    if summary is None:
        return None
    outlets: dict = {}
    for member in _members(group_id, summary):
        outlets.setdefault(member.article.outlet, []).append(member)
    return SimpleNamespace(**vars(summary), by_outlet=[{"outlet": o, "quotes": q} for o, q in outlets.items()])


def quote_variants(quote_id):
    """The other wordings of a quote's statement with diffs; None when there is no such quote."""
    group_id = Quote.select(Quote.group).where(Quote.id == quote_id).tuples().first()
    if group_id is None:
        return None
    summary = group_summaries([group_id[0]]).get(group_id[0])
    if summary is None:
        return {"quote_id": quote_id, "group": None, "canonical_text": None, "variants": []}
    others = [m for m in _members(summary.id, summary) if m.id != quote_id]
    return {"quote_id": quote_id, "group": summary, "canonical_text": summary.canonical_text, "variants": others}


# --- speakers and articles -----------------------------------------------------------------

SPEAKER_SORTS = {
    "-quotes": [
        Key(Speaker.quote_count, lambda s: s.quote_count, desc=True),
        Key(Speaker.key, lambda s: s.key, type=str),
    ],
    "name": [Key(Speaker.key, lambda s: s.key, type=str)],
}


def _prefix_range(column, prefix):
    """column starts with prefix, as an index range (LIKE would not use the index)."""
    return (column >= prefix) & (column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


SPEAKER_SCAN_FROM = 200  # a name prefix shared by this many speakers reads speakers in page order


def list_speakers(prefix, sort, request):
    """A page of speakers (with quote counts); prefix: any word of the name or an alias starts so."""
    query = Speaker.select(Speaker.id, Speaker.name, Speaker.key, Speaker.quote_count)
    if prefix is None:
        return _paged(query, SPEAKER_SORTS[sort], request)
    key = fold(prefix)
    if not key:
        return _paged(query.where(Speaker.id.in_([])), SPEAKER_SORTS[sort], request)
    in_range = _prefix_range(SpeakerNameKey.key, key)
    matching = SpeakerNameKey.select(SpeakerNameKey.speaker).where(in_range)
    if matching.limit(SPEAKER_SCAN_FROM).count() < SPEAKER_SCAN_FROM:
        return _paged(query.where(Speaker.id.in_(matching)), SPEAKER_SORTS[sort], request)  # few: read and sort
    # Many (a short prefix): walk speakers in page order and keep those with a matching name; count
    # the speakers among the first name keys of the range (one index range, no join).
    named = SpeakerNameKey.select(SpeakerNameKey.id).where(in_range & (SpeakerNameKey.speaker == Speaker.id))

    def count():
        keys = matching.limit(2 * (COUNT_LIMIT + 1)).alias("keys")
        speakers = SpeakerNameKey.select(fn.COUNT(keys.c.speaker_id.distinct())).from_(keys).scalar()
        if speakers > COUNT_LIMIT:
            return COUNT_LIMIT, False
        return speakers, keys.count() < 2 * (COUNT_LIMIT + 1)  # a lower bound when the keys ran on

    return _paged(query.where(fn.EXISTS(named)), SPEAKER_SORTS[sort], request, count=count)


def get_speaker(speaker_id):
    """One speaker with aliases, quote count and the outlets that quoted them, or None."""
    speaker = Speaker.get_or_none(Speaker.id == speaker_id)
    if speaker is None:
        return None
    speaker.alias_list = sorted({a.alias for a in speaker.aliases})
    speaker.outlets = [
        row.outlet
        for row in (
            Article.select(Article.outlet)
            .join(Quote)
            .where((Quote.speaker == speaker_id) & Article.outlet.is_null(False))
            .distinct()
            .order_by(Article.outlet)
        )
    ]
    return speaker


def _article_quote_count():
    return Quote.select(fn.COUNT(Quote.id)).where(Quote.article == Article.id)


ARTICLE_SORT = [
    Key(Article.published, lambda a: a.published, desc=True, nullable=True, type=datetime.date),
    Key(Article.id, lambda a: a.id, desc=True),
]


def list_articles(filters, request):
    """A page of articles (without text, with quote counts), newest first."""
    query = Article.select(
        Article.id,
        Article.url,
        Article.outlet,
        Article.title,
        Article.published,
        Article.created_at,
        _article_quote_count().alias("quote_count"),
    )
    if filters.outlet:
        query = query.where(fn.LOWER(Article.outlet) == filters.outlet.casefold())
    if filters.since:
        query = query.where(Article.published >= filters.since)
    if filters.until:
        query = query.where(Article.published <= filters.until)
    return _paged(query, ARTICLE_SORT, request)


def get_article(article_id):
    """The article with its text, quote count and the other urls that printed its text (syndication_list)."""
    article = (
        Article.select(Article, _article_quote_count().alias("quote_count")).where(Article.id == article_id).first()
    )
    if article is not None:
        article.syndication_list = list(
            Syndication.select().where(Syndication.article == article_id).order_by(Syndication.id)
        )
    return article


def database_ok():
    """True when the database answers: one row read by its key, whatever the table's size."""
    Article.select(Article.id).order_by(Article.id).limit(1).execute()
    return True
