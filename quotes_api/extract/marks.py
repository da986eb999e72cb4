"""Quotation-mark scanning: which marks open and close quotes, in which paragraphs.

News text mixes mark styles and contains errors: a closing-style mark used as an
opener (``”I will …``), apostrophes that look like single closing marks
(``don’t``, ``’90s``, ``voters’``), a quote whose closing mark is missing. The
scanner decides each mark from its neighbours (left- or right-flanking, like
Markdown's emphasis rules) and keeps every decision inside one paragraph, so a
stray mark can never swallow the rest of the article.
"""

import re
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + SINGLE_OPENERS + SINGLE_CLOSERS + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_OPENING_CONTEXT = "([{—–-/―\u00a0"  # characters after which a mark opens
_SINGLE_CLOSER = re.compile(r"’(?!\w)")
_MARK = re.compile("[" + re.escape(ALL_MARKS) + "]")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: ``text[start:end]`` is the content without its marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just past the closing mark (== end when the mark is missing)
    closed: bool
    paragraphs: int = 1  # how many paragraphs the quote runs over


def split_paragraphs(text):
    """Return paragraphs as offset ranges; any line break separates paragraphs.

    >>> [text[p.start:p.end] for text in ["a\\n\\n b "] for p in split_paragraphs(text)]
    ['a', 'b']
    """
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            paragraphs.append(Paragraph(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return paragraphs


def _flanking(text, i, lo, hi):
    """Return (left_flanking, right_flanking) for the mark at i within [lo, hi)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    before_space = before.isspace() or before in _OPENING_CONTEXT or before in ALL_MARKS
    after_space = after.isspace() or after in ".,;:!?)]}—–-…" or after in ALL_MARKS
    left = not after.isspace() and before_space
    right = not before.isspace() and (after_space or i + 1 >= hi)
    return left, right


def _is_apostrophe(text, i, lo, hi):
    """An apostrophe sits between letters (don’t) or before a year (’90s)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isalnum() and after.isalnum():
        return True
    return after.isdigit() and (before.isspace() or i == lo)


def _scan_paragraph(text, lo, hi, carried_open):
    """Scan one paragraph. Return (spans, offset of a double mark left open or None).

    carried_open is the offset of a quote left open by the previous paragraph.
    """
    spans = []
    # A quote carried from the paragraph before: UK style carries a single ‘ like a double mark.
    carried_single = carried_open is not None and text[carried_open] == "‘"
    double_open = None if carried_single else carried_open
    single_open = carried_open if carried_single else None
    segment = text[lo:hi]
    has_double = any(mark in segment for mark in DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE)
    # Where the paragraph's last straight and last curly double marks are, found once: asking
    # "is there another one after this mark?" of text[i + 1 : hi] per mark is quadratic.
    last_straight = text.rfind(STRAIGHT_DOUBLE, lo, hi)
    last_curly_open = text.rfind("“", lo, hi)
    last_curly_close = text.rfind("”", lo, hi)
    # UK style quotes with single marks and nests double ones: ‘He said “never”, and left,’ …
    last_single_close = max((m.start() for m in _SINGLE_CLOSER.finditer(text, lo, hi)), default=-1)
    nested = False  # a curly quote open inside a straight-quoted one
    for found in _MARK.finditer(text, lo, hi):
        i, c = found.start(), found.group()
        left, right = _flanking(text, i, lo, hi)
        if c in DOUBLE_OPENERS or c in DOUBLE_CLOSERS or c == STRAIGHT_DOUBLE:
            if single_open is not None and double_open is None:
                continue  # nested inside a single-quoted passage (UK style)
            if double_open is None:
                spaced = c != "«" and (i + 1 >= hi or text[i + 1].isspace())  # a lone mark opens nothing
                if spaced and c == "“" and last_curly_close > i + 1 and text[i + 2 : i + 3].isalnum():
                    spaced = False  # “ We are ready, ” with a space after the opener: a closer follows
                opens = (
                    (c in DOUBLE_OPENERS and not spaced and not (c == "“" and right and not left))
                    or (c in DOUBLE_CLOSERS and left and not right)
                    or (c == STRAIGHT_DOUBLE and left)
                    # A sentence's stop, then the mark with no space: 'said Joe Marsh."We have …'
                    or (c == STRAIGHT_DOUBLE and i > lo and text[i - 1] in ".!?" and text[i + 1 : i + 2].isupper())
                )
                if opens and c == STRAIGHT_DOUBLE and last_straight <= i and last_curly_open > i:
                    opens = False  # an excerpt marker over a paragraph that quotes with curly marks
                if opens:
                    double_open, single_open = i, None
            elif text[double_open] == STRAIGHT_DOUBLE and c != STRAIGHT_DOUBLE:
                # Curly marks inside a straight-quoted passage are a nested quote, unless a closer
                # comes with no opener before it: "We are ready,” — a mixed pair.
                if c == "“" or nested:
                    nested = c == "“"
                    continue
                spans.append(_span(text, double_open, i, True))
                double_open, single_open = None, None
            else:
                # A straight mark with space on both sides closes an open quote: '… outreach,' " he told.
                closes = (
                    right or (c in DOUBLE_CLOSERS) or (c == "“" and not left) or (c == STRAIGHT_DOUBLE and not left)
                )
                if c in DOUBLE_OPENERS and left and not right and c != "“":
                    closes = False
                if closes:
                    spans.append(_span(text, double_open, i, True))
                    double_open, single_open = None, None
                elif left and i > double_open + 1:
                    # A new opener while one is open: the earlier quote lost its closing mark.
                    spans.append(_span(text, double_open, _last_non_space(text, double_open, i), False))
                    double_open, single_open = i, None
            continue
        # Single marks quote only where a paragraph has no double marks (headline and UK
        # style); inside double quotes they are nested quotes, part of the outer one.
        if _is_apostrophe(text, i, lo, hi) or double_open is not None:
            continue
        if has_double and not (c == "‘" and left and last_single_close > i) and single_open is None:
            continue  # with double marks about, only a curly ‘ closed later opens a single quote
        if c in SINGLE_OPENERS or c == STRAIGHT_SINGLE and left and not right:
            spaced_uk = c == "‘" and text[i + 1 : i + 2] == " " and last_single_close > i + 1
            if left or spaced_uk:  # ‘ The ruling defies sense,’ — a space after the opener
                single_open = i
        elif single_open is not None and right:
            spans.append(_span(text, single_open, i, True))
            single_open = None
    if double_open is None and single_open is not None and text[single_open] == "‘":
        return spans, single_open  # a UK quote that goes on into the next paragraph
    return spans, double_open


def _last_non_space(text, lo, hi):
    while hi > lo + 1 and text[hi - 1].isspace():
        hi -= 1
    return hi


def _span(text, open_at, close_at, closed, paragraphs=1):
    """Build a span from the mark offsets, trimming spaces and a trailing comma."""
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    close = close_at + 1 if closed else close_at
    return QuoteSpan(open_at, start, end, close, closed, paragraphs)


_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE) + "]")
_LONG_QUOTE_PARAGRAPHS = 12  # how far ahead a statement opened once may close


