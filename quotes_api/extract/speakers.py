"""Who said it: cue verbs, speaker phrases, pronouns and continuation.

The rules read the article with every quote's words masked, so a cue verb or a
name inside a quotation never attributes the quotation itself. Each quote is
attributed, in order of strength, by:

1. a cue right after it: ``“…,” Lacey said`` / ``“…,” said BLM member Rahje Branch`` / ``“…” ― Name``;
2. a cue before it in its sentence: ``Lacey said, “…”`` / ``he vowed to stop …, “immediately”``
   (a participle such as ``, adding,`` takes the subject of the clause it hangs on);
3. ``according to X`` anywhere in the sentence;
4. continuation: an earlier quote in the same sentence, a cue in the sentence before
   (``Lacey blamed … . “…”``), a paragraph ending in a colon, or the previous speaker.
"""

import re
from dataclasses import dataclass

from .confidence import (
    ACCORDING_TO,
    ACCORDING_TO_IN_SENTENCE,
    ADJACENT_CUE,
    CLAUSE_COLON,
    CLOSING_CUE,
    COLON_INTRO,
    CUE_BEFORE,
    EVALUATIVE_CUE,
    FAR_SUBJECT,
    PASSIVE_AGENT,
    POSSESSIVE_STATEMENT,
    SIGNATURE,
)
from .cues import CUE_FORMS, INVERTING_CUES, PARTICIPLE_CUES, PHRASAL_CUES, STRONG_CUES
from .given_names import is_given_name
from .names import (
    _POSSESSIVE_ENDINGS,
    NAME_RUN,
    _cut_run,
    fold,
    is_title_word,
    places,
    refers_to_outlet,
    sentence_part,
    strip_titles,
)
from .resources import (
    ACCOUNT_HEADS,
    ADVERBS,
    AGE_WORD,
    BODY_HEADS,
    CAPITALISED_FUNCTION_WORDS,
    DETERMINERS,
    EPITHETS,
    INTRO_WORDS,
    NP_BREAKERS,
    ORGANISATION_HEADS,
    PARENTS,
    PLATFORMS,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_ABBREVIATIONS,
    SPEAKER_NOUNS,
    STATEMENT_HEADS,
    TIME_WORDS,
    TITLES,
)

MASK = "§"
TOKEN = re.compile(r"[@#]?\w+(?:[’'.\-&]\w+)*\.?|[,:;()—–―]|" + MASK + "+")
_DASHES = {"—", "–", "―"}


_INITIALS = re.compile(r"(?:\w\.)+")


class Token:
    """A word or punctuation mark of the masked text, with what the rules ask of it precomputed."""

    __slots__ = ("text", "start", "end", "low", "is_word", "capitalised")

    def __init__(self, text, start, end):
        self.text, self.start, self.end = text, start, end
        first = text[0]
        self.is_word = first.isalnum() or first in "@#"
        self.capitalised = first.isupper() or first in "@#"
        # Lower case, without a sentence's final stop ("said." -> "said"; "Jr." and "U.S." stay).
        word = text.casefold()
        if word[-1] == "." and word.rstrip(".") not in SENTENCE_ABBREVIATIONS and not _INITIALS.fullmatch(word):
            word = word.rstrip(".")
        self.low = word

    def __repr__(self):
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True)
class Mention:
    """A phrase naming a speaker, and the cue that links it to a quote."""

    text: str
    start: int
    cue: str
    strength: float


def is_adverb(token):
    """A word that may stand between a speaker and the verb: "later", "has", "egregiously"."""
    low = token.low
    return not token.capitalised and (low in ADVERBS or len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS)


_LY_NOUNS = {"family", "daily", "weekly", "monthly", "rally", "ally", "italy", "assembly", "supply", "reply"}


