"""Read queries for the API: filters, full-text search, sorting, counts, group summaries."""

import random
from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

from ..extract.names import fold
from ..variants import word_diff
from .groups import resolve_group
from .models import Article, Quote, Speaker, SpeakerAlias, Syndication, VariantGroup
from .search import SearchSyntaxError, relevance, search_quotes  # noqa: F401 (the API catches SearchSyntaxError)


@dataclass
class QuoteFilters:
    speaker: str | None = None  # id or name
    article: int | None = None
    outlet: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None
    group: int | None = None


MAX_ROWID = 2**63 - 1  # SQLite's INTEGER
QUOTE_SORTS = {"-published", "published", "length", "-length", "relevance", "-confidence"}


def _quote_query():
    return Quote.select(Quote, Article, Speaker).join(Article).switch(Quote).join(Speaker, JOIN.LEFT_OUTER)


def speaker_ids_matching(value):
    """Speaker ids for an id, a canonical name or an alias (accent- and case-insensitive)."""
    value = str(value).strip()
    if value.isascii() and value.isdigit():  # not "²" or "٣", which isdigit() also accepts
        number = int(value)
        return [number] if number <= MAX_ROWID else []  # a larger id cannot exist (and would overflow)
    key = fold(value)
    ids = {s.id for s in Speaker.select(Speaker.id).where(Speaker.key == key)}
    ids |= {a.speaker_id for a in SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.key == key)}
    return sorted(ids)


def filtered_quotes(filters):
    """The quotes matching filters, unsorted; raises SearchSyntaxError for a bad q."""
    query = _quote_query()
    if filters.speaker is not None:
        query = query.where(Quote.speaker.in_(speaker_ids_matching(filters.speaker)))
    if filters.article is not None:
        query = query.where(Quote.article == filters.article)
    if filters.outlet:
        query = query.where(fn.LOWER(Article.outlet) == filters.outlet.casefold())
    if filters.kind:
        query = query.where(Quote.kind == filters.kind)
    if filters.since:
        query = query.where(Article.published >= filters.since)
    if filters.until:
        query = query.where(Article.published <= filters.until)
    if filters.group is not None:
        query = query.where(Quote.group == (resolve_group(filters.group) or filters.group))
    if filters.q:
        query = search_quotes(query, Quote.id, filters.q)
    return query


def sort_quotes(query, sort):
    if sort == "relevance":
        return query.order_by(relevance(), Quote.id)
    if sort == "published":
        return query.order_by(Article.published.asc(nulls="LAST"), Quote.id)
    if sort == "length":
        return query.order_by(Quote.word_count, Quote.id)
    if sort == "-length":
        return query.order_by(Quote.word_count.desc(), Quote.id)
    if sort == "position":  # text order within articles
        return query.order_by(Article.id, Quote.start, Quote.end.desc())
    if sort == "-confidence":
        return query.order_by(Quote.confidence.desc(), Quote.id)
    return query.order_by(Article.published.desc(nulls="LAST"), Article.id.desc(), Quote.start)


def page_of(query, page, per_page):
    """(items, total) for one page of query."""
    total = query.count()
    items = list(query.paginate(page, per_page))
    return items, total


def get_quote(quote_id):
    return _quote_query().where(Quote.id == quote_id).first()


def random_quote(filters):
    query = filtered_quotes(filters)
    total = query.count()
    if not total:
        return None
    return query.order_by(Quote.id).offset(random.randrange(total)).limit(1).first()


# --- groups ------------------------------------------------------------------


@dataclass
class GroupSummary:
    id: int
    canonical_quote_id: int
    canonical_text: str
    members: int
    outlets: int
    articles: int


def group_summaries(group_ids):
    """Summaries for several groups in three queries, keyed by id."""
    group_ids = [g for g in set(group_ids) if g is not None]
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
    canonical = {g.id: g.canonical_quote_id for g in VariantGroup.select().where(VariantGroup.id.in_(group_ids))}
    texts = {q.id: q.text for q in Quote.select(Quote.id, Quote.text).where(Quote.id.in_(list(canonical.values())))}
    return {
        gid: GroupSummary(
            gid,
            cid,
            texts.get(cid, ""),
            stats.get(gid, {}).get("members", 0),
            stats.get(gid, {}).get("outlets", 0),
            stats.get(gid, {}).get("articles", 0),
        )
        for gid, cid in canonical.items()
    }


