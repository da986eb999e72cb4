"""Which quotes are one statement, and how groups grow as articles arrive.

The rules follow the phrase-graph method for news memes (Leskovec, Backstrom &
Kleinberg, 2009), adapted to incremental ingest:

* Two wordings are the same statement when the shorter is contained in the
  longer within an edit budget that grows with its length (one word in six may be
  substituted, dropped or added), both come from different articles, their speakers
  do not conflict, and they were published within two weeks of each other.
* A quote joins at most one group, and only by matching that group's *canonical*
  wording, never a member: a short generic fragment ("this is not who we are")
  contained in two different statements therefore cannot chain them together.
* Existing groups are never merged; a group keeps its id as it grows.
* The canonical wording is the longest member (ties: the first stored), because
  the longest printing contains what the shorter ones cut.
"""

from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import LCSseq, Levenshtein

from .text import shingles

MIN_WORDS = 7  # six words or fewer ("this is not who we are") are too generic to identify a statement
MIN_SHARED_SHINGLES = 2
MAX_DAYS_APART = 14
COMMON_SHINGLE = 200  # a shingle in more quotes than this is a stock phrase: not used to find candidates
PROBE_BUDGET = 1000  # postings read per quote, rarest shingles first: bounds the work as the index grows


@dataclass(frozen=True)
class Member:
    """A quote as grouping sees it."""

    id: int
    words: tuple
    article: object  # any identity: two members of one article never pair directly
    speaker: str | None = None  # identity key of the speaker, when known
    published: object = None  # date or ISO string, when known


def edit_budget(length):
    """Word edits allowed when a quote of ``length`` words is matched: one in six, at least one."""
    return max(1, length // 6)


def contains(short, long):
    """Score in (0, 1] when the word sequence short is within long up to the edit budget, else 0.0.

    >>> short = "the deaths of george floyd gave breath".split()
    >>> contains(short, "and the death of george floyd gave breath to".split())
    0.857...
    """
    if not short or len(short) > len(long) + edit_budget(len(short)):
        return 0.0
    blocks = [b for b in LCSseq.editops(short, long).as_matching_blocks() if b.size]
    if not blocks:
        return 0.0
    matched = sum(b.size for b in blocks)
    if len(short) - matched > edit_budget(len(short)):
        return 0.0
    # Compare with the stretch of the longer wording that the shorter one covers.
    lead, tail = blocks[0].a, len(short) - (blocks[-1].a + blocks[-1].size)
    window = long[max(0, blocks[0].b - lead) : blocks[-1].b + blocks[-1].size + tail]
    distance = Levenshtein.distance(short, window)
    if distance > edit_budget(len(short)):
        return 0.0
    return 1.0 - distance / len(short)


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def same_statement(a, b):
    """Score in (0, 1] when members a and b are wordings of one statement, else 0.0."""
    if a.article == b.article:
        return 0.0
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return 0.0
    day_a, day_b = _as_date(a.published), _as_date(b.published)
    if day_a and day_b and abs((day_a - day_b).days) > MAX_DAYS_APART:
        return 0.0
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) < MIN_WORDS:
        return 0.0
    return contains(short.words, long.words)


def probe_order(items, size):
    """The rarest items first, while the postings read stay within PROBE_BUDGET (at least two).

    Rare shingles are the telling ones; common ones only add candidates that fail
    verification, and reading them all would make each insert slower as the index grows.
    """
    read = 0
    for number, item in enumerate(sorted(items, key=size)):
        read += size(item)
        if number >= 2 and read > PROBE_BUDGET:
            return
        yield item


def _longer(a, b):
    """The canonical of two members: the longer, the earlier stored on a tie."""
    return a if (len(a.words), -a.id) > (len(b.words), -b.id) else b


class GroupStore:
    """Where members, their shingles and their groups are kept. Subclasses: memory, database."""

    def candidates(self, member, member_shingles):
        """Members of other articles sharing at least MIN_SHARED_SHINGLES uncommon shingles."""
        raise NotImplementedError

    def group_of(self, member_id):
        raise NotImplementedError

    def canonical(self, group_id):
        raise NotImplementedError

    def index(self, member, member_shingles):
        raise NotImplementedError

    def create_group(self, members, canonical):
        raise NotImplementedError

    def join(self, group_id, members, canonical):
        raise NotImplementedError


class Grouper:
    """Adds quotes one at a time, comparing each only with the candidates its store finds."""

    def __init__(self, store):
        self.store = store

    def add(self, member):
        """Place member in a group (or none); return its group id."""
        if len(member.words) < MIN_WORDS:
            return None
        member_shingles = shingles(member.words)
        best_group, best_score, loose = None, 0.0, []
        seen_groups = set()
        for candidate in self.store.candidates(member, member_shingles):
            group = self.store.group_of(candidate.id)
            if group is None:
                score = same_statement(member, candidate)
                if score:
                    loose.append(candidate)
            elif group not in seen_groups:
                seen_groups.add(group)
                score = same_statement(member, self.store.canonical(group))
                if score > best_score:
                    best_group, best_score = group, score
        if best_group is not None:
            canonical = _longer(member, self.store.canonical(best_group))
            joining = [member] + [c for c in loose if same_statement(c, canonical) or c is canonical]
            self.store.join(best_group, joining, canonical)
            group = best_group
        elif loose:
            canonical = member
            for candidate in loose:
                canonical = _longer(canonical, candidate)
            joining = [m for m in [member] + loose if m is canonical or same_statement(m, canonical)]
            group = self.store.create_group(joining, canonical) if len(joining) > 1 else None
        else:
            group = None
        self.store.index(member, member_shingles)
        return group


class MemoryStore(GroupStore):
    """Everything in dictionaries: for ``quotes-api extract`` and the benchmark."""

    def __init__(self):
        self.members = {}
        self.postings = {}  # shingle -> [member id]
        self.groups = {}  # group id -> canonical member id
        self.membership = {}  # member id -> group id
        self._next_group = 1

    def candidates(self, member, member_shingles):
        postings = [p for p in map(self.postings.get, member_shingles) if p and len(p) <= COMMON_SHINGLE]
        counts = {}
        for posting in probe_order(postings, len):
            for other in posting:
                counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            if shared >= MIN_SHARED_SHINGLES:
                candidate = self.members[other]
                if candidate.article != member.article:
                    yield candidate

    def group_of(self, member_id):
        return self.membership.get(member_id)

    def canonical(self, group_id):
        return self.members[self.groups[group_id]]

    def index(self, member, member_shingles):
        self.members[member.id] = member
        for shingle in member_shingles:
            self.postings.setdefault(shingle, []).append(member.id)

    def create_group(self, members, canonical):
        group_id = self._next_group
        self._next_group += 1
        self.join(group_id, members, canonical)
        return group_id

    def join(self, group_id, members, canonical):
        self.groups[group_id] = canonical.id
        self.members.setdefault(canonical.id, canonical)
        for member in members:
            self.membership[member.id] = group_id
