"""Read queries for the API: one function per view, each returning rows ready to serialise.

Lists are read a page at a time in a fixed order, either from an offset (shallow pages) or after the
last row of the previous page (keyset paging: an index range, however deep). Totals are counted
exactly up to COUNT_LIMIT and reported as "at least" beyond it. A full-text search ranks the newest
SEARCH_LIMIT matching quotes.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from peewee import JOIN, SQL, Entity, Field, Select, SqliteDatabase, fn

from ..extract.names import fold
from ..variants import word_diff
from . import search, search_cache
from .groups import resolve_group
from .models import Article, Quote, Speaker, SpeakerAlias, SpeakerNameKey, Syndication, VariantGroup
from .prepared import Prepared, prepared, slot
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

    def order(self, column=None):
        """ORDER BY this key, on its column or on another holding the same values (a subquery's)."""
        column = self.column if column is None else column
        if self.nullable:
            return column.desc(nulls="LAST") if self.desc else column.asc(nulls="LAST")
        return column.desc() if self.desc else column.asc()

    def beyond(self, value, strict=True):
        if self.desc:
            return self.column < value if strict else self.column <= value
        return self.column > value if strict else self.column >= value

    def bind(self, value):
        """value as the database compares it with the column (a field's conversion; else as it is)."""
        return self.column.db_value(value) if isinstance(self.column, Field) else value


@dataclass(frozen=True, eq=False)
class Listing:
    """A list the API pages through: its query for a shape (values in slots), its sort orders, its rows.

    bounded_by, total: the shape element that makes the list short (a search reads at most
    SEARCH_LIMIT matches); its first page then counts every row in the same statement, with the
    expression total(shape). (Not a window over the rows: that keeps every row, keys and all, until
    they are sorted.)
    full_rows: for a late row lookup. base(shape) then selects only the id (first) and what the
    filters and sorts need; full_rows(page, shape) is the query of the row() columns of the ids in
    `page`, a subquery of one page (id, the base's other columns, then the keys as k0, k1 …). Rows wide
    with text are then read for one page, not for every row sorted or skipped to find it.
    """

    base: Callable[[tuple], Any]
    sorts: dict[str, list[Key]]
    row: Callable[[tuple], Any]
    bounded_by: str | None = None
    full_rows: Callable[[Any, tuple], Any] | None = None
    total: Callable[[tuple], Any] | None = None


def _after(keys, first=0):
    """Rows strictly after the slots after<i> in the order of keys[first:] (none of them NULL here).

    The leading key is also given as a plain range so that the database reads an index from there.
    """
    numbered = list(enumerate(keys))[first:]
    condition = None
    for i, key in reversed(numbered):
        step = key.beyond(slot(f"after{i}"))
        condition = step if condition is None else step | ((key.column == slot(f"after{i}")) & condition)
    lead_at, lead = numbered[0]
    return lead.beyond(slot(f"after{lead_at}"), strict=False) & condition


def _page_query(query, keys, mode, total=None):
    """query in the order of keys, `limit` rows of it, from where mode says.

    offset: from row `offset`; after: after the key values after<i>; for a nullable lead key,
    after-dated: the rest of the rows that have one, undated: the rows without it, undated-after:
    those after after<1>… . total: a last column counting all rows (before the limit).
    """
    order = [key.order() for key in keys]
    if total is not None:
        query = query.select_extend(total.alias("total"))
    if mode == "offset":
        return query.order_by(*order).limit(slot("limit")).offset(slot("offset"))
    if mode == "after":
        return query.where(_after(keys)).order_by(*order).limit(slot("limit"))
    lead = keys[0].column
    if mode == "after-dated":
        return query.where(lead.is_null(False) & _after(keys)).order_by(*order).limit(slot("limit"))
    undated = query.where(lead.is_null())
    if mode == "undated-after":
        undated = undated.where(_after(keys, 1))
    return undated.order_by(*order[1:]).limit(slot("limit"))


def _count_query(query, limit=COUNT_LIMIT + 1):
    """How many rows query has, reading at most limit of them (peewee's count, written once)."""
    counted = query.select(SQL("1")).order_by().limit(limit).alias("_wrapped")
    return Select([counted], [fn.COUNT(SQL("1"))])


@prepared
def _page_sql(listing, shape, sort, mode):
    keys = listing.sorts[sort]
    total = listing.total(shape) if mode == "offset" and listing.bounded_by in shape else None
    if listing.full_rows is None:
        return _page_query(listing.base(shape), keys, mode, total)
    # Late row lookup: find the page's ids (and keys) first, then read those rows in the same order.
    with_keys = listing.base(shape).select_extend(*(key.column.alias(f"k{i}") for i, key in enumerate(keys)))
    page = _page_query(with_keys, keys, mode, total).alias("page")
    query = listing.full_rows(page, shape)
    if total is not None:
        query = query.select_extend(page.c.total)
    return query.order_by(*(key.order(getattr(page.c, f"k{i}")) for i, key in enumerate(keys)))


@prepared
def _count_sql(listing, shape):
    return _count_query(listing.base(shape))


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


def _rows_after(listing, shape, keys, sort, after, values, limit):
    """Up to limit rows (tuples) after the key values `after` (keyset paging)."""
    bound = {f"after{i}": key.bind(value) for i, (key, value) in enumerate(zip(keys, after, strict=True))}
    values = {**values, **bound, "limit": limit}
    if not keys[0].nullable:
        return _page_sql(listing, shape, sort, "after").rows(values)
    rows = []
    if after[0] is not None:  # first the rest of the dated rows, from an index range
        rows = _page_sql(listing, shape, sort, "after-dated").rows(values)
        if len(rows) == limit:
            return rows
    mode = "undated" if after[0] is not None else "undated-after"
    return rows + _page_sql(listing, shape, sort, mode).rows({**values, "limit": limit - len(rows)})


def _capped(count):
    return (count, True) if count <= COUNT_LIMIT else (COUNT_LIMIT, False)


def _paged(listing, shape, sort, request, values, prepare=None, count=None):
    """One page of the listing in a sort, its (capped) total, and the key to continue after.

    values fill the slots of the listing's query for shape; prepare(rows) finishes the page's rows;
    count() replaces the listing's own capped count.
    """
    keys = listing.sorts[sort]
    limit = request.per_page + 1
    counted = None
    if request.after is not None:
        found = _rows_after(listing, shape, keys, sort, _decode(keys, request.after), values, limit)
    else:
        found = _page_sql(listing, shape, sort, "offset").rows({**values, "limit": limit, "offset": request.offset})
        if listing.bounded_by in shape:  # the last column counts every row
            counted = found[0][-1] if found else None
            found = [row[:-1] for row in found]
    rows = [listing.row(row) for row in found]
    more = len(rows) > request.per_page
    if request.after is None and not more and (rows or not request.offset):
        total, exact = request.offset + len(rows), True  # the last page shows the total: no count needed
    elif counted is not None:
        total, exact = _capped(counted)
    else:
        total, exact = count() if count else _capped(_count_sql(listing, shape).scalar(values))
    rows = rows[: request.per_page]
    next_after = _encode(keys, rows[-1]) if more and rows else None
    return Page(prepare(rows) if prepare else rows, total, exact, next_after)


# --- quotes --------------------------------------------------------------------------------


@dataclass
class SpeakerRef:
    id: int
    name: str


@dataclass
class ArticleRef:
    id: int
    url: str | None
    outlet: str | None
    title: str | None
    published: datetime.date | None


@dataclass
class QuoteRow:
    """A quote as the API shows it: its speaker, its article (not the text) and the context around it."""

    id: int
    text: str
    kind: str
    speaker: SpeakerRef | None
    speaker_mention: str | None
    speaker_kind: str | None
    cue: str | None
    confidence: float
    start: int
    end: int
    context: str
    article: ArticleRef
    group_id: int | None
    word_count: int
    score: float | None = None  # how well it matched a search (lower is better)
    group_summary: "GroupSummary | None" = None

    @property
    def article_id(self):
        return self.article.id


CONTEXT = fn.SUBSTR(Article.text, Quote.context_start + 1, Quote.context_end - Quote.context_start)

# The columns _quote_row reads, in its order.
_QUOTE_COLUMNS = (
    Quote.id,
    Quote.text,
    Quote.kind,
    Quote.speaker_mention,
    Quote.speaker_kind,
    Quote.cue,
    Quote.confidence,
    Quote.start,
    Quote.end,
    CONTEXT.alias("context"),
    Quote.group,
    Quote.word_count,
    Article.id,
    Article.url,
    Article.outlet,
    Article.title,
    Article.published,
    Speaker.id,
    Speaker.name,
)
_published = Article.published.python_value


def _quote_row(row):
    """A QuoteRow from a row of _QUOTE_COLUMNS (and the search score after them, when searched)."""
    (id_, text, kind, mention, speaker_kind, cue, confidence, start, end, context, group_id, words) = row[:12]
    article = ArticleRef(row[12], row[13], row[14], row[15], _published(row[16]))
    speaker = SpeakerRef(row[17], row[18]) if row[17] is not None else None
    score = row[19] if len(row) > 19 else None
    return QuoteRow(
        id_,
        text,
        kind,
        speaker,
        mention,
        speaker_kind,
        cue,
        confidence,
        start,
        end,
        context,
        article,
        group_id,
        words,
        score,
    )


def _quote_query():
    """Quotes with what a page shows of their article and speaker (not the article's text)."""
    return Quote.select(*_QUOTE_COLUMNS).join(Article).switch(Quote).join(Speaker, JOIN.LEFT_OUTER)


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
_MATCHES = "matches"  # the alias of the search's matches in a quote query
SEARCH_SORTS = {
    "relevance": [
        Key(Entity(_MATCHES, "score"), lambda q: q.score, type=float),
        Key(Quote.id, lambda q: q.id),
    ]
}


def _speaker_ids_query(key):
    return (
        Speaker.select(Speaker.id)
        .where(Speaker.key == key)
        .union(SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.key == key))
    )


