"""One article's extraction pass: marks, names, attribution and reported speech, in text order.

The rules live in the modules it calls (marks, speakers, names, reported); this module decides
which rule answers each quote and how sure that answer is (confidence.py).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any

from . import confidence as level
from .cues import CUE_WORDS
from .marks import Paragraph, scan_quotes, split_paragraphs
from .model import Quote
from .names import ORGANISATION, OTHER, PERSON, PLACE, EntityIndex, in_prose_case, is_agency, is_business, is_title_word
from .reported import reported_speech
from .resources import (
    AGE_WORD,
    ANONYMOUS_ROLES,
    BUSINESS_HEADS,
    CAPITALISED_FUNCTION_WORDS,
    DEMONYM,
    DETERMINERS,
    EPITHETS,
    LOWER_WORD,
    ORGANISATION_HEADS,
    PARENT_OF,
    PRONOUNS,
    PUBLIC_BODY_WORDS,
    STATEMENT_HEADS,
    UPPER,
)
from .social import find_posts
from .speakers import (
    MASK,
    Mention,
    according_to,
    clause_subject,
    closing_attribution,
    cue_after,
    cue_before,
    phrase,
    speaker_from_phrase,
    split_sentences,
    tokens,
)
from .transcript import interview_answers, is_interviewer, transcript_turns

_ENDS_SENTENCE = ".!?…"
# How many tokens before a quote its cue is looked for: enough for any real sentence, and a bound
# that keeps a sentence of thousands of quotes linear (each quote reads a window, not the sentence).
LOOK_BACK_TOKENS = 60
# A guard on the work one article can cause: quoted passages after this many are not read (news
# articles have tens; '"word ' * 100_000 has 100 000).
MAX_QUOTES_PER_ARTICLE = 2000


class ArticleExtraction:
    """One article's pass: the masked text, its names, and the speaker seen last."""

    def __init__(self, text):
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self.posts = find_posts(text, self.paragraphs)
        # A post's signature ("— Name (@handle) date") is not part of anything it quotes.
        body_end = {post.start: post.end for post in self.posts}
        spans = scan_quotes(text, [Paragraph(p.start, body_end.get(p.start, p.end)) for p in self.paragraphs])
        post_starts = [post.start for post in self.posts]  # in text order, not overlapping
        spans = [s for s in spans if not _runs_out_of_post(s, self.posts, post_starts)]
        nicknames = [s for s in spans if _is_nickname(text, s)]
        named = set(nicknames)
        self.spans = [s for s in spans if s not in named]
        self.masked = _blank(_mask(text, self.spans), nicknames)
        del self.spans[MAX_QUOTES_PER_ARTICLE:]  # masked all the same: their words are no one's cue
        self.names = EntityIndex(self.masked)
        self.last_speaker: tuple[str, int] | None = None  # (canonical name, paragraph index)
        self.last_quote = None  # (speaker, sentence range) of the last attributed quote
        self.addressee = None  # (name, paragraph index) of whom the last question was put to
        self.subject = None  # the person the last sentence that opened with one opened with
        self.subject_since = -1  # where that sentence starts
        self.last_speaker_since = -1  # where the sentence that gave the last speaker starts
        self.issuer = None  # (name, paragraph index) of who last issued, released or posted something
        self._sentence_cache = None  # (range, tokens, token starts) of the sentence being read
        self._unnamed = {}  # noun -> where the article first brings in someone by it, unnamed
        self._sentence_mention: tuple[Any, Any] = (None, None)  # (range, its according-to or closing attribution)
        self._prose_cue: tuple[Any, ...] = (
            None,
        )  # (range, its cue, its tokens, its subject person or None: not yet read)

    def run(self, min_confidence, indirect):
        quotes = [
            Quote(
                self.text[p.start : p.end],
                p.start,
                p.end,
                "social",
                self.names.canonical(p.author, p.start),
                "—",
                level.ADJACENT_CUE,
                p.author,
                (p.start, p.end),
            )
            for p in self.posts
        ]
        opens = [s.open for s in self.spans]  # in text order
        posted = {post.start for post in self.posts}
        for number, paragraph in enumerate(self.paragraphs):
            previous = None  # the sentence before, as (start, end)
            for lo, hi in split_sentences(self.masked, paragraph.start, paragraph.end):
                opening = self.names.person_opening(lo, hi)
                if opening:
                    self.subject, self.subject_since = opening, lo
                inside = self.spans[bisect_left(opens, lo) : bisect_left(opens, hi)]
                attributed_in_sentence = None
                for index, span in enumerate(inside):
                    quote = self._attribute(span, inside, index, lo, hi, number, previous, attributed_in_sentence)
                    if quote.speaker:
                        attributed_in_sentence = quote
                        self.last_quote = (quote.speaker, (lo, hi))
                        self.addressee = self._asked(quote, span, hi, number)
                    quotes.append(quote)
                if not inside:
                    # An embedded post is one quotation already: no reported speech inside it.
                    quotes.extend(self._prose_sentence(lo, hi, number, indirect and paragraph.start not in posted))
                previous = (lo, hi)
        quotes += self._transcript(opens)
        interview = interview_answers(self.text, self.paragraphs)
        if interview:
            quotes = self._interview(quotes, interview[1])
        quotes = _headlines_said_in_body(quotes, self.paragraphs[:_HEADLINE_PARAGRAPHS])
        quotes = [self._with_kind(q) if q.speaker else q for q in quotes if q.confidence >= min_confidence]
        return sorted(quotes, key=lambda q: (q.start, -q.end))

    def _interview(self, quotes, answers):
        """A Q&A without labels: its answers are the words of the person the piece is with."""
        interviewee = self.names.first_person()
        if interviewee is None:
            return quotes
        ranges = [self.paragraphs[number] for number in answers]
        starts = [paragraph.start for paragraph in ranges]
        # An answer printed in marks is a quote already; one with a scare quote or two is not.
        in_marks = {
            paragraph
            for paragraph in ranges
            if 2 * sum(q.end - q.start for q in quotes if paragraph.start <= q.start < paragraph.end)
            >= paragraph.end - paragraph.start
        }
        answered = []
        for quote in quotes:
            k = bisect_left(starts, quote.start + 1) - 1
            inside = k >= 0 and quote.start < ranges[k].end
            if inside and ranges[k] not in in_marks and quote.speaker is None:
                continue  # a scare quote inside an answer: the whole answer is the quotation
            if inside and quote.speaker is None:
                quote = replace(quote, speaker=interviewee, cue="interview", confidence=level.INTERVIEW_ANSWER)
            answered.append(quote)
        for paragraph in ranges:
            if paragraph in in_marks:
                continue
            text = self.text[paragraph.start : paragraph.end]
            answered.append(
                Quote(
                    text,
                    paragraph.start,
                    paragraph.end,
                    "direct",
                    interviewee,
                    "interview",
                    level.INTERVIEW_ANSWER,
                    None,
                    (paragraph.start, paragraph.end),
                )
            )
        return answered

    def _with_kind(self, quote):
        """The quote with its speaker's kind; a person known only in capitals as prose prints the name."""
        kind = self.names.kind_of(quote.speaker)
        speaker = in_prose_case(quote.speaker) if kind == PERSON else quote.speaker
        return replace(quote, speaker=speaker, speaker_kind=kind)

    def _transcript(self, opens):
        """Turns of a transcript printed without marks: ``HOST: …``, ``ANN WELLS, PREMIER: …``, ``Q. …``."""
        found = []
        for turn in transcript_turns(self.text, self.paragraphs):
            if bisect_left(opens, turn.end) != bisect_left(opens, turn.start):
                continue  # the paragraph quotes with marks: read as prose
            if any(post.start <= turn.start < post.end for post in self.posts):
                continue  # an embedded post is one quotation already, labels and all
            if is_interviewer(turn.label):
                speaker, confidence = None, level.UNATTRIBUTED_SPEECH
            elif turn.label == "A":
                # The answer: the person the introduction named last.
                speaker = next(iter(self.names.persons_before(turn.start)), None)
                confidence = level.SIGNATURE
            else:
                speaker, confidence = self.names.canonical(turn.label, turn.start), level.SIGNATURE
            text = self.text[turn.start : turn.end]
            found.append(
                Quote(
                    text, turn.start, turn.end, "direct", speaker, ":", confidence, turn.label, (turn.start, turn.end)
                )
            )
        return found

    def _cue_in_prose(self, toks):
        mention = cue_before(self.masked, toks, at_quote=False)
        return mention if mention and mention.cue != ":" else None

    def _prose_sentence(self, lo, hi, number, indirect):
        """A sentence without quotes: remember who it says spoke, and read its reported speech."""
        if _ISSUED.search(self.masked, lo, hi):
            self._note_issuer(lo, hi, number)
        if CUE_WORDS.isdisjoint(LOWER_WORD.findall(self.masked, lo, hi)):
            return []  # most prose has no cue word at all: skip tokenising it
        mention = self._cue_in_prose(tokens(self.masked, lo, hi))
        if mention and speaker_from_phrase(mention.text)[1] in ("name", "pronoun"):
            speaker = self._resolve(mention, number)
            if speaker and self.names.is_person(speaker):
                self.last_speaker, self.last_speaker_since = (speaker, number), lo
        return self._reported(lo, hi, number) if indirect else []

    def _note_issuer(self, lo, hi, number):
        """ "Harbour Police have issued an update": whoever issued it speaks for "the statement"."""
        toks = tokens(self.masked, lo, hi)
        found = clause_subject(toks, len(toks))
        if found:
            words, how = speaker_from_phrase(phrase(self.masked, toks, found))
            if how == "name":
                name = self.names.canonical(words, toks[found[0]].start)
                if self.names.kind_of(name) in (PERSON, ORGANISATION):
                    self.issuer = (name, number)

    def _attribute(self, span, inside, index, lo, hi, number, previous, attributed_in_sentence):
        before_lo = inside[index - 1].close if index else lo
        after_hi = inside[index + 1].open if index + 1 < len(inside) else hi
        before = self._tokens(before_lo, span.open, lo, hi)
        after = self._tokens(span.close, after_hi, lo, hi)
        content = self.text[span.start : span.end]
        leads_sentence = not [t for t in before if t.is_word] or (before and before[-1].text in (":", ","))
        kind = "direct" if span.paragraphs > 1 or (leads_sentence and not content[:1].islower()) else "partial"
        mention = cue_after(self.masked, after)
        if mention is None and not after and content[-1:] in "?!." and index + 1 == len(inside):
            # “How many times?” Clinton said. — the question mark ended the sentence early; and
            # “I am done.” Harry said. — a full stop inside, the attribution as a sentence of its own.
            following = tokens(self.masked, hi, min(hi + 80, self.paragraphs[number].end))
            if content[-1:] == ".":
                stop = next(
                    (k for k, t in enumerate(following) if t.text.endswith(".") and t.low != t.text.casefold()), None
                )
                following = following[: stop + 1] if stop is not None and stop < _SHORT_ATTRIBUTION else []
            mention = cue_after(self.masked, following)
        if mention is None:
            transcript = _TRANSCRIPT.match(content)
            if transcript and index == 0 and not set(transcript.group(1).title().split()) & CAPITALISED_FUNCTION_WORDS:
                mention = Mention(transcript.group(1), span.start, ":", level.SIGNATURE)
        if mention is None:
            mention = cue_before(self.masked, before[-LOOK_BACK_TOKENS:])
        if mention is None and index and before_lo != lo:
            # Look back over the whole sentence: "…, saying the group felt “traumatized” after … “inches” …".
            mention = cue_before(self.masked, self._tokens(lo, span.open, lo, hi, LOOK_BACK_TOKENS))
        if mention is None:
            mention = self._whole_sentence_mention(lo, hi)
        speaker = self._resolve(mention, number, lo) if mention else None
        confidence = mention.strength if mention else 0.0
        cue = mention.cue if mention else None
        if speaker is None:
            inherited = self._inherit(span, lo, number, previous, attributed_in_sentence, leads_sentence)
            if inherited:
                speaker, cue, confidence = inherited
        if speaker is None:
            # A cue whose speaker cannot be resolved still marks a quotation; a bare passage in
            # marks is a quotation only when it reads like speech (a sentence of some length).
            words = len(content.split())
            confidence = level.UNATTRIBUTED_SPEECH if mention or kind == "direct" and words >= 4 else level.SCARE_QUOTE
        if not span.closed and not mention:
            confidence /= 2  # a lone mark used as a bullet or typo, most likely
        if _is_title(content) and (speaker is None or _names_a_work(before)) or _after_headline(before):
            # A title or a nickname nobody is said to have said, or a show or book named after
            # "on", "of" or a possessive ("on MSNBC’s “Morning Joe”"): not a quotation.
            confidence = min(confidence, level.TITLE_OF_A_WORK)
        elif speaker:
            self.last_speaker, self.last_speaker_since = (speaker, number), lo
        return Quote(
            content, span.start, span.end, kind, speaker, cue, confidence, mention.text if mention else None, (lo, hi)
        )

    def _whole_sentence_mention(self, lo, hi):
        """ "according to X" or ", Warren said." in the sentence: read once, whatever its quotes."""
        if self._sentence_mention[0] != (lo, hi):
            sentence = self._tokens(lo, hi, lo, hi)
            found = according_to(self.masked, sentence) or closing_attribution(self.masked, sentence)
            self._sentence_mention = ((lo, hi), found)
        return self._sentence_mention[1]

    def _tokens(self, start, end, lo, hi, most=None):
        """Tokens of masked[start:end] (the last `most` of them), cut from the sentence [lo, hi) tokenised once."""
        cached = self._sentence_cache
        if cached is None or cached[0] != (lo, hi):
            toks = tokens(self.masked, lo, hi)
            cached = self._sentence_cache = ((lo, hi), toks, [t.start for t in toks])
        _, toks, starts = cached
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        while last > first and toks[last - 1].end > end:
            last -= 1
        if most is not None:
            first = max(first, last - most)
        return toks[first:last]

    def _inherit(self, span, lo, number, previous, attributed_in_sentence, leads_sentence):
        """A quote with no cue of its own continues the speaker the text last gave."""
        if attributed_in_sentence is not None:
            return attributed_in_sentence.speaker, "continued", level.CONTINUED
        if not leads_sentence:
            return None
        if self.last_quote and self.last_quote[1] == previous:
            # The sentence before quoted someone: a bare quote goes on with the same voice.
            return self.last_quote[0], "continued", level.CONTINUED
        if previous:
            if self._prose_cue[0] != previous:  # every quote of a sentence asks the same of the one before
                previous_tokens = tokens(self.masked, *previous)
                self._prose_cue = (previous, self._cue_in_prose(previous_tokens), previous_tokens, None)
            _, mention, previous_tokens, subject_name = self._prose_cue
            if mention:
                speaker = self._resolve(mention, number)
                if speaker:
                    return speaker, mention.cue, level.CUE_IN_SENTENCE_BEFORE
            # "Sen. Sanders identified young voters as … . “The younger people are …”": the person
            # the sentence before was about goes on speaking.
            if subject_name is None:
                subject_name = self._person_subject(previous, previous_tokens)
                self._prose_cue = self._prose_cue[:3] + (subject_name,)
            if subject_name:
                return subject_name, "continued", level.NEARBY_SPEAKER
        if span.open == self.paragraphs[number].start and number:
            prior = self.paragraphs[number - 1]
            if self.masked[prior.end - 1] == ":":
                last = split_sentences(self.masked, prior.start, prior.end)[-1]
                intro = tokens(self.masked, *last)
                mention = cue_before(self.masked, intro) or _introduced(self.masked, intro)
                if mention:
                    speaker = self._resolve(mention, number)
                    if speaker:
                        return speaker, mention.cue, level.COLON_INTRO
        if self.addressee and self.addressee[1] == number - 1 and span.open == self.paragraphs[number].start:
            # “Are you leaving?” she asked Harry. ¶ “Not today.” — the reply is Harry's turn.
            return self.addressee[0], "continued", level.NEARBY_SPEAKER
        if self.last_speaker and number - self.last_speaker[1] <= 1:
            return self.last_speaker[0], "continued", level.NEARBY_SPEAKER
        if self.last_speaker and number - self.last_speaker[1] == 2 and span.open == self.paragraphs[number].start:
            # One paragraph of narrative between, naming no one else: "“I am thrilled,” Adler said. ¶
            # The former talent-show winner released a mixtape. ¶ “She keeps me honest.”"
            since = self.names.persons_before(span.open, span.open - self.last_speaker_since)
            if set(since) <= {self.last_speaker[0]}:
                return self.last_speaker[0], "continued", level.NEARBY_SPEAKER
        return None

    def _person_subject(self, sentence, toks):
        """The person the sentence is about (its clause subject), or "" when it is about no one."""
        subject = clause_subject(toks, len(toks))
        if subject:
            words, how = speaker_from_phrase(phrase(self.masked, toks, subject))
            name = self.names.canonical(words, sentence[0]) if how == "name" else None
            if name and self.names.is_person(name):
                return name
        return ""

    def _resolve(self, mention, number, sentence_start=None):
        """Turn a speaker phrase into a canonical speaker, or None."""
        words, how = speaker_from_phrase(mention.text)
        if how == "pronoun":
            return self._pronoun(words, mention.start, sentence_start)
        if how == "outlet":
            return self.names.latest_outlet(mention.start) or mention.text
        # "the Queen said" names an office; "King wrote" a person called King.
        office = [w for w in words.split() if w.casefold() not in ("the", "this")]
        determined = mention.text.split()[0].casefold() in ("the", "this")
        named = self.names.canonical(words, mention.start) if how == "name" else None
        if how == "name" and determined and len(office) == 1 and is_title_word(office[0]):
            how, words = "description", "the " + office[0].casefold()  # "the Queen": an office, not a name
        elif how == "name" and determined and office[-1].casefold() in EPITHETS:
            # "the Nebraska Republican said": an epithet with a place, for the person just named.
            if self.names.first_seen(named) >= mention.start:
                how, words = "description", "the " + " ".join(office)  # (no one introduced by that name)
        elif how == "name" and office and all(is_title_word(word) for word in office):
            # "said Deputy Commissioner of …" names an office; "Dean said" a person called Dean.
            if not self.names.is_person(named):
                how, words = "description", "the " + office[-1].casefold()
        elif how == "name" and determined and len(office) == 1 and DEMONYM.fullmatch(office[0]):
            # "the Spaniard said": a nationality for the person just named (unless the paper is called so).
            if not self.names.is_outlet_name(office[0]):
                return self._nearest_person(None, mention.start, sentence_start) or mention.text
        if how == "name":
            name = named
            kind = self.names.kind_of(name)
            if number < _HEADLINE_PARAGRAPHS:
                # A title-case headline runs a name into its verb: "Dana Whitlock Teases New Record".
                name = self.names.person_leading(name) or name
                kind = self.names.kind_of(name)
            if kind == OTHER or kind == PLACE and not self.names.is_country(name):
                # A place, an event or a heading never speaks: "said from Windsor Castle". A country
                # does, for its government ("China said").
                return self._nearest_person(None, mention.start, sentence_start)
            return name
        return self._describe(words, mention.start, number)

    def _describe(self, description, at, number):
        """A description resolved to whom the article introduced with it, or kept as it is.

        "the statement" speaks for whoever issued it, "the company" for the organisation
        the article is about, "the mayor" for the one person it called mayor, and "the WHO chief"
        for the person it goes on to name.
        """
        words = re.findall(r"[\w’'-]+", description)
        if not words:
            return description
        head = re.sub(r"[’']s?$", "", words[-1].casefold())
        first = words[0].casefold()
        possessive = any(w.endswith(("’s", "'s")) and w[:1].isupper() for w in words[:-1])
        definite = first in ("the", "this", "that") or possessive and first not in DETERMINERS
        if head in STATEMENT_HEADS and definite:  # "the statement"; "a memo" is nobody's in particular
            last = self.last_speaker
            issuer = last[0] if last is not None and number - last[1] <= 3 else None
            issued = self.issuer[0] if self.issuer and number - self.issuer[1] <= 3 else None
            return issuer or issued or description  # "the letter" from nobody named stays a description
        if head in ORGANISATION_HEADS and definite:
            if head == "agency":  # a public body, and never Congress beside it
                return self.names.nearest_of_kind(at, ORGANISATION, fits=is_agency) or description
            # "the company" is no government body: the Coast Guard beside OceanGate is not it.
            fits = is_business if head in BUSINESS_HEADS else None
            return self.names.latest_of_kind(at, ORGANISATION, fits=fits) or description
        if not definite or head.endswith("s") and not head.endswith("ss"):
            return description  # "a spokesman", "officials": nobody in particular
        if head in ANONYMOUS_ROLES:
            # "the spokeswoman" the article named before: "District spokeswoman Ann Lee said …"; not
            # after "A Home Office spokesman said …", nor a spokesman named only further on.
            holder = None if self._introduced_unnamed(head, at) else self.names.holder_of(description, at)
            return holder if holder and self.names.first_seen(holder) < at else description
        holder = self.names.holder_of(description, at)
        if holder:
            return holder
        if any(AGE_WORD.fullmatch(word) for word in words):
            # "the 23-year-old said": news gives an age for a person it has just named.
            return self._nearest_person(None, at, None) or description
        if (head in EPITHETS or PARENT_OF.fullmatch(head)) and not self._named_by(head, at):
            # "the Nashville star said": news names a person, then calls them by what they are.
            return self._nearest_person(None, at, None) or description
        if head in _GENERIC_HEADS and any(w[:1].isupper() or w in _BODY_MODIFIERS for w in words[1:-1]):
            # "the World Health Organization chief", "the police chief": the office holder named nearest.
            return self.names.nearest_office_holder(at) or description
        return description

    def _named_by(self, noun, at):
        """True when the article gave the noun to a name, or brought in someone by it without one
        ("a singer from Leeds"): then the description is theirs, or stays a description."""
        return bool(self.names.by_title.get(noun)) or self._introduced_unnamed(noun, at)

    def _introduced_unnamed(self, noun, at):
        """The article brought in someone by the noun before at, without a name: "a singer from Leeds"."""
        if noun not in self._unnamed:  # where, read once per noun: an article may say "the spokesman" often
            unnamed = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b")
            found = unnamed.search(self.masked)
            self._unnamed[noun] = found.start() if found else len(self.masked)
        return self._unnamed[noun] < at

    def _pronoun(self, pronoun, at, sentence_start=None):
        """he/she: the sentence's own subject, else the last speaker, else the nearest person.

        A name whose gender is known to match wins over one of unknown gender
        ("National Mall" is a capitalised pair, not a person who could be "he").
        """
        gender = PRONOUNS.get(pronoun.replace("'", "’"))
        if gender in ("p", "n"):
            found = self._collective(at, sentence_start)
            if found is None and gender == "n":
                # "“…,” it added.": the organisation just named, when the sentence names none.
                found = self.names.nearest_of_kind(at, ORGANISATION, window=_IT_REACH, ahead=False)
            return found
        if gender not in ("m", "f"):
            return None
        return self._nearest_person(gender, at, sentence_start)

    def _nearest_person(self, gender, at, sentence_start):
        """The sentence's subject, the last speaker, or the nearest person before: of that gender if given."""
        subject = self.names.persons_before(at, at - sentence_start, as_subjects=True)[-1:] if sentence_start else []
        # The last speaker counts even when the text never says what it is: it spoke ("Obama said").
        last = (
            [self.last_speaker[0]]
            if self.last_speaker and self.names.kind_of(self.last_speaker[0]) in (None, PERSON)
            else []
        )
        # The person a recent sentence opened with comes before others merely named since:
        # "Rob Kalu disagreed with Tom Hale. ¶ “…,” he said." is Kalu. Before the last speaker too,
        # when the sentence came after that speaker's: "“…,” said Ann Wells. ¶ Rob Kalu bristled.
        # ¶ “…,” he said." is Kalu.
        opened = [self.subject] if self.subject and not subject else []
        if self.subject_since > self.last_speaker_since:
            last, opened = opened, last
        if subject and self.names.is_person(subject[0]) and self.names.gender_of(subject[0]) in (None, gender):
            return subject[0]  # "Kerr Putney said …, but he said …": the sentence's own subject, gender unknown or not
        nearby = subject + last + opened + self.names.persons_before(at)
        candidates = [n for n in nearby if n in last or self.names.is_person(n)]
        for name in candidates:
            if gender is None or self.names.gender_of(name) == gender:
                return name
        # No name of the right gender is known: the nearest person whose gender is unknown.
        for name in candidates:
            if self.names.gender_of(name) is None:
                return name
        return None

    def _asked(self, quote, span, hi, number):
        """Whom a question was put to: “Are you leaving?” she asked Harry Dunn."""
        if quote.cue not in ("asked", "asks") or not quote.text.endswith("?"):
            return None
        asked = _ASKED_WHOM.search(self.masked, span.close, min(hi + 80, self.paragraphs[number].end))
        if not asked:
            return None
        name = self.names.canonical(asked.group(1), asked.start(1))
        return (name, number) if self.names.is_person(name) or len(name.split()) == 1 else None

    def _collective(self, at, sentence_start):
        """they/it: the group or organisation the sentence is about ("Clinton’s campaign … what they call")."""
        if sentence_start is None or sentence_start >= at:
            return None
        toks = tokens(self.masked, sentence_start, at)
        found = clause_subject(toks, len(toks))
        if not found:
            return None
        words, how = speaker_from_phrase(phrase(self.masked, toks, found))
        if how == "pronoun" or how == "name" and self.names.is_person(self.names.canonical(words)):
            return None  # a person is "he" or "she"
        return self.names.canonical(words) if how == "name" else words

    def _reported(self, lo, hi, number):
        found = []
        for item in reported_speech(self.masked, lo, hi):
            speaker = self._resolve(item.mention, number)
            found.append(
                Quote(
                    self.text[item.start : item.end],
                    item.start,
                    item.end,
                    "indirect",
                    speaker,
                    item.mention.cue,
                    item.confidence if speaker else level.UNRESOLVED_REPORT,
                    item.mention.text,
                    (lo, hi),
                )
            )
        return found