def tokens(text, lo, hi):
    """Word and punctuation tokens of text[lo:hi], with offsets into text."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, lo, hi)]


def is_cue(token):
    """A cue verb: lower-case (a capitalised "States" or "Rules" is a name) and in the lists."""
    return token.text[0].islower() and token.low in CUE_FORMS


def cue_word(toks, k):
    """toks[k] is a cue verb, alone or with its particle ("pointed out", "shot back")."""
    token = toks[k]
    if is_cue(token):
        return True
    particles = PHRASAL_CUES.get(token.low)
    return particles is not None and k + 1 < len(toks) and toks[k + 1].low in particles


# Reporting verbs in the past, after which a cue word ("demand", "comment") is a noun.
_SAID_FORMS = {"said", "says", "told", "tells", "wrote", "writes", "added", "adds", "noted", "notes"}
# Cue forms that are verbs only: "said" after "Ann Wells of Reuters" is no "32% of Republican claims".
_NEVER_NOUNS = {"said", "told", "wrote", "added", "explained", "insisted", "argued", "stated", "replied", "tweeted"}


def is_verb_cue(toks, k):
    """toks[k] is a cue used as a verb, not a noun ("in an email", "late-night tweets", "Obama's remarks")."""
    if not cue_word(toks, k):
        return False
    if k == 0:
        return True
    before = toks[k - 1]
    if before.low in DETERMINERS or before.low in ("of", "for", "with", "new", "recent", "latest"):
        return False
    if before.low in ("not", "never") or before.low.endswith(("n't", "n’t")):
        return False  # "the minister had not told parliament “the whole truth”": words nobody said
    if before.low in PRONOUNS:
        return True  # "He’s claiming" is a contraction, not a possessive
    if before.text.endswith(("’s", "'s", "s’", "s'")):
        return False
    if "-" in before.text and not before.capitalised and toks[k].low not in _NEVER_NOUNS:
        if not AGE_WORD.fullmatch(before.low):
            return False  # "late-night tweets"; but "the 41-year-old said", "the mother-of-two told"
    if before.low in _SAID_FORMS and is_cue(before):
        return False  # "Huang said demand was …": what follows a reporting verb is its object
    if before.low in ("was", "is", "were", "are") and k + 1 < len(toks) and toks[k + 1].low == "to":
        return False  # "Chelsea was said to have …": hearsay about the subject, not its words
    if (
        k > 1
        and toks[k - 2].low == "of"
        and before.capitalised
        and before.is_word
        and toks[k].low not in PARTICIPLE_CUES
        and toks[k].low not in _NEVER_NOUNS
    ):
        return False  # "32% of Republican claims", but "footage of Trump saying", "Wells of Reuters said"
    return True


# --- sentences -------------------------------------------------------------

# A sentence ends with a stop, maybe closing marks, and space before a capital, a digit, a mark or
# a letter of a script without case (Hebrew, CJK); CJK full stops need no space. The look-behind
# and possessive quantifiers keep the search linear on long runs of stops or spaces (the look-behind
# comes after the first stop so that the engine can still skip quickly to the next stop).
_BOUNDARY = re.compile(
    r"(?:[.!?…](?<![.!?…]{2})[.!?…]*+[\"”’')]*+\s++|[。！？](?<![。！？]{2})[。！？]*+[”’」』)]*+\s*+)"
    r"(?=[\"“”‘'«»„(\[0-9" + MASK + r"]|[^\W\d_])"
)
# No sentence is longer: text without a boundary (another script's punctuation, zero-width
# characters between the letters, a run of commas) is cut into pieces this long, at a space.
MAX_SENTENCE_CHARS = 2000


def split_sentences(masked, lo, hi):
    """Sentence ranges of masked[lo:hi]; quotes are masked, so only the prose splits."""
    sentences: list[tuple[int, int]] = []
    start = lo
    for match in _BOUNDARY.finditer(masked, lo, hi):
        if match.end() < hi and masked[match.end()].islower():
            continue  # "etc. and" — a lower-case letter goes on with the sentence
        word = re.search(r"[\w.]+$", masked[max(lo, match.start() - 12) : match.start() + 1])
        if word and match.group()[0] == ".":
            stem = word.group().rstrip(".").casefold()
            if stem in SENTENCE_ABBREVIATIONS or re.fullmatch(r"\w", stem) or re.fullmatch(r"(?:\w\.)+\w", stem):
                continue
        if match.end() - start > MAX_SENTENCE_CHARS:
            start = _cut_long(masked, sentences, start, match.end())
        sentences.append((start, match.end()))
        start = match.end()
    if start < hi:
        start = _cut_long(masked, sentences, start, hi)
        sentences.append((start, hi))
    return sentences


def _cut_long(masked, sentences, start, end):
    """Append pieces of at most MAX_SENTENCE_CHARS of masked[start:end], each ending at a space
    when there is one in its second half; return where the rest begins."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = masked.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS) + 1
        cut = cut or start + MAX_SENTENCE_CHARS
        sentences.append((start, cut))
        start = cut
    return start


# --- noun phrases ----------------------------------------------------------


def np_before(toks, i):
    """The speaker phrase ending just before toks[i] (a cue verb), as a token slice, or None."""
    j = i - 1
    while j >= 0 and is_adverb(toks[j]):
        j -= 1
    # A time between speaker and verb: "Schumer on Monday said", "Lacey late Friday said".
    if j >= 0 and toks[j].low in TIME_WORDS:
        while j >= 0 and toks[j].low in TIME_WORDS:
            j -= 1
        if j >= 0 and toks[j].low in _TIME_PREPOSITIONS:
            j -= 1
    if j < 0:
        return None
    if toks[j].text == "," or toks[j].text in _DASHES:
        return _before_appositive(toks, j)
    if toks[j].low == "who" and j >= 2 and toks[j - 1].text == "," and toks[j - 2].capitalised:
        # "according to Sen. Lee Harmon, who said …": the relative pronoun stands for the name before it
        # (not in "told a woman who suggested that … “…”", where the quote is what was told).
        return _np_ending_at(toks, j - 2)
    found = _np_ending_at(toks, j)
    if found is None:
        return None
    opener = _unclosed_appositive(toks, i)
    if opener:
        return opener
    # Inside a relative clause ("a journalist who attended the event tweeted"): jump over it.
    lo = found[0]
    for k in range(lo - 1, max(-1, lo - 6), -1):
        if toks[k].low in ("who", "that", "which") and k > 0:
            outer = _np_ending_at(toks, k - 1 if toks[k - 1].text != "," else k - 2)
            if outer:
                return outer
            break
        if not toks[k].is_word:
            break
    if lo >= 2 and toks[lo - 1].low in ("behind", "about"):
        # "The company behind the hugely popular ChatGPT announced": the company announced.
        outer = _np_ending_at(toks, lo - 2)
        if outer:
            return (outer[0], found[1])
    # "John Mauger of the U.S. Coast Guard said", "Doeleman from Harvard University says": the
    # person before the link speaks, not the body after it (speaker_from_phrase splits the two).
    if toks[lo].low == "the" or lo >= 1 and toks[lo - 1].low in ("from", "at", "in", "with"):
        link = lo - 1  # "… of the Coast Guard" (the phrase starts at "the"), "… from Harvard", "… in Washington"
    else:
        link = lo - 2  # "… of the Sierra Club" when the phrase starts after "the"
    links = ("of", "from", "at", "in", "with")  # "Omar Diallo with the state forestry agency says"
    if link >= 1 and toks[link].low in links and (link == lo - 1 or toks[lo - 1].low == "the"):
        person = _np_ending_at(toks, link - 1)
        # A place after "in" never speaks, whoever is before it: "a spokesman in Berlin said".
        if person and (toks[link - 1].capitalised or toks[link].low == "in"):
            return (person[0], found[1])
        if toks[link].low == "in":
            # "The Dutch officer leading the inquiry in Kent said": the clause's subject.
            return clause_subject(toks, i) or found
    return found