_speaker_ids_sql = prepared(lambda: _speaker_ids_query(slot("key")))


def speaker_ids_matching(name):
    """Speaker ids for a canonical name or an alias (accent- and case-insensitive)."""
    return sorted({row[0] for row in _speaker_ids_sql().rows({"key": fold(name)})})


def _common(condition):
    """Tell SQLite's planner that condition holds for many rows, so it keeps reading in page order.

    Without statistics it would otherwise scan and sort the whole table for kind=direct.
    """
    return fn.likely(condition) if isinstance(Quote._meta.database.obj, SqliteDatabase) else condition


def _quote_shape(filters, ranked=False):
    """(shape, values): which filters are given (what decides the SQL) and the values for its slots.

    Raises SearchSyntaxError for a bad q.
    """
    shape, values = [], {}
    if isinstance(filters.speaker, int):  # an id larger than SQLite's INTEGER cannot exist (nor be bound)
        shape.append("speaker" if filters.speaker <= MAX_ROWID else "nothing")
        values["speaker"] = filters.speaker
    elif filters.speaker is not None:
        ids = speaker_ids_matching(filters.speaker)
        shape.append(("speakers", len(ids)))
        values.update((f"speaker{i}", speaker_id) for i, speaker_id in enumerate(ids))
    if filters.article is not None:
        shape.append("article")
        values["article"] = filters.article
    if filters.outlet:
        shape.append("outlet")
        values["outlet"] = filters.outlet.casefold()
    if filters.kind:
        shape.append("kind")
        values["kind"] = filters.kind
    if filters.since:
        shape.append("since")
        values["since"] = Article.published.db_value(filters.since)
    if filters.until:
        shape.append("until")
        values["until"] = Article.published.db_value(filters.until)
    if filters.group is not None:
        shape.append("group")
        values["group"] = resolve_group(filters.group) or filters.group
    if filters.q:
        shape.append("q")
        shape.append("ranked" if ranked else "unranked")
        values["q"] = search.query_text(search.parse(filters.q))
    return tuple(shape), values


