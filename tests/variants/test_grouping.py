"""What counts as the same statement: a style guide in pairs. Each row: (reason, a, b, same?)."""

import pytest

from quotes_api.variants import Grouper, Member, MemoryStore, same_statement, words

LACEY_DW = (
    "The circumstances surrounding the deaths of George Floyd, Breonna Taylor, and Ahmaud Arbery gave breath "
    "to an in-progress discussion about racism, policing, and criminal justice reform"
)
LACEY_TV = (
    "The circumstances surrounding the death of George Floyd, Breonna Taylor and Ahmad Arbery gave breath to "
    "an in-progress discussion around racism, policing and criminal justice reform. These incidents were "
    "painful and exposed an issue that existed in this country for years: Racism"
)

PAIRS = [
    (
        "punctuation, case and accents do not matter",
        "We will rebuild Gascón’s office, together, from the ground up!",
        "we will rebuild gascon’s office together from the ground up",
        True,
    ),
    ("substituted words and a misspelt name within the budget", LACEY_DW, LACEY_TV, True),
    (
        "our/my substitution in a long sentence",
        "Our nation is going through a reckoning, and what happened in our election may one day be listed as a "
        "consequence of that.",
        "Our nation is going through a reckoning, and what happened in my election may one day be listed as a "
        "consequence of that. It may be said that one day, the results of this election is a result of our season.",
        True,
    ),
    (
        "a truncated printing is contained in the full one",
        "I will work with my successor to ensure that there is an orderly transition",
        "It has been an honor. I will work with my successor to ensure that there is an orderly transition of "
        "leadership.",
        True,
    ),
    (
        "too many changes: a paraphrase, not a variant",
        "We have to fix the broken system that failed our families for decades",
        "The system failed families and we need to repair what is broken now",
        False,
    ),
    (
        "a short generic fragment identifies nothing",
        "this is not who we are",
        "And I tell you this is not who we are as a nation",
        False,
    ),
    (
        "different speakers are different statements",
        "We will make this county safer for every family in it",
        "We will make this county safer for every family in it",
        False,
    ),
    (
        "the same line weeks later is another statement",
        "Make no mistake, we are going to win this election in November",
        "Make no mistake, we are going to win this election in November",
        False,
    ),
    (
        "one article repeating itself is not a variant",
        "The results of this election are a result of our season of discontent",
        "The results of this election are a result of our season of discontent",
        False,
    ),
]

META = {
    "different speakers are different statements": ({"speaker": "jackie lacey"}, {"speaker": "george gascon"}),
    "the same line weeks later is another statement": ({"published": "2016-09-01"}, {"published": "2016-10-20"}),
    "one article repeating itself is not a variant": ({"article": "same"}, {"article": "same"}),
}


@pytest.mark.parametrize("reason, a, b, same", PAIRS, ids=[p[0] for p in PAIRS])
def test_same_statement(reason, a, b, same):
    meta_a, meta_b = META.get(reason, ({}, {}))
    member_a = Member(1, words(a), meta_a.get("article", "a"), meta_a.get("speaker"), meta_a.get("published"))
    member_b = Member(2, words(b), meta_b.get("article", "b"), meta_b.get("speaker"), meta_b.get("published"))
    assert bool(same_statement(member_a, member_b)) is same


def _member(number, text, article, speaker=None):
    return Member(number, words(text), article, speaker)


def test_a_fragment_cannot_chain_two_statements():
    grouper = Grouper(MemoryStore())
    fragment = "we are going to fix this broken system together"
    first = "We are going to fix this broken system together, and we start with the jails on Monday"
    second = "Believe me, we are going to fix this broken system together because the voters demanded a change"
    groups = [
        grouper.add(_member(1, fragment, "a")),
        grouper.add(_member(2, first, "b")),
        grouper.add(_member(3, second, "c")),
    ]
    assert groups[1] is not None and groups[1] != groups[2]


def test_a_group_keeps_its_id_as_it_grows_and_the_longest_is_canonical():
    store = MemoryStore()
    grouper = Grouper(store)
    short = "I will work with my successor to ensure an orderly transition"
    longer = "I will work with my successor to ensure an orderly transition of leadership in my office"
    longest = (
        "It has been an honor. I will work with my successor to ensure an orderly transition of leadership "
        "in my office. It is time for us as a nation to reconcile."
    )
    assert grouper.add(_member(1, short, "a")) is None
    group = grouper.add(_member(2, longer, "b"))
    assert grouper.add(_member(3, longest, "c")) == group
    assert store.canonical(group).id == 3
    assert {store.group_of(i) for i in (1, 2, 3)} == {group}


def test_two_short_quotes_join_the_long_one_that_contains_both():
    grouper = Grouper(MemoryStore())
    grouper.add(_member(1, "Our nation is going through a reckoning, and what happened may be a consequence", "dw"))
    grouper.add(_member(2, "It may be said that the results of this election are a demand for change", "dw"))
    group = grouper.add(
        _member(
            3,
            "Our nation is going through a reckoning, and what happened may be a consequence "
            "of that. It may be said that the results of this election are a demand for "
            "change.",
            "tv",
        )
    )
    assert group is not None
    assert {grouper.store.group_of(i) for i in (1, 2, 3)} == {group}