# A party and state in US wire style, an appositive after the name: "Sen. Ted Cruz, R-Texas, said".
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]*$")


def _unclosed_appositive(toks, i):
    """ "Tom Hale, a local business owner said" and "Tessa Marlowe, chief executive of Brindle Foods
    said": an appositive whose closing comma is missing. The name that opens the sentence speaks.

    Only a sentence that opens with a name, then a comma, then a description (a determiner or an
    office first) running to the cue with no clause in it.
    """
    comma = next((k for k in range(i - 1, max(-1, i - 12), -1) if toks[k].text == ","), None)
    if comma is None or comma < 1:
        return None
    between = toks[comma + 1 : i]
    first = between[0] if between else None
    if first is None or not (first.low in DETERMINERS or first.low in ROLE_NOUNS or is_title_word(first.text)):
        return None
    if all(t.capitalised for t in between):
        return None  # "Responding, Mr Kenny said", "Still, The New York Times reported": a name after the comma
    if any(
        not t.is_word or t.low in CUE_FORMS or t.low in PRONOUNS or t.low in ("who", "which", "that") for t in between
    ):
        return None
    name = _np_ending_at(toks, comma - 1)
    if name is None or name != (0, comma) or comma < 2 or not all(t.capitalised for t in toks[:comma]):
        return None
    return name


def _before_appositive(toks, j):
    """ "Flynn, a top Trump surrogate, said" and "Another critic, Laurence H. Tribe, likened"."""
    for k in range(j - 1, max(-1, j - 30), -1):
        if toks[k].text not in (",",) + tuple(_DASHES):
            continue
        between = toks[k + 1 : j]
        party_label = len(between) == 1 and _PARTY_LABEL.match(between[0].text)
        if between and all(t.capitalised for t in between) and len(between) <= 5 and not party_label:
            return (k + 1, j)  # the appositive is itself the name
        found = _np_ending_at(toks, k - 1)
        age = len(between) == 1 and between[0].text.isdigit()  # "the singer, 29, told reporters"
        if found and (toks[found[1] - 1].capitalised or age):
            return found
        return None
    return None


def _np_ending_at(toks, j):
    """The noun phrase whose last word is toks[j]: a name, a pronoun or a description."""
    if j < 0 or not toks[j].is_word or toks[j].text.startswith(MASK):
        return None
    head = toks[j]
    if head.low in PRONOUNS:
        return (j, j + 1)
    if head.low in DETERMINERS and j >= 2 and toks[j - 1].low == "of":
        # "the 34-year-old mother of three replied": the noun before "of" heads the phrase.
        inner = _np_ending_at(toks, j - 2)
        return (inner[0], j + 1) if inner else None
    if (
        head.low in DETERMINERS
        or head.low in TIME_WORDS
        or not head.capitalised
        and head.low not in SPEAKER_NOUNS
        and head.low not in ROLE_NOUNS
        and not AGE_WORD.fullmatch(head.low)
    ):
        return None
    k = j - 1
    while k >= 0 and j - k < 8:
        t = toks[k]
        if not t.is_word or t.text.startswith(MASK):
            break
        if t.low in DETERMINERS:
            return (k, j + 1)
        if t.low in ("for", "and") and _inside_body_name(toks, k):
            k -= 1  # "the Centers for Disease Control and Prevention said"
            continue
        if not t.capitalised and (t.low in NP_BREAKERS or t.low in CUE_FORMS or t.low in ADVERBS):
            break
        if t.capitalised and t.low in NP_BREAKERS:
            break
        k -= 1
    return (k + 1, j + 1)


def _link_in_body_name(text, link):
    """A _LINK match that is part of a body's name: "the Centers for Disease Control"."""
    before = text[: link.start()].split()
    return (
        link.group().strip(" \u00a0") == "for"
        and bool(before)
        and before[-1][:1].isupper()
        and before[-1].casefold() in BODY_HEADS
    )


