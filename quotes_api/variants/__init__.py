"""Variant wordings of one statement across articles: grouping, canonical wording, word diffs.

Pure: no flask, no peewee. The grouping rules live in :mod:`.grouping`; where the
candidates come from (memory or the database) is a store passed in.
"""
from .diff import word_diff
from .grouping import GroupStore, Grouper, Member, MemoryStore, contains, same_statement
from .text import shingles, words

__all__ = ["Grouper", "GroupStore", "Member", "MemoryStore", "assign_groups", "contains", "same_statement",
           "shingles", "word_diff", "words"]


def assign_groups(items, speaker_key=None):
    """Group (article, quote) pairs held in memory; return a group id (or None) for each.

    Quotes of one article never group with each other directly: an article repeating
    itself is not a variant. ``speaker_key`` maps a speaker name to its identity key.
    """
    from ..extract.names import fold

    key = speaker_key or (lambda name: fold(name) if name else None)
    grouper = Grouper(MemoryStore())
    article_ids = {}
    members = []
    for number, (article, quote) in enumerate(items):
        article_id = article_ids.setdefault(id(article), len(article_ids))
        member = Member(number, words(quote.text), article_id, key(quote.speaker), article.published)
        members.append(member)
        if quote.kind != "indirect":
            grouper.add(member)
    return [grouper.store.group_of(m.id) for m in members]
