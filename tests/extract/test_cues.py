"""The cue-verb table, checked row by row: spelling, flags, and that each verb attributes a quote."""

import pytest

from quotes_api.extract import extract_quotes
from quotes_api.extract.cues import CUE_FORMS, CUES, INVERTING_CUES

ROWS = sorted(CUES.values(), key=lambda cue: cue.lemma)


def past(cue):
    """The simple past: the third form in the table ("said", "slammed"), the -ed form, or the base ("put")."""
    candidates = [f for f in cue.forms[2:] if not f.endswith("ing")] or [f for f in cue.forms if f.endswith("ed")]
    return (candidates or [cue.lemma])[0]


@pytest.mark.parametrize("cue", ROWS, ids=lambda cue: cue.lemma)
def test_row_is_well_formed(cue):
    assert cue.forms[0] == cue.lemma, "the base form comes first"
    assert len(set(cue.forms)) == len(cue.forms), "no form twice"
    assert all(form.isalpha() and form.islower() for form in cue.forms)
    for form in cue.forms:
        assert CUE_FORMS.get(form, cue.lemma) == cue.lemma or cue.noun_like and form == cue.lemma, (
            f"{form!r} belongs to two verbs"
        )
    # Doubled consonants are written out: "slammed", never "slamed" (a generated form's mistake).
    for form in cue.forms:
        if form.endswith(("ed", "ing")) and len(cue.lemma) <= 4 and cue.lemma[-1] in "bgmnpt":
            stem = form[: -2 if form.endswith("ed") else -3]
            vowel_consonant = cue.lemma[-2] in "aeiou" and cue.lemma[-3:-2] not in ("a", "e", "i", "o", "u", "")
            if vowel_consonant:
                assert stem.endswith(cue.lemma[-1] * 2), f"{form!r}: double the final consonant"


@pytest.mark.parametrize("cue", [c for c in ROWS if c.strong], ids=lambda cue: cue.lemma)
def test_strong_cue_after_a_quote_attributes_it(cue):
    (quote,) = extract_quotes(f"“We will not stop here,” Jane Lacey {past(cue)}.")
    assert quote.speaker == "Jane Lacey"


@pytest.mark.parametrize("cue", [c for c in ROWS if c.inverts], ids=lambda cue: cue.lemma)
def test_inverting_cue_takes_the_subject_after_it(cue):
    assert past(cue) in INVERTING_CUES
    (quote,) = extract_quotes(f"“Not today,” {past(cue)} Jane Lacey.")
    assert quote.speaker == "Jane Lacey"


@pytest.mark.parametrize("cue", [c for c in ROWS if not c.strong], ids=lambda cue: cue.lemma)
def test_evaluative_cue_attributes_a_partial_quote(cue):
    (quote,) = extract_quotes(f"Jane Lacey {past(cue)} the budget as “a reckless gamble” on Monday.")
    assert quote.speaker == "Jane Lacey"
