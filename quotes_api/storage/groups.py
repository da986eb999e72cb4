"""The variant-grouping store backed by the database: shingles table, groups table, group aliases."""

from collections import Counter

from ..variants import Member, evidence
from ..variants.grouping import COMMON_SHINGLE, MIN_SHARED_SHINGLES, MIN_WORDS, SPEAKER_PROBE, GroupStore, probe_order
from ..variants.text import statement_words, word_count
from . import sql
from .models import GroupAlias, Quote, VariantGroup, utcnow


class DatabaseGroupStore(GroupStore):
    """Candidates come from the shingle index: a new quote is compared with a few stored ones, never all.

    Members are read with their stored words and their group in one query, and the groups read are
    remembered: the store lives for one write transaction (a batch of articles, or a regroup) under
    the grouping lock, and every change to a group goes through it, so what it remembers stays true.
    A speaker's latest quotes are read once and then kept up to date as members are indexed.

    ``earlier_ids`` (quote id -> group id before a regroup) lets a rebuilt group keep the
    id its members had, so links to it keep working.
    """

    REMEMBERED = 200_000  # quotes whose group (or speaker's quotes) are kept; past this the memory starts again

    def __init__(self, earlier_ids=None):
        self.earlier_ids = earlier_ids or {}
        self._highest_earlier = max(self.earlier_ids.values(), default=0)
        self._group_of: dict[int, int | None] = {}
        self._canonical: dict[int, Member] = {}
        self._members: dict[int, list[Member]] = {}
        self._common: dict[int, set[int]] = {}  # member id -> its shingles that are stock phrases
        self._said: dict[tuple[str, bool], list[Member]] = {}  # (speaker, short) -> latest quotes, oldest first
        self._merged: dict[int, int] = {}  # group merged away -> the group it went into

    def candidates(self, member, member_shingles):
        found = self._sharing_shingles(member, member_shingles)
        if member.speaker:
            found += self.said_by(member.speaker, short=word_count(member.words) >= MIN_WORDS, before=member.id)
        return found

    def _sharing_shingles(self, member, member_shingles):
        if not member_shingles:
            return []
        wanted = list(member_shingles)
        frequency, common = {}, set()
        for shingle, count in sql.rows(SHINGLE_COUNTS.format(marks=sql.marks(len(wanted))), wanted + wanted):
            if count < 0:
                common.add(shingle)
            elif count > COMMON_SHINGLE:
                common.add(shingle)
                self._drop_common(shingle)
            else:
                frequency[shingle] = count
        self._common[member.id] = common
        # The rarest known shingles are the most telling; stock phrases are not used at all.
        usable = list(probe_order(frequency, frequency.__getitem__))
        if not usable:
            return []
        where = f"q.id IN ({SHARING.format(marks=sql.marks(len(usable)))}) ORDER BY q.id"
        return self._read(where, [*usable, MIN_SHARED_SHINGLES])

    def _drop_common(self, shingle):
        """A stock phrase: remembered as such, and its postings go (they would only be counted again)."""
        sql.run("INSERT INTO common_shingle (shingle) VALUES (?) ON CONFLICT DO NOTHING", (shingle,))
        sql.run("DELETE FROM quote_shingle WHERE shingle = ?", (shingle,))

    def said_by(self, speaker, short, before=None):
        """The speaker's latest quotes already grouped (ids below ``before``), short ones only if short.

        Members are placed in id order, so the quotes below one ``before`` are the ones below any
        earlier one plus those indexed since: read once, then :meth:`index` keeps the list.
        """
        latest = self._said.get((speaker, short))
        if latest is None:
            where, params = (SAID_SHORT if short else SAID), [speaker]
            if before is not None:
                where, params = where + " AND q.id < ?", [*params, before]
            latest = self._read(f"{where} ORDER BY q.id DESC LIMIT ?", [*params, SPEAKER_PROBE])[::-1]
            if len(self._said) * SPEAKER_PROBE > self.REMEMBERED:
                self._said.clear()
            self._said[speaker, short] = latest
        found = [m for m in reversed(latest) if before is None or m.id < before]
        return found[:SPEAKER_PROBE]

    def group_of(self, member_id):
        if member_id not in self._group_of:
            self._remember(member_id, sql.value("SELECT group_id FROM quote WHERE id = ?", (member_id,)))
        group = self._group_of[member_id]
        while group in self._merged:
            group = self._merged[group]
        return group

    def canonical(self, group_id):
        if group_id not in self._canonical:
            where = "q.id = (SELECT canonical_quote_id FROM variant_group WHERE id = ?)"
            self._canonical[group_id] = self._read(where, [group_id])[0]
        return self._canonical[group_id]

    def members_of(self, group_id):
        """The group's latest members (SPEAKER_PROBE at most: enough to tell whose statement it is)."""
        if group_id not in self._members:
            self._members[group_id] = self._read("q.group_id = ? ORDER BY q.id DESC LIMIT ?", [group_id, SPEAKER_PROBE])
        return self._members[group_id]

    def index(self, member, member_shingles):
        common = self._common.pop(member.id, None)
        wanted = list(member_shingles)
        if common is None and wanted:  # not read by candidates() first
            common = {row[0] for row in sql.rows(KNOWN_COMMON.format(marks=sql.marks(len(wanted))), wanted)}
        rows = [(shingle, member.id) for shingle in wanted if shingle not in (common or ())]
        sql.insert_rows("INSERT INTO quote_shingle (shingle, quote_id)", rows, "ON CONFLICT DO NOTHING")
        if member.speaker:
            for short in {False, word_count(member.words) < MIN_WORDS}:
                latest = self._said.get((member.speaker, short))
                if latest is not None:
                    latest.append(member)
                    del latest[:-SPEAKER_PROBE]

    def create_group(self, members, canonical):
        group_id, reused = self._new_id(members)
        now = utcnow()
        sql.run(
            "INSERT INTO variant_group (id, canonical_quote_id, created_at, updated_at, size) VALUES (?, ?, ?, ?, 0)",
            (group_id, canonical.id, now, now),
        )
        if reused:  # an id a regroup gives back may have become an alias meanwhile
            sql.run("DELETE FROM group_alias WHERE id = ?", (group_id,))
            if self._merged.pop(group_id, None) is not None:
                self._group_of.clear()  # some remembered under this id went elsewhere: read them again
        self.join(group_id, members, canonical)
        return group_id

    def _new_id(self, members):
        """(id, reused): the earliest id a member's group had before a regroup, if free; else one never used."""
        for earlier in sorted({self.earlier_ids[m.id] for m in members if m.id in self.earlier_ids}):
            if sql.value("SELECT 1 FROM variant_group WHERE id = ?", (earlier,)) is None:
                return earlier, True
        highest = sql.value(
            "SELECT MAX(highest) FROM (SELECT MAX(id) AS highest FROM variant_group "
            "UNION ALL SELECT MAX(id) FROM group_alias) AS ids"
        )
        return max(highest or 0, self._highest_earlier) + 1, False

    def join(self, group_id, members, canonical):
        sql.run(
            "UPDATE variant_group SET canonical_quote_id = ?, updated_at = ? WHERE id = ?",
            (canonical.id, utcnow(), group_id),
        )
        ids = [m.id for m in members]
        sql.run(f"UPDATE quote SET group_id = ? WHERE id IN ({sql.marks(len(ids))})", [group_id, *ids])
        self._canonical[group_id] = canonical
        self._members.pop(group_id, None)
        for member_id in ids:
            self._remember(member_id, group_id)

    def merge(self, group_id, into):
        sql.run("UPDATE group_alias SET group_id = ? WHERE group_id = ?", (into, group_id))
        sql.run(
            "INSERT INTO group_alias (id, group_id, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id",
            (group_id, into, utcnow()),
        )
        sql.run("UPDATE quote SET group_id = ? WHERE group_id = ?", (into, group_id))
        sql.run("DELETE FROM variant_group WHERE id = ?", (group_id,))
        self._canonical.pop(group_id, None)
        self._members.pop(group_id, None)
        self._members.pop(into, None)
        self._merged[group_id] = into  # remembered members of group_id are now into's (see group_of)

    def stored_after(self, after, limit):
        """Up to limit stored quotes that grouping places (not indirect), with ids above after, in id order."""
        return self._read("q.kind != 'indirect' AND q.id > ? ORDER BY q.id LIMIT ?", [after, limit])

    def _read(self, where, params):
        """Members (with their groups, remembered) of the quotes matching where, in its order."""
        found = []
        for quote_id, words, text, article, confidence, kind, published, key, name, group in sql.rows(
            MEMBERS + where, params
        ):
            words = tuple(words.split()) if words is not None else statement_words(text)
            found.append(grouping_member(quote_id, words, article, published, name, key, kind, confidence))
            self._remember(quote_id, group)
        return found

    def _remember(self, member_id, group_id):
        if len(self._group_of) >= self.REMEMBERED:
            self._group_of.clear()  # the database has every group: forgetting only costs a read
        self._group_of[member_id] = group_id


