"""Entity types from the evidence an article carries: each row is (text, name, expected kind, why)."""

import pytest

from quotes_api.extract.names import ORGANISATION, OTHER, PERSON, PLACE, EntityIndex

CASES = [
    ("Jane Roe spoke.", "Jane Roe", PERSON, "a first name the lists know"),
    ("Tomas Okafor, the club captain, spoke.", "Tomas Okafor", PERSON, "an occupation in an appositive"),
    ("Head coach Otto Addo spoke.", "Otto Addo", PERSON, "an occupation before the name"),
    ("Okafor arrived late, and he said little.", "Okafor", PERSON, "a subject pronoun in the same sentence"),
    ("Mr Starmer spoke.", "Starmer", PERSON, "an honorific"),
    ("The World Health Organization met.", "World Health Organization", ORGANISATION, "an organisation word"),
    ("Brightwave, which makes batteries, grew.", "Brightwave", ORGANISATION, "'which', not 'who'"),
    ("Brightwave’s board met on Monday.", "Brightwave", ORGANISATION, "a board belongs to an organisation"),
    ("The WHO said so.", "WHO", ORGANISATION, "an acronym"),
    ("She posted on Instagram, where she wrote a note.", "Instagram", ORGANISATION, "a platform is no person"),
    ("The White House said she was right.", "White House", ORGANISATION, "a seat of government speaks for it"),
    ("The Bank of Westland said so.", "Bank of Westland", ORGANISATION, "a body named across 'of'"),
    ("Obama's former campaign strategist said so.", "Obama's former campaign strategist", None, "a description"),
    ("Democrats said so.", "Democrats", ORGANISATION, "a party or a people speaks as a body"),
    ("Public Health England said so.", "Public Health England", ORGANISATION, "a field, then the nation it serves"),
    ("Netball New Zealand said so.", "Netball New Zealand", ORGANISATION, "a sport, then a two-word country"),
    ("Dara Ireland said so.", "Dara Ireland", PERSON, "a surname that is a country, after no field word"),
    ("The EB-7 scheme said so.", "EB-7", OTHER, "a designation with a number is a thing, not an acronym body"),
    ("The G9 said so.", "G9", ORGANISATION, "an acronym with a number still names a body"),
    ("She spoke from Windsor Castle.", "Windsor Castle", PLACE, "a place word"),
    ("Talks in Nigeria ended.", "Nigeria", PLACE, "a country the gazetteer knows"),
    ("The shooting in Salisbury, Md., was the second.", "Salisbury", PLACE, "a state after the name"),
    ("He served in World War II and came home.", "World War II", OTHER, "an event"),
    ("#BREAKING news came in.", "#BREAKING", OTHER, "a hashtag"),
    ("Okafor came.", "Okafor", None, "a bare surname the text says nothing about"),
]


@pytest.mark.parametrize("text, name, kind, why", CASES, ids=[row[3] for row in CASES])
def test_entity_kind(text, name, kind, why):
    assert EntityIndex(text).kind_of(name) == kind