def _inside_body_name(toks, k):
    """toks[k] ("of", "for", "and") joins two parts of one body's name: a capitalised word on each side,
    and a body's head word ("Department", "Centers") before the first "of" or "for" of the run."""
    if not (0 < k < len(toks) - 1 and toks[k - 1].capitalised and toks[k + 1].capitalised):
        return False
    if toks[k].low == "and" and is_given_name(toks[k + 1].low):
        return False  # "the Bank of England and Ann Wells said": two speakers
    for m in range(k, max(0, k - 8), -1):
        if toks[m].low in ("of", "for") and toks[m - 1].low in BODY_HEADS and toks[m - 1].capitalised:
            return True
        if not (toks[m].capitalised or toks[m].low in ("of", "for", "and")) or not toks[m].is_word:
            return False
    return False


_NAME_LINKS = {"of", "for", "at", "from", "by"}  # "Mr. Morgan of the Sierra Club"


def np_after(toks, i):
    """The speaker phrase starting at toks[i] ("said BLM member Rahje Branch"), or None."""
    n = len(toks)
    if i >= n or not toks[i].is_word or toks[i].text.startswith(MASK):
        return None
    first = toks[i]
    if first.low in PRONOUNS:
        return (i, i + 1)
    if first.low in TIME_WORDS:
        return None
    if first.low in DETERMINERS and not first.capitalised or first.low in ("the", "a", "an"):
        return _description_after(toks, i)
    k = i
    # Lower-case modifiers and roles before a name: "conservative talk radio host Rush Limbaugh".
    while k < n and k - i < 5 and toks[k].is_word and not toks[k].capitalised and _plain_word(toks[k]):
        k += 1
    if k < n and toks[k].capitalised and toks[k].is_word and not _function_word(toks[k]):
        end = _name_run_end(toks, k)
        if toks[end - 1].text.endswith(("’s", "'s")):
            # "Obama's former campaign strategist": the possessor's role is the speaker.
            role = _description_after(toks, end - 1, possessor=True)
            return (i, role[1]) if role else None
        # A role and a second name: "White House press secretary Josh Earnest".
        while True:
            m = end
            while m < n and m - end < 3 and toks[m].is_word and not toks[m].capitalised and _plain_word(toks[m]):
                m += 1
            if (
                m > end
                and m < n
                and toks[m].capitalised
                and toks[m].is_word
                and not _function_word(toks[m])
                and toks[m - 1].low in SPEAKER_NOUNS | TITLES | ROLE_NOUNS
            ):
                end = _name_run_end(toks, m)
            else:
                break
        if (
            end + 1 < n
            and toks[end].low in _NAME_LINKS
            and toks[end + 1].low == "the"
            and end + 2 < n
            and toks[end + 2].capitalised
        ):
            end = _name_run_end(toks, end + 2)
        return (i, end)
    if k > i and toks[k - 1].low in SPEAKER_NOUNS:
        return (i, k)
    return None


def _function_word(token):
    """ "Though", "However": capitalised at a sentence start, never a speaker."""
    return token.text in CAPITALISED_FUNCTION_WORDS and token.low not in DETERMINERS


def _plain_word(token):
    low = token.low
    return not (low in NP_BREAKERS or low in CUE_FORMS or low in ADVERBS or low in DETERMINERS or low in TIME_WORDS)


def _name_run_end(toks, k):
    while (
        k < len(toks)
        and toks[k].is_word
        and toks[k].capitalised
        and not toks[k].text.startswith(MASK)
        and toks[k].low not in TIME_WORDS
    ):
        k += 1
    return k


_PERSON_HEADS = SPEAKER_NOUNS | ROLE_NOUNS | EPITHETS  # "the singer, 29, told reporters"


def _description_after(toks, i, possessor=False):
    """ "the mayor", "several environmental groups", "the official BLM-LA Twitter account"."""
    k = i + 1
    while k < len(toks) and k - i < 9 and toks[k].is_word and (_plain_word(toks[k]) or toks[k].low == "and"):
        if toks[k].low.endswith("ed") and not toks[k].capitalised and k > i + 1:
            break
        if toks[k].low in ("of", "for", "and") and _inside_body_name(toks, k):
            k += 1  # "the Bank of England", "the Centers for Disease Control and Prevention": a body's name goes on
            continue
        if toks[k].low == "and":
            break
        if (
            not toks[k].capitalised
            and toks[k - 1].capitalised
            and k > i + 1
            and toks[k].low not in SPEAKER_NOUNS | TITLES
        ):
            break  # "the Rev. Al Sharpton began …": the name ends the phrase
        k += 1
    if k > i + 1 and toks[k - 1].low in STATEMENT_HEADS and k + 1 < len(toks) and toks[k].low in ("from", "by"):
        signatory = np_after(toks, k + 1)  # "a joint statement from ex-board members Helen Toner"
        if signatory:
            return (i, signatory[1])
    if k > i + 1 and _cue_follows(toks, k):
        return (i, k)  # any noun can speak when a cue verb follows it: "the ruling said"
    # The head is the last noun a speaker can be: "several environmental groups granted …" ends at "groups".
    while k > i + 1 and not (
        toks[k - 1].low in _PERSON_HEADS
        or AGE_WORD.fullmatch(toks[k - 1].low)
        or toks[k - 1].capitalised
        and not possessor
    ):
        k -= 1
    return (i, k) if k > i + 1 else None


