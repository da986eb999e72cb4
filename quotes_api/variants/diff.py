"""Word-level diff of a variant wording against the canonical one, with offsets a page can highlight."""

from rapidfuzz.distance import Levenshtein

from .text import word_spans


def word_diff(canonical, variant):
    """Return the edits that turn canonical into variant, word by word.

    Each edit is ``{"op", "canonical": {"start", "end", "text"}, "variant": {...}}`` with
    character offsets into each text. ``op`` is ``equal``, ``replace``, ``insert`` (words
    only the variant has), ``delete`` (words the variant dropped) or ``omitted``
    (canonical words before or after the part the variant quotes at all).

    >>> [e["op"] for e in word_diff("the deaths of George Floyd", "the death of George Floyd")]
    ['equal', 'replace', 'equal']
    """
    left, right = word_spans(canonical), word_spans(variant)
    ops = Levenshtein.opcodes([w for w, _, _ in left], [w for w, _, _ in right])
    edits = []
    for op in ops:
        edits.append(
            {
                "op": op.tag,
                "canonical": _stretch(canonical, left, op.src_start, op.src_end),
                "variant": _stretch(variant, right, op.dest_start, op.dest_end),
            }
        )
    # Canonical words before the variant's first word and after its last are not edits:
    # the variant quotes only part of the statement.
    for edge in (edits[:1], edits[-1:]):
        for edit in edge:
            if edit["op"] == "delete":
                edit["op"] = "omitted"
    return edits


def _stretch(text, spans, lo, hi):
    if lo == hi:
        at = spans[lo][1] if lo < len(spans) else len(text)
        return {"start": at, "end": at, "text": ""}
    start, end = spans[lo][1], spans[hi - 1][2]
    return {"start": start, "end": end, "text": text[start:end]}
