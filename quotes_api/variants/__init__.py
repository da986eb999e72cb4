"""Variant wordings of one statement across articles: grouping, canonical wording, word diffs.

Pure: no flask, no peewee. The grouping rules live in :mod:`.grouping`; where the
candidates come from (memory or the database) is a store passed in.
"""

from .diff import word_diff
from .grouping import Grouper, GroupStore, Member, MemoryStore, contains, same_statement
from .text import shingles, words

__all__ = [
    "Grouper",
    "GroupStore",
    "Member",
    "MemoryStore",
    "assign_groups",
    "contains",
    "same_statement",
    "shingles",
    "word_diff",
    "words",
]


def assign_groups(items, speaker_key=None):
    """Group (source, quote) pairs held in memory; return a group id (or None) for each.

    ``source`` identifies the article (pairs with the same source object are one
    article) and may carry its ``published`` date, as an attribute or a key. Quotes of
    one article never group with each other directly: an article repeating itself is
    not a variant. ``speaker_key`` maps a speaker name to its identity key.
    """
    from ..extract.names import fold

    key = speaker_key or (lambda name: fold(name) if name else None)
    grouper = Grouper(MemoryStore())
    article_ids = {}
    count = 0
    for count, (source, quote) in enumerate(items, 1):
        article_id = article_ids.setdefault(id(source), len(article_ids))
        published = source.get("published") if isinstance(source, dict) else getattr(source, "published", None)
        if quote.kind != "indirect":
            grouper.add(Member(count, words(quote.text), article_id, key(quote.speaker), published))
    # A quote placed alone may have been joined by a later one: read the final membership.
    return [grouper.store.group_of(number) for number in range(1, count + 1)]
