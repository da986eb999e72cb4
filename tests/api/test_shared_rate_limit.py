"""Rate limits across worker processes: memory:// counts per worker, redis:// one count for all.

Each worker is a separate process with its own app, as gunicorn runs them. Redis comes from
TEST_REDIS_URL (make test points it at 127.0.0.1:6379); without a server the Redis row is
skipped, unless REQUIRE_SERVICES is set (CI), where that is a failure.
"""

import multiprocessing
import os
import uuid

import pytest

from quotes_api import create_app
from tests.backends import reachable

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
WORKERS = 3
LIMIT = 4
REQUESTS_PER_WORKER = 8


def _worker(config, results):
    app = create_app(config)
    client = app.test_client()
    statuses = [client.get("/api/v1/quotes?q=racism").status_code for _ in range(REQUESTS_PER_WORKER)]
    results.put(statuses)


@pytest.mark.parametrize(
    "storage, allowed",
    [
        ("memory://", WORKERS * LIMIT),  # documented: each worker keeps its own count
        (REDIS_URL, LIMIT),  # shared: the workers together allow the limit once
    ],
)
def test_workers_together_allow_the_limit_once_with_redis(app, storage, allowed):
    if storage.startswith("redis") and not reachable(storage):
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"Redis at {storage} cannot be reached (REQUIRE_SERVICES is set)")
        pytest.skip(f"no Redis at {storage} (set TEST_REDIS_URL)")
    config = {
        **{key: app.config[key] for key in ("DATABASE_URL", "MIGRATIONS_DIR")},
        "RATE_LIMIT_ENABLED": True,
        "SEARCH_RATE_LIMIT": f"{LIMIT}/minute",
        "RATELIMIT_STORAGE_URI": storage,
        "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # this test's counters only
    }
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(config, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    statuses = [status for _ in workers for status in results.get(timeout=60)]
    for worker in workers:
        worker.join(60)
    assert statuses.count(200) == allowed
    assert statuses.count(429) == WORKERS * REQUESTS_PER_WORKER - allowed