def _runs_out_of_post(span, posts, post_starts):
    """The span starts inside an embedded post and ends past it (its mark is the post's own)."""
    k = bisect_right(post_starts, span.start) - 1
    return k >= 0 and posts[k].start <= span.start < posts[k].end < span.end


_PARENTHETICAL = re.compile(r"(?<=\w)[ \u00a0]\([^()\n]{1,30}\)")  # "Rep. Gwen Moore (D-Wis.) said"
_TRANSCRIPT = re.compile(rf"([{UPPER}][{UPPER}.' -]+[{UPPER}]):\s")  # "WALLACE: But, Governor …"


_GENERIC_HEADS = {"chief", "head", "boss", "leader", "chairman", "chairwoman"}  # of the organisation named
_MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "is", "as"}


_ASKED_WHOM = re.compile(r"\basks?(?:ed)? ((?:[A-Z][\w'’-]+ ?){1,3})")
_ISSUED = re.compile(r"\b(?:issued|released|published|posted|put out|shared)\b")
_POSSESSIVE_PRONOUNS = {"her": "she", "his": "he", "their": "they"}
_BODY_MODIFIERS = ORGANISATION_HEADS | PUBLIC_BODY_WORDS | {"garda", "fire"}  # "the police chief", "the garda chief"
_IT_REACH = 400  # how far back "it said" looks for the organisation it stands for
_SHORT_ATTRIBUTION = 6  # words in a sentence that only says who spoke: "Harry said."
_HEADLINE_PARAGRAPHS = 1  # the headline
_WORD = re.compile(r"\w+")