def _filtered(query, shape):
    """query restricted by the filters in shape, their values in slots named after them."""
    for part in shape:
        if part == "speaker":
            query = query.where(Quote.speaker == slot("speaker"))
        elif part == "nothing":
            query = query.where(Quote.id.in_([]))
        elif isinstance(part, tuple) and part[0] == "speakers":
            query = query.where(Quote.speaker.in_([slot(f"speaker{i}") for i in range(part[1])]))
        elif part == "article":
            query = query.where(Quote.article == slot("article"))
        elif part == "outlet":
            query = query.where(fn.LOWER(Article.outlet) == slot("outlet"))
        elif part == "kind":
            query = query.where(_common(Quote.kind == slot("kind")))
        elif part == "since":
            query = query.where(Article.published >= slot("since"))
        elif part == "until":
            query = query.where(Article.published <= slot("until"))
        elif part == "group":
            query = query.where(Quote.group == slot("group"))
    return query


_ARTICLE_FILTERS = {"outlet", "since", "until"}
_SEARCH_PARTS = {"q", "ranked", "unranked", "any-order"}


def search_matches(shape):
    """The newest SEARCH_LIMIT quotes matching the filters and the full-text query in slot q, as (id, score).

    A lower score is a better match (bm25 on SQLite, minus ts_rank on PostgreSQL; 0 when not ranked,
    which spares reading each term's whole posting list). The backends' differences are in
    storage/search.py. Without other filters the matches come from the search index alone; a filter
    joins the quote (and its article) to each match, so that the bound counts matches that pass it.

    With "any-order" in shape: SEARCH_LIMIT + 1 matches in the order the index reads fastest (FTS5
    walks its lists forward faster than backward), which are all the matches when fewer come back.
    """
    query = search.matches(slot("q"), "ranked" in shape)
    filters = [part for part in shape if part not in _SEARCH_PARTS]
    if filters:
        query = query.join(Quote, on=(Quote.id == search.matched_id()))
        if _ARTICLE_FILTERS.intersection(filters):
            query = query.join(Article)
        query = _filtered(query, filters)
    if "any-order" in shape:
        return query.limit(SEARCH_LIMIT + 1)
    return query.order_by(search.newest_first()).limit(SEARCH_LIMIT)