def _closed_later(text, paragraphs, first):
    """The next paragraphs have no marks until one whose first mark closes, at its end.

    That is a statement printed as one quote over several paragraphs, opened once:
    “Last night … ¶ My heart breaks … ¶ You have my word.”
    """
    for paragraph in paragraphs[first : first + _LONG_QUOTE_PARAGRAPHS]:
        mark = _DOUBLE_MARK.search(text, paragraph.start, paragraph.end)
        if mark is None:
            continue
        i = mark.start()
        left, right = _flanking(text, i, paragraph.start, paragraph.end)
        return right and not left and text[i] in DOUBLE_CLOSERS + STRAIGHT_DOUBLE and i >= paragraph.end - 2
    return False


def _opens_with_mark(text, paragraph, opener=None):
    """The paragraph opens with a double mark, of the same style as opener when one is given.

    A quote opened with a straight mark goes on into a paragraph opened with a straight mark, not
    into one that starts a curly quote of its own (an excerpt marker is followed by a new quote).
    """
    c = text[paragraph.start]
    if opener == "‘" or c == "‘":
        return c == opener == "‘"  # single marks go on only into a paragraph opened with one
    if opener is not None and (c == STRAIGHT_DOUBLE) != (opener == STRAIGHT_DOUBLE):
        return False
    return (
        c in DOUBLE_OPENERS
        or c == STRAIGHT_DOUBLE
        or (c in DOUBLE_CLOSERS and paragraph.end > paragraph.start + 1 and not text[paragraph.start + 1].isspace())
    )


