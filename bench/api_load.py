"""API throughput and latency under gunicorn over a 100 k-quote database. Run by hand:

    python bench/api_load.py [--quotes 100000] [--requests 2000] [--concurrency 8] [--workers 2]

Builds a synthetic database (seeded; speakers, articles, quotes, search index), starts gunicorn on
a free loopback port, and sends a bounded number of requests from a thread pool to three endpoints:
/healthz (a trivial JSON answer: the baseline), /api/v1/quotes?speaker=… and /api/v1/quotes?q=….
Prints requests per second, p50 and p99 latency, and each endpoint's ratio to the baseline.
"""

import argparse
import datetime
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes_api.storage import Article, Quote, QuoteSearch, Speaker, init_database, upgrade  # noqa: E402

SYLLABLES = "ba ko ri ten sa mor li ven da pel an est ru ix tor lu me".split()


def vocabulary(rng, size=5000):
    """Made-up words with Zipf frequencies, as in news text: a few everywhere, most rare."""
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size * 2)})[:size]
    return words, list(accumulate(1 / (rank + 1) for rank in range(len(words))))


def build_database(path, quotes, seed=11):
    rng = random.Random(seed)
    words, weights = vocabulary(random.Random(seed))
    db = init_database(f"sqlite:///{path}")
    upgrade(db, ROOT / "migrations")
    speakers = max(10, quotes // 50)
    articles = max(10, quotes // 10)
    with db.atomic():
        Speaker.insert_many(
            [{"name": f"Speaker Number{n}", "key": f"speaker number{n}"} for n in range(speakers)]
        ).execute()
        start = datetime.date(2020, 1, 1)
        rows = [
            {
                "url": f"https://news.example/{n}",
                "outlet": f"Outlet {n % 25}",
                "title": f"Story {n}",
                "published": start + datetime.timedelta(days=n % 1500),
                "text": "x" * 400,
                "content_hash": f"{n:064d}",
            }
            for n in range(articles)
        ]
        for chunk in range(0, len(rows), 500):
            Article.insert_many(rows[chunk : chunk + 500]).execute()
        batch = []
        for n in range(quotes):
            text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(6, 30)))
            batch.append(
                {
                    "article": n % articles + 1,
                    "speaker": rng.randint(1, speakers),
                    "text": text,
                    "start": n,
                    "end": n + len(text),
                    "kind": "direct",
                    "cue": "said",
                    "confidence": 0.9,
                    "speaker_mention": None,
                    "context_start": 0,
                    "context_end": 100,
                    "word_count": len(text.split()),
                }
            )
            if len(batch) == 500:
                Quote.insert_many(batch).execute()
                batch = []
        if batch:
            Quote.insert_many(batch).execute()
        db.execute_sql("INSERT INTO quote_search(rowid, text) SELECT id, text FROM quote")
    assert QuoteSearch.select().count() == quotes
    db.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port, path):
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status}")
    return time.perf_counter() - start


def load(port, paths, requests, concurrency):
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(lambda i: fetch(port, paths[i % len(paths)]), range(requests)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": requests / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        began = time.perf_counter()
        build_database(path, args.quotes)
        print(f"database: {args.quotes:,} quotes built in {time.perf_counter() - began:.1f} s")
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{path}",
            "RATE_LIMIT_ENABLED": "0",
            "MIGRATIONS_DIR": str(ROOT / "migrations"),
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "--access-logfile",
                "/dev/null",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            for _ in range(100):
                try:
                    fetch(port, "/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            rng = random.Random(3)
            speaker_paths = [
                f"/api/v1/quotes?speaker=Speaker%20Number{rng.randrange(args.quotes // 50)}" for _ in range(50)
            ]
            # Search terms of middling frequency (ranks 50-500), two per query, as a reader would type.
            words, _ = vocabulary(random.Random(11))
            middling = words[50:500]
            search_paths = [
                f"/api/v1/quotes?q={a}%20{b}"
                for a, b in zip(rng.choices(middling, k=50), rng.choices(middling, k=50), strict=True)
            ]
            fetch(port, speaker_paths[0])  # warm up
            results = {
                "GET /healthz (baseline)": load(port, ["/healthz"], args.requests, args.concurrency),
                "GET /api/v1/quotes?speaker=…": load(port, speaker_paths, args.requests, args.concurrency),
                "GET /api/v1/quotes?q=… (FTS5)": load(port, search_paths, args.requests, args.concurrency),
            }
        finally:
            server.terminate()
            server.wait(10)
    baseline = results["GET /healthz (baseline)"]["rps"]
    print(f"{args.requests} requests each, {args.concurrency} client threads, gunicorn {args.workers} workers")
    for name, r in results.items():
        print(
            f"{name:32s} {r['rps']:8.0f} req/s  p50 {r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms  "
            f"ratio to baseline {r['rps'] / baseline:.2f}"
        )


if __name__ == "__main__":
    main()
