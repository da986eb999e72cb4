"""Storage: the only package that imports peewee."""

from .db import DatabaseUnavailable, check_connection, init_database, is_postgres, pending, schema_drift, upgrade
from .ingest import IngestResult, delete_article, find_existing, ingest_article, ingest_articles, regroup_all
from .keys import KeyStatus, check_key, create_key, revoke_key
from .models import (
    MODELS,
    ApiKey,
    Article,
    Quote,
    QuoteSearch,
    Speaker,
    SpeakerAlias,
    SpeakerNameKey,
    Syndication,
    VariantGroup,
    database,
)
from .search import indexed_count

__all__ = [
    "MODELS",
    "ApiKey",
    "Article",
    "DatabaseUnavailable",
    "Syndication",
    "IngestResult",
    "KeyStatus",
    "Quote",
    "QuoteSearch",
    "Speaker",
    "SpeakerAlias",
    "SpeakerNameKey",
    "VariantGroup",
    "check_connection",
    "check_key",
    "create_key",
    "database",
    "delete_article",
    "find_existing",
    "indexed_count",
    "ingest_article",
    "ingest_articles",
    "init_database",
    "is_postgres",
    "pending",
    "regroup_all",
    "revoke_key",
    "schema_drift",
    "upgrade",
]
