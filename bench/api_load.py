"""API throughput and latency under gunicorn over a synthetic archive (100 k or 1 M quotes). Run by hand:

    python bench/api_load.py [--quotes 1000000] [--database /tmp/q1m.sqlite3] [--requests 1000]

Builds a synthetic database with bulk inserts (seeded; speakers with aliases, articles, quotes,
variant groups, search index), serves it with `quotes-api serve` on a free loopback port, and sends
a bounded number of requests from a thread pool to /healthz (the baseline) and to every list and
search endpoint: quotes (first page, a shallow page, deep cursors, speaker, two-word search, phrase
search, outlet; both searches also as 1,000 different ones asked once each), groups, speakers
(list and name prefix), articles and the speaker and article quote lists. Prints req/s, p50 and
p99 latency, and each endpoint's ratios to /healthz in the same run.
The goal (issue 10): every endpoint ≥ 0.5× the baseline's req/s and p99 ≤ 2× the baseline's.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loopback import free_port, timed_get  # noqa: E402

from quotes_api.storage import QuoteSearch, init_database, upgrade  # noqa: E402
from quotes_api.storage.search import index_document, mark_changed  # noqa: E402

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
            "INSERT INTO speaker (name, key, created_at, quote_count) VALUES (?, ?, '2024-01-01 00:00:00', 0)",
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
                "INSERT INTO variant_group (canonical_quote_id, created_at, updated_at, size) VALUES (?, ?, ?, 0)",
                (members[0], "2024-01-01 00:00:00", updated),
            )
            group_id = connection.execute("SELECT last_insert_rowid()").fetchone()[0]
            connection.execute(
                f"UPDATE quote SET group_id = ? WHERE id IN ({','.join('?' * len(members))})", (group_id, *members)
            )
        connection.executemany(
            "INSERT INTO quote_search(rowid, words, pairs) VALUES (?, ?, ?)",
            ((n, *index_document(text)) for n, text in connection.execute("SELECT id, text FROM quote").fetchall()),
        )
        mark_changed()  # as every writer of the index does: each server process remembers searches until then
    assert QuoteSearch.select().count() == quotes
    db.close()


def _count_quotes(path):
    import sqlite3

    with sqlite3.connect(path) as db:
        return db.execute("SELECT MAX(id) FROM quote").fetchone()[0]


def fetch(port, path):
    """Seconds for one GET; anything but 200 stops the run."""
    status, seconds = timed_get(port, path)
    if status != 200:
        raise RuntimeError(f"{path}: {status}")
    return seconds


def load(port, endpoints, requests, concurrency, rounds=5):
    """Send `requests` requests to each endpoint, in rounds that take turns, so that every endpoint
    (and the baseline) meets the same load from whatever else runs on the machine.

    Returns {name: {"rps", "p50", "p99"}} (milliseconds).
    """
    latencies = {name: [] for name in endpoints}
    elapsed = dict.fromkeys(endpoints, 0.0)
    per_round = max(1, requests // rounds)
    with ThreadPoolExecutor(concurrency) as pool:
        for turn in range(rounds):
            for name, paths in endpoints.items():
                started = time.perf_counter()
                batch = [paths[(turn * per_round + i) % len(paths)] for i in range(per_round)]
                latencies[name] += pool.map(partial(fetch, port), batch)
                elapsed[name] += time.perf_counter() - started
    results = {}
    for name, times in latencies.items():
        times.sort()
        results[name] = {
            "rps": len(times) / elapsed[name],
            "p50": statistics.median(times) * 1000,
            "p99": times[max(0, int(len(times) * 0.99) - 1)] * 1000,
        }
    return results


def request_paths(path, quotes, rng, count=50, distinct=1000):
    """For each endpoint, `count` request paths a reader might send (read from the database built).

    The searches are also sent `distinct` different ones, each once ("asked once"): the servers
    remember what a search found until the index changes, so the 50 searches asked 20 times each
    mostly measure that, and the searches asked once measure reading the index.
    """
    import sqlite3

    from quotes_api.api.paging import encode_cursor

    db = sqlite3.connect(path)

    def sample(table, rng=rng, count=count):
        """count ids of table drawn by rng (so that runs on one database ask the same things)."""
        return rng.sample(range(1, db.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] + 1), count)

    def rows(sql, ids):
        return db.execute(sql.format(ids=",".join(map(str, ids)))).fetchall()

    speakers = rows("SELECT id, name FROM speaker WHERE id IN ({ids}) ORDER BY id", sample("speaker"))
    articles = rows(
        "SELECT a.id, a.published, q.start, q.end, q.kind FROM article a JOIN quote q ON q.article_id = a.id"
        " WHERE a.id IN ({ids}) GROUP BY a.id ORDER BY a.id",
        sample("article"),
    )
    texts = [text for (text,) in rows("SELECT text FROM quote WHERE id IN ({ids}) ORDER BY id", sample("quote"))]
    once = random.Random(5)  # its own, so that the samples above stay what earlier runs asked
    distinct = min(distinct, quotes)
    texts_once = [
        text for (text,) in rows("SELECT text FROM quote WHERE id IN ({ids})", sample("quote", once, distinct))
    ]
    db.close()
    # Search terms of middling frequency (ranks 50-500), two per query, as a reader would type; and
    # two-word phrases taken from stored quotes.
    words, _ = vocabulary(random.Random(11))
    middling = words[50:500]
    # A phrase a reader would look for has a telling word in it, not two of the commonest.
    common = set(words[:50])

    def phrase(text, rng):
        tokens = text.split()
        starts = [i for i in range(len(tokens) - 1) if not {tokens[i], tokens[i + 1]} <= common] or [0]
        at = rng.choice(starts)
        return f"%22{tokens[at]}%20{tokens[at + 1]}%22"

    phrases = [phrase(text, rng) for text in texts]
    word_pairs_once = {}
    while len(word_pairs_once) < distinct:
        word_pairs_once[once.choice(middling), once.choice(middling)] = None
    return {
        "/api/v1/quotes (page 1)": ["/api/v1/quotes"],
        "/api/v1/quotes?page=40": ["/api/v1/quotes?page=40"],
        "/api/v1/quotes?cursor=… (deep)": [
            f"/api/v1/quotes?cursor={encode_cursor('-published', [row[1], row[0], *row[2:]])}" for row in articles
        ],
        "/api/v1/quotes?speaker=…": [f"/api/v1/quotes?speaker={name.replace(' ', '%20')}" for _, name in speakers],
        "/api/v1/quotes?q=a b (FTS5)": [
            f"/api/v1/quotes?q={a}%20{b}"
            for a, b in zip(rng.choices(middling, k=count), rng.choices(middling, k=count), strict=True)
        ],
        '/api/v1/quotes?q="phrase"': [f"/api/v1/quotes?q={phrase}" for phrase in phrases],
        "/api/v1/quotes?q=a b, asked once": [f"/api/v1/quotes?q={a}%20{b}" for a, b in word_pairs_once],
        '/api/v1/quotes?q="phrase", asked once': [f"/api/v1/quotes?q={phrase(t, once)}" for t in texts_once],
        "/api/v1/quotes?outlet=…": [f"/api/v1/quotes?outlet=Outlet%20{n % 25}" for n in range(count)],
        "/api/v1/groups?sort=-size": ["/api/v1/groups?sort=-size"],
        "/api/v1/speakers": ["/api/v1/speakers"],
        "/api/v1/speakers?q=prefix": [f"/api/v1/speakers?q={name.split()[1][:3]}" for _, name in speakers],
        "/api/v1/speakers/{id}/quotes": [f"/api/v1/speakers/{sid}/quotes" for sid, _ in speakers],
        "/api/v1/articles": ["/api/v1/articles"],
        "/api/v1/articles/{id}/quotes": [f"/api/v1/articles/{row[0]}/quotes" for row in articles],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1000, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database",
        type=Path,
        help="keep the built database here and reuse it next time (1 M quotes take a few minutes to build)",
    )
    parser.add_argument("--only", help="run only the endpoints whose name contains this")
    parser.add_argument(
        "--serve",
        type=Path,
        default=ROOT,
        help="serve the quotes_api package of this checkout instead (e.g. an older commit, for before/after)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.database or Path(folder) / "bench.sqlite3"
        if path.exists():
            db = init_database(f"sqlite:///{path}")
            upgrade(db, ROOT / "migrations")
            db.close()
            print(f"database: reusing {path}")
            args.quotes = _count_quotes(path)
        else:
            began = time.perf_counter()
            build_database(path, args.quotes)
            print(f"database: {args.quotes:,} quotes built in {time.perf_counter() - began:.1f} s")
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{path.resolve()}",
            "RATE_LIMIT_ENABLED": "0",
            "MIGRATIONS_DIR": str(ROOT / "migrations"),
            "PORT": str(port),
            "WEB_CONCURRENCY": str(args.workers),
            "PYTHONPATH": str(args.serve.resolve()),
        }
        # Served the one way the project serves (quotes-api serve: gunicorn with gunicorn.conf.py).
        server = subprocess.Popen(
            [sys.executable, "-c", "from quotes_api.cli import main; main()", "serve"],
            cwd=args.serve,
            env={**env, "GUNICORN_CMD_ARGS": "--log-level warning --access-logfile /dev/null"},
        )
        try:
            for _ in range(100):
                try:
                    fetch(port, "/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            endpoints = request_paths(path, args.quotes, random.Random(3), distinct=args.requests)
            if args.only:
                endpoints = {name: paths for name, paths in endpoints.items() if args.only in name}
            for name, paths in list(endpoints.items()):
                try:
                    fetch(port, paths[0])  # warm up, and leave out what this version does not serve
                except RuntimeError as error:
                    print(f"left out {name}: {error}")
                    del endpoints[name]
            endpoints = {"/healthz (baseline)": ["/healthz"], **endpoints}
            results = load(port, endpoints, args.requests, args.concurrency)
        finally:
            server.terminate()
            server.wait(10)
    baseline = results["/healthz (baseline)"]
    print(
        f"{args.quotes:,} quotes; {args.requests} requests per endpoint, {args.concurrency} client threads, "
        f"gunicorn {args.workers} workers; serving {args.serve}; ratios to /healthz in this run"
    )
    print(f"{'endpoint':34s} {'req/s':>7s} {'p50 ms':>7s} {'p99 ms':>7s} {'req/s ratio':>11s} {'p99 ratio':>9s}")
    for name, r in results.items():
        print(
            f"{name:34s} {r['rps']:7.0f} {r['p50']:7.1f} {r['p99']:7.1f} "
            f"{r['rps'] / baseline['rps']:11.2f} {r['p99'] / baseline['p99']:9.2f}"
        )


if __name__ == "__main__":
    main()
