"""Reliability checks that need minutes and real processes. Run by hand (loopback only, bounded loops):

    python bench/reliability.py [--parts concurrency,kill-ingest,kill-worker,healthz] [--workers 4]
                                [--writers 16] [--articles 432] [--duplicates 120] [--kills 25]

- concurrency: gunicorn with several workers, many writer threads posting distinct articles, the same
  articles again concurrently (duplicates) and the same texts under new urls (syndicated copies).
  Stored counts must be exact and no request may fail.
- kill-ingest: `quotes-api ingest` of a folder killed with SIGKILL mid-run (twice), then run to the end.
  No article may be stored without all its quotes; a re-run must give the same counts.
- kill-worker: writers post while gunicorn workers are killed with SIGKILL; each client retries what a
  killed worker dropped. Counts exact, no partial article.
- healthz: /healthz latency (p50, p99, max) with no load, then while one worker extracts a
  500 k-character article; the ratio of the two, and the article's own time.

Prints counts and figures; exits 1 when a count is wrong.
"""

import argparse
import http.client
import json
import math
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loopback import free_port  # noqa: E402

from quotes_api.extract import Article, extract_quotes  # noqa: E402

BIN = Path(sys.executable).parent
FIRST = "Ana Bo Cy Dee Eli Fay Gus Hal Ida Jo Kai Lu Mo Ned Oda Pia".split()
LAST = "Ruiz Li Okafor Berg Nakamura Silva Novak Haddad Murphy Kowalski Tanaka Dubois".split()
TOPICS = "roads parks schools water housing transit libraries budget taxes bridges clinics ports".split()


def article_text(n):
    """A short, distinct article with three attributed quotes."""
    rng = random.Random(n)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    topic = rng.choice(TOPICS)
    return "\n\n".join(
        [
            f"Officials met on Tuesday to discuss the {topic} plan, item {n}.",
            f"“We will finish the {topic} work before winter, number {n},” {people[0]} said.",
            f"“The money for {topic} is already in the budget,” said {people[1]}, the city treasurer.",
            f"{people[2]} disagreed. “Nobody asked the neighbours about the {topic} plan {n},” she told reporters.",
        ]
    )


def expected_quotes(text):
    """How many quotes ingest stores for text (the service defaults: confidence 0.5, indirect kept)."""
    return len(extract_quotes(Article(text=text), min_confidence=0.5, indirect=True))


# --- processes -------------------------------------------------------------------------------


def environment(database):
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "RATE_LIMIT_ENABLED": "0",
        "MIGRATIONS_DIR": str(ROOT / "migrations"),
        "MAX_CONTENT_LENGTH": "4000000",
    }


def cli(database, *args, check=True):
    result = subprocess.run(
        [str(BIN / "quotes-api"), *map(str, args)], env=environment(database), capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"quotes-api {' '.join(map(str, args))}: {result.stderr}")
    return result


def prepared_database(folder):
    database = Path(folder) / "bench.sqlite3"
    cli(database, "db", "upgrade")
    key = cli(database, "keys", "create", "bench").stdout.strip()
    return database, key


