"""The variant-grouping store backed by the database: shingles table, groups table."""

from peewee import JOIN, fn

from ..variants import Member, words
from ..variants.grouping import COMMON_SHINGLE, MIN_SHARED_SHINGLES, GroupStore, probe_order
from .models import Article, Quote, QuoteShingle, Speaker, VariantGroup, utcnow


class DatabaseGroupStore(GroupStore):
    """Candidates come from the shingle index: a new quote is compared with a few stored ones, never all."""

    def candidates(self, member, member_shingles):
        if not member_shingles:
            return []
        frequency = {
            row.shingle: row.n
            for row in (
                QuoteShingle.select(QuoteShingle.shingle, fn.COUNT(QuoteShingle.quote).alias("n"))
                .where(QuoteShingle.shingle.in_(list(member_shingles)))
                .group_by(QuoteShingle.shingle)
            )
        }
        # The rarest known shingles are the most telling; stock phrases are not used at all.
        usable = list(probe_order((s for s, n in frequency.items() if n <= COMMON_SHINGLE), frequency.get))
        if not usable:
            return []
        ids = [
            row.quote_id
            for row in (
                QuoteShingle.select(QuoteShingle.quote)
                .where(QuoteShingle.shingle.in_(usable))
                .group_by(QuoteShingle.quote)
                .having(fn.COUNT(QuoteShingle.shingle) >= MIN_SHARED_SHINGLES)
            )
        ]
        return [m for m in _members(ids) if m.article != member.article]

    def group_of(self, member_id):
        return Quote.select(Quote.group).where(Quote.id == member_id).scalar()

    def canonical(self, group_id):
        quote_id = VariantGroup.select(VariantGroup.canonical_quote_id).where(VariantGroup.id == group_id).scalar()
        return _members([quote_id])[0]

    def index(self, member, member_shingles):
        rows = [{"shingle": s, "quote": member.id} for s in member_shingles]
        if rows:
            QuoteShingle.insert_many(rows).on_conflict_ignore().execute()

    def create_group(self, members, canonical):
        group = VariantGroup.create(canonical_quote_id=canonical.id)
        self.join(group.id, members, canonical)
        return group.id

    def join(self, group_id, members, canonical):
        (
            VariantGroup.update(canonical_quote_id=canonical.id, updated_at=utcnow())
            .where(VariantGroup.id == group_id)
            .execute()
        )
        Quote.update(group=group_id).where(Quote.id.in_([m.id for m in members])).execute()


def _members(ids):
    query = (
        Quote.select(Quote.id, Quote.text, Quote.article, Article.published, Speaker.key)
        .join(Article)
        .switch(Quote)
        .join(Speaker, join_type=JOIN.LEFT_OUTER)
        .where(Quote.id.in_(ids))
    )
    by_id = {}
    for row in query.dicts():
        by_id[row["id"]] = Member(row["id"], words(row["text"]), row["article"], row["key"], row["published"])
    return [by_id[i] for i in ids if i in by_id]


def refresh_group(group_id):
    """After members left: dissolve a group left within one article, else make its longest member canonical."""
    members = list(Quote.select(Quote.id, Quote.word_count, Quote.article).where(Quote.group == group_id))
    if len({q.article_id for q in members}) < 2:
        Quote.update(group=None).where(Quote.group == group_id).execute()
        VariantGroup.delete().where(VariantGroup.id == group_id).execute()
        return
    longest = max(members, key=lambda q: (q.word_count, -q.id))
    (
        VariantGroup.update(canonical_quote_id=longest.id, updated_at=utcnow())
        .where(VariantGroup.id == group_id)
        .execute()
    )
