"""Attribution on everyday news copy: one table per failure class of issue 8, in our own words.

Each row is (label, article text, [(quote text, speaker)]): the quotes the extractor must find,
in order, and who said them. KNOWN_FAILURES holds rows we do not get right yet, as strict xfails:
fixing one makes its test fail until the row moves into the table it belongs to.
"""

import pytest

from quotes_api.extract import extract_quotes

NON_PERSONS = [
    (
        "a place after 'from' is never the speaker",
        "Queen Ada Lind spoke to staff.\n\n“We carry on,” the Queen said from Windsor Castle.",
        [("We carry on", "Ada Lind")],
    ),
    (
        "a country before an occupation is not the speaker",
        "US actress Dana Holt said she was saddened, calling the ruling a “setback” for women.",
        [("setback", "Dana Holt")],
    ),
    (
        "a university after 'from' is not the speaker",
        "The lead scientist Omar Fadel from Carter University says the find took years. “We saw it at last.”",
        [("We saw it at last.", "Omar Fadel")],
    ),
    (
        "an organisation after 'of the' is not the speaker",
        "Rear Admiral Joan Pike of the Coast Guard said, “The search is over.”",
        [("The search is over.", "Joan Pike")],
    ),
    (
        "a run of capitals that ends in a function word is cut there",
        "The Great Storm While residents slept, Mayor Ruth Kalu said the city was “ready.”",
        [("ready.", "Ruth Kalu")],
    ),
    (
        "'he' is never an organisation",
        "Director-General Amos Tembo of the World Weather Agency spoke on Friday.\n\n“The season is over,” he said.",
        [("The season is over", "Amos Tembo")],
    ),
]

DESCRIPTIONS = [
    (
        "'the letter' sent by people the article does not name stays a description",
        "A group of parents sent a letter to the Ridge School Board.\n\n"
        "“Our children deserve better,” the letter reads.",
        [("Our children deserve better", "the letter")],
    ),
    (
        "a role given before the name",
        "The head coach of Ghana, Otto Addo, was disappointed.\n\n"
        "After the match, Ghana’s head coach said: “We played well and lost.”",
        [("We played well and lost.", "Otto Addo")],
    ),
    (
        "a title given in the name: 'the governor’s statement'",
        "Ohio Governor Lena Marsh released a statement on Sunday.\n\n"
        "“We grieve with the families,” the Governor’s statement reads.",
        [("We grieve with the families", "Lena Marsh")],
    ),
    (
        "'the company' is the organisation the article is about",
        "Brightwave Labs, which makes batteries, issued a statement.\n\n“We are deeply sorry,” the company said.",
        [("We are deeply sorry", "Brightwave Labs")],
    ),
    (
        "'the agency' is the public body the article is about, never the legislature beside it",
        "Congress asked the Food Safety Administration about the recall, and Congress wants answers.\n\n"
        "“The risk to shoppers is low,” the agency said.",
        [("The risk to shoppers is low", "Food Safety Administration")],
    ),
    (
        "'the agency' of a nation: a field of work, then the country it serves",
        "Public Health England published its figures.\n\n“Cases are falling,” the agency said.",
        [("Cases are falling", "Public Health England")],
    ),
    (
        "'the news agency' is the outlet the article cites",
        "The Daily Courier reported the fire first.\n\n“The blaze spread fast,” the news agency said.",
        [("The blaze spread fast", "Daily Courier")],
    ),
    (
        "'the statement' speaks for whoever the article quoted last",
        "Mia Torres wrote on Instagram, “I am heartbroken.”\n\n"
        "The statement added, “I will keep fighting for what is right.”",
        [("I am heartbroken.", "Mia Torres"), ("I will keep fighting for what is right.", "Mia Torres")],
    ),
    (
        "a joint statement speaks for its first signatory",
        "“We wish the new board well,” said a joint statement from former members Ana Ruiz and Kim Lee.",
        [("We wish the new board well", "Ana Ruiz")],
    ),
    (
        "a lead that names the office before the person",
        "The agency chief announced Friday that it is “the end of the emergency.”\n\n"
        "Director-General Sam Okoro made the call after a year of debate.",
        [("the end of the emergency.", "Sam Okoro")],
    ),
    (
        "a spokesman stays a description",
        "Mayor Ruth Kalu was absent.\n\n“No comment,” a spokesman said.",
        [("No comment", "a spokesman")],
    ),
]

RUNS = [
    (
        "an introduction with a colon carries over several paragraphs",
        "Coach Ben Ode was blunt after the game. Here is what he had to say:\n\n"
        "“We lost our shape in the second half.”\n\n“We will be back next week.”",
        [("We lost our shape in the second half.", "Ben Ode"), ("We will be back next week.", "Ben Ode")],
    ),
    (
        "a statement introduced with a colon",
        "In a statement, Ridge Rovers FC said:\n\n“Our thoughts are with the family.”",
        [("Our thoughts are with the family.", "Ridge Rovers FC")],
    ),
    (
        "a bare quote after a sentence about a person is theirs",
        "Sen. Ada Voss spoke at length about young voters. “They are tired of the old fights.”",
        [("They are tired of the old fights.", "Ada Voss")],
    ),
]