class Server:
    """gunicorn on a free loopback port; stopped on exit."""

    def __init__(self, database, workers, timeout=60):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"), "--workers", str(workers)]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", str(timeout), "--access-logfile", "/dev/null"]
            + ["--log-level", "error", "quotes_api:create_app()"],
            cwd=ROOT,
            env=environment(database),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # "Worker … was sent SIGKILL!" once per kill
        )
        for _ in range(200):
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def workers(self):
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def request(port, method, path, body=None, key=None, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if key:
        headers["X-API-Key"] = key
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post_until_answered(port, key, body, attempts=20):
    """POST an article, retrying what a dying worker dropped; (status, tries, dropped connections)."""
    dropped = 0
    for attempt in range(1, attempts + 1):
        try:
            status, _ = request(port, "POST", "/api/v1/articles", body, key)
        except (OSError, http.client.HTTPException):
            dropped += 1
            time.sleep(0.05 * attempt)
            continue
        if status < 500:
            return status, attempt, dropped
        dropped += 1  # a 5xx from a worker killed mid-request: the transaction rolled back, retry
        time.sleep(0.05 * attempt)
    return None, attempts, dropped


# --- checks on the stored data -------------------------------------------------------------


def stored_counts(database):
    with sqlite3.connect(database) as db:
        articles = db.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        quotes = db.execute("SELECT COUNT(*) FROM quote").fetchone()[0]
        syndications = db.execute("SELECT COUNT(*) FROM syndication").fetchone()[0]
        rows = db.execute(
            "SELECT a.id, a.text, COUNT(q.id) FROM article a LEFT JOIN quote q ON q.article_id = a.id GROUP BY a.id"
        ).fetchall()
        search = db.execute("SELECT COUNT(*) FROM quote_search").fetchone()[0]
    partial = [article_id for article_id, text, count in rows if count != expected_quotes(text)]
    return {"articles": articles, "quotes": quotes, "syndications": syndications, "search": search}, partial


def verdict(name, ok, detail):
    print(f"  {'OK  ' if ok else 'FAIL'} {name}: {detail}")
    return ok


# --- the parts -------------------------------------------------------------------------------


def concurrency(args):
    print(
        f"concurrency: {args.workers} workers, {args.writers} writers, {args.articles} distinct articles, "
        f"{args.duplicates} concurrent duplicates, {args.duplicates} syndicated copies"
    )
    with tempfile.TemporaryDirectory() as folder:
        database, key = prepared_database(folder)
        bodies = [{"text": article_text(n), "url": f"https://a.example/{n}"} for n in range(args.articles)]
        duplicates = [bodies[n % args.articles] for n in range(args.duplicates)]
        copies = [{**bodies[n % args.articles], "url": f"https://b.example/{n}"} for n in range(args.duplicates)]
        jobs = bodies + duplicates + copies
        random.Random(5).shuffle(jobs)
        with Server(database, args.workers) as server:
            began = time.perf_counter()
            with ThreadPoolExecutor(args.writers) as pool:
                answers = list(pool.map(lambda body: request(server.port, "POST", "/api/v1/articles", body, key), jobs))
            elapsed = time.perf_counter() - began
        statuses = {}
        for status, _ in answers:
            statuses[status] = statuses.get(status, 0) + 1
        outcomes = {}
        for status, raw in answers:
            if status in (200, 201):
                outcome = json.loads(raw)["outcome"]
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
        counts, partial = stored_counts(database)
        expected_quotes_total = sum(expected_quotes(b["text"]) for b in bodies)
        print(
            f"  {len(jobs)} POSTs in {elapsed:.1f} s ({len(jobs) / elapsed:.0f}/s); statuses {statuses}; "
            f"outcomes {outcomes}"
        )
        return all(
            [
                verdict("errors", set(statuses) <= {200, 201}, f"{sum(v for s, v in statuses.items() if s >= 300)}"),
                verdict("articles", counts["articles"] == args.articles, f"{counts['articles']} of {args.articles}"),
                verdict(
                    "quotes",
                    counts["quotes"] == expected_quotes_total,
                    f"{counts['quotes']} of {expected_quotes_total}; search index {counts['search']}",
                ),
                verdict(
                    "syndications",
                    counts["syndications"] == args.duplicates,
                    f"{counts['syndications']} of "
                    f"{args.duplicates}; outcome 'syndicated' {outcomes.get('syndicated', 0)}",
                ),
                verdict("partial articles", not partial, f"{len(partial)}"),
            ]
        )


def kill_ingest(args):
    print(f"kill-ingest: {args.files} files, `quotes-api ingest` killed with SIGKILL twice, then run to the end")
    with tempfile.TemporaryDirectory() as folder:
        database, _ = prepared_database(folder)
        articles = Path(folder) / "articles"
        articles.mkdir()
        for n in range(args.files):
            (articles / f"{n:05d}.txt").write_text(f"date 2024-01-02 https://a.example/{n}\n{article_text(n)}")
        rng = random.Random(9)
        oks = []
        for attempt in (1, 2):
            process = subprocess.Popen(
                [str(BIN / "quotes-api"), "ingest", "--no-progress", str(articles)],
                env=environment(database),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(1.5, 4.0))
            process.send_signal(signal.SIGKILL)
            process.wait()
            counts, partial = stored_counts(database)
            oks.append(
                verdict(
                    f"after kill {attempt}",
                    not partial,
                    f"{counts['articles']} articles stored, {len(partial)} partial",
                )
            )
        first = cli(database, "ingest", "--no-progress", articles).stdout.strip()
        after_first, partial = stored_counts(database)
        second = cli(database, "ingest", "--no-progress", articles).stdout.strip()
        after_second, _ = stored_counts(database)
        print(f"  re-run: {first}\n  again:  {second}")
        return all(
            oks
            + [
                verdict(
                    "articles", after_first["articles"] == args.files, f"{after_first['articles']} of {args.files}"
                ),
                verdict("partial articles", not partial, f"{len(partial)}"),
                verdict("re-run gives the same counts", after_first == after_second, f"{after_second}"),
            ]
        )


def kill_worker(args):
    print(
        f"kill-worker: {args.workers} workers, {args.writers} writers, {args.files} articles, "
        f"{args.kills} worker kills (SIGKILL) during the writes"
    )
    with tempfile.TemporaryDirectory() as folder:
        database, key = prepared_database(folder)
        bodies = [{"text": article_text(n), "url": f"https://a.example/{n}"} for n in range(args.files)]
        with Server(database, args.workers) as server:
            done = threading.Event()
            kills = []

            def killer():
                rng = random.Random(13)
                while len(kills) < args.kills and not done.is_set():
                    time.sleep(rng.uniform(0.1, 0.4))
                    workers = server.workers()
                    if workers:
                        victim = rng.choice(workers)
                        try:
                            os.kill(victim, signal.SIGKILL)
                            kills.append(victim)
                        except ProcessLookupError:
                            pass

            thread = threading.Thread(target=killer)
            thread.start()
            began = time.perf_counter()
            with ThreadPoolExecutor(args.writers) as pool:
                answers = list(pool.map(lambda body: post_until_answered(server.port, key, body), bodies))
            elapsed = time.perf_counter() - began
            done.set()
            thread.join()
            again = [post_until_answered(server.port, key, body)[0] for body in bodies[:50]]
        unanswered = sum(status is None for status, _, _ in answers)
        dropped = sum(d for _, _, d in answers)
        counts, partial = stored_counts(database)
        print(
            f"  {len(bodies)} articles in {elapsed:.1f} s; {len(kills)} workers killed; {dropped} requests "
            f"dropped by a dying worker and retried; statuses {sorted({s for s, _, _ in answers}, key=str)}"
        )
        return all(
            [
                verdict("kills", len(kills) == args.kills, f"{len(kills)} of {args.kills}"),
                verdict("unanswered after retries", unanswered == 0, f"{unanswered}"),
                verdict("articles", counts["articles"] == args.files, f"{counts['articles']} of {args.files}"),
                verdict("partial articles", not partial, f"{len(partial)}"),
                verdict("re-posting changes nothing", set(again) == {200}, f"statuses {sorted(set(again))}"),
            ]
        )


def healthz_latency(port, seconds, stop=None):
    """Latencies (s) of /healthz polled every 50 ms for up to seconds, or until stop is set."""
    latencies = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and not (stop and stop.is_set()):
        began = time.perf_counter()
        try:
            status, _ = request(port, "GET", "/healthz", timeout=90)
        except OSError:
            status = None
        latencies.append(time.perf_counter() - began if status == 200 else float("inf"))
        time.sleep(0.05)
    return latencies


def figures(latencies):
    ordered = sorted(latencies) or [float("nan")]
    finite = [x for x in ordered if x != float("inf")]
    p99 = ordered[min(len(ordered) - 1, math.ceil(len(ordered) * 0.99) - 1)]
    return {
        "n": len(ordered),
        "failed": len(ordered) - len(finite),
        "p50": statistics.median(ordered) * 1000,
        "p99": p99 * 1000,
        "max": ordered[-1] * 1000,
    }


def big_article(shape, chars):
    """A chars-long article: news prose (the seeds repeated) or one of issue 12's adversarial shapes."""
    if shape == "seeds":
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))) + "\n\n"
    else:
        unit = {"word-quotes": '"word ', "curly-pairs": "“ab” cd "}[shape]
    return (unit * (chars // len(unit) + 1))[:chars]


def healthz(args):
    text = big_article(args.shape, args.big_chars)
    print(
        f"healthz: 2 workers; /healthz polled every 50 ms, idle, then while one worker extracts a "
        f"{len(text):,}-character article ({args.shape})"
    )
    with tempfile.TemporaryDirectory() as folder:
        database, key = prepared_database(folder)
        with Server(database, 2, timeout=args.worker_timeout) as server:
            idle = figures(healthz_latency(server.port, 5))
            stop = threading.Event()
            result = {}

            def big_post():
                began = time.perf_counter()
                try:
                    result["status"] = request(
                        server.port, "POST", "/api/v1/articles", {"text": text}, key, timeout=args.worker_timeout + 30
                    )[0]
                except OSError as error:
                    result["status"] = f"dropped ({error.__class__.__name__})"
                result["seconds"] = time.perf_counter() - began
                stop.set()

            thread = threading.Thread(target=big_post)
            thread.start()
            time.sleep(0.2)
            busy = figures(healthz_latency(server.port, args.worker_timeout + 30, stop))
            thread.join()
    for name, f in (("idle", idle), ("during the big POST", busy)):
        print(
            f"  /healthz {name:20s} n={f['n']:4d} p50 {f['p50']:8.1f} ms  p99 {f['p99']:8.1f} ms  "
            f"max {f['max']:8.1f} ms  failed {f['failed']}"
        )
    print(
        f"  big POST: status {result.get('status')} after {result.get('seconds', 0):.1f} s; "
        f"p99 ratio busy/idle {busy['p99'] / idle['p99']:.1f}"
    )
    return verdict(
        "healthz answered throughout",
        busy["failed"] == 0 and result.get("status") in (200, 201),
        f"{busy['failed']} failed polls; big POST status {result.get('status')}",
    )


PARTS = {"concurrency": concurrency, "kill-ingest": kill_ingest, "kill-worker": kill_worker, "healthz": healthz}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=",".join(PARTS))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--articles", type=int, default=432)
    parser.add_argument("--duplicates", type=int, default=120)
    parser.add_argument("--files", type=int, default=300, help="articles for the kill runs")
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--big-chars", type=int, default=500_000)
    parser.add_argument("--shape", choices=["seeds", "word-quotes", "curly-pairs"], default="seeds")
    parser.add_argument("--worker-timeout", type=int, default=60)
    args = parser.parse_args()
    results = {}
    for name in args.parts.split(","):
        began = time.perf_counter()
        results[name] = PARTS[name](args)
        print(f"  ({name}: {time.perf_counter() - began:.0f} s)\n")
    print("summary: " + ", ".join(f"{name} {'ok' if ok else 'FAILED'}" for name, ok in results.items()))
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
