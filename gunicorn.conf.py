"""gunicorn settings for `quotes-api serve` (the one way to serve); the environment overrides the defaults."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Several workers share one SQLite file safely: WAL mode, a busy timeout and short
# IMMEDIATE write transactions; on PostgreSQL, unique constraints and an advisory lock
# for grouping (see quotes_api/storage/db.py). Rate limits are per worker unless
# RATELIMIT_STORAGE_URI names a shared store (redis://).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = 1
timeout = 60
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
# The access log hides the values of query parameters named like secrets (api_key=…): a client that
# sends its key in the url is refused (401), and the key must not then sit in the log.
logger_class = "quotes_api.access_log.RedactingLogger"
# No preload: each worker opens its own database connections after the fork.
preload_app = False
