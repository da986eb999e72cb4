"""Normalised words and shingles: what two wordings are compared on."""

from __future__ import annotations

import re
import unicodedata
import zlib

_WORD = re.compile(r"\w+(?:[’']\w+)*")
_WORD_OR_CUT = re.compile(r"\w+(?:[’']\w+)*|\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]")
SHINGLE_SIZE = 3
ELLIPSIS = "…"  # in statement_words: the printing cut words out here


def fold_word(word: str) -> str:
    if word.isascii():  # most words: no accents to strip, and casefold() is lower() for ASCII
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of text; punctuation and case do not count."""
    return [(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> tuple[str, ...]:
    """The folded words of text, as a tuple.

    >>> words("Gascón’s “victory,” he said")
    ("gascon's", 'victory', 'he', 'said')
    """
    return tuple(fold_word(m.group()) for m in _WORD.finditer(text))


def statement_words(text: str) -> tuple[str, ...]:
    """The folded words of text with an ELLIPSIS where an ellipsis marks words cut out of the middle.

    >>> statement_words("It is a setback... It sets back the idea…")
    ('it', 'is', 'a', 'setback', '…', 'it', 'sets', 'back', 'the', 'idea')
    """
    tokens: list[str] = []
    for match in _WORD_OR_CUT.finditer(text):
        token = match.group()
        if token[0].isalnum() or token[0] == "_":
            tokens.append(fold_word(token))
        elif tokens and tokens[-1] != ELLIPSIS:
            tokens.append(ELLIPSIS)
    while tokens and tokens[-1] == ELLIPSIS:
        tokens.pop()
    return tuple(tokens)


def word_count(word_tuple: tuple[str, ...]) -> int:
    """Words, not counting ELLIPSIS marks."""
    return len(word_tuple) - word_tuple.count(ELLIPSIS)


def shingles(word_tuple: tuple[str, ...], size: int = SHINGLE_SIZE) -> set[int]:
    """Stable 32-bit hashes of the word n-grams (stable across processes, so they can be stored)."""
    if len(word_tuple) < size:
        return set()
    return {zlib.crc32(" ".join(word_tuple[i : i + size]).encode()) for i in range(len(word_tuple) - size + 1)}
