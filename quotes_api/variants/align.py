"""Word alignment of two wordings: is the shorter inside the longer, or do they share a passage?

Costs are counted in *half* word edits so that near misses can cost half an edit:
a word the other wording also has costs 0, a re-typed or re-transcribed word
("scourge"/"scrounge", "final"/"finals", "come"/"came") or a person shift ("my"/"his",
"we"/"they") costs 1, any other substituted, dropped or added word costs 2.

Two alignments are used:

* :func:`semi_global` — all of the shorter wording against any stretch of the longer
  (Sellers' approximate matching: the longer wording's words before and after the stretch
  are free). rapidfuzz has no semi-global mode and anchoring a global distance on
  LCS blocks picks the wrong start when the first word recurs earlier, so this is a small
  DP, run only after rapidfuzz's LCS length says a match within the budget is possible,
  and cut off (Ukkonen) as soon as every row is over the budget.
* :func:`shared_passage` — the best common passage of both (Smith-Waterman, local), for
  two printings that each cut a different end off the same statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import LCSseq, Levenshtein

MATCH, NEAR, MISS = 0, 1, 2  # costs in half edits

# A wording turned into third person, or a collective voice reported as "they": half an edit.
_PERSON_SHIFTS = [
    {"i", "he", "she"},
    {"me", "him", "her"},
    {"my", "his", "her"},
    {"mine", "his", "hers"},
    {"myself", "himself", "herself"},
    {"i'm", "he's", "she's"},
    {"i've", "he's", "she's"},
    {"i'll", "he'll", "she'll"},
    {"i'd", "he'd", "she'd"},
    {"we", "they"},
    {"us", "them"},
    {"our", "their"},
    {"ours", "theirs"},
    {"ourselves", "themselves"},
    {"we're", "they're"},
    {"we've", "they've"},
    {"we'll", "they'll"},
    {"am", "is", "was"},
    {"are", "were"},
    {"will", "would"},
    {"can", "could"},
    {"have", "had", "has"},
]
_SHIFT_PAIRS = {(a, b) for group in _PERSON_SHIFTS for a in group for b in group if a != b}


@lru_cache(maxsize=1 << 16)
def word_cost(a: str, b: str) -> int:
    """0 for the same word, 1 for a near miss (spelling, inflection, person shift), else 2."""
    if a == b:
        return MATCH
    if (a, b) in _SHIFT_PAIRS:
        return NEAR
    if min(len(a), len(b)) >= 4:
        prefix = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            prefix += 1
        if prefix >= 5 or Levenshtein.normalized_similarity(a, b) >= 0.75:
            return NEAR
    return MISS


class Alignment(NamedTuple):
    """The shorter wording against long[start:end], at cost (half edits)."""

    cost: int
    start: int
    end: int


_OVER = 1 << 30


def semi_global(short: Sequence[str], long: Sequence[str], limit: int, exact: bool = False) -> Alignment | None:
    """An alignment of all of ``short`` to a stretch of ``long`` within ``limit``, or None if there is none.

    Unless ``exact``, the first one found within the limit is returned (cost and stretch
    may then be a little worse than the cheapest); ``exact`` always finds the cheapest.

    The first word of the shorter also occurs earlier in the longer; the stretch still starts right:

    >>> long = "how many times must we see this in our country in tulsa a man i mean this is just unbearable".split()
    >>> semi_global("in tulsa a man this is just unbearable".split(), long, 4, exact=True)
    Alignment(cost=4, start=10, end=20)
    """
    n = len(short)
    if n == 0 or n - LCSseq.similarity(short, long) > limit:
        return None
    if not exact:
        quick = _on_best_diagonal(short, long, limit)
        if quick is not None:
            return quick  # within the limit: the best alignment is too, no need to find it
    return _dynamic(short, long, limit)


def _on_best_diagonal(short: Sequence[str], long: Sequence[str], limit: int) -> Alignment | None:
    """An alignment found in C: rapidfuzz's edit script against the stretch most shared words point to.

    Its cost (every edit a whole one) is never below the best alignment's, so when it is
    zero, or within the limit, the Python DP need not run to know the pair matches.
    """
    n = len(short)
    if n <= len(long):
        for j in range(len(long) - n + 1):  # printed word for word: the common case, found cheaply
            if long[j] == short[0] and long[j + n - 1] == short[-1] and tuple(long[j : j + n]) == tuple(short):
                return Alignment(0, j, j + n)
    where: dict[str, list[int]] = {}
    for j, word in enumerate(long):
        where.setdefault(word, []).append(j)
    votes: dict[int, int] = {}
    for i, word in enumerate(short):
        for j in where.get(word, ()):
            votes[j - i] = votes.get(j - i, 0) + 1
    if not votes:
        return None
    offset = max(votes, key=lambda o: (votes[o], -abs(o)))
    slack = limit // MISS
    lo, hi = max(0, offset - slack), min(len(long), offset + n + slack)
    ops = list(Levenshtein.editops(short, long[lo:hi]))
    lead = trail = 0
    for op in ops:  # words of the longer before the quoted stretch are free
        if op.tag != "insert" or op.dest_pos != lead:
            break
        lead += 1
    for op in reversed(ops[lead:]):
        if op.tag != "insert" or op.dest_pos != hi - lo - trail - 1:
            break
        trail += 1
    cost = MISS * (len(ops) - lead - trail)
    return Alignment(cost, lo + lead, hi - trail) if cost <= limit else None


def _dynamic(short: Sequence[str], long: Sequence[str], limit: int) -> Alignment | None:
    """Sellers' DP with half-cost near misses, cut off (Ukkonen) where every row is over the limit."""
    n = len(short)
    prev = [MISS * i for i in range(n + 1)]
    prev_start = [0] * (n + 1)
    best = Alignment(prev[n], 0, 0) if prev[n] <= limit else None
    last = min(n, limit // MISS)  # the deepest row still within the limit
    for j, word in enumerate(long, 1):
        cur = [0] * (n + 1)
        cur_start = [j] * (n + 1)  # row 0: a stretch may start after any word
        top = min(n, last + 1)
        for i in range(1, top + 1):
            diagonal = prev[i - 1] + word_cost(short[i - 1], word) if i - 1 <= last else _OVER
            skip_long = prev[i] + MISS if i <= last else _OVER
            skip_short = cur[i - 1] + MISS
            if diagonal <= skip_long and diagonal <= skip_short:
                cur[i], cur_start[i] = diagonal, prev_start[i - 1]
            elif skip_long <= skip_short:
                cur[i], cur_start[i] = skip_long, prev_start[i]
            else:
                cur[i], cur_start[i] = skip_short, cur_start[i - 1]
        for i in range(top + 1, n + 1):
            cur[i] = _OVER
        last = top
        while last > 0 and cur[last] > limit:
            last -= 1
        if top == n and cur[n] <= limit and (best is None or cur[n] < best.cost):
            best = Alignment(cur[n], cur_start[n], j)
        prev, prev_start = cur, cur_start
    return best


_GAIN = (2, 1, -MISS)  # per aligned pair of words, by their cost


def shared_passage(a: Sequence[str], b: Sequence[str], floor: int) -> int:
    """Score of the best passage a and b share (words in common minus edits, in half words), 0 below floor.

    A word both have scores 2, a near miss 1, any other word of either costs 2.
    """
    if min(len(a), len(b)) * 2 < floor or LCSseq.similarity(a, b) * 2 < floor:
        return 0
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            score = max(prev[j - 1] + _GAIN[word_cost(x, y)], prev[j] - MISS, cur[j - 1] - MISS, 0)
            cur[j] = score
            if score > best:
                best = score
        prev = cur
    return best if best >= floor else 0