def _cue_follows(toks, k):
    while k < len(toks) and toks[k].low in ADVERBS and not toks[k].capitalised:
        k += 1
    return k < len(toks) and is_verb_cue(toks, k) and toks[k - 1].low not in _NAME_LINKS


_TIME_PREPOSITIONS = {"on", "in", "at", "late", "early", "last", "this", "that", "during"}


def _after_dateline(toks, upto):
    """Where a sentence starts after an agency dateline ("WASHINGTON (AP) —")."""
    for k in range(min(upto, 5)):
        if toks[k].text in _DASHES:
            words = [t for t in toks[:k] if t.is_word]
            if words and all(t.text.isupper() for t in words):
                return k + 1
            if words and fold(" ".join(t.text.rstrip(".,") for t in words)) in places():
                return k + 1  # "Washington — Senator Ann Wells said": a place dateline in mixed case
            break
    return 0


def clause_subject(toks, upto):
    """The subject at the start of the clause holding toks[upto] (for "…, saying" and far cues)."""
    start = _after_dateline(toks, upto)
    elided = False
    k = upto - 1
    while k >= start:
        if toks[k].text == ";" or (
            toks[k].text == ","
            and k + 1 < upto
            and toks[k + 1].low in ("but", "and", "while", "as", "though", "although", "because")
        ):
            if k + 2 == upto and toks[k + 1].low in ("but", "and"):
                # "Sheriff Ruiz was calm, but said …": the verb shares the subject of the clause before.
                upto, elided = k, True
            else:
                start = k + 2
                break
        k -= 1
    if start < upto and toks[start].low in TIME_WORDS:
        # "Yesterday morning, Mayor Ruth Kalu stood up, saying …": a time phrase is no subject.
        for k in range(start, min(upto, start + 4)):
            if toks[k].text == ",":
                start = k + 1
                break
    if start < upto and toks[start].low in INTRO_WORDS:
        for k in range(start, upto):
            if toks[k].text == ",":
                start = k + 1
                break
    found = np_after(toks, start)
    if elided and found and found[1] - found[0] == 1 and toks[found[0]].low not in PRONOUNS:
        return None  # one capitalised word may be a verb: "Preys on our fears, and calls people …"
    if found and found[1] <= upto:
        return found
    return _named_subject_before(toks, _after_dateline(toks, upto), upto)


_NO_VERB = NP_BREAKERS | DETERMINERS | TIME_WORDS | _NAME_LINKS  # words after a name that are no verb of it


def _named_subject_before(toks, start, upto):
    """The last name before toks[upto] that a verb follows: "In summer … and Boris Johnson appeared to
    blame …, describing" has no comma to find the clause by, but Johnson is who goes on speaking."""
    for m in range(upto - 2, start - 1, -1):
        after = toks[m + 1]
        if (
            toks[m].capitalised
            and toks[m].is_word
            and not _function_word(toks[m])
            and not toks[m].text.endswith(_POSSESSIVE_ENDINGS)  # "Wells Fargo’s board clawed back"
            and after.is_word
            and not after.capitalised
            and after.low not in _NO_VERB
            and not is_cue(after)
        ):
            found = _np_ending_at(toks, m)
            if found and toks[found[0]].capitalised:
                return found
    return None


def phrase(masked_text, toks, span):
    """The text of a token slice, without a sentence's final stop ("Rahje Branch.")."""
    lo, hi = span
    text = masked_text[toks[lo].start : toks[hi - 1].end]
    return text[:-1] if text.endswith(".") and toks[hi - 1].low != toks[hi - 1].text.casefold() else text


# --- attribution -------------------------------------------------------------

_STATEMENT_NOUNS = {
    "statement",
    "statements",
    "remark",
    "remarks",
    "comment",
    "comments",
    "claim",
    "claims",
    "words",
    "tweet",
    "tweets",
    "promise",
    "pledge",
    "description",
    "assertion",
    "warning",
    "message",
    "slogan",
    "phrase",
    "line",
    "motto",
    "catchphrase",
    "vow",
    "call",
    "speech",
    "response",
    "reply",
    "answer",
    "verdict",
    "reaction",
    "explanation",
}