def grouping_member(quote_id, words, article, published, name, key, kind, confidence):
    """A quote as grouping sees it: its speaker (name and identity key) read as evidence."""
    said = evidence(name, kind, confidence, key=key)
    return Member(quote_id, words, article, said.key, published, said.kind, said.confidence)


# A member as grouping sees it: stored words, article, attribution evidence, and its group.
MEMBERS = (
    "SELECT q.id, q.words, q.text, q.article_id, q.confidence, q.speaker_kind, a.published, s.key, s.name, "
    "q.group_id FROM quote AS q JOIN article AS a ON a.id = q.article_id "
    "LEFT JOIN speaker AS s ON s.id = q.speaker_id WHERE "
)
# Postings per shingle (each at most COMMON_SHINGLE + 1: a stock phrase's are dropped), and -1 for
# the stock phrases already known.
SHINGLE_COUNTS = (
    "SELECT shingle, COUNT(*) FROM quote_shingle WHERE shingle IN ({marks}) GROUP BY shingle "
    "UNION ALL SELECT shingle, -1 FROM common_shingle WHERE shingle IN ({marks})"
)
# A speaker's quotes that grouping may read; the short ones are a partial index of their own (migration
# 0006), which the planner uses only when the query spells out the same bounds.
SAID = "s.key = ? AND q.kind != 'indirect' AND q.word_count >= 2"
SAID_SHORT = f"{SAID} AND q.word_count < {MIN_WORDS}"
KNOWN_COMMON = "SELECT shingle FROM common_shingle WHERE shingle IN ({marks})"
SHARING = "SELECT quote_id FROM quote_shingle WHERE shingle IN ({marks}) GROUP BY quote_id HAVING COUNT(*) >= ?"


# An alias that exists already points to the new group: an upsert, which SQLite and PostgreSQL both
# spell ON CONFLICT (id) DO UPDATE (PostgreSQL has no INSERT OR REPLACE).
ALIAS_UPSERT = {"conflict_target": [GroupAlias.id], "preserve": [GroupAlias.group]}


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
        GroupAlias.insert_many(rows).on_conflict(**ALIAS_UPSERT).execute()


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
