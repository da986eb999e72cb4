"""Variant wordings of one statement across articles: grouping, canonical wording, word diffs.

Pure: no flask, no peewee. The grouping rules live in :mod:`.grouping`; where the
candidates come from (memory or the database) is a store passed in.
"""

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from .diff import word_diff
from .grouping import Grouper, GroupStore, Member, MemoryStore, PublishedDate, contains, link, same_statement
from .speakers import SpeakerEvidence, evidence, guess_kind
from .text import shingles, statement_words, words

__all__ = [
    "Grouper",
    "GroupStore",
    "Member",
    "MemoryStore",
    "assign_groups",
    "contains",
    "evidence",
    "guess_kind",
    "link",
    "member",
    "SpeakerEvidence",
    "same_statement",
    "shingles",
    "statement_words",
    "word_diff",
    "words",
]


def assign_groups(
    items: Iterable[tuple[Any, Any]], speaker_key: Callable[[str], str] | None = None
) -> list[int | None]:
    """Group (source, quote) pairs held in memory; return a group id (or None) for each.

    ``source`` identifies the article (pairs with the same source object are one
    article) and may carry its ``published`` date, as an attribute or a key. ``quote``
    needs ``text``, ``kind`` and ``speaker``; ``confidence`` and ``speaker_kind`` are used
    when it has them. ``speaker_key`` maps a speaker name to its identity key.
    """
    grouper = Grouper(MemoryStore())
    article_ids: dict[int, int] = {}
    count = 0
    for count, (source, quote) in enumerate(items, 1):
        article_id = article_ids.setdefault(id(source), len(article_ids))
        published = source.get("published") if isinstance(source, dict) else getattr(source, "published", None)
        if quote.kind != "indirect":
            grouper.add(member(count, quote, article_id, published, speaker_key))
    # A quote placed alone may have been joined by a later one: read the final membership.
    return [grouper.store.group_of(number) for number in range(1, count + 1)]


def member(
    member_id: int,
    quote: Any,
    article: Hashable,
    published: PublishedDate = None,
    speaker_key: Callable[[str], str] | None = None,
) -> Member:
    """A quote (anything with text, speaker, confidence and maybe speaker_kind) as grouping sees it."""
    name = quote.speaker
    said = evidence(
        name,
        getattr(quote, "speaker_kind", None),
        getattr(quote, "confidence", 1.0),
        key=speaker_key(name) if speaker_key and name else None,
    )
    return Member(member_id, statement_words(quote.text), article, said.key, published, said.kind, said.confidence)