def _headlines_said_in_body(quotes, top):
    """A Title Case quote in the headline is a quotation when the body quotes its words with a speaker.

    “The Building Has Literally Pancaked” above “…has literally pancaked,” the chief said.
    """
    if not top:
        return quotes
    end = top[-1].end
    headline = [q for q in quotes if q.start < end and q.speaker is None and _is_title(q.text)]
    if not headline:
        return quotes
    said = [(set(_WORD.findall(q.text.casefold())), q) for q in quotes if q.start >= end and q.speaker]
    adopted = {}
    for quote in headline:
        words = set(_WORD.findall(quote.text.casefold()))
        for body_words, body in said:
            shared = len(words & body_words)
            if shared >= 2 and shared >= 0.8 * min(len(words), len(body_words)):
                adopted[quote.start] = replace(
                    quote,
                    speaker=body.speaker,
                    cue="continued",
                    confidence=level.CONTINUED,
                    speaker_mention=body.speaker_mention,
                )
                break
    return [adopted.get(q.start, q) if q.speaker is None else q for q in quotes]


def _introduced(masked, toks):
    """Who an introduction names when no cue verb finds it: "Here is what he had to say:"."""
    for token in toks:
        if token.low in PRONOUNS and token.low not in ("i", "we", "it"):
            return Mention(token.text, token.start, ":", level.CLAUSE_COLON)
        if token.low in _POSSESSIVE_PRONOUNS:  # "Following is the text of her statement:"
            return Mention(_POSSESSIVE_PRONOUNS[token.low], token.start, ":", level.CLAUSE_COLON)
    return None