def _quotes(shape):
    """The quotes matching the filters of shape; with q, only the bounded matches (and their score)."""
    if "q" not in shape:
        return _filtered(_quote_query(), shape)
    matches = search_matches(shape).alias(_MATCHES)
    return (
        _quote_query()
        .select_extend(matches.c.score.alias("score"))
        .join(matches, on=(matches.c.id == Quote.id), src=Quote)
    )


def _quote_ids(shape):
    """Ids of the quotes matching the filters of shape, joined to what their sorts read; with q, the
    bounded matches and their score (after the id)."""
    query = Quote.select(Quote.id)
    if "q" not in shape:
        return _filtered(query.join(Article), shape)
    # Read once (materialized): the page joins them and the total counts them (see _search_total).
    matches = search_matches(shape).cte(_MATCHES, materialized=True)
    query = query.with_cte(matches)
    if "any-order" in shape:
        # When more than SEARCH_LIMIT match, the page is empty at the cost of reading SEARCH_LIMIT + 1
        # index entries, not of joining and sorting them (see list_quotes).
        query = query.where(_search_total(shape) <= SEARCH_LIMIT)
    return (
        query.select_extend(matches.c.score.alias("score"))
        .join(matches, on=(matches.c.id == Quote.id))
        .switch(Quote)
        .join(Article)
    )


def _page_of_quotes(page, shape):
    """The full rows (_QUOTE_COLUMNS, then the score when searched) of the quotes in a page of _quote_ids."""
    query = _quote_query().join(page, on=(page.c.id == Quote.id), src=Quote)
    return query.select_extend(page.c.score) if "q" in shape else query


def _search_total(shape):
    """The rows of a search are its bounded matches (filtered, one row each), read once in _quote_ids."""
    return Select([Entity(_MATCHES)], [fn.COUNT(SQL("*"))])


QUOTES = Listing(
    _quote_ids,
    {**QUOTE_SORTS, **SEARCH_SORTS},
    _quote_row,
    bounded_by="q",
    full_rows=_page_of_quotes,
    total=_search_total,
)


@prepared
def _speakers_quote_count_sql(part):
    """The stored quote counts (kept by triggers) of the speakers a speaker filter (shape part) names."""
    ids = [slot("speaker")] if part == "speaker" else [slot(f"speaker{i}") for i in range(part[1])]
    return Speaker.select(fn.COALESCE(fn.SUM(Speaker.quote_count), 0)).where(Speaker.id.in_(ids))


_quotes_count_sql = prepared(lambda: _count_query(Quote.select(Quote.id)))


