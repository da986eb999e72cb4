"""The variant-grouping store backed by the database: shingles table, groups table, group aliases."""

from collections import Counter

from peewee import JOIN, fn

from ..variants import Member, evidence
from ..variants.grouping import COMMON_SHINGLE, MIN_SHARED_SHINGLES, MIN_WORDS, SPEAKER_PROBE, GroupStore, probe_order
from ..variants.text import statement_words, word_count
from .models import Article, GroupAlias, Quote, QuoteShingle, Speaker, VariantGroup, utcnow


class DatabaseGroupStore(GroupStore):
    """Candidates come from the shingle index: a new quote is compared with a few stored ones, never all.

    ``earlier_ids`` (quote id -> group id before a regroup) lets a rebuilt group keep the
    id its members had, so links to it keep working.
    """

    def __init__(self, earlier_ids=None):
        self.earlier_ids = earlier_ids or {}

    def candidates(self, member, member_shingles):
        found = self._sharing_shingles(member_shingles)
        if member.speaker:
            found += self.said_by(member.speaker, short=word_count(member.words) >= MIN_WORDS, before=member.id)
        return found

    def _sharing_shingles(self, member_shingles):
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
        return _members(ids)

    def said_by(self, speaker, short, before=None):
        """The speaker's latest quotes already grouped (ids below ``before``), short ones only if short."""
        query = (
            Quote.select(Quote.id)
            .join(Speaker)
            .where(Speaker.key == speaker, Quote.kind != "indirect", Quote.word_count >= 2)
            .order_by(Quote.id.desc())
            .limit(SPEAKER_PROBE)
        )
        if short:
            query = query.where(Quote.word_count < MIN_WORDS)
        if before is not None:
            query = query.where(Quote.id < before)
        return _members([row.id for row in query])

    def group_of(self, member_id):
        return Quote.select(Quote.group).where(Quote.id == member_id).scalar()

    def canonical(self, group_id):
        quote_id = VariantGroup.select(VariantGroup.canonical_quote_id).where(VariantGroup.id == group_id).scalar()
        return _members([quote_id])[0]

    def members_of(self, group_id):
        """The group's latest members (SPEAKER_PROBE at most: enough to tell whose statement it is)."""
        query = Quote.select(Quote.id).where(Quote.group == group_id).order_by(Quote.id.desc()).limit(SPEAKER_PROBE)
        return _members([row.id for row in query])

    def index(self, member, member_shingles):
        rows = [{"shingle": s, "quote": member.id} for s in member_shingles]
        if rows:
            QuoteShingle.insert_many(rows).on_conflict_ignore().execute()

    def create_group(self, members, canonical):
        group_id = self._new_id(members)
        VariantGroup.insert(id=group_id, canonical_quote_id=canonical.id).execute()
        GroupAlias.delete().where(GroupAlias.id == group_id).execute()
        self.join(group_id, members, canonical)
        return group_id

    def _new_id(self, members):
        """The earliest id a member's group had before a regroup, if free; else one never used."""
        for earlier in sorted({self.earlier_ids[m.id] for m in members if m.id in self.earlier_ids}):
            if not VariantGroup.select().where(VariantGroup.id == earlier).exists():
                return earlier
        highest = max(
            VariantGroup.select(fn.MAX(VariantGroup.id)).scalar() or 0,
            GroupAlias.select(fn.MAX(GroupAlias.id)).scalar() or 0,
            max(self.earlier_ids.values(), default=0),
        )
        return highest + 1

    def join(self, group_id, members, canonical):
        (
            VariantGroup.update(canonical_quote_id=canonical.id, updated_at=utcnow())
            .where(VariantGroup.id == group_id)
            .execute()
        )
        Quote.update(group=group_id).where(Quote.id.in_([m.id for m in members])).execute()

    def merge(self, group_id, into):
        GroupAlias.update(group=into).where(GroupAlias.group == group_id).execute()
        GroupAlias.insert(id=group_id, group=into).on_conflict_replace().execute()
        Quote.update(group=into).where(Quote.group == group_id).execute()
        VariantGroup.delete().where(VariantGroup.id == group_id).execute()


def _members(ids):
    query = (
        Quote.select(
            Quote.id,
            Quote.text,
            Quote.article,
            Quote.confidence,
            Quote.speaker_kind,
            Article.published,
            Speaker.key,
            Speaker.name,
        )
        .join(Article)
        .switch(Quote)
        .join(Speaker, join_type=JOIN.LEFT_OUTER)
        .where(Quote.id.in_(ids))
    )
    by_id = {row["id"]: _member(row) for row in query.dicts()}
    return [by_id[i] for i in ids if i in by_id]


def _member(row):
    said = evidence(row["name"], row["speaker_kind"], row["confidence"], key=row["key"])
    return Member(
        row["id"], statement_words(row["text"]), row["article"], said.key, row["published"], said.kind, said.confidence
    )


def resolve_group(group_id):
    """The live id of a group id, following merges and regroups; None if it never existed or is gone."""
    if VariantGroup.select().where(VariantGroup.id == group_id).exists():
        return group_id
    return GroupAlias.select(GroupAlias.group).where(GroupAlias.id == group_id).scalar()


def alias_earlier_ids(earlier_ids, earlier_aliases):
    """After a regroup: each earlier group id that is not live again resolves to where most of its quotes went."""
    now = dict(Quote.select(Quote.id, Quote.group).where(Quote.group.is_null(False)).tuples())
    went = {}
    for quote_id, earlier in earlier_ids.items():
        if quote_id in now:
            went.setdefault(earlier, Counter())[now[quote_id]] += 1
    live = {row[0] for row in VariantGroup.select(VariantGroup.id).tuples()}
    targets = {old: counts.most_common(1)[0][0] for old, counts in went.items() if old not in live}
    for old, earlier_target in earlier_aliases.items():
        if old not in live:
            target = earlier_target if earlier_target in live else targets.get(earlier_target)
            if target is not None:
                targets[old] = target
    rows = [{"id": old, "group": target} for old, target in targets.items()]
    if rows:
        GroupAlias.insert_many(rows).on_conflict_replace().execute()


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