def cue_after(masked, toks):
    """Attribution following a quote: "Lacey said", "said Lacey", "she said through tears", "― Name"."""
    if not toks:
        return None
    i = 0
    if toks[0].text in _DASHES:
        found = np_after(toks, 1)
        if found and toks[found[0]].capitalised:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, "—", SIGNATURE)
        return None
    if toks[0].text == ",":
        i = 1
    # "…,” as a Homeland Security memo put it / as Lacey said.
    if i < len(toks) and toks[i].low == "as":
        found = np_after(toks, i + 1)
        k = found[1] if found else len(toks)
        # Only "as X put it" and "as X said.": "as examples of Trump’s comments about …" is no cue.
        if (
            found
            and k < len(toks)
            and cue_word(toks, k)
            and (k + 1 == len(toks) or not toks[k + 1].is_word or toks[k + 1].low == "it")
        ):
            return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[found[1]].low, CLOSING_CUE)
    # Passive: "“American Skin” was written by Springsteen".
    j = i
    while j < len(toks) and toks[j].low in ("was", "were", "is", "are", "been", "being", "has", "had", "first"):
        j += 1
    if j > i and j + 1 < len(toks) and is_cue(toks[j]) and toks[j + 1].low == "by":
        found = np_after(toks, j + 2)
        if found:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[j].low, PASSIVE_AGENT)
    if i < len(toks) and is_cue(toks[i]):
        # "said Lacey", but never "suggests that Phoenix …": "that" opens a clause, not a subject.
        inverted = toks[i].low in INVERTING_CUES and not (i + 1 < len(toks) and toks[i + 1].low == "that")
        found = np_after(toks, i + 1) if inverted else None
        if found:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[i].low, ADJACENT_CUE)
        return None
    found = np_after(toks, i)
    if found is None:
        return None
    k = found[1]
    if k < len(toks) and toks[k].low in _PHRASE_PREPOSITIONS:
        # "a narrator in the Clinton ad asks", "a spokeswoman for the agency said": the description
        # goes on with a phrase before its verb.
        for m in range(k + 1, min(len(toks), k + 7)):
            if not toks[m].is_word or toks[m].text.startswith(MASK):
                break
            if is_cue(toks[m]):
                found, k = (found[0], m), m
                break
    # "Flynn, a top Trump surrogate, said" and "Pruitt, the attorney general of Oklahoma, one of
    # the states suing, said": skip up to three comma-closed appositives.
    # But a description's appositive name is who speaks: "the governor’s spokeswoman, Ann Wells, said".
    described = not toks[found[0]].capitalised or toks[found[0]].low in DETERMINERS
    for _ in range(3):
        if k >= len(toks) or toks[k].text != "," or (k + 1 < len(toks) and is_cue(toks[k + 1])):
            break
        closing = next((m for m in range(k + 1, min(len(toks), k + 25)) if toks[m].text == ","), None)
        if closing is None:
            break
        between = toks[k + 1 : closing]
        if described and 2 <= len(between) <= 4 and all(t.capitalised and t.is_word for t in between):
            found = (k + 1, closing)
        k = closing
    if k < len(toks) and toks[k].text == ",":
        k += 1
    while k < len(toks) and toks[k].low in ADVERBS and not toks[k].capitalised:
        k += 1
    if [t.low for t in toks[k : k + 2]] in (["quoted", "as"], ["quoted", "saying"]):
        k += 1 if toks[k + 1].low == "saying" else 2  # "“…,” Chief Joe Logan was quoted (as) saying by …"
    if k < len(toks) and cue_word(toks, k) and not _passive(toks, k):  # ", the committee was told.": who heard it
        return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[k].low, ADJACENT_CUE)
    return None


def cue_before(masked, toks, at_quote=True):
    """Attribution in the words before a quote in its sentence; the last cue wins.

    at_quote is false when toks are a whole earlier sentence rather than the words
    leading into the quote. A cue in the passive ("officers were called at 2am") tells what was
    done to its subject: an earlier cue of the sentence wins over it, and it counts only alone.
    """
    found = _cue_before(masked, toks, at_quote, skip_passive=True)
    if found is None and any(_passive(toks, k) and is_verb_cue(toks, k) for k in range(1, len(toks))):
        found = _cue_before(masked, toks, at_quote, skip_passive=False)
    return found


def _passive(toks, k):
    return (
        k > 0
        and toks[k - 1].low in ("was", "were", "been", "being")
        and not toks[k].low.endswith("ing")
        and not (k + 1 < len(toks) and toks[k + 1].low == "by")
    )


def _cue_before(masked, toks, at_quote, skip_passive):
    n = len(toks)
    # "Trump's statement about “…”": the quote is the possessor's words.
    for k in range(n - 1, max(-1, n - 5) if at_quote else n - 1, -1):
        if (
            toks[k].low in _STATEMENT_NOUNS
            and k > 0
            and toks[k - 1].text.endswith(("’s", "'s"))
            and toks[k - 1].capitalised
        ):
            name = toks[k - 1]
            lo = k - 1
            while lo > 0 and toks[lo - 1].capitalised and toks[lo - 1].is_word:
                lo -= 1
            text = masked[toks[lo].start : name.end - 2]
            return Mention(text, toks[lo].start, toks[k].low, POSSESSIVE_STATEMENT)
    for k in range(n - 1, -1, -1):
        t = toks[k]
        if t.low == "according" and k + 1 < n and toks[k + 1].low == "to":
            found = np_after(toks, k + 2)
            if found:
                return Mention(phrase(masked, toks, found), toks[found[0]].start, "according to", ACCORDING_TO)
            continue
        if not is_verb_cue(toks, k) or skip_passive and _passive(toks, k):
            continue
        strength = CUE_BEFORE if t.low in STRONG_CUES else EVALUATIVE_CUE
        if t.low in PARTICIPLE_CUES:
            # "The mother said she had spoken to a social worker, adding: …": the participle goes
            # with the sentence's first reporting verb, not the nearest one inside what it reports.
            first = next((m for m in range(k - 1) if is_verb_cue(toks, m)), None) if k > 1 else None
            earlier = (
                _cue_before(masked, toks[: first + 1], True, skip_passive)
                if first is not None and toks[k - 1].text == ","
                else None
            )
            if earlier:
                return Mention(earlier.text, earlier.start, t.low, min(strength, earlier.strength))
            # "footage of Trump saying": a name right before the participle is who speaks.
            found = (
                np_before(toks, k)
                if k
                and (
                    toks[k - 1].low in ("is", "was", "are", "were", "been")
                    or toks[k - 1].capitalised
                    and toks[k - 1].is_word
                    and not _function_word(toks[k - 1])
                )
                else None
            )
            found = found or clause_subject(toks, k)
        else:
            found = np_before(toks, k)
            if found is None and t.low in INVERTING_CUES and (k == 0 or not toks[k - 1].is_word):
                found = np_after(toks, k + 1)  # "…,” said Lacey" — never "63 percent said Clinton …"
            if found is None:
                found = clause_subject(toks, k)
                strength -= FAR_SUBJECT
        if found:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, t.low, strength)
        return None
    if toks and toks[-1].text == ":":
        # A transcript or a colon-introduced quote: "PENCE: Well, …", "Caddell continued:".
        if n >= 3 and toks[0].low in INVERTING_CUES and toks[0].low in CUE_FORMS:  # (capitalised: it opens)
            found = np_after(toks, 1)  # "Said the owner:", "Added Ms Kalu:"
            if found and found[1] == n - 1:
                return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[0].low, COLON_INTRO)
        found = _np_ending_at(toks, n - 2) if n >= 2 else None
        if found and found[0] == 0 and toks[found[0]].capitalised:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, ":", COLON_INTRO)
        found = clause_subject(toks, n - 1)
        if found:
            return Mention(phrase(masked, toks, found), toks[found[0]].start, ":", CLAUSE_COLON)
    return None


