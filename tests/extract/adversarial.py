"""Adversarial inputs for the extractor: shapes that once made it quadratic, at any length.

Each shape is a function of the length in characters. The texts are generated (or written for
these tests in our own words), so a shape can be run at 50 k and 200 k characters and the times
compared. Used by tests/extract/test_adversarial.py and bench/extract_linear.py.
"""

import itertools

ZERO_WIDTH = "\u200b"  # zero-width space: not a space to Python, not a word character either

ENGLISH = "“We will fix the roads by autumn,” Mayor Jane Roe said. She added that the city would pay. "
RUSSIAN = (
    "Мэр города заявил: «Мы отремонтируем все дороги до осени». "
    "Жители ответили ему: “Мы ждём этого уже много лет”, и разошлись. "
)
HEBREW = "ראש העיר אמר: “נתקן את כל הכבישים עד הסתיו”. התושבים ענו לו «אנחנו מחכים לזה כבר שנים». "
GREEK = "Ο δήμαρχος είπε: «Θα φτιάξουμε τους δρόμους ως το φθινόπωρο». Οι κάτοικοι δεν απάντησαν. "
CHINESE = "市长说：“我们将在秋天前修好所有道路。”居民们回答说：「我们已经等了很多年。」"


def repeat(unit, n):
    """unit repeated and cut to exactly n characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _invented_first_names():
    """Distinct capitalised words ("Abab", "Abac", …): many different people in one article."""
    consonants = "bcdfghklmnprstvz"
    for a, b, c, d in itertools.product(consonants, "aeiou", consonants, "aeiou"):
        yield "A" + a + b + c + d


def _people(template, n):
    pieces, size = [], 0
    for name in _invented_first_names():
        piece = template.format(name=name)
        pieces.append(piece)
        size += len(piece)
        if size >= n:
            break
    return "".join(pieces)[:n]


# name -> (what it once made slow, generator of a text of about n characters)
SHAPES = {
    "straight marks": ("the scanner rescanned the paragraph per mark", lambda n: repeat('"word ', n)),
    "run of full stops": ("the sentence regex backtracked", lambda n: "a" + "." * n),
    "run of ! and ?": ("the sentence regex backtracked", lambda n: "a" + "!?" * (n // 2)),
    "run of spaces": ("the social-post regex backtracked", lambda n: "a" + " " * n + "b"),
    "spaces before a dash": ("the social-post regex backtracked", lambda n: "a" + " " * n + "— b"),
    "quotes in one sentence": ("each quote read its whole sentence", lambda n: repeat("“ab” cd ", n)),
    "quotes after commas": ("each quote read its whole sentence", lambda n: repeat("“ab”, ", n)),
    "quotes after colons": ("each quote read its whole sentence", lambda n: repeat("a: “ab” ", n)),
    "closing cue after many quotes": (
        "each quote read its whole sentence",
        lambda n: repeat("“ab” cd, ", n) + " Jane Roe said.",
    ),
    "openers never closed": ("each new opener closed the one before", lambda n: repeat("“a ", n)),
    "nested single marks": ("quotes inside quotes", lambda n: repeat("“a ‘b ", n)),
    "participles in a chain": (
        "', saying' looked back per participle",
        lambda n: "Jo Roe spoke" + repeat(", saying", n),
    ),
    "initials": ("leading function words were popped one by one", lambda n: repeat("A. ", n)),
    "Russian": ("Cyrillic text was one sentence", lambda n: repeat(RUSSIAN, n)),
    "Hebrew": ("Hebrew text was one sentence", lambda n: repeat(HEBREW, n)),
    "Greek": ("Greek text was one sentence", lambda n: repeat(GREEK, n)),
    "Chinese": ("CJK full stops were no sentence end", lambda n: repeat(CHINESE, n)),
    "zero-width everywhere": ("no space, so no sentence end", lambda n: ZERO_WIDTH.join(repeat(ENGLISH, n // 2))),
    "zero-width Russian": ("no space, so no sentence end", lambda n: ZERO_WIDTH.join(repeat(RUSSIAN, n // 2))),
    "zero-width only": ("one token-less sentence", lambda n: ZERO_WIDTH * n),
    "many people, one surname": (
        "every surname mention scanned every name",
        lambda n: _people("{name} Smith met us. Smith said, “ab”. ", n),
    ),
    "many people, full names": (
        "every full-name mention scanned every name",
        lambda n: _people("{name} Smith said, “ab”. ", n),
    ),
    "pronouns among many people": (
        "every pronoun scanned every later name",
        lambda n: _people("{name} Roe met us at the town hall on Monday. He said, “ab”. ", n),
    ),
    "outlet after many people": (
        "every 'the paper' scanned back for an outlet",
        lambda n: repeat("Jane Roe met us. The paper said, “ab”. ", n),
    ),
    "nicknames": (
        "each nickname rebuilt the whole text",
        lambda n: repeat("Ashleigh “Ash” Barty won. ", n),
    ),
    "embedded posts": (
        "every quote was checked against every post",
        lambda n: repeat("“Go vote — Jane Roe (@janeroe) May 3, 2020\n", n),
    ),
}