DIALOGUE = [
    (
        "an interview transcript without marks: the label names the speaker, Q is the interviewer",
        "Coach Ben Ode spoke after the game.\n\nQ: Were you happy with the result?\n\n"
        "BEN ODE: Not with the second half.",
        [("Were you happy with the result?", None), ("Not with the second half.", "Ben Ode")],
    ),
    (
        "one label is no transcript: a dateline with a colon stays prose",
        "LONDON: The talks ended on Friday without a deal.",
        [],
    ),
    (
        "a bare reply goes to whom the question was put",
        "“Are you leaving?” Ana Ruiz asked Harry Dunn.\n\n“Not today.”",
        [("Are you leaving?", "Ana Ruiz"), ("Not today.", "Harry Dunn")],
    ),
    (
        "a line that ends with a full stop before its attribution sentence",
        "“I am done with this.” Harry Dunn said.",
        [("I am done with this.", "Harry Dunn")],
    ),
    (
        "a question and its answer, each with its own cue",
        "“Are you leaving?” she asked him.\n\n“Not today,” Harry Dunn said.",
        [("Are you leaving?", None), ("Not today", "Harry Dunn")],
    ),
    (
        "a transcript label names the speaker",
        "“HOLT: Did you pay taxes?”",
        [("HOLT: Did you pay taxes?", "HOLT")],
    ),
]

NAME_VARIANTS = [
    (
        "a nickname quoted inside a name is no quote",
        "Ashleigh “Ash” Barty won the final.\n\n“I am so proud,” Barty said.",
        [("I am so proud", "Ashleigh Barty")],
    ),
    (
        "a first name used alone reaches the full name",
        "Tedros Adhanom Ghebreyesus spoke in Geneva.\n\n“We are not done,” Tedros said.",
        [("We are not done", "Tedros Adhanom Ghebreyesus")],
    ),
    (
        "a surname one letter off is the same person",
        "Prime Minister Jacinda Ardern spoke on Monday.\n\n“We will rebuild,” Arden said.",
        [("We will rebuild", "Jacinda Ardern")],
    ),
    (
        "UK style: 'Mr Starmer' without a full stop",
        "Keir Starmer spoke in Leeds.\n\n‘We will deliver,’ Mr Starmer said.",
        [("We will deliver", "Keir Starmer")],
    ),
    (
        "an organisation prefix and a hyphenated title are dropped",
        "“It is over,” WHO Director-General Tedros Adhanom Ghebreyesus said.",
        [("It is over", "Tedros Adhanom Ghebreyesus")],
    ),
    (
        "a modifier before a name is dropped",
        "“We disagree,” said the board of ChatGPT-maker OpenAI.",
        [("We disagree", "OpenAI")],
    ),
]

HOUSE_STYLES = [
    (
        "two apostrophes close a quote",
        "“We are ready to go,'' Lena Marsh said.",
        [("We are ready to go", "Lena Marsh")],
    ),
    (
        "UK style single marks with double marks nested",
        "‘He told me “never again”, and he meant it,’ said Tom Hale.",
        [("He told me “never again”, and he meant it", "Tom Hale")],
    ),
    (
        "an opening mark repeated at each paragraph of a long quote",
        "Ana Ruiz said: “The first part of what I want to say.\n\n“The second part of it.”",
        [("The first part of what I want to say.\n\n“The second part of it.", "Ana Ruiz")],
    ),
    (
        "a statement opened once and closed only at its last paragraph",
        "Gov. Lena Marsh released this statement:\n\n“Last night we lost three neighbours.\n\n"
        "We will not rest until this is solved.”\n\nPolice gave no details.",
        [("Last night we lost three neighbours.\n\nWe will not rest until this is solved.", "Lena Marsh")],
    ),
    (
        "a headline quote never closed ends at its attribution dash",
        "“We played a very good game - Ghana’s coach, OTTO ADDO, speaks after the loss\n\nOtto Addo was calm.",
        [("We played a very good game", "Otto Addo")],
    ),
]

PRESS_RELEASES = [
    (
        "a description goes on with a phrase before its verb",
        "“We are safe,” a spokeswoman for the agency said.",
        [("We are safe", "a spokeswoman for the agency")],
    ),
    (
        "a name followed by its organisation before the verb",
        "“We won,” Jane Roe of the club said.",
        [("We won", "Jane Roe")],
    ),
    (
        "a headline quote in Title Case is a quote when the body says who said it",
        "“The Building Has Literally Pancaked”\n\nFire chief Roy Hale said the building “has literally pancaked.”",
        [("The Building Has Literally Pancaked", "Roy Hale"), ("has literally pancaked.", "Roy Hale")],
    ),
    (
        "the speaker’s title after the name",
        "“We are thrilled to open our doors,” said Jeff Bass, Acme founder and CEO.",
        [("We are thrilled to open our doors", "Jeff Bass")],
    ),
    (
        "a short partial quote that a cue attributes",
        "Lena Marsh said she was “spent” after the final.",
        [("spent", "Lena Marsh")],
    ),
]

TABLES = NON_PERSONS + DESCRIPTIONS + RUNS + DIALOGUE + NAME_VARIANTS + HOUSE_STYLES + PRESS_RELEASES

KNOWN_FAILURES = [
    (
        "the speaker named only in the next sentence",
        "“We will not stop until we win.”\n\nThose were the words of union leader Maria Gomez on Friday.",
        [("We will not stop until we win.", "Maria Gomez")],
    ),
]


def found(text):
    return [(q.text, q.speaker) for q in extract_quotes(text)]


@pytest.mark.parametrize("label, text, expected", TABLES, ids=[row[0] for row in TABLES])
def test_attribution(label, text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "label, text, expected",
    [pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="known failure")) for row in KNOWN_FAILURES],
    ids=[row[0] for row in KNOWN_FAILURES],
)
def test_known_failures(label, text, expected):
    assert found(text) == expected
