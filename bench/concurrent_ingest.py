"""Several writers and readers at once, on SQLite and on PostgreSQL. Run by hand:

    python bench/concurrent_ingest.py [--articles 240] [--ingesters 4] [--workers 4] [--readers 6]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--backends sqlite,postgresql]

For each backend, on a fresh database (a SQLite file; a PostgreSQL schema, dropped after): writes
made-up articles to files, starts gunicorn with --workers on a loopback port, then runs --ingesters
`quotes-api ingest` processes at once, each on its own share of the articles plus a common share
that every process tries to store (so "already stored" races happen), while --readers threads query
the API (search, speaker, groups). Prints articles/s (distinct articles stored per second of
ingest), req/s, p50 and p99 latency, and the counts that prove nothing was lost or duplicated:
articles and quotes against what extraction yields, duplicate urls, quotes missing from the search
index, identical wordings split across groups. Everything is bounded and loopback only.
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote as urlquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loopback import free_port, timed_get  # noqa: E402

from quotes_api.articles import load_article  # noqa: E402
from quotes_api.extract import extract_quotes  # noqa: E402

SPEAKERS = [f"{first} {last}" for first in ("Ana", "Bo", "Chidi", "Dana", "Emil") for last in ("Ruiz", "Li", "Okafor")]
TOPICS = "fares buses bridges schools parks housing water taxes libraries clinics".split()
OUTLETS = ["northpost", "daily-courier", "metro-ledger", "river-times"]


SYLLABLES = "ba ko ri ten sa mor li ven da pel an est ru ix tor lu me".split()
WORDS = sorted({"".join(random.Random(n).choices(SYLLABLES, k=3)) for n in range(3000)})


def words_for(seed, count=14):
    """Made-up words, the same for the same seed: a statement every outlet prints alike."""
    return " ".join(random.Random(seed).choices(WORDS, k=count))


def article_text(number, rng):
    """Three quotes: two statements shared with other articles (grouped), one the article's own."""
    paragraphs = [f"Report number {number} from the council meeting."]
    for _ in range(2):
        topic = rng.choice(TOPICS)
        seed = f"{topic}-{rng.randrange(6)}"  # six statements per topic, each printed by many outlets
        speaker = random.Random(seed).choice(SPEAKERS)  # ... always in the same speaker's name
        paragraphs.append(f"“We will {words_for(seed)},” {speaker} said on Tuesday.")
    paragraphs.append(f"“{words_for(f'own-{number}').capitalize()},” {rng.choice(SPEAKERS)} said.")
    return "\n\n".join(paragraphs)


def write_articles(folder, total, ingesters, common):
    """Files for each ingester: its own share plus the common share. Returns (folders, distinct paths)."""
    rng = random.Random(7)
    texts = [article_text(n, rng) for n in range(total)]
    shares = [folder / f"ingester{i}" for i in range(ingesters)]
    for share in shares:
        share.mkdir(parents=True)
    distinct = []
    for n, text in enumerate(texts):
        outlet = OUTLETS[n % len(OUTLETS)]
        body = f"date 2024-06-{1 + n % 7:02d} https://{outlet}.example/{n}\n\n{text}\n"
        owners = shares if n < common else [shares[n % ingesters]]
        for share in owners:
            (share / f"a{n:05d}.txt").write_text(body, encoding="utf-8")
        distinct.append(owners[0] / f"a{n:05d}.txt")
    return shares, distinct


def reader(port, stop, latencies, errors, seed):
    rng = random.Random(seed)
    while not stop.is_set():
        path = rng.choice(
            [
                f"/api/v1/quotes?q={rng.choice(TOPICS)}",
                f"/api/v1/quotes?q=%22{rng.choice(TOPICS)}%20{rng.choice(['before', 'this', 'without'])}%22",
                f"/api/v1/quotes?speaker={urlquote(rng.choice(SPEAKERS))}",
                "/api/v1/groups?sort=-size",
                "/api/v1/quotes?sort=-published",
            ]
        )
        status, seconds = timed_get(port, path)
        if status == 200:
            latencies.append(seconds)
        else:
            errors.append((path, status))


