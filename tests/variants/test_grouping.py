"""What counts as the same statement: a style guide in pairs, then how groups form, grow and merge.

Each PAIRS row: (reason, a, b, same?) with the speakers, articles and dates in SAID; a row
with no entry there has two articles, no speaker and no date.
"""

import pytest

from quotes_api.variants import (
    Grouper,
    Member,
    MemoryStore,
    evidence,
    guess_kind,
    same_statement,
    statement_words,
)

LACEY_DW = (
    "The circumstances surrounding the deaths of George Floyd, Breonna Taylor, and Ahmaud Arbery gave breath "
    "to an in-progress discussion about racism, policing, and criminal justice reform"
)
LACEY_TV = (
    "The circumstances surrounding the death of George Floyd, Breonna Taylor and Ahmad Arbery gave breath to "
    "an in-progress discussion around racism, policing and criminal justice reform. These incidents were "
    "painful and exposed an issue that existed in this country for years: Racism"
)
PLANT_SHORT = "At the plant, a worker with no protective gear at all. This is simply unacceptable. And it has to stop."
PLANT_LONG = (
    "How often must we read about this in our state? At the plant, a worker with no protective gear at all? "
    "I mean, this is simply unacceptable, and it has to stop"
)
HARBOUR = (
    "The harbour wall failed because nobody inspected it for eleven years, and the families who lost their "
    "homes deserve to know who signed off on that"
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
        "cause 1: the shorter's first word recurs earlier in the longer, the alignment still finds its stretch",
        PLANT_SHORT,
        PLANT_LONG,
        True,
    ),
    (
        "a re-typed word costs half an edit (scourge/scrounge)",
        "This scourge of gun violence is not something any one town is wrestling with",
        "This scrounge of gun violence is not something any one town is wrestling with alone",
        True,
    ),
    (
        "turned into third person: my/his, I/he, we/they cost half an edit each",
        "I am proud of my players and of everything we built together over these six long weeks in the desert",
        "he is proud of his players and of everything they built together over these six long weeks in the desert",
        True,
    ),
    (
        "two printings cutting different ends share a long passage",
        "Nobody on this team expected the vote to go this way, and we will respect the result of the ballot "
        "without any hesitation at all",
        "We will respect the result of the ballot without any hesitation at all. Tomorrow we start working with the "
        "new majority",
        True,
    ),
    (
        "an ellipsis marks a cut: the words it stands for are free",
        "The levee held for now… but nobody should mistake that for a plan",
        "The levee held for now, thanks to the crews who worked through the night and the pumps we borrowed, "
        "but nobody should mistake that for a plan",
        True,
    ),
    (
        "without the ellipsis the same cut is too many changes",
        "The levee held for now but nobody should mistake that for a plan",
        "The levee held for now, thanks to the crews who worked through the night and the pumps we borrowed, "
        "but nobody should mistake that for a plan",
        False,
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
        "cause 2: two confident, different person names are different statements",
        "We will make this county safer for every family in it",
        "We will make this county safer for every family in it",
        False,
    ),
    (
        "cause 2: a description against a name does not veto",
        "We will make this county safer for every family in it",
        "We will make this county safer for every family in it",
        True,
    ),
    (
        "cause 2: an organisation against its spokesperson does not veto",
        "The council will publish every contract it signed with the developer",
        "The council will publish every contract it signed with the developer this week",
        True,
    ),
    (
        "cause 2: a low-confidence attribution does not veto",
        "We will make this county safer for every family in it",
        "We will make this county safer for every family in it",
        True,
    ),
    (
        "a surname and the full name are one speaker",
        "We will make this county safer for every family in it",
        "We will make this county safer for every family in it",
        True,
    ),
    (
        "a long identical passage is one statement even when the attributions disagree",
        HARBOUR,
        HARBOUR,
        True,
    ),
    (
        "cause 3: a short quote and the statement containing it, same speaker",
        "a weak and hopeless leader",
        "Frankly he is a weak and hopeless leader and everybody in this town knows it",
        True,
    ),
    (
        "cause 3: a short quote, speakers unknown",
        "a weak and hopeless leader",
        "Frankly he is a weak and hopeless leader and everybody in this town knows it",
        False,
    ),
    (
        "cause 3: a short quote, speakers differ",
        "a weak and hopeless leader",
        "Frankly he is a weak and hopeless leader and everybody in this town knows it",
        False,
    ),
    (
        "cause 3: a short quote of a description's statement",
        "a weak and hopeless leader",
        "Frankly he is a weak and hopeless leader and everybody in this town knows it",
        False,
    ),
    (
        "cause 3: a short quote weeks later is another statement",
        "a weak and hopeless leader",
        "Frankly he is a weak and hopeless leader and everybody in this town knows it",
        False,
    ),
    (
        "same resolved speaker: a re-transcription may change one word in four",
        "This will leave a mark on how people remember that night",
        "I believe the vote will leave a mark on how people remember this night",
        True,
    ),
    (
        "speakers unknown: one word in four is too many changes",
        "This will leave a mark on how people remember that night",
        "I believe the vote will leave a mark on how people remember this night",
        False,
    ),
    (
        "a stock clause of one speaker in two statements is not one statement",
        "We will do everything we can to prevent senseless acts of violence like the one we saw last night",
        "My office will not stop in its mission to prevent tragic acts of violence like the one we have seen",
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


def said(name=None, confidence=0.95, kind=None, article=None, published=None):
    return {"name": name, "confidence": confidence, "kind": kind, "article": article, "published": published}


DANA = said("Dana Whitfield")
SAID = {
    "cause 2: two confident, different person names are different statements": (
        said("Jackie Lacey"),
        said("George Gascón"),
    ),
    "cause 2: a description against a name does not veto": (said("a joint statement"), DANA),
    "cause 2: an organisation against its spokesperson does not veto": (said("City Council"), DANA),
    "cause 2: a low-confidence attribution does not veto": (said("Jackie Lacey", confidence=0.55), DANA),
    "a surname and the full name are one speaker": (said("Whitfield"), DANA),
    "a long identical passage is one statement even when the attributions disagree": (said("Jackie Lacey"), DANA),
    "cause 3: a short quote and the statement containing it, same speaker": (DANA, said("Dana Whitfield", 0.7)),
    "cause 3: a short quote, speakers differ": (said("Jackie Lacey"), DANA),
    "cause 3: a short quote of a description's statement": (said("the mayor's office"), said("the mayor's office")),
    "cause 3: a short quote weeks later is another statement": (
        said("Dana Whitfield", published="2024-03-01"),
        said("Dana Whitfield", published="2024-04-20"),
    ),
    "a stock clause of one speaker in two statements is not one statement": (DANA, DANA),
    "same resolved speaker: a re-transcription may change one word in four": (DANA, DANA),
    "the same line weeks later is another statement": (
        said(published="2016-09-01"),
        said(published="2016-10-20"),
    ),
    "one article repeating itself is not a variant": (said(article="same"), said(article="same")),
}


def member(number, text, article, name=None, confidence=0.95, kind=None, published=None):
    speaker = evidence(name, kind, confidence)
    return Member(number, statement_words(text), article, speaker.key, published, speaker.kind, speaker.confidence)


@pytest.mark.parametrize("reason, a, b, same", PAIRS, ids=[p[0] for p in PAIRS])
def test_same_statement(reason, a, b, same):
    meta_a, meta_b = SAID.get(reason, (said(), said()))
    member_a = member(1, a, meta_a["article"] or "a", meta_a["name"], meta_a["confidence"], None, meta_a["published"])
    member_b = member(2, b, meta_b["article"] or "b", meta_b["name"], meta_b["confidence"], None, meta_b["published"])
    assert bool(same_statement(member_a, member_b)) is same
    assert bool(same_statement(member_b, member_a)) is same  # the rules do not depend on the order


KINDS = [
    ("two to four capitalised words are a person", "Dana Whitfield", "person"),
    ("a lone surname may be anyone", "Whitfield", None),
    ("an organisation word", "Baltimore City Council", "organisation"),
    ("an acronym", "NASA", "organisation"),
    ("a description", "the post", "other"),
    ("a possessive heading", "Governor’s", "other"),
    ("a particle inside a name", "Ludwig van Beethoven", "person"),
]


@pytest.mark.parametrize("reason, name, kind", KINDS, ids=[k[0] for k in KINDS])
def test_speaker_kind_is_guessed_conservatively(reason, name, kind):
    assert guess_kind(name) == kind


def test_attribution_kind_wins_over_the_guess():
    assert evidence("Acme Board", "person", 0.9).kind == "person"
    assert evidence("Dana Whitfield", None, 0.9).kind == "person"


def _member(number, text, article, speaker=None):
    return member(number, text, article, speaker)


def _groups(store, ids):
    return [store.group_of(i) for i in ids]


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


FIRST_HALF = "How often must we read about this in our state?"
SECOND_HALF = "At the plant, a worker with no protective gear at all. This is simply unacceptable."
WHOLE = FIRST_HALF + " " + SECOND_HALF + " And it has to stop."


@pytest.mark.parametrize(
    "reason, order",
    [
        ("cause 4: the whole passage arrives after both halves", ["half1", "half2", "whole"]),
        ("cause 4: the whole passage arrives first", ["whole", "half1", "half2"]),
        ("cause 4: the whole passage arrives between the halves", ["half1", "whole", "half2"]),
    ],
)
def test_a_quote_split_around_its_cue_joins_the_group_of_the_whole_passage(reason, order):
    texts = {"half1": (FIRST_HALF, "split"), "half2": (SECOND_HALF, "split"), "whole": (WHOLE, "whole")}
    store = MemoryStore()
    grouper = Grouper(store)
    for number, name in enumerate(order, 1):
        text, article = texts[name]
        grouper.add(_member(number, text, article, "Dana Whitfield"))
    groups = _groups(store, [1, 2, 3])
    assert groups[0] is not None and len(set(groups)) == 1


def test_two_groups_merge_when_a_wording_contains_both_canonicals_and_the_old_id_resolves():
    store = MemoryStore()
    grouper = Grouper(store)
    first = "How often must we read about this in our state and look away from it again"
    second = "At the plant a worker had no protective gear at all and this is simply unacceptable"
    grouper.add(_member(1, first, "a"))
    older = grouper.add(_member(2, first, "b"))
    grouper.add(_member(3, second, "c"))
    newer = grouper.add(_member(4, second, "d"))
    assert older != newer
    merged = grouper.add(_member(5, first + ". " + second + ", and it has to stop.", "e"))
    assert merged == older  # the older id stays
    assert set(_groups(store, [1, 2, 3, 4, 5])) == {older}
    assert store.canonical(older).id == 5  # the longer containing wording is canonical now
    assert store.resolve(newer) == older  # links to the merged group still resolve


def test_a_short_quote_inside_two_statements_of_its_speaker_joins_neither():
    store = MemoryStore()
    grouper = Grouper(store)
    dana = "Dana Whitfield"
    grouper.add(_member(1, "Our hearts are with the families tonight and we will rebuild the bridge", "a", dana))
    grouper.add(_member(2, "Our hearts are with the families tonight and we will rebuild the bridge", "b", dana))
    grouper.add(_member(3, "Our hearts are with the families, she said, the school will reopen in May", "c", dana))
    grouper.add(_member(4, "Our hearts are with the families, she said, the school will reopen in May", "d", dana))
    assert grouper.add(_member(5, "our hearts are with the families", "e", dana)) is None


def test_a_headline_fragment_joins_with_its_articles_full_quote():
    store = MemoryStore()
    grouper = Grouper(store)
    dana = "Dana Whitfield"
    full = "The disappointment I feel tonight is beyond words, and the verdict sets all of us back"
    grouper.add(_member(1, "beyond words", "a", dana))  # the headline of article a
    grouper.add(_member(2, full, "a", dana))
    assert store.group_of(1) is None  # one article alone is not a variant
    group = grouper.add(_member(3, full, "b", dana))
    assert group is not None and _groups(store, [1, 2, 3]) == [group] * 3


def test_one_wrong_attribution_in_a_group_is_outvoted_by_the_rest():
    store = MemoryStore()
    grouper = Grouper(store)
    dana, heading = "Dana Whitfield", "Harbour Road"  # a heading taken for a person's name
    opening = (
        "In just one week two fires in our small harbour town have taken three homes and torn at the trust "
        "we place in each other"
    )
    closing = "We will not rest until every family has a roof over its head again"
    grouper.add(_member(1, opening, "a", dana))
    group = grouper.add(_member(2, opening, "b", dana))
    # The whole statement, attributed to the heading: long enough to join despite the attribution.
    assert grouper.add(member(3, f"{opening}. Our crews did all they could. {closing}.", "c", heading, 0.8)) == group
    # A printing of the closing line alone is only inside the heading's wording; the group says it is Dana's.
    assert grouper.add(_member(4, closing, "d", dana)) == group


@pytest.mark.parametrize(
    "reason, elsewhere, joins",
    [
        ("a short phrase left alone joins the statement that later turns out to contain it", None, True),
        (
            "not when another statement of its speaker contains it too",
            "They called it a vile and cowardly act and then they went home to their families",
            False,
        ),
    ],
)
def test_a_short_phrase_is_swept_into_the_statement_it_came_from(reason, elsewhere, joins):
    store = MemoryStore()
    grouper = Grouper(store)
    dana = "Dana Whitfield"
    opening = "I would like to thank the crews who rushed to the scene within minutes of the first call last night"
    if elsewhere:
        grouper.add(_member(9, elsewhere, "e", dana))
    grouper.add(_member(10, opening, "a", dana))
    group = grouper.add(_member(11, opening, "b", dana))
    grouper.add(_member(12, "vile and cowardly act", "a", dana))  # article a's own cut of the statement
    whole = f"{opening}. Those who committed this vile and cowardly act will face justice."
    # The whole statement, its attribution taken from a heading; the group says it is Dana's.
    assert grouper.add(member(13, whole, "c", "Harbour Road", 0.8)) == group
    assert (store.group_of(12) == group) is joins
