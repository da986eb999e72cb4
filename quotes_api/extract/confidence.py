"""How sure each rule is: the confidence a quotation gets from the evidence that attributed it.

One scale for every rule, strongest first, so that a new rule is placed against the others
rather than given a number of its own. Quotations below DEFAULT_MIN_CONFIDENCE are not reported.
"""

DEFAULT_MIN_CONFIDENCE = 0.5

ADJACENT_CUE = 0.95  # “…,” Lacey said / said Lacey; an embedded post's signature
CUE_BEFORE = 0.9  # Lacey said, “…” — a speech verb before the quote in its sentence
ACCORDING_TO = 0.9  # according to Lacey, “…”
SIGNATURE = 0.85  # “…” ― Jane Roe; a transcript label (HOLT: …)
PASSIVE_AGENT = 0.85  # “American Skin” was written by Springsteen
CLOSING_CUE = 0.85  # a sentence that ends “…, Warren said.”
CONTINUED = 0.8  # a second quote in the sentence, or the sentence after a quoted one
COLON_INTRO = 0.8  # a paragraph ending in a colon: “In a statement, the club said:”
POSSESSIVE_STATEMENT = 0.8  # Trump’s statement about “…”
ACCORDING_TO_IN_SENTENCE = 0.8  # “…”, and according to Lacey elsewhere in the sentence
CUE_IN_SENTENCE_BEFORE = 0.75  # Lacey blamed the board. “…”
EVALUATIVE_CUE = 0.7  # Lacey praised the plan as “…” (a verb that is no speech act)
CLAUSE_COLON = 0.7  # “Here is what he had to say:”
INTERVIEW_ANSWER = 0.7  # a Q&A's answer paragraph after its question: the interviewee's words
NEARBY_SPEAKER = 0.7  # the speaker of the paragraph before, or the person the sentence was about
FAR_SUBJECT = 0.1  # taken off when the speaker is the subject of the clause, not next to the verb
REPORTED_SPEECH = 0.65  # Lacey said the plan would fail (no marks)
REPORTED_FRAMED = 0.7  # According to Lacey, the plan would fail; The plan would fail, Lacey said.
UNATTRIBUTED_SPEECH = 0.55  # a sentence in marks, or a cue whose speaker cannot be resolved
TITLE_OF_A_WORK = 0.3  # Title Case nobody is said to have said, or a show named after “on”
UNRESOLVED_REPORT = 0.3  # reported speech whose speaker cannot be resolved
SCARE_QUOTE = 0.2  # a word or two in marks with no cue: most likely emphasis