def list_groups(sort, page, per_page):
    members = fn.COUNT(Quote.id)
    query = (
        VariantGroup.select(VariantGroup, members.alias("size"))
        .join(Quote, on=(Quote.group == VariantGroup.id))
        .group_by(VariantGroup.id)
    )
    if sort == "-updated":
        query = query.order_by(VariantGroup.updated_at.desc(), VariantGroup.id.desc())
    else:
        query = query.order_by(members.desc(), VariantGroup.updated_at.desc(), VariantGroup.id.desc())
    total = VariantGroup.select().count()
    groups = list(query.paginate(page, per_page))
    summaries = group_summaries([g.id for g in groups])
    return [summaries[g.id] for g in groups if g.id in summaries], total


def group_members(group_id):
    """The group's summary and its members (canonical first, then by outlet), with diffs; None if unknown.

    A group merged into another (or renumbered by a regroup) answers with the group it went into.
    """
    group_id = resolve_group(group_id)
    summary = group_summaries([group_id]).get(group_id)
    if summary is None:
        return None
    members = list(
        _quote_query().where(Quote.group == group_id).order_by(Article.outlet, Article.published, Quote.start)
    )
    members.sort(key=lambda q: q.id != summary.canonical_quote_id)
    diffs = {
        q.id: (None if q.id == summary.canonical_quote_id else word_diff(summary.canonical_text, q.text))
        for q in members
    }
    return summary, members, diffs


# --- speakers and articles ---------------------------------------------------

QUOTE_COUNT = fn.COUNT(Quote.id)


def _counting_quotes(model, *columns):
    """Rows of model (speakers or articles) with a quote_count column."""
    return (
        model.select(*(columns or (model,)), QUOTE_COUNT.alias("quote_count"))
        .join(Quote, JOIN.LEFT_OUTER)
        .group_by(model.id)
    )


def list_speakers(prefix, sort, page, per_page):
    query = _counting_quotes(Speaker)
    if prefix:
        key = fold(prefix)
        matching = SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.key.startswith(key))
        query = query.where(Speaker.key.startswith(key) | Speaker.key.contains(" " + key) | Speaker.id.in_(matching))
    if sort == "name":
        query = query.order_by(Speaker.key)
    else:
        query = query.order_by(QUOTE_COUNT.desc(), Speaker.key)
    total = query.count()
    return list(query.paginate(page, per_page)), total


def get_speaker(speaker_id):
    speaker = _counting_quotes(Speaker).where(Speaker.id == speaker_id).first()
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


def exists(kind, identifier):
    """True when a speaker or an article with that id is stored (without loading it)."""
    model = {"speaker": Speaker, "article": Article}[kind]
    return model.select().where(model.id == identifier).exists()


def list_articles(outlet, since, until, page, per_page):
    query = _counting_quotes(
        Article, Article.id, Article.url, Article.outlet, Article.title, Article.published, Article.created_at
    )
    if outlet:
        query = query.where(fn.LOWER(Article.outlet) == outlet.casefold())
    if since:
        query = query.where(Article.published >= since)
    if until:
        query = query.where(Article.published <= until)
    query = query.order_by(Article.published.desc(nulls="LAST"), Article.id.desc())
    total = query.count()
    return list(query.paginate(page, per_page)), total


def get_article(article_id):
    """The article with its quote count and the other urls that printed its text (syndication_list)."""
    article = _counting_quotes(Article).where(Article.id == article_id).first()
    if article is not None:
        article.syndication_list = list(
            Syndication.select().where(Syndication.article == article_id).order_by(Syndication.id)
        )
    return article


def database_ok():
    """True when the database answers a trivial query."""
    Article.select(fn.COUNT(Article.id)).scalar()
    return True