_DOUBLED = re.compile(r"``|''|‘‘|’’")


def _doubled_marks_as_one(text):
    """Typewriter house styles: ``…'' and ''…'' become one curly mark each, at the same offsets.

    So do two curly single marks for a double one (the Irish Times closes “…’’).

    The mark takes the inner character of the pair and the outer one becomes a space, so the
    words between them keep their offsets: ``We won,'' -> ` “We won,” ` (same length).
    """
    if "``" not in text and "''" not in text and "‘‘" not in text and "’’" not in text:
        return text

    def one_mark(match):
        after = text[match.end() : match.end() + 1]
        if (
            match.group() in ("``", "‘‘")
            or after[:1].isalnum()
            and (match.start() == 0 or not text[match.start() - 1].isalnum())
        ):
            return " “"
        return "” "

    return _DOUBLED.sub(one_mark, text)


def scan_quotes(text, paragraphs=None):
    """Return every outer quoted passage in text, in order.

    A paragraph that opens a quote without closing it continues into the next
    paragraph when that one opens with a mark again (the newspaper convention);
    otherwise the quote ends with its paragraph.

    >>> [text[s.start:s.end] for text in ['He said "yes," and left.'] for s in scan_quotes(text)]
    ['yes']
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    text = _doubled_marks_as_one(text)
    spans = []
    carried = None  # (open offset, paragraphs so far)
    for index, paragraph in enumerate(paragraphs):
        if carried is not None and not _opens_with_mark(text, paragraph, text[carried[0]]):
            # A statement opened once and closed only at its last paragraph: the paragraphs
            # between have no marks, and this one closes before it opens anything.
            if not _DOUBLE_MARK.search(text, paragraph.start, paragraph.end):
                carried = (carried[0], carried[1] + 1)
                continue
            found, still_open = _scan_paragraph(text, paragraph.start, paragraph.end, carried[0])
        elif carried is not None:
            # The continuation paragraph's own opening mark is part of the running quote.
            found, still_open = _scan_paragraph(text, paragraph.start + 1, paragraph.end, carried[0])
        else:
            found, still_open = _scan_paragraph(text, paragraph.start, paragraph.end, None)
        if carried is not None and found and found[0].open == carried[0]:
            first = found[0]
            found[0] = QuoteSpan(first.open, first.start, first.end, first.close, first.closed, carried[1] + 1)
        spans.extend(found)
        if still_open is not None:
            count = carried[1] + 1 if carried is not None and still_open == carried[0] else 1
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and (
                _opens_with_mark(text, following, text[still_open]) or _closed_later(text, paragraphs, index + 1)
            ):
                carried = (still_open, count)
                continue
            end = paragraph.end
            if count == 1:
                # A headline quote never closed ends where its attribution starts:
                # “It’s hard to accept - South Africa’s coach speaks after the loss
                dash = max(text.rfind(f" {d} ", still_open, paragraph.end) for d in "-–—")
                if dash > still_open and len(text[dash + 3 : paragraph.end].split()) >= 2:
                    end = dash
            spans.append(_span(text, still_open, end, False, count))
        carried = None
    return [s for s in spans if s.end > s.start]