def _quote_total(shape, values):
    """A cheaper way to a quote list's capped total than counting the list itself, or None.

    Unfiltered: the quotes alone (each has its article; no join to count through). Filtered by speaker
    alone: the speakers' stored counts, one read however many quotes they have.
    """
    if not shape:
        return lambda: _capped(_quotes_count_sql().scalar())
    if len(shape) == 1 and (shape[0] == "speaker" or isinstance(shape[0], tuple)):
        return lambda: _capped(_speakers_quote_count_sql(shape[0]).scalar(values))
    return None


def list_quotes(filters, sort, request):
    """A page of quotes matching filters, each with its group summary (sort None: -published)."""
    sort = sort or "-published"
    shape, values = _quote_shape(filters, ranked=sort == "relevance")
    if "q" not in shape or "group" in shape:  # (regroup moves quotes between groups, not in the index)
        return _quote_page(shape, values, sort, request)
    # A search: what it found depends on the index (its stamp), the values and the page asked for.
    after = None if request.after is None else tuple(request.after)
    key = (shape, tuple(sorted(values.items())), sort, request.per_page, request.offset, after, SEARCH_LIMIT)
    stamp, kept = search_cache.SEARCHES.lookup(key)
    if kept is not None:
        return kept.page()
    page = _quote_page(shape, values, sort, request)
    search_cache.SEARCHES.keep(stamp, key, _KeptPage.of(page))
    return page


def _quote_page(shape, values, sort, request):
    if shape == ("q", "unranked") and request.after is None:
        # Most searches match fewer than SEARCH_LIMIT quotes, which are then also the newest
        # SEARCH_LIMIT: read them in the index's fastest order. A page that comes back empty (more
        # matched than the bound, or nothing is there) is read again newest first. Only for a search
        # alone, unranked: finding that more match then costs SEARCH_LIMIT + 1 index entries, where a
        # filter would join each of them and bm25 would read each word's whole list a second time.
        page = _paged(QUOTES, (*shape, "any-order"), sort, request, values)
        if page.items and page.total_exact and page.total <= SEARCH_LIMIT:
            page.items = with_groups(page.items)
            return page
    return _paged(QUOTES, shape, sort, request, values, with_groups, _quote_total(shape, values))


@prepared
def _quotes_by_id_sql(count):
    return _quote_query().where(Quote.id.in_([slot(f"quote{i}") for i in range(count)]))


@dataclass(frozen=True)
class _KeptPage:
    """A page of a search as remembered: its quotes' ids and scores, its total and where it goes on."""

    ids: tuple
    scores: tuple
    total: int
    total_exact: bool
    next_after: tuple | None

    @classmethod
    def of(cls, page):
        after = None if page.next_after is None else tuple(page.next_after)
        ids, scores = tuple(q.id for q in page.items), tuple(q.score for q in page.items)
        return cls(ids, scores, page.total, page.total_exact, after)

    def page(self):
        """The page again, its rows read anew by id (their groups change without a search changing)."""
        values = {f"quote{i}": quote_id for i, quote_id in enumerate(self.ids)}
        by_id = {row[0]: row for row in _quotes_by_id_sql(len(self.ids)).rows(values)}
        rows = [
            _quote_row((*by_id[quote_id], score))
            for quote_id, score in zip(self.ids, self.scores, strict=True)
            if quote_id in by_id  # (a quote deleted since: deleting changes the stamp, but not mid-request)
        ]
        after = None if self.next_after is None else list(self.next_after)
        return Page(with_groups(rows), self.total, self.total_exact, after)


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


@prepared
def _one_quote_sql():
    return _quote_query().where(Quote.id == slot("id"))


def get_quote(quote_id):
    """One quote with its group summary, or None."""
    rows = _one_quote_sql().rows({"id": quote_id})
    return with_groups([_quote_row(rows[0])])[0] if rows else None


@prepared
def _quote_from_sql(shape, from_lowest):
    """The first quote of shape by id: from the id in slot `pick` on, or from the lowest."""
    query = _quotes(shape)
    if not from_lowest:
        query = query.where(Quote.id >= slot("pick"))
    return query.order_by(Quote.id).limit(1)


