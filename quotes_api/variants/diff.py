"""Word-level diff of a variant wording against the canonical one, with offsets a page can highlight."""

from __future__ import annotations

from typing import Any

from rapidfuzz.distance import Levenshtein

from .align import MISS, semi_global
from .text import word_spans

Span = tuple[str, int, int]


def word_diff(canonical: str, variant: str) -> list[dict[str, Any]]:
    """Return the edits that turn canonical into variant, word by word.

    Each edit is ``{"op", "canonical": {"start", "end", "text"}, "variant": {...}}`` with
    character offsets into each text. ``op`` is ``equal``, ``replace``, ``insert`` (words
    only the variant has), ``delete`` (words the variant dropped) or ``omitted``
    (canonical words before or after the part the variant quotes at all). A shorter
    variant is first placed on the stretch of the canonical it quotes (a semi-global
    alignment), so a word that recurs earlier in the canonical does not pull it off.

    >>> [e["op"] for e in word_diff("the deaths of George Floyd", "the death of George Floyd")]
    ['equal', 'replace', 'equal']
    """
    left, right = word_spans(canonical), word_spans(variant)
    left_words, right_words = [w for w, _, _ in left], [w for w, _, _ in right]
    lo, hi = 0, len(left)
    if right_words and len(right_words) < len(left_words):
        stretch = semi_global(right_words, left_words, MISS * len(right_words), exact=True)
        if stretch is not None:
            lo, hi = stretch.start, stretch.end
    edits = []
    if lo:
        edits.append(_edit("omitted", canonical, left, 0, lo, variant, right, 0, 0))
    for op in Levenshtein.opcodes(left_words[lo:hi], right_words):
        edits.append(
            _edit(
                op.tag, canonical, left, lo + op.src_start, lo + op.src_end, variant, right, op.dest_start, op.dest_end
            )
        )
    if hi < len(left):
        edits.append(_edit("omitted", canonical, left, hi, len(left), variant, right, len(right), len(right)))
    # Canonical words before the variant's first word and after its last are not edits:
    # the variant quotes only part of the statement.
    for edge in (edits[:1], edits[-1:]):
        for edit in edge:
            if edit["op"] == "delete":
                edit["op"] = "omitted"
    return edits


def _edit(
    op: str, canonical: str, left: list[Span], lo: int, hi: int, variant: str, right: list[Span], vlo: int, vhi: int
) -> dict[str, Any]:
    return {"op": op, "canonical": _stretch(canonical, left, lo, hi), "variant": _stretch(variant, right, vlo, vhi)}


def _stretch(text: str, spans: list[Span], lo: int, hi: int) -> dict[str, Any]:
    if lo == hi:
        at = spans[lo][1] if lo < len(spans) else len(text)
        return {"start": at, "end": at, "text": ""}
    start, end = spans[lo][1], spans[hi - 1][2]
    return {"start": start, "end": end, "text": text[start:end]}