_PHRASE_PREPOSITIONS = {"in", "for", "at", "of", "from", "with", "on"}
_TRAILING_PREPOSITIONS = {"on", "in", "at", "during", "after", "before", "from", "via", "by", "to", "with", "late"}


_CLOSING_CUES = INVERTING_CUES | {"told", "tells"}  # what ends a sentence of quotes: ", Hale told reporters."


def _only_trailing(toks, k, n):
    """toks[k + 1 : n] is what may end a sentence after its cue: whom it was told to (a word or
    two), a time, and a phrase of place or time ("told reporters on Thursday", "said Monday")."""
    i = k + 1
    if toks[k].low in ("told", "tells") and i < n and toks[i].low not in _TRAILING_PREPOSITIONS:
        i += 1 + (i + 1 < n and toks[i + 1].capitalised and toks[i].capitalised)  # "told CNN", "told Fox News"
    while i < n and toks[i].low in TIME_WORDS:
        i += 1
    if i < n and toks[i].low in _TRAILING_PREPOSITIONS:
        return n - i <= 6
    return i == n


def closing_attribution(masked, toks):
    """A sentence that ends ", Warren said." attributes every quote in it."""
    n = len(toks)
    while n and not toks[n - 1].is_word:
        n -= 1
    # ", Hale said on a conference call today.", ", Quinlan told reporters Thursday.": a phrase of
    # place or time, and the listeners of "told", may follow the cue.
    cue_at = n - 1
    for k in range(n - 2, max(-1, n - 9), -1):
        if not toks[k].is_word or toks[k].text.startswith(MASK):
            break
        if is_cue(toks[k]) and toks[k].low in _CLOSING_CUES and _only_trailing(toks, k, n):
            cue_at = k
            break
    if cue_at < 2 or not is_cue(toks[cue_at]) or toks[cue_at].low not in _CLOSING_CUES or _passive(toks, cue_at):
        found = None
    else:
        found = np_before(toks, cue_at)
        if found and found[0] >= 3 and toks[found[0] - 1].low == "and":
            # "…, Lena Marsh and Omar Fadel warned.": the first of the two speaks for both.
            first = _np_ending_at(toks, found[0] - 2)
            found = (first[0], found[0] - 1) if first and toks[first[0]].capitalised else found
        if found and (found[0] == 0 or toks[found[0] - 1].text != ","):
            found = None
    n = cue_at + 1 if found else n
    if found is None and n >= 3 and toks[n - 1].is_word:
        # ", said Warren."
        for k in range(n - 2, max(-1, n - 14), -1):
            if toks[k].text == "," and k + 2 < n and is_cue(toks[k + 1]) and toks[k + 1].low in INVERTING_CUES:
                candidate = np_after(toks, k + 2)
                if candidate and candidate[1] < n and toks[candidate[1]].text == ",":
                    # ", said Dev Malhotra, a state fire spokesman.": an appositive may end the sentence.
                    if not any(is_cue(t) or not t.is_word for t in toks[candidate[1] + 1 : n]):
                        return Mention(
                            phrase(masked, toks, candidate), toks[candidate[0]].start, toks[k + 1].low, CLOSING_CUE
                        )
                if candidate and candidate[1] == n:
                    return Mention(
                        phrase(masked, toks, candidate), toks[candidate[0]].start, toks[k + 1].low, CLOSING_CUE
                    )
        return None
    if found is None:
        return None
    return Mention(phrase(masked, toks, found), toks[found[0]].start, toks[cue_at].low, CLOSING_CUE)


def according_to(masked, toks):
    for k, t in enumerate(toks[:-1]):
        if t.low == "according" and toks[k + 1].low == "to":
            found = np_after(toks, k + 2)
            if found:
                return Mention(
                    phrase(masked, toks, found), toks[found[0]].start, "according to", ACCORDING_TO_IN_SENTENCE
                )
    return None