def random_quote(filters):
    """A quote matching filters, picked at random by id (no count, no offset), or None."""
    shape, values = _quote_shape(filters)
    low = Quote.select(fn.MIN(Quote.id)).scalar()  # MIN and MAX apart: each is then one index probe
    if low is None:
        return None
    high = Quote.select(fn.MAX(Quote.id)).scalar()
    values["pick"] = random.randint(low, high)
    rows = _quote_from_sql(shape, False).rows(values) or _quote_from_sql(shape, True).rows(values)
    return with_groups([_quote_row(rows[0])])[0] if rows else None


def article_quotes_all(article_id):
    """Every quote of an article in text order, with group summaries (for the answer to a POST)."""
    query = _filtered(_quote_query(), ("article",)).order_by(*(key.order() for key in QUOTE_SORTS["position"]))
    return with_groups([_quote_row(row) for row in Prepared(query).rows({"article": article_id})])


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


@prepared
def _group_stats_sql(count):
    return (
        Quote.select(
            Quote.group,
            fn.COUNT(Quote.id),
            fn.COUNT(Article.outlet.distinct()),
            fn.COUNT(Quote.article.distinct()),
        )
        .join(Article)
        .where(Quote.group.in_([slot(f"group{i}") for i in range(count)]))
        .group_by(Quote.group)
    )


@prepared
def _group_canonical_sql(count):
    return (
        VariantGroup.select(VariantGroup.id, VariantGroup.canonical_quote_id, VariantGroup.updated_at, Quote.text)
        .join(Quote, JOIN.LEFT_OUTER, on=(Quote.id == VariantGroup.canonical_quote_id))
        .where(VariantGroup.id.in_([slot(f"group{i}") for i in range(count)]))
    )


_updated_at = VariantGroup.updated_at.python_value


def group_summaries(group_ids):
    """Summaries for several groups in two queries, keyed by id."""
    group_ids = sorted({g for g in group_ids if g is not None})
    if not group_ids:
        return {}
    values = {f"group{i}": group_id for i, group_id in enumerate(group_ids)}
    stats = {row[0]: row[1:] for row in _group_stats_sql(len(group_ids)).rows(values)}
    canonical = _group_canonical_sql(len(group_ids)).rows(values)
    return {
        group_id: GroupSummary(group_id, canonical_id, text or "", *stats.get(group_id, (0, 0, 0)), _updated_at(at))
        for group_id, canonical_id, at, text in canonical
    }


def with_groups(quotes):
    """Give each quote its group summary (`group_summary`, None outside groups): one lookup for all."""
    summaries = group_summaries(q.group_id for q in quotes)
    for quote in quotes:
        quote.group_summary = summaries.get(quote.group_id)
    return quotes


@dataclass
class GroupRow:
    id: int
    size: int
    updated_at: datetime.datetime


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
GROUPS = Listing(
    lambda shape: VariantGroup.select(VariantGroup.id, VariantGroup.size, VariantGroup.updated_at).where(
        VariantGroup.size > 0
    ),
    GROUP_SORTS,
    lambda row: GroupRow(row[0], row[1], _updated_at(row[2])),
)


def list_groups(sort, request):
    """A page of group summaries, largest (stored size) or most recently changed first."""

    def summaries(groups):
        found = group_summaries(g.id for g in groups)
        return [found[g.id] for g in groups if g.id in found]

    return _paged(GROUPS, (), sort, request, {}, summaries)


def _members(group_id, summary):
    """The group's quotes, canonical first, then by outlet and date, each with its word diff."""
    members = [_quote_row(row) for row in _members_sql().rows({"group": group_id})]
    members.sort(key=lambda q: q.id != summary.canonical_quote_id)
    for member in members:
        member.group_summary = summary
        member.is_canonical = member.id == summary.canonical_quote_id
        member.diff = None if member.is_canonical else word_diff(summary.canonical_text, member.text)
    return members


@prepared
def _members_sql():
    return _filtered(_quote_query(), ("group",)).order_by(Article.outlet, Article.published, Quote.start)


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


@dataclass
class SpeakerRow:
    id: int
    name: str
    key: str
    quote_count: int


SPEAKER_SORTS = {
    "-quotes": [
        Key(Speaker.quote_count, lambda s: s.quote_count, desc=True),
        Key(Speaker.key, lambda s: s.key, type=str),
    ],
    "name": [Key(Speaker.key, lambda s: s.key, type=str)],
}

SPEAKER_SCAN_FROM = 200  # a name prefix shared by this many speakers reads speakers in page order


