"""Who said it. Each row: (why, article text, [(quote text, expected speaker)]).

Invented sentences in the patterns news copy uses; a row is the rule it checks.
"""

import pytest

from quotes_api.extract import extract_quotes

CASES = [
    ("name then cue after the quote", "“We will win,” Maria Lopez said.", [("We will win", "Maria Lopez")]),
    (
        "inverted cue with a role before the name",
        "“It is over,” said union member Tom Ellis.",
        [("It is over", "Tom Ellis")],
    ),
    (
        "cue before the quote with a colon",
        "Senator Ann Fry said: “The bill is dead.”",
        [("The bill is dead.", "Ann Fry")],
    ),
    (
        "surname resolves to the full name introduced earlier",
        "Mayor Karen Bass spoke Monday.\n\n“We are ready,” Bass said.",
        [("We are ready", "Karen Bass")],
    ),
    (
        "the first-introduced person wins a shared surname",
        "Jackie Lacey conceded. Her husband, David Lacey, stood by.\n\n“I made history,” Lacey said.",
        [("I made history", "Jackie Lacey")],
    ),
    (
        "pronoun resolves by gender",
        "Jane Park met John Reed on Monday.\n\n“It went well,” she said.",
        [("It went well", "Jane Park")],
    ),
    (
        "pronoun with a trailing phrase",
        "Jackie Lacey spoke on Friday.\n\n“I made history,” she said through tears.",
        [("I made history", "Jackie Lacey")],
    ),
    (
        "partial quote takes the sentence's reporter, not a nearby name",
        "George Gascón says his plan balances safety “without overincarcerating.”",
        [("without overincarcerating.", "George Gascón")],
    ),
    (
        "one-word partial after a cue verb",
        "Tom Reyes spoke.\n\nHe vowed to stop seeking the death penalty, “immediately” and for good.",
        [("immediately", "Tom Reyes")],
    ),
    (
        "participle takes the clause's subject",
        "The protesters later dismissed the apology, saying the group felt “traumatized” by it.",
        [("traumatized", "The protesters")],
    ),
    (
        "a second quote continues the first one's speaker",
        "“First thing,” Ana Diaz said. “Second thing.”",
        [("First thing", "Ana Diaz"), ("Second thing.", "Ana Diaz")],
    ),
    (
        "adding, links a second quote to the same speaker",
        "“We marched,” the official BLM-LA Twitter account posted, adding, “we organized.”",
        [("We marched", "BLM-LA"), ("we organized.", "BLM-LA")],
    ),
    ("according to", "Turnout was “historic,” according to the Election Board.", [("historic", "Election Board")]),
    (
        "an organisation reports",
        "The L.A. Times reported the race “has been a litmus test.”",
        [("has been a litmus test.", "L.A. Times")],
    ),
    (
        "a description naming the outlet resolves to it",
        "According to the L.A. Times, the campaign was, what the outlet described, “an all-or-nothing proposition.”",
        [("an all-or-nothing proposition.", "L.A. Times")],
    ),
    (
        "an appositive between name and verb",
        "“He is right,” Flynn Moore, a top adviser, said Thursday.",
        [("He is right", "Flynn Moore")],
    ),
    (
        "a party affiliation in parentheses",
        "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.",
        [("It is a dog whistle", "Gwen Moore")],
    ),
    (
        "question mark ends the sentence before the cue",
        "“Why is this not clear?” Vitter demanded.",
        [("Why is this not clear?", "Vitter")],
    ),
    (
        "previous sentence's cue carries to a bare quote",
        "Jackie Lacey blamed her loss on anger. “It may be said that this was a season of discontent.”",
        [("It may be said that this was a season of discontent.", "Jackie Lacey")],
    ),
    (
        "a paragraph ending in a colon introduces the next",
        "Pat Caddell continued:\n\n“The health issue is partisan.”",
        [("The health issue is partisan.", "Pat Caddell")],
    ),
    (
        "transcript speaker label",
        '"WALLACE: Will she be there tomorrow night?"',
        [("WALLACE: Will she be there tomorrow night?", "WALLACE")],
    ),
    (
        "dash attribution after the quote",
        "“The most unqualified candidate ever.” ― Francisco Herrero",
        [("The most unqualified candidate ever.", "Francisco Herrero")],
    ),
    (
        "accents do not make two people",
        "George Gascón won.\n\n“We did it,” Gascon said.",
        [("We did it", "George Gascón")],
    ),
    (
        "two appositives between name and verb",
        "“It is an invasion,” Scott Pruitt, the attorney general, one of the officials suing, said.",
        [("It is an invasion", "Scott Pruitt")],
    ),
    (
        "a description with 'of' before the verb",
        "“It is meant to help,” the 34-year-old mother of three replied.",
        [("It is meant to help", "the 34-year-old mother of three")],
    ),
    (
        "a passive with its agent",
        "“Dear friends, the time has come to say goodbye” was written by Maria Lopez in her letter.",
        [("Dear friends, the time has come to say goodbye", "Maria Lopez")],
    ),
    (
        "a sentence closing with the attribution covers its quotes",
        "A cashier who “steals a handful of bills” is punished, Warren said.",
        [("steals a handful of bills", "Warren")],
    ),
    (
        "an evaluative verb attributes a partial quote",
        "Japan branded the regime an “outlaw nation in the neighborhood.”",
        [("outlaw nation in the neighborhood.", "Japan")],
    ),
    (
        "they resolves to the organisation the sentence is about",
        "Clinton’s campaign contrasted her record with what they call his “self-centered message.”",
        [("self-centered message.", "Clinton’s campaign")],
    ),
    (
        "a show named after 'on' is a title even beside a cue",
        "Johnson told MSNBC’s “Morning Joe” that the probe goes on.",
        [],
    ),
    (
        "a two-word cue",
        "“The numbers do not add up,” Ana Diaz pointed out.",
        [("The numbers do not add up", "Ana Diaz")],
    ),
    (
        "'put' reports speech only as 'put it'",
        "Ann Wells spoke. As she put it, “we are done.” The advice had put her state in a “very good position.”",
        [("we are done.", "Ann Wells")],  # the other quote has no speaker, so no confidence: it is left out
    ),
    (
        "a pronoun contraction is not a possessive",
        "Tom Reyes spoke.\n\nHe’s claiming that fraud is “a big, big problem.”",
        [("a big, big problem.", "Tom Reyes")],
    ),
    (
        "a phrasal attack verb",
        "Harry Reid has gone after his rival as a “con artist.”",
        [("con artist.", "Harry Reid")],
    ),
    (
        "UK style: single marks and an honorific without a full stop",
        "Keir Starmer spoke on Tuesday.\n\n'We will not back down,' Mr Starmer said. 'It's time to act.'",
        [("We will not back down", "Keir Starmer"), ("It's time to act.", "Keir Starmer")],
    ),
    (
        "a time between speaker and verb, after an agency dateline",
        'WASHINGTON (AP) — Senate Majority Leader Chuck Schumer on Monday said the bill would pass "by Friday."',
        [("by Friday.", "Chuck Schumer")],
    ),
    (
        "an office resolves to the one person the article gave it",
        "Mayor Karen Bass faced reporters.\n\n“We are not going to stop,” the mayor said.",
        [("We are not going to stop", "Karen Bass")],
    ),
    (
        "an office two people held stays a description",
        "Mayor Ana Ruiz met Mayor Tom Lee.\n\n“We agree,” the mayor said.",
        [("We agree", "the mayor")],
    ),
    (
        "a weekday is not a speaker",
        "Officials spoke.\n\n“We are done here,” said Tuesday a spokesman.",
        [("We are done here", None)],
    ),
    (
        "the family of a person speaks, not the person (often the one who died)",
        "“We are heartbroken,” the family of Luis Ortega said in a statement.",
        [("We are heartbroken", "the family of Luis Ortega")],
    ),
    (
        "the mother of a person speaks, not the person",
        "The mother of Callum Reeve says “nothing can prepare you” for it.",
        [("nothing can prepare you", "The mother of Callum Reeve")],
    ),
    # --- titles, ranks and letters around a name ---
    (
        "a rank before a bare surname: 'Chief Marcott'",
        "Fire Chief Dana Marcott said the blaze began in a shed.\n\n“It spread fast,” Chief Marcott said.",
        [("It spread fast", "Dana Marcott")],
    ),
    (
        "abbreviated ranks: 'Dep. Chief'",
        "“We are trying to reach him,” said Dep. Chief Owen Marsh.",
        [("We are trying to reach him", "Owen Marsh")],
    ),
    (
        "Irish offices before a name: Taoiseach, TD",
        "Taoiseach Brendan Mulcahy said: “We will not be found wanting.”\n\nGreen TD Orla Keane called it “reckless”.",
        [("We will not be found wanting.", "Brendan Mulcahy"), ("reckless", "Orla Keane")],
    ),
    (
        "a coroner is an office 'the coroner' refers back to",
        "Senior coroner Agnes Pym opened the inquest.\n\nThe coroner told the hearing: “This was an accident.”",
        [("This was an accident.", "Agnes Pym")],
    ),
    (
        "an occupation inside the run: 'Warning Coordination Meteorologist Erik Heden'",
        "“Buy a radio,” Warning Coordination Meteorologist Erik Heden said.\n\n“It helps,” Heden said.",
        [("Buy a radio", "Erik Heden"), ("It helps", "Erik Heden")],
    ),
    (
        "a sport position before a name",
        "Forward Ella Brandt said: “We were tired.”",
        [("We were tired.", "Ella Brandt")],
    ),
    (
        "letters after a name are not part of it: KC, QC",
        "Oliver Brand QC, defending, said his client had changed.\n\nIt was “a moment of madness”, Mr Brand said.",
        [("a moment of madness", "Oliver Brand")],
    ),
    (
        "a generation suffix stays in the name, and the surname finds it",
        "Ricky Bryant Jr. was arrested on Monday.\n\n“I did nothing,” Bryant said.",
        [("I did nothing", "Ricky Bryant Jr.")],
    ),
    (
        "an occupation before a name is a role 'the neighbor' refers back to",
        "Neighbor Tom Hale said crews came at 2 a.m.\n\n“It was chaotic,” the neighbor said.",
        [("It was chaotic", "Tom Hale")],
    ),
    (
        "occupations of local government before a name",
        "Emergency Administrator Nora Pell said: “Expect more rain.”",
        [("Expect more rain.", "Nora Pell")],
    ),
    (
        "a leading participle is no part of the name: 'Quoting Ray Dalton'",
        "Quoting Ray Dalton after the loss: “We were not sharp,” Dalton told reporters.",
        [("We were not sharp", "Ray Dalton")],
    ),
    (
        "a headline's shorter form of a name gives way to the body's fuller one",
        "Nuno Ferreira hails his players\n\nNuno Alves Ferreira explained the win. “We worked well,” Ferreira said.",
        [("We worked well", "Nuno Alves Ferreira")],
    ),
    (
        "'the governor' is whoever the article called 'Gov.'",
        "Gov. Lena Fairbanks toured the town on Monday. “We will rebuild,” the governor said.",
        [("We will rebuild", "Lena Fairbanks")],
    ),
    (
        "an office 'for' a portfolio: the holder, and 'the minister' after",
        "Minister for Railways Joseph Mwale opened the line.\n\n“Trains will run by June,” the minister said.",
        [("Trains will run by June", "Joseph Mwale")],
    ),
    (
        "an office 'of' a body 'for' a place, then the holder",
        "“We lost power on every street,” says Director of Public Works for Millbrook Tanya Oduya.",
        [("We lost power on every street", "Tanya Oduya")],
    ),
    (
        "an office with a district in brackets",
        "“The caller has been traced,” said Deputy Commissioner of Police (East) Anil Verma.",
        [("The caller has been traced", "Anil Verma")],
    ),
    (
        "'Minister of State for …': the holder after the portfolio",
        "“Tenders will open in March,” Minister of State for Home Affairs Farah Siddiqui said.",
        [("Tenders will open in March", "Farah Siddiqui")],
    ),
    (
        "a surname that is also a title stays a person: 'Mr. King said'",
        "Larry King hosts the show.\n\n“We need the money,” Mr. King said.",
        [("We need the money", "Larry King")],
    ),
    (
        "regional honorifics before a name: Alhaji, Hon, Shri",
        "Alhaji Sani Bello spoke in Kano.\n\n“We will not be intimidated,” Hon Bello said.",
        [("We will not be intimidated", "Sani Bello")],
    ),
    (
        "'he' in a sentence whose subject is a man the name lists do not know is that subject",
        "Gov. Pat Rowe asked for the video.\n\nChief Kerr Putney said the video was unclear, but he said it "
        "“supports what we heard.”",
        [("supports what we heard.", "Kerr Putney")],
    ),
    (
        "a sentence adverb is nobody: 'Additionally, she said'",
        "Gov. Dana Whitcombe signed the order.\n\nAdditionally, she said: “This will hurt farmers.”",
        [("This will hurt farmers.", "Dana Whitcombe")],
    ),
    (
        "a participle opening the sentence is nobody: 'Commending the team, he said'",
        "Minister Arjun Pillai praised the rescuers. Commending the team for its work, he said: “They never rested.”",
        [("They never rested.", "Arjun Pillai")],
    ),
    (
        "a person 'with' a body speaks, not the body",
        "Omar Diallo with the state forestry agency says, “We are still piecing it together.”",
        [("We are still piecing it together.", "Omar Diallo")],
    ),
    (
        "an office 'for' a portfolio before a name no list knows: 'Commissioner for Health Bola Adeyemi'",
        "“Clinics will stay open,” said Commissioner for Health Bola Adeyemi.",
        [("Clinics will stay open", "Bola Adeyemi")],
    ),
    (
        "'the police chief' is the office holder named nearest",
        "Police Commissioner Aoife Brennan spoke on Tuesday.\n\n“We had no warning,” the police chief said.",
        [("We had no warning", "Aoife Brennan")],
    ),
    (
        "'the band leader' is not an office",
        "Mayor Tom Hale came.\n\nAt his cookout, the band leader called guests up, singing “Our Time.”",
        [("Our Time.", "the band leader")],
    ),
    (
        "a middle initial keeps its stop",
        "“We will appeal,” said Michael L. Lyle.",
        [("We will appeal", "Michael L. Lyle")],
    ),
]


@pytest.mark.parametrize("why, text, expected", CASES, ids=[c[0] for c in CASES])
def test_speakers(why, text, expected):
    found = [(q.text, q.speaker) for q in extract_quotes(text, min_confidence=0.5)]
    assert found == expected


NOT_QUOTES = [
    ("title of a work", "She read “The Old Man and the Sea” on the train."),
    ("nickname with no speaker", "The stadium, known as “The Big House,” was full."),
    ("scare quote with no speaker", "The so-called “reform” passed quietly."),
]


@pytest.mark.parametrize("why, text", NOT_QUOTES, ids=[c[0] for c in NOT_QUOTES])
def test_not_quotations(why, text):
    assert extract_quotes(text) == []


def test_indirect_speech_only_when_asked():
    text = "Lacey admitted that her team advised her she did not have enough votes to win."
    assert extract_quotes(text) == []
    [quote] = extract_quotes(text, indirect=True)
    assert (quote.kind, quote.speaker, quote.text) == (
        "indirect",
        "Lacey",
        "her team advised her she did not have enough votes to win",
    )
