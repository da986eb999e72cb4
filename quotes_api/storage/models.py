"""Peewee models. The database is declared unbound and initialised by :func:`.db.init_database`."""

import datetime

from peewee import (
    BigIntegerField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DoubleField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)
from playhouse.sqlite_ext import FTS5Model, SearchField

database = DatabaseProxy()


def utcnow():
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class LenientDateField(DateField):
    """A date column that reads a stored value which is not a real date ("2020-99-99") as None.

    Writes are checked (extract.documents.normalise_date refuses impossible dates) and migration
    0003 clears such values; this keeps one bad row, however it got there, from failing every read.
    """

    def python_value(self, value):
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value[:10])
            except ValueError:
                return None
        return super().python_value(value)


class Article(BaseModel):
    url = TextField(null=True, unique=True)
    outlet = TextField(null=True, index=True)
    title = TextField(null=True)
    published = LenientDateField(null=True, index=True)
    text = TextField()
    content_hash = CharField(max_length=64, unique=True)  # sha256 of the text: the same text is one article
    created_at = DateTimeField(default=utcnow)


# The outlet filter compares LOWER(outlet) and lists newest first: one index serves both (migration 0004).
Article.add_index(Article.index(fn.LOWER(Article.outlet), Article.published, name="article_outlet_key_published"))


class Syndication(BaseModel):
    """Another address that printed the same text as a stored article: a syndicated copy.

    The article is stored once (by its text); each further url is recorded here, so a newsroom
    can see that outlet B printed outlet A's copy.
    """

    article = ForeignKeyField(Article, backref="syndications", on_delete="CASCADE")
    url = TextField(unique=True)
    outlet = TextField(null=True)
    published = LenientDateField(null=True)
    created_at = DateTimeField(default=utcnow)


class Speaker(BaseModel):
    name = TextField()  # canonical display form ("George Gascón")
    key = TextField(unique=True)  # accent- and case-folded name: one record per person
    created_at = DateTimeField(default=utcnow)
    # Kept by database triggers on quote (migration 0004): "most quoted first" reads an index, never counts.
    quote_count = IntegerField(default=0, index=True)


class SpeakerAlias(BaseModel):
    """Other forms an article used for the speaker ("Lacey", "D.A. Jackie Lacey")."""

    speaker = ForeignKeyField(Speaker, backref="aliases", on_delete="CASCADE")
    alias = TextField()
    key = TextField(index=True)

    class Meta:
        indexes = ((("speaker", "key"), True),)


class SpeakerNameKey(BaseModel):
    """Each word-start tail of a speaker's folded name and aliases ("jackie lacey", "lacey").

    Name search is then a range over one index: a prefix of any word of any form of the name.
    """

    speaker = ForeignKeyField(Speaker, backref="name_keys", on_delete="CASCADE")
    key = TextField()

    class Meta:
        indexes = ((("key", "speaker"), True),)


class VariantGroup(BaseModel):
    # The member whose wording is canonical (the longest). A plain id rather than a
    # foreign key: quote and group refer to each other, and SQLite cannot defer that.
    canonical_quote_id = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)
    size = IntegerField(default=0)  # members; kept by database triggers on quote (migration 0004)

    class Meta:
        indexes = ((("size", "updated_at"), False),)


class GroupAlias(BaseModel):
    """A group id that no longer exists (merged, or renumbered by a regroup) and the group it resolves to."""

    id = IntegerField(primary_key=True)
    group = ForeignKeyField(VariantGroup, backref="aliases", on_delete="CASCADE", index=True)
    created_at = DateTimeField(default=utcnow)


class Quote(BaseModel):
    article = ForeignKeyField(Article, backref="quotes", on_delete="CASCADE")
    speaker = ForeignKeyField(Speaker, backref="quotes", null=True, on_delete="SET NULL")
    group = ForeignKeyField(VariantGroup, backref="members", null=True, on_delete="SET NULL")
    text = TextField()
    start = IntegerField()
    end = IntegerField()
    kind = CharField(max_length=10)  # no index: three values, and an index on it misleads the planner
    cue = TextField(null=True)
    confidence = DoubleField(index=True)  # 8 bytes on both backends (migration 0005): paging cursors compare equal
    speaker_mention = TextField(null=True)
    speaker_kind = CharField(max_length=12, null=True)  # person, organisation, place, other; NULL: unknown
    context_start = IntegerField()
    context_end = IntegerField()
    word_count = IntegerField(index=True)
    # The folded statement words, space-separated (variants.text.statement_words): grouping reads
    # these, so a candidate is never tokenised again (migration 0006).
    words = TextField(null=True)

    class Meta:
        indexes = ((("article", "start", "end", "kind"), True),)


# A speaker's short quotes, which grouping reads for every longer quote of that speaker: without this,
# the planner walks all of a much-quoted speaker's quotes to find the short ones (migration 0006).
Quote.add_index(
    Quote.index(Quote.speaker, Quote.id, name="quote_short_by_speaker").where(
        (Quote.word_count >= 2) & (Quote.word_count < 7) & (Quote.kind != "indirect")
    )
)


class QuoteShingle(BaseModel):
    """Word 3-gram hashes of each quote: the candidate index for variant grouping."""

    shingle = BigIntegerField()  # an unsigned 32-bit hash: wider than PostgreSQL's integer
    quote = ForeignKeyField(Quote, on_delete="CASCADE", index=True)

    class Meta:
        primary_key = CompositeKey("shingle", "quote")


class CommonShingle(BaseModel):
    """A shingle in more quotes than grouping reads (a stock phrase): its postings are dropped."""

    shingle = BigIntegerField(primary_key=True)


class QuoteSearch(FTS5Model):
    """SQLite's full-text index of quotes: their words and word pairs (see storage/search.py).

    Contentless (migration 0007); its rowid is the quote's id.
    """

    words = SearchField()
    pairs = SearchField()

    class Meta:
        database = database
        table_name = "quote_search"


class TSVectorField(Field):
    field_type = "TSVECTOR"


class QuoteDocument(BaseModel):
    """PostgreSQL's full-text index of quote texts (SQLite uses :class:`QuoteSearch`), GIN-indexed.

    The document is built from the accent- and case-folded text, as SQLite's tokenizer folds it.
    """

    quote = ForeignKeyField(Quote, primary_key=True, on_delete="CASCADE")
    document = TSVectorField()


class SearchVersion(BaseModel):
    """A stamp that changes with every write to the search index (storage/search_cache.py reads it).

    At most one row (id 1), written in the transaction that changes the index; none before the first.
    """

    id = IntegerField(primary_key=True)
    stamp = BigIntegerField()


class ApiKey(BaseModel):
    name = TextField()
    prefix = CharField(max_length=12)  # shown in listings; the key itself is never stored
    key_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)


MODELS = [
    Article,
    Syndication,
    Speaker,
    SpeakerAlias,
    SpeakerNameKey,
    VariantGroup,
    GroupAlias,
    Quote,
    QuoteShingle,
    CommonShingle,
    SearchVersion,
    ApiKey,
]