def _name_keys():
    """Name keys in the range [slot lowest, slot beyond): those starting with a prefix (an index range)."""
    return SpeakerNameKey.select(SpeakerNameKey.speaker).where(
        (SpeakerNameKey.key >= slot("lowest")) & (SpeakerNameKey.key < slot("beyond"))
    )


def _speakers(shape):
    """Speakers; shape: () all, ("nobody",), ("few",) named by a prefix, ("many",) named by a common prefix."""
    query = Speaker.select(Speaker.id, Speaker.name, Speaker.key, Speaker.quote_count)
    if shape == ("nobody",):
        return query.where(Speaker.id.in_([]))
    if shape == ("few",):  # read them and sort
        return query.where(Speaker.id.in_(_name_keys()))
    if shape == ("many",):  # walk speakers in page order and keep those with a matching name
        named = _name_keys().select(SpeakerNameKey.id).where(SpeakerNameKey.speaker == Speaker.id)
        return query.where(fn.EXISTS(named))
    return query


SPEAKERS = Listing(_speakers, SPEAKER_SORTS, lambda row: SpeakerRow(*row))

_name_keys_sql = prepared(lambda: _count_query(_name_keys(), SPEAKER_SCAN_FROM))


@prepared
def _speakers_named_sql():
    """Distinct speakers among the first 2 × (COUNT_LIMIT + 1) name keys of the range, and those keys."""
    keys = _name_keys().limit(2 * (COUNT_LIMIT + 1)).alias("keys")
    return SpeakerNameKey.select(fn.COUNT(keys.c.speaker_id.distinct()), fn.COUNT(SQL("*"))).from_(keys)


def list_speakers(prefix, sort, request):
    """A page of speakers (with quote counts); prefix: any word of the name or an alias starts so."""
    if prefix is None:
        return _paged(SPEAKERS, (), sort, request, {})
    key = fold(prefix)
    if not key:
        return _paged(SPEAKERS, ("nobody",), sort, request, {})
    values = {"lowest": key, "beyond": key[:-1] + chr(ord(key[-1]) + 1)}  # an index range, where LIKE is not
    if _name_keys_sql().scalar(values) < SPEAKER_SCAN_FROM:
        return _paged(SPEAKERS, ("few",), sort, request, values)

    def count():
        # The speakers among the first name keys of the range (one index range, no join).
        speakers, keys = _speakers_named_sql().rows(values)[0]
        if speakers > COUNT_LIMIT:
            return COUNT_LIMIT, False
        return speakers, keys < 2 * (COUNT_LIMIT + 1)  # a lower bound when the keys ran on

    return _paged(SPEAKERS, ("many",), sort, request, values, count=count)


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


@dataclass
class ArticleRow:
    id: int
    url: str | None
    outlet: str | None
    title: str | None
    published: datetime.date | None
    created_at: datetime.datetime
    quote_count: int


ARTICLE_SORT = [
    Key(Article.published, lambda a: a.published, desc=True, nullable=True, type=datetime.date),
    Key(Article.id, lambda a: a.id, desc=True),
]


def _articles(shape):
    """Articles without their text, with quote counts; shape: the filters given (outlet, since, until)."""
    query = Article.select(
        Article.id,
        Article.url,
        Article.outlet,
        Article.title,
        Article.published,
        Article.created_at,
        _article_quote_count().alias("quote_count"),
    )
    if "outlet" in shape:
        query = query.where(fn.LOWER(Article.outlet) == slot("outlet"))
    if "since" in shape:
        query = query.where(Article.published >= slot("since"))
    if "until" in shape:
        query = query.where(Article.published <= slot("until"))
    return query


_created_at = Article.created_at.python_value
ARTICLES = Listing(
    _articles,
    {"-published": ARTICLE_SORT},
    lambda row: ArticleRow(*row[:4], _published(row[4]), _created_at(row[5]), row[6]),
)


def list_articles(filters, request):
    """A page of articles (without text, with quote counts), newest first."""
    values = {
        "outlet": filters.outlet.casefold() if filters.outlet else None,
        "since": Article.published.db_value(filters.since),
        "until": Article.published.db_value(filters.until),
    }
    shape = tuple(name for name in ("outlet", "since", "until") if getattr(filters, name))
    return _paged(ARTICLES, shape, "-published", request, values)


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