def run_backend(name, url, args, folder):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "RATE_LIMIT_ENABLED": "0",
        "MIGRATIONS_DIR": str(ROOT / "migrations"),
    }
    # The API workers keep their PostgreSQL connections (postgresql+pool://) instead of one per request.
    server_env = {**env, "DATABASE_URL": url.replace("postgresql://", "postgresql+pool://", 1) if args.pool else url}
    cli = str(Path(sys.executable).parent / "quotes-api")
    subprocess.run([cli, "db", "upgrade"], env=env, check=True, capture_output=True)
    shares, distinct = write_articles(folder / name, args.articles, args.ingesters, args.common)
    extracted = [(p, extract_quotes(load_article(p), min_confidence=0.5, indirect=True)) for p in distinct]
    expected_quotes = sum(len(quotes) for _, quotes in extracted)
    articles_of = {}
    for path, quotes in extracted:
        for quote in quotes:
            articles_of.setdefault(quote.text, set()).add(path)
    expected_groups = sum(len(paths) > 1 for paths in articles_of.values())  # a wording in 2+ articles

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "warning", "--access-logfile", "/dev/null", "quotes_api:create_app()"],
        cwd=ROOT,
        env=server_env,
    )
    stop, latencies, errors = threading.Event(), [], []
    try:
        for _ in range(300):
            try:
                timed_get(port, "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"gunicorn did not answer on port {port}")
        readers = [
            threading.Thread(target=reader, args=(port, stop, latencies, errors, n)) for n in range(args.readers)
        ]
        for thread in readers:
            thread.start()
        began = time.perf_counter()
        ingesters = [
            subprocess.Popen([cli, "ingest", "--no-progress", str(share)], env=env, stdout=subprocess.PIPE, text=True)
            for share in shares
        ]
        outputs = [p.communicate(timeout=1800)[0] for p in ingesters]
        ingest_seconds = time.perf_counter() - began
        stop.set()
        for thread in readers:
            thread.join()
        read_seconds = time.perf_counter() - began
    finally:
        stop.set()
        server.terminate()
        server.wait(20)

    summary = [{k.strip(): v for k, v in re.findall(r"([a-z ]+): (\d+)", out.replace(";", ","))} for out in outputs]
    added = sum(int(s["articles added"]) for s in summary)
    told_stored = sum(int(s["already stored"]) for s in summary)
    quotes_added = sum(int(s["quotes added"]) for s in summary)
    counts = database_counts(url)
    latencies.sort()
    return {
        "backend": name,
        "articles/s": counts["articles"] / ingest_seconds,
        "ingest s": ingest_seconds,
        "req/s": len(latencies) / read_seconds,
        "p50 ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99 ms": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000 if latencies else float("nan"),
        "requests": len(latencies),
        "read errors": len(errors),
        "articles": f"{counts['articles']}/{len(distinct)}",
        "added+already": f"{added}+{told_stored}/{sum(len(list(s.iterdir())) for s in shares)}",
        "quotes": f"{counts['quotes']}/{expected_quotes}",
        "quotes reported": quotes_added,
        "dup urls": counts["duplicate urls"],
        "unindexed": counts["quotes"] - counts["indexed"],
        "split wordings": counts["split wordings"],
        "groups": f"{counts['groups']}/{expected_groups}",
        "ok": (
            counts["articles"] == len(distinct) == added
            and counts["quotes"] == expected_quotes == quotes_added
            and counts["duplicate urls"] == 0
            and counts["indexed"] == counts["quotes"]
            and counts["split wordings"] == 0
            and counts["groups"] == expected_groups
            and not errors
        ),
        "ingest exits": " ".join(str(p.returncode) for p in ingesters),
    }


def database_counts(url):
    from peewee import fn

    from quotes_api.storage import Article, Quote, database, indexed_count, init_database

    init_database(url)
    try:
        split = (
            Quote.select(Quote.text)
            .where(Quote.group.is_null(False))
            .group_by(Quote.text)
            .having(fn.COUNT(Quote.group.distinct()) > 1)
            .count()
        )
        urls = Article.select(fn.COUNT(Article.id) - fn.COUNT(Article.url.distinct())).scalar()
        return {
            "articles": Article.select().count(),
            "quotes": Quote.select().count(),
            "indexed": indexed_count(),
            "duplicate urls": int(urls or 0),
            "split wordings": split,
            "groups": Quote.select(Quote.group).where(Quote.group.is_null(False)).distinct().count(),
        }
    finally:
        database.close()


def postgres_schema(url):
    """(url of a fresh schema, drop function)."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-c%20search_path%3D{schema}", drop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240, help="distinct articles")
    parser.add_argument("--common", type=int, default=40, help="of which every ingester tries to store these")
    parser.add_argument("--ingesters", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument(
        "--postgres", default=os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--no-pool", dest="pool", action="store_false", help="one PostgreSQL connection per request")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                rows.append(run_backend("sqlite", f"sqlite:///{folder}/bench.sqlite3", args, Path(folder)))
            else:
                url, drop = postgres_schema(args.postgres)
                try:
                    rows.append(run_backend("postgresql", url, args, Path(folder)))
                finally:
                    drop()
    print(
        f"{args.ingesters} ingest processes, gunicorn {args.workers} workers, {args.readers} reader threads; "
        f"{args.articles} distinct articles ({args.common} tried by every ingester); {os.cpu_count()} cores"
    )
    keys = list(rows[0])
    width = max(len(k) for k in keys)
    print(f"{'':{width}}  " + "  ".join(f"{r['backend']:>14}" for r in rows))
    for key in keys[1:]:
        cells = [f"{r[key]:14.1f}" if isinstance(r[key], float) else f"{r[key]!s:>14}" for r in rows]
        print(f"{key:{width}}  " + "  ".join(cells))
    if len(rows) == 2 and rows[0]["requests"]:
        for key in ("articles/s", "req/s", "p99 ms"):
            print(f"{key} ratio {rows[1]['backend']}/{rows[0]['backend']}: {rows[1][key] / rows[0][key]:.2f}")
    if not all(r["ok"] for r in rows):
        sys.exit("counts do not add up: something was lost or duplicated")


if __name__ == "__main__":
    main()
