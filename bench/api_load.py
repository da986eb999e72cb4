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

from quotes_api.storage import QuoteSearch, init_database, upgrade  # noqa: E402

SYLLABLES = "ba ko ri ten sa mor li ven da pel an est ru ix tor lu me".split()


def vocabulary(rng, size=5000):
    """Made-up words with Zipf frequencies, as in news text: a few everywhere, most rare."""
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size * 2)})[:size]
    return words, list(accumulate(1 / (rank + 1) for rank in range(len(words))))


FIRST_NAMES = (
    "Ana Ben Carla Dev Elena Farid Grace Hugo Ines Jackie Kofi Lena Marco Nadia Omar Priya Quinn Rosa Sam "
    "Tomas Uma Victor Wen Xavier Yara Zoe Aaron Bianca Chen Dara"
).split()


def build_database(path, quotes, seed=11):
    """A database shaped like a newsroom archive, written with bulk inserts (no extraction).

    Ten quotes per article in ingest order, articles published in no particular order over four
    years (1 % undated), 25 outlets, one speaker per 50 quotes with real-looking names and a
    surname alias, and 2-4 member variant groups across articles for about 5 % of the quotes.
    """
    rng = random.Random(seed)
    words, weights = vocabulary(random.Random(seed))
    db = init_database(f"sqlite:///{path}")
    upgrade(db, ROOT / "migrations")
    speakers = max(10, quotes // 50)
    articles = max(10, quotes // 10)
    connection = db.connection()
    with db.atomic():
        names = {}
        while len(names) < speakers:
            first = rng.choice(FIRST_NAMES)
            last = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize()
            names.setdefault(f"{first} {last}".lower(), (f"{first} {last}", last))
        connection.executemany(
            "INSERT INTO speaker (name, key, created_at) VALUES (?, ?, '2024-01-01 00:00:00')",
            [(name, key) for key, (name, _) in names.items()],
        )
        connection.executemany(
            "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias, key) VALUES (?, ?, ?)",
            [(n, last, last.lower()) for n, (_, last) in enumerate(names.values(), 1) if n % 2],
        )
        start = datetime.date(2020, 1, 1)
        connection.executemany(
            "INSERT INTO article (url, outlet, title, published, text, content_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, '2024-01-01 00:00:00')",
            (
                (
                    f"https://news.example/{n}",
                    f"Outlet {n % 25}",
                    f"Story {n}",
                    None if n % 100 == 7 else (start + datetime.timedelta(days=n * 7919 % 1500)).isoformat(),
                    "x" * 400,
                    f"{n:064d}",
                )
                for n in range(articles)
            ),
        )

        def quote_rows():
            for n in range(quotes):
                text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(6, 30)))
                kind = "indirect" if n % 10 == 9 else "partial" if n % 10 == 8 else "direct"
                at = (n % 10) * 40
                yield (n // 10 + 1, rng.randint(1, speakers), text, at, at + 30, kind, len(text.split()))

        connection.executemany(
            "INSERT INTO quote (article_id, speaker_id, text, start, end, kind, cue, confidence,"
            " context_start, context_end, word_count) VALUES (?, ?, ?, ?, ?, ?, 'said', 0.9, 0, 100, ?)",
            quote_rows(),
        )
        # Groups: members ten quotes apart are in different articles.
        for first in range(1, quotes - 40, 60):
            members = [first + 10 * k for k in range(rng.randint(2, 4))]
            updated = f"2024-{1 + first % 12:02d}-{1 + first % 28:02d} 10:{first % 60:02d}:00"
            connection.execute(
                "INSERT INTO variant_group (canonical_quote_id, created_at, updated_at) VALUES (?, ?, ?)",
                (members[0], "2024-01-01 00:00:00", updated),
            )
            group_id = connection.execute("SELECT last_insert_rowid()").fetchone()[0]
            connection.execute(
                f"UPDATE quote SET group_id = ? WHERE id IN ({','.join('?' * len(members))})", (group_id, *members)
            )
        connection.execute("INSERT INTO quote_search(rowid, text) SELECT id, text FROM quote")
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