def _is_title(content):
    """Title Case: every word capitalised but the minor ones ("Coal Isn't the Villain.")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", content)
    major = [w for w in words if w.casefold() not in _MINOR_WORDS]
    return len(words) >= 1 and bool(major) and all(w[0].isupper() for w in major)


_WORK_MARKERS = {"of", "on", "in", "at", "to", "from", "with", "for", "by", "titled", "entitled", "called", "named"}
_HEADLINES = {"headline", "headlined", "caption", "captioned"}  # "Under the headline “Ministers ignored …”"


def _names_a_work(before):
    """The words before a quote introduce a title: "on Fox News’s", "a book titled"."""
    words = [t for t in before if t.is_word]
    if not words:
        return False
    last = words[-1]
    return last.low in _WORK_MARKERS or last.text.endswith(("’s", "'s", "s’"))


def _after_headline(before):
    """The word right before a quote names a headline or caption ("under the headline “…”"): what it
    quotes is a title, whatever its case. Not after a colon: "used her words as its headline: “…”"."""
    return bool(before) and before[-1].low in _HEADLINES


_NICKNAME = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)?")


def _is_nickname(text, span):
    """A capitalised word in marks between a first name and a surname: Ashleigh “Ash” Barty."""
    content = text[span.start : span.end]
    if not _NICKNAME.fullmatch(content) or not content[:1].isupper() or span.open < 2:
        return False
    before = re.search(r"(?:^|\s)([^\W\d_][\w'’-]*) $", text[max(0, span.open - 30) : span.open])
    after = re.match(r" ([^\W\d_][\w'’-]*)", text[span.close : span.close + 30])
    return bool(before and after and before.group(1)[:1].isupper() and after.group(1)[:1].isupper())


def _blank(masked, spans):
    """Blank nicknames with their marks, so that the name around them reads as one run."""
    pieces, at = [], 0  # joined once: rebuilding the text per nickname is quadratic
    for span in spans:
        pieces += [masked[at : span.open], " " * (span.close - span.open)]
        at = span.close
    pieces.append(masked[at:])
    return "".join(pieces)


def _mask(text, spans):
    """Hide quoted words (keeping offsets and a final stop) so that rules read only the prose.

    Short parentheticals after a word are blanked too: an affiliation between a
    name and its verb would otherwise hide the cue.
    """
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), text)
    pieces, at = [], 0
    for span in spans:
        end = span.end - 1 if text[span.end - 1] in _ENDS_SENTENCE else span.end
        if end <= at:
            continue
        start = max(span.start, at)
        pieces.append(text[at:start])
        pieces.append("\n".join(MASK * len(line) for line in text[start:end].split("\n")))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
