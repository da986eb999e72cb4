"""Which quotes are one statement, and how groups grow and merge as articles arrive.

The rules follow the phrase-graph method for news memes (Leskovec, Backstrom &
Kleinberg, 2009), adapted to incremental ingest and to how outlets print statements:

* Two wordings are one statement when the shorter lies inside the longer (a semi-global
  word alignment: the longer's words before and after are free) within an edit budget that
  grows with its length — one word in six (one in four when both have the same resolved speaker),
  a re-typed word or a person shift counting half —
  or, when each cut a different end, they share a passage of :data:`SHARED_PASSAGE` words.
  They were published within two weeks of each other and their speakers do not conflict:
  only two confident, resolved, different *person* names veto (see :mod:`.speakers`).
* Wordings of six words or fewer identify nothing on their own ("this is not who we are"):
  they join only a wording of the same resolved speaker that contains them — the passage their
  own article printed, else the one statement of that speaker that contains them (none when
  several do).
* A quote joins one group: the group of its best *container* (the article's own longer
  quote first). A short fragment inside two different statements therefore cannot chain
  them. A quote that contains a group's *canonical* wording takes that whole group along:
  two groups it contains merge, the older id staying (the store keeps the other as an alias).
* Quotes of one article may share a group (a headline fragment, a repeated quote, halves
  split around their cue) but a group needs two articles: an article repeating itself is
  not a variant.
* The canonical wording is the longest member (ties: the first stored), because the longest
  printing contains what the shorter ones cut; a longer containing wording takes over.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TypeVar

from .align import MISS, semi_global, shared_passage
from .speakers import CONFIDENT, compatible_names
from .text import ELLIPSIS, shingles, word_count

MIN_WORDS = 7  # a wording this long can identify a statement on its words alone
MIN_SHORT_WORDS = 2  # shorter phrases ("hard", "hoax") are never grouped
SHARED_PASSAGE = 12  # words (net of edits) two printings must share when neither contains the other
SPEAKER_BLIND = 20  # a contained wording this long is one statement whatever the attributions say
MIN_SHARED_SHINGLES = 2
MAX_DAYS_APART = 14
COMMON_SHINGLE = 200  # a shingle in more quotes than this is a stock phrase: not used to find candidates
PROBE_BUDGET = 1000  # postings read per quote, rarest shingles first: bounds the work as the index grows
SPEAKER_PROBE = 200  # a speaker's most recent short quotes read per quote

PublishedDate = date | str | None


@dataclass(frozen=True)
class Member:
    """A quote as grouping sees it, with the evidence its attribution gives."""

    id: int
    words: tuple[str, ...]
    article: Hashable  # any identity: the quotes of one article
    speaker: str | None = None  # identity key of the speaker, when known
    published: PublishedDate = None  # date or ISO string, when known
    speaker_kind: str | None = None  # "person", "organisation", "place", "other" or None (unknown)
    confidence: float = 1.0  # of the attribution


def edit_budget(length: int) -> int:
    """Half-word edits allowed when a quote of ``length`` words is matched: one word in six, at least one.

    Six words or fewer: one near miss at most ("final"/"finals"), nothing for two or three.
    """
    if length < MIN_WORDS:
        return 1 if length >= 4 else 0
    return max(MISS, length * MISS // 6)


def contains(short: Sequence[str], long: Sequence[str], lenient: bool = False) -> float:
    """Score in (0, 1] when the word sequence short is within long up to the edit budget, else 0.0.

    An ELLIPSIS in short is a cut: the words of long it stands for are free. ``lenient``
    (both printings have the same resolved speaker) allows one word in four, not six: a
    re-transcription changes more words than a re-print.

    >>> short = "the deaths of george floyd gave breath".split()
    >>> contains(short, "and the death of george floyd gave breath to".split())
    0.857...
    >>> contains("it is a setback … it sets back the idea".split(), "it is a setback it sets back the clock to a "
    ...          "time when nobody listened it sets back the idea that".split())
    1.0
    """
    long = [w for w in long if w != ELLIPSIS]
    pieces: list[list[str]] = [[]]
    for word in short:
        if word == ELLIPSIS:
            pieces.append([])
        else:
            pieces[-1].append(word)
    pieces = [p for p in pieces if p]
    length = sum(map(len, pieces))
    if not length:
        return 0.0
    limit = edit_budget(length)
    if lenient and length >= MIN_WORDS:
        limit = max(limit, length * MISS // 4)
    cost = at = 0
    for piece in pieces:  # each piece within what the previous one left
        found = semi_global(piece, long[at:], limit - cost)
        if found is None:
            return 0.0
        cost, at = cost + found.cost, at + found.end
    return max(0.01, 1.0 - cost / (MISS * length))


def as_date(value: PublishedDate) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return _parse_date(str(value)[:10])


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _resolved(member: Member) -> bool:
    """A name, not a description: a person, organisation or place, or a one-word name of unknown kind."""
    return bool(member.speaker) and member.speaker_kind in ("person", "organisation", "place", None)


def same_speaker(a: Member, b: Member) -> bool:
    """Both attributed to one resolved speaker ("Doeleman" and "Sheperd Doeleman" are one)."""
    return _resolved(a) and _resolved(b) and compatible_names(a.speaker or "", b.speaker or "")


def speakers_conflict(a: Member, b: Member) -> bool:
    """Two confident, resolved person names that cannot be one person."""
    if not (a.speaker and b.speaker) or compatible_names(a.speaker, b.speaker):
        return False
    return all(m.speaker_kind == "person" and m.confidence >= CONFIDENT for m in (a, b))


def consensus(members: Iterable[Member]) -> Member | None:
    """The member speaking for a group: most members name its resolved speaker, and at least two.

    One wrong attribution (a heading taken for the speaker) is then outvoted by the rest.
    """
    backers: dict[str, list[Member]] = {}
    attributed = 0
    for member in members:
        if _resolved(member):
            attributed += 1
            backers.setdefault(member.speaker or "", []).append(member)
    if not backers:
        return None
    most = max(backers.values(), key=lambda ms: (len(ms), ms[0].speaker or ""))
    if len(most) < 2 or 2 * len(most) <= attributed:
        return None
    return max(most, key=lambda m: (m.confidence, -m.id))


def speaking_as(member: Member, voice: Member | None) -> Member:
    """member with the speaker evidence of voice (its group's consensus) when its own disagrees."""
    if voice is None or (member.speaker and compatible_names(member.speaker, voice.speaker or "")):
        return member
    return replace(member, speaker=voice.speaker, speaker_kind=voice.speaker_kind, confidence=voice.confidence)


def far_apart(a: Member, b: Member) -> bool:
    """Published more than MAX_DAYS_APART apart: never one statement (an unknown date is never far)."""
    day_a, day_b = as_date(a.published), as_date(b.published)
    return bool(day_a and day_b and abs((day_a - day_b).days) > MAX_DAYS_APART)


def link(a: Member, b: Member) -> float:
    """Score in (0, 1] when a and b are wordings of one statement (same article allowed), else 0.0."""
    short, long = (a, b) if _rank(a) <= _rank(b) else (b, a)
    length = word_count(short.words)
    if length < MIN_SHORT_WORDS:
        return 0.0
    if far_apart(a, b):
        return 0.0
    if length < MIN_WORDS:
        return contains(short.words, long.words) if same_speaker(a, b) else 0.0
    conflict = speakers_conflict(a, b)
    if conflict and length < SPEAKER_BLIND:
        return 0.0
    score = contains(short.words, long.words, lenient=same_speaker(a, b))
    if score or conflict or a.article == b.article:
        return score
    passage = shared_passage(short.words, long.words, MISS * SHARED_PASSAGE)
    return passage / (2 * MISS * len(long.words)) if passage else 0.0


def same_statement(a: Member, b: Member) -> float:
    """Score in (0, 1] when members a and b, of two articles, are wordings of one statement, else 0.0."""
    return 0.0 if a.article == b.article else link(a, b)


T = TypeVar("T")


def probe_order(items: Iterable[T], size: Callable[[T], int]) -> Iterator[T]:
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


def _rank(member: Member) -> tuple[int, int]:
    """Longer first, then the earlier stored: the canonical of several members is the greatest."""
    return (word_count(member.words), -member.id)


class GroupStore:
    """Where members, their shingles and their groups are kept. Subclasses: memory, database."""

    def candidates(self, member: Member, member_shingles: set[int]) -> Iterable[Member]:
        """Stored members that may be wordings of member's statement, its own article's included.

        Those sharing at least MIN_SHARED_SHINGLES uncommon shingles; and, when member has a
        speaker, that speaker's recent short quotes (all its recent quotes when member is short).
        """
        raise NotImplementedError

    def said_by(self, speaker: str, short: bool, before: int | None = None) -> Iterable[Member]:
        """The speaker's latest quotes placed before ``before`` (SPEAKER_PROBE at most); under MIN_WORDS if short."""
        raise NotImplementedError

    def group_of(self, member_id: int) -> int | None:
        raise NotImplementedError

    def canonical(self, group_id: int) -> Member:
        raise NotImplementedError

    def members_of(self, group_id: int) -> list[Member]:
        raise NotImplementedError

    def index(self, member: Member, member_shingles: set[int]) -> None:
        raise NotImplementedError

    def create_group(self, members: list[Member], canonical: Member) -> int:
        raise NotImplementedError

    def join(self, group_id: int, members: list[Member], canonical: Member) -> None:
        raise NotImplementedError

    def merge(self, group_id: int, into: int) -> None:
        """Move every member of group_id into group ``into``; group_id stays resolvable as an alias."""
        raise NotImplementedError


class Grouper:
    """Adds quotes one at a time, comparing each only with the candidates its store finds."""

    def __init__(self, store: GroupStore) -> None:
        self.store = store

    def add(self, member: Member) -> int | None:
        """Place member in a group (or none); return its group id."""
        if word_count(member.words) < MIN_SHORT_WORDS:
            return None
        member_shingles = shingles(member.words)
        seen: dict[int, Member] = {}
        for candidate in self.store.candidates(member, member_shingles):
            if candidate.id != member.id:
                seen.setdefault(candidate.id, candidate)
        group = self._place(member, list(seen.values()))
        self.store.index(member, member_shingles)
        return group

    def _place(self, member: Member, candidates: list[Member]) -> int | None:
        store = self.store
        voices: dict[int, Member | None] = {}

        def voice(group: int) -> Member | None:
            if group not in voices:
                voices[group] = consensus(store.members_of(group))
            return voices[group]

        parents: list[tuple[tuple[bool, bool, float, int, int], Member]] = []
        children: list[Member] = []
        for candidate in candidates:
            if far_apart(member, candidate):
                continue  # link() would say no whatever the group's voice: not worth reading the group
            group = store.group_of(candidate.id)
            # A grouped wording speaks with its group's voice: one wrong attribution is outvoted.
            score = link(member, speaking_as(candidate, voice(group)) if group is not None else candidate)
            if not score:
                continue
            if _rank(candidate) > _rank(member):
                key = (candidate.article == member.article, group is not None, score, *_rank(candidate))
                parents.append((key, candidate))
            else:
                children.append(candidate)
        parent = max(parents, key=lambda p: p[0])[1] if parents else None
        if parent is not None and parent.article != member.article and word_count(member.words) < MIN_WORDS:
            # A short phrase inside wordings of several statements of its speaker names none of them.
            if len({store.group_of(c.id) or -c.id for _, c in parents}) > 1:
                parent = None

        groups: set[int] = set()
        loose = [member]
        if parent is not None:
            target = store.group_of(parent.id)
            if target is None:
                loose.append(parent)
            else:
                groups.add(target)
        for child in children:
            group = store.group_of(child.id)
            if group is None:
                loose.append(child)
            elif store.canonical(group).id == child.id:
                groups.add(group)  # member contains that group's canonical wording: the whole group
        canonical = max([store.canonical(g) for g in groups] + loose, key=_rank)
        if groups or len(loose) > 1:
            self._sweep(member, candidates, groups, loose, canonical)
        if groups:
            keep = min(groups)
            for group in sorted(groups - {keep}):
                store.merge(group, into=keep)
            store.join(keep, loose, canonical)
            return keep
        if len({m.article for m in loose}) < 2:
            return None
        return store.create_group(loose, canonical)

    def _sweep(
        self, member: Member, candidates: list[Member], groups: set[int], loose: list[Member], canonical: Member
    ) -> None:
        """Add to loose the quotes left alone that belong to the passage member joined.

        A two-word phrase inside its own article's longer quote, say, or a quote whose only
        container was attributed to someone else than the rest of the group.
        """
        store = self.store
        placed = {m.id for m in loose}
        group_members = [m for g in groups for m in store.members_of(g)]
        voice = consensus(group_members + loose)
        anchors = []
        for anchor in [canonical, *loose]:
            speaking = speaking_as(anchor, voice)
            if anchor.id != member.id or speaking is not anchor:
                anchors.append(speaking)
        speakers = {m.speaker for m in anchors if m.speaker and m.speaker != member.speaker}
        for speaker in sorted(speakers):
            candidates = candidates + list(store.said_by(speaker, short=True, before=member.id))
        statement = placed | {m.id for m in group_members}
        for candidate in candidates:
            if candidate.id in placed or store.group_of(candidate.id) is not None:
                continue
            linked = [a for a in anchors if _rank(a) > _rank(candidate) and link(candidate, a)]
            if not linked:
                continue
            short = word_count(candidate.words) < MIN_WORDS
            if (
                short
                and all(a.article != candidate.article for a in linked)
                and self._elsewhere(candidate, statement, groups, member.id)
            ):
                continue
            loose.append(candidate)
            placed.add(candidate.id)

    def _elsewhere(self, short: Member, statement: set[int], groups: set[int], before: int) -> bool:
        """Does a wording placed before ``before``, outside the statement being placed, contain the phrase too?"""
        if not short.speaker:
            return True
        for other in self.store.said_by(short.speaker, short=False, before=before):
            if other.id in statement or self.store.group_of(other.id) in groups:
                continue
            if _rank(other) > _rank(short) and link(short, other):
                return True
        return False


class _Column:
    """Values of one attribute per member, each distinct value kept once: 4 bytes a member."""

    def __init__(self) -> None:
        self.codes = array("I")
        self.values: list = []
        self._code: dict = {}

    def append(self, value) -> None:
        code = self._code.get(value)
        if code is None:
            code = self._code[value] = len(self.values)
            self.values.append(value)
        self.codes.append(code)

    def __getitem__(self, slot: int):
        return self.values[self.codes[slot]]


class _Postings:
    """Shingle -> the slots of the members holding it, in the order they were added.

    No Python object per shingle or posting: (shingle, slot) pairs sit in hash buckets of
    packed bytes, found with ``bytearray.find``; buckets double as they fill. A shingle found
    in more than COMMON_SHINGLE members is dropped and remembered as common.
    """

    FILL = 512  # postings per bucket, on average, before the buckets double

    def __init__(self) -> None:
        self.mask = (1 << 10) - 1
        self.keys = [bytearray() for _ in range(self.mask + 1)]
        self.slots = [array("I") for _ in range(self.mask + 1)]
        self.size = 0
        self.common: set[int] = set()

    def get(self, shingle: int) -> list[int] | None:
        """The slots holding shingle (at most COMMON_SHINGLE + 1 of them), None for a common one."""
        if shingle in self.common:
            return None
        bucket = shingle & self.mask
        keys, slots = self.keys[bucket], self.slots[bucket]
        needle = shingle.to_bytes(4, sys.byteorder)
        found = []
        at = keys.find(needle)
        while at >= 0:
            if at & 3:
                at = keys.find(needle, at + 1)
                continue
            found.append(slots[at >> 2])
            if len(found) > COMMON_SHINGLE:
                self._drop(shingle)
                return None
            at = keys.find(needle, at + 4)
        return found

    def add(self, shingle: int, slot: int) -> None:
        if shingle in self.common:
            return
        bucket = shingle & self.mask
        self.keys[bucket] += shingle.to_bytes(4, sys.byteorder)
        self.slots[bucket].append(slot)
        self.size += 1
        if self.size > self.FILL * (self.mask + 1):
            self._double()

    def _drop(self, shingle: int) -> None:
        self.common.add(shingle)
        bucket = shingle & self.mask
        keys, slots = array("I", bytes(self.keys[bucket])), self.slots[bucket]
        kept = [i for i, key in enumerate(keys) if key != shingle]
        self.keys[bucket] = bytearray(array("I", (keys[i] for i in kept)).tobytes())
        self.slots[bucket] = array("I", (slots[i] for i in kept))
        self.size -= len(keys) - len(kept)

    def _double(self) -> None:
        """Split each bucket in two by the next bit of its shingles; order within each is kept.

        A bucket at a time, each replaced as soon as it is split: at 10 M quotes the postings take
        over a gigabyte, and building all the halves before letting the old buckets go needed twice that.
        """
        high = self.mask + 1
        upper_keys: list[bytearray] = []
        upper_slots: list[array] = []
        for bucket in range(high):
            halves = {0: (array("I"), array("I")), high: (array("I"), array("I"))}
            for key, slot in zip(memoryview(self.keys[bucket]).cast("I"), self.slots[bucket], strict=True):
                keys, slots = halves[key & high]
                keys.append(key)
                slots.append(slot)
            self.keys[bucket], self.slots[bucket] = bytearray(halves[0][0].tobytes()), halves[0][1]
            upper_keys.append(bytearray(halves[high][0].tobytes()))
            upper_slots.append(halves[high][1])
        self.keys += upper_keys
        self.slots += upper_slots
        self.mask = (self.mask << 1) | 1


_NONE = 0xFFFFFFFF  # in a slot array: no member


class MemoryStore(GroupStore):
    """Everything in memory, in compact arrays: for ``quotes-api extract`` and the benchmark.

    A member is a *slot*: its words as ids into one vocabulary (one shared array), its other
    attributes as small codes; a Member object is built again only when a candidate is read.
    Groups are linked lists through the slots. About 250 bytes a quote of 20 words.
    """

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.spelling: list[str] = []
        self.words = array("H")  # word ids of every member, one after the other
        self.word_end = array("Q")  # per slot: where its words end in self.words
        self.ids = array("q")  # per slot: the member id
        self._id_base: int | None = None  # slots of members added in id order need no lookup
        self._irregular: dict[int, int] = {}  # member id -> slot, for the others
        self.articles: array | list = array("q")  # ints; a list once an article identity is not one
        self.speakers, self.published, self.kinds, self.confidences = _Column(), _Column(), _Column(), _Column()
        self.postings = _Postings()
        self.by_speaker: dict[str, array] = {}  # speaker key -> its latest slots, all lengths
        self.short_by_speaker: dict[str, array] = {}  # speaker key -> its latest slots under MIN_WORDS
        self.membership = array("I")  # per slot: group id, 0 for none
        self.next_member = array("I")  # per slot: the next slot of its group, or _NONE
        self.canonicals = array("I", [_NONE])  # per group id: its canonical slot; _NONE once merged away
        self.first = array("I", [_NONE])  # per group id: its first and last member slots
        self.last = array("I", [_NONE])
        self.aliases = array("I", [0])  # per group id: the group it was merged into, 0 if none
        self._next_group = 1

    # members and slots

    def _slot(self, member_id: int) -> int | None:
        if self._id_base is not None:
            slot = member_id - self._id_base
            if 0 <= slot < len(self.ids) and self.ids[slot] == member_id:
                return slot
        return self._irregular.get(member_id)

    def _store(self, member: Member) -> int:
        """The slot of member, stored now if it was not yet."""
        slot = self._slot(member.id)
        if slot is not None:
            return slot
        slot = len(self.ids)
        if self._id_base is None:
            self._id_base = member.id
        if member.id != self._id_base + slot:
            self._irregular[member.id] = slot
        self.ids.append(member.id)
        for word in member.words:
            code = self.vocabulary.get(word)
            if code is None:
                code = self.vocabulary[word] = len(self.spelling)
                self.spelling.append(word)
                if code > 0xFFFF and self.words.typecode == "H":
                    self.words = array("I", self.words)
            self.words.append(code)
        self.word_end.append(len(self.words))
        if isinstance(self.articles, array) and not (
            isinstance(member.article, int) and -(2**63) <= member.article < 2**63
        ):
            self.articles = list(self.articles)
        self.articles.append(member.article)
        self.speakers.append(member.speaker)
        self.published.append(member.published)
        self.kinds.append(member.speaker_kind)
        self.confidences.append(member.confidence)
        self.membership.append(0)
        self.next_member.append(_NONE)
        return slot

    def _member(self, slot: int) -> Member:
        start = self.word_end[slot - 1] if slot else 0
        spelling = self.spelling
        return Member(
            self.ids[slot],
            tuple([spelling[w] for w in self.words[start : self.word_end[slot]]]),
            self.articles[slot],
            self.speakers[slot],
            self.published[slot],
            self.kinds[slot],
            self.confidences[slot],
        )

    # GroupStore

    def candidates(self, member: Member, member_shingles: set[int]) -> Iterator[Member]:
        postings = [p for p in map(self.postings.get, member_shingles) if p]
        counts: dict[int, int] = {}
        for posting in probe_order(postings, len):
            for other in posting:
                counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            if shared >= MIN_SHARED_SHINGLES:
                yield self._member(other)
        if member.speaker:
            yield from self.said_by(member.speaker, short=word_count(member.words) >= MIN_WORDS, before=member.id)

    def said_by(self, speaker: str, short: bool, before: int | None = None) -> Iterator[Member]:
        index = self.short_by_speaker if short else self.by_speaker
        for other in index.get(speaker, array("I"))[-SPEAKER_PROBE:]:
            yield self._member(other)

    def group_of(self, member_id: int) -> int | None:
        slot = self._slot(member_id)
        return (self.membership[slot] or None) if slot is not None else None

    def canonical(self, group_id: int) -> Member:
        slot = self.canonicals[group_id] if 0 < group_id < len(self.canonicals) else _NONE
        if slot == _NONE:
            raise KeyError(group_id)
        return self._member(slot)

    def members_of(self, group_id: int) -> list[Member]:
        found = []
        slot = self.first[group_id] if 0 < group_id < len(self.first) else _NONE
        while slot != _NONE:
            found.append(self._member(slot))
            slot = self.next_member[slot]
        return found

    def index(self, member: Member, member_shingles: set[int]) -> None:
        slot = self._store(member)
        for shingle in member_shingles:
            self.postings.add(shingle, slot)
        if member.speaker:
            _remember(self.by_speaker, member.speaker, slot)
            if word_count(member.words) < MIN_WORDS:
                _remember(self.short_by_speaker, member.speaker, slot)

    def create_group(self, members: list[Member], canonical: Member) -> int:
        group_id = self._next_group
        self._next_group += 1
        for column in (self.canonicals, self.first, self.last):
            column.append(_NONE)
        self.aliases.append(0)
        self.join(group_id, members, canonical)
        return group_id

    def join(self, group_id: int, members: list[Member], canonical: Member) -> None:
        self.canonicals[group_id] = self._store(canonical)
        for member in members:
            slot = self._store(member)
            if self.membership[slot] != group_id:
                self.membership[slot] = group_id
                self._append(group_id, slot, slot)

    def _append(self, group_id: int, first: int, last: int) -> None:
        """Link the chain of slots first..last at the end of group_id's members."""
        if self.first[group_id] == _NONE:
            self.first[group_id] = first
        else:
            self.next_member[self.last[group_id]] = first
        self.last[group_id] = last

    def merge(self, group_id: int, into: int) -> None:
        first, last = self.first[group_id], self.last[group_id]
        slot = first
        while slot != _NONE:
            self.membership[slot] = into
            slot = self.next_member[slot]
        if first != _NONE:
            self._append(into, first, last)
        self.first[group_id] = self.last[group_id] = self.canonicals[group_id] = _NONE
        self.aliases[group_id] = into

    def resolve(self, group_id: int) -> int | None:
        """The live id of a group, following merges."""
        if not 0 < group_id < len(self.canonicals):
            return None
        while self.aliases[group_id]:
            group_id = self.aliases[group_id]
        return group_id if self.canonicals[group_id] != _NONE else None


def _remember(index: dict[str, array], speaker: str, slot: int) -> None:
    """Add slot to the speaker's latest; only the last SPEAKER_PROBE are ever read."""
    latest = index.get(speaker)
    if latest is None:
        latest = index[speaker] = array("I")
    latest.append(slot)
    if len(latest) > 2 * SPEAKER_PROBE:
        del latest[:-SPEAKER_PROBE]
