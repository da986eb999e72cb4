"""Settings, read from the environment in one place, with documented defaults.

| variable               | default                        | meaning                                          |
|------------------------|--------------------------------|--------------------------------------------------|
| DATABASE_URL           | sqlite:///instance/quotes.sqlite3 | SQLite file (``sqlite:///rel`` or ``sqlite:////abs``) |
|                        |                                | or PostgreSQL ``postgresql://user@host:5432/db`` |
|                        |                                | (``postgresql+pool://``: connections kept open)  |
| HOST                   | 127.0.0.1                      | address ``quotes-api serve`` binds (Docker: 0.0.0.0) |
| PORT                   | 8000                           | port ``make run`` and ``quotes-api serve`` bind  |
| MIGRATIONS_DIR         | ./migrations (or the repo's)   | folder of numbered migration files               |
| MAX_CONTENT_LENGTH     | 2000000                        | largest request body in bytes (else 413)         |
| MAX_ARTICLE_CHARS      | 500000                         | largest article text stored (API, batch, ingest) |
| WRITE_RATE_LIMIT       | 60/minute                      | writes per API key                               |
| SEARCH_RATE_LIMIT      | 120/minute                     | full-text searches per client address            |
| RATE_LIMIT_ENABLED     | 1                              | 0 turns rate limiting off                        |
| RATELIMIT_STORAGE_URI  | memory://                      | rate-limit counters: ``memory://`` is each worker |
|                        |                                | process's own (N workers allow up to N times a   |
|                        |                                | limit); ``redis://host:6379/0`` is one count for |
|                        |                                | every worker and host                            |
| MIN_CONFIDENCE         | 0.5                            | quotes stored from extraction at or above this   |
| STORE_INDIRECT         | 1                              | store reported (indirect) speech too             |
| PUBLIC_URL             | (none)                         | base of absolute links (pages, embeds, oEmbed, Link) |
| ALLOWED_HOSTS          | (none)                         | comma-separated Host values served, others 400 (*) |

(*) Links never copy an unchecked Host header (a shared cache that ignores Host could be poisoned):
with PUBLIC_URL they start with it; else with ALLOWED_HOSTS set they follow the request's (checked)
host and embeds are cached privately; with neither, links are relative (``/q/1``).
"""

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_ROOT.parent


def _default_migrations_dir():
    for candidate in (Path.cwd() / "migrations", REPO_ROOT / "migrations"):
        if candidate.is_dir():
            return str(candidate)
    return str(REPO_ROOT / "migrations")


def _rate(value):
    """Check a rate such as "60/minute" (count per second, minute, hour or day) and return it."""
    count, _, unit = value.partition("/")
    if unit.strip() not in ("second", "minute", "hour", "day") or not count.strip().isdigit():
        raise ValueError(f"rate limits look like 60/minute, not {value!r}")
    return f"{int(count)}/{unit.strip()}"


def from_environment(environ=None):
    """Return the settings as a dict of upper-case keys (Flask config style)."""
    env = os.environ if environ is None else environ
    return {
        "DATABASE_URL": env.get("DATABASE_URL", "sqlite:///instance/quotes.sqlite3"),
        "HOST": env.get("HOST", "127.0.0.1"),
        "PORT": int(env.get("PORT", "8000")),
        "MIGRATIONS_DIR": env.get("MIGRATIONS_DIR") or _default_migrations_dir(),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_CONTENT_LENGTH", "2000000")),
        "MAX_ARTICLE_CHARS": int(env.get("MAX_ARTICLE_CHARS", "500000")),
        "WRITE_RATE_LIMIT": _rate(env.get("WRITE_RATE_LIMIT", "60/minute")),
        "SEARCH_RATE_LIMIT": _rate(env.get("SEARCH_RATE_LIMIT", "120/minute")),
        "RATE_LIMIT_ENABLED": env.get("RATE_LIMIT_ENABLED", "1") not in ("0", "false", "no"),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or "memory://",
        "MIN_CONFIDENCE": float(env.get("MIN_CONFIDENCE", "0.5")),
        "STORE_INDIRECT": env.get("STORE_INDIRECT", "1") not in ("0", "false", "no"),
        "PUBLIC_URL": env.get("PUBLIC_URL", "").rstrip("/") or None,
        # Flask's own setting: request.host is checked against it (a 400 for any other Host header).
        "TRUSTED_HOSTS": [h.strip() for h in env.get("ALLOWED_HOSTS", "").split(",") if h.strip()] or None,
    }


def sqlite_path(database_url):
    """The file path in a sqlite:/// url; ``:memory:`` is allowed for tests.

    >>> sqlite_path("sqlite:///instance/q.db"), sqlite_path("sqlite:////tmp/q.db")
    ('instance/q.db', '/tmp/q.db')
    """
    prefix = "sqlite:///"
    if database_url in ("sqlite://", "sqlite:///:memory:", ":memory:"):
        return ":memory:"
    if not database_url.startswith(prefix):
        raise ValueError(f"DATABASE_URL must be a sqlite:/// or postgresql:// url, not {database_url!r}")
    path = database_url[len(prefix) :]
    if not path:
        raise ValueError("DATABASE_URL names no file")
    return path