# "of" links a person to an organisation only with "the": "Bank of America" is one name.
_LINK = re.compile(
    r"[ \u00a0](?:(?:from|at|for|by|with)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"|of[ \u00a0]+the[ \u00a0]+"
    r"|(behind|about|against|in)[ \u00a0])"
)


_RELATIVES = (
    f"family|families|relatives?|parents|{PARENTS}|wife|husband|widow|widower|son|daughter"
    "|sister|brother|partner|girlfriend|boyfriend|fianc[ée]e?|friends?"
)
_RELATIVE_OF = re.compile(rf"\b(?:{_RELATIVES})[ \u00a0]+of[ \u00a0]+[A-Z]")

# "Ann Wells of Reuters", "Gov. Earl Ray Tomblin of West Virginia": a name, "of", another name.
_PERSON_OF = re.compile(rf"(?:the )?({NAME_RUN.pattern}) of (?:the )?{NAME_RUN.pattern}")


def _name_runs(text):
    """The capitalised runs of text, with the "of", "for" and "and" inside a body's name joined:
    "the Department of Justice", "the Centers for Disease Control and Prevention"."""
    runs: list[str] = []
    joinable, joined = None, False
    for match in NAME_RUN.finditer(text):
        run = " ".join(_cut_run(sentence_part(match.group().split())))
        link = text[joinable : match.start()].replace("\u00a0", " ") if joinable is not None else None
        if link in (" of ", " for ") or link == " and " and joined and not is_given_name(run.split()[0].casefold()):
            runs[-1] = f"{runs[-1]}{link}{run}"
            joined = True
        else:
            runs.append(run)
            joined = False
        whole = run == match.group()
        joinable = match.end() if whole and (joined or run.split()[-1].casefold() in BODY_HEADS) else None
    return runs


def speaker_from_phrase(text):
    """Reduce a speaker phrase to the name to canonicalise, and say what it is.

    Returns (words, how) where how is "pronoun", "name", "outlet" or "description".

    >>> speaker_from_phrase("Rear Admiral John Mauger of the U.S. Coast Guard")
    ('Rear Admiral John Mauger', 'name')
    >>> speaker_from_phrase("a joint statement from ex-board members Helen Toner and Tasha McCauley")
    ('Helen Toner', 'name')
    >>> speaker_from_phrase("the Governor’s statement")
    ('the governor', 'description')
    """
    text = text.replace("\u00a0", " ")
    words = text.split()
    if len(words) == 1 and words[0].casefold() in PRONOUNS:
        return words[0].casefold(), "pronoun"
    link = next((m for m in _LINK.finditer(text) if not _link_in_body_name(text, m)), None)
    if link:
        # "John Mauger of the Coast Guard" is Mauger; "a statement from Helen Toner" and "the board
        # of Acme" are Toner and Acme; "the head coach of South Africa" is a description.
        head, tail = text[: link.start()], text[link.end() :]
        if link.group(1):
            tail = ""  # "the company behind ChatGPT" is the company, never ChatGPT
        head_words = head.split()
        head_names = [run for run in _name_runs(head) if strip_titles(run.split())]
        tail_names = _name_runs(tail)
        last = head_words[-1].casefold() if head_words else ""
        if head_names and head_words[-1][:1].isupper() and last not in STATEMENT_HEADS:
            return head_names[-1], "name"
        if tail_names and (
            last in STATEMENT_HEADS
            or last in ORGANISATION_HEADS
            or last in ("member", "members")
            or all(is_title_word(w) or w.casefold() in ("of", "for", "the") for w in head_words)  # "Minister of State"
        ):
            return tail_names[0], "name"
        if last in STATEMENT_HEADS and not tail_names and not link.group(1):
            # "a news release from the sheriff's office": whoever issued it, described.
            return speaker_from_phrase(text[link.start() :].split(None, 1)[1])
        if tail_names and (last in SPEAKER_NOUNS or is_title_word(last)) or link.group(1):
            text, words = head, head_words
    if _RELATIVE_OF.search(text):
        return text, "description"  # "the family of Luis Ortega" speaks, not Luis Ortega (often the victim)
    if words and words[-1][:1].isupper():
        runs = _name_runs(text)
        person = _PERSON_OF.fullmatch(text)
        holder = person.group(1).split() if person and len(runs) == 2 else None
        if holder and not is_title_word(holder[-1]) and strip_titles(holder):
            # "Ann Wells of Reuters": the person speaks, not where she works ("Chief of Police" is an office).
            return runs[0], "name"
        return (runs[-1] if runs else text), "name"
    if words and words[-1].casefold() in ACCOUNT_HEADS:
        runs = [r for r in _name_runs(text) if r.split()[0].casefold() not in DETERMINERS]
        if runs:
            name = " ".join(w for w in runs[-1].split() if w.casefold() not in PLATFORMS)
            owner = re.sub(r"[’']s?$", "", name)
            if owner and all(is_title_word(w) for w in owner.split()):
                return "the " + owner.casefold(), "description"  # "the Governor’s statement"
            if owner:
                return owner, "name"
    if refers_to_outlet(text):
        return text, "outlet"
    return text, "description"
