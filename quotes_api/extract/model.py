"""The extractor's inputs and outputs: plain, immutable dataclasses."""

from dataclasses import dataclass, field

KINDS = ("direct", "partial", "social", "indirect")


@dataclass(frozen=True)
class Article:
    """An article's body text and what is known of its source."""

    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD


@dataclass(frozen=True)
class Quote:
    """One quotation: ``article.text[start:end] == text`` (the words, without marks)."""

    text: str
    start: int
    end: int
    kind: str  # one of KINDS
    speaker: str | None  # canonical name, or None when no speaker can be found
    cue: str | None = None  # the word that attributes it: "said", "according to", "—"
    confidence: float = 0.0
    speaker_mention: str | None = None  # the words the article used ("she", "Lacey")
    context: tuple[int, int] = field(default=(0, 0))  # the sentence or paragraph around it
    # What the speaker is, from the article's evidence: "person", "organisation", "place", "other",
    # or None (a description, or a name the text says nothing about). Grouping trusts only persons.
    speaker_kind: str | None = None

    def as_dict(self):
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker,
            "cue": self.cue,
            "confidence": round(self.confidence, 2),
            "speaker_mention": self.speaker_mention,
            "speaker_kind": self.speaker_kind,
        }
