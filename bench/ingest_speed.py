"""Ingest rate into a database that already holds articles, with one and two extraction processes.

Run by hand:

    python bench/ingest_speed.py [--preload 5000] [--articles 2000] [--long 20000]

Writes made-up news articles (JSON files, seeded, so runs compare): stories told by several outlets,
each printing its speakers' statements with its own cuts and edits, surnames and pronouns for
people named once, dates over a year. Then, on SQLite:

1. ingests --preload articles into a fresh database (the archive already there);
2. on copies of that database, ingests the same --articles new articles with `--jobs 1` pinned to
   one core, and with `--jobs 2`; and runs `quotes-api extract --no-groups` on them (extraction
   alone, one core) for comparison. Each is run --runs times, interleaved; medians are printed;
3. with --long N, ingests N more articles in one run and prints the rate of each 1 k-article window:
   a rate that falls as the database grows shows in the first and last windows.

The goal (issue 10): >= 200 articles/s with --jobs 1 on one core, >= 300 with --jobs 2, and the
long run's last 1 k within +-25 % of its first 1 k.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = "ba ko ri ten sa mor li ven da pel an est ru ix tor lu me gal fin dor".split()
WORDS = sorted({"".join(random.Random(n).choices(SYLLABLES, k=random.Random(-n).randint(2, 3))) for n in range(8000)})
FIRST = "Ana Ben Carla Dev Elena Farid Grace Hugo Ines Jackie Kofi Lena Marco Nadia Omar Priya Rosa Tomas".split()
LAST = sorted({w.capitalize() + "son" for w in WORDS[:1500]})
# A newsroom's speakers: a few quoted all the time (Zipf), most a handful of times, new ones every day.
PEOPLE = [f"{first} {last}" for first in FIRST for last in LAST][:20000]
PEOPLE_WEIGHTS = list(accumulate(1 / (rank + 1) for rank in range(len(PEOPLE))))
STORIES_A_DAY = 40
ROLES = ["the mayor", "a council member", "the union's president", "a spokesperson", "the governor", "a resident"]
OUTLETS = [f"outlet-{n}" for n in range(40)]
VERBS = ["said", "told reporters", "said on Tuesday", "added", "said in a statement", "wrote"]
PRONOUN = {"Ana": "she", "Carla": "she", "Elena": "she", "Grace": "she", "Ines": "she", "Jackie": "she"}


def statement(rng, length):
    return [rng.choice(WORDS) for _ in range(length)]


def printed(words, rng):
    """An outlet's printing of a statement: sometimes cut at either end, a word changed now and then."""
    words = list(words)
    if rng.random() < 0.3:
        words = words[rng.randint(0, 3) :]
    if rng.random() < 0.3:
        words = words[: len(words) - rng.randint(0, 3)]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def stories(count, seed=3):
    """Each story: a date, a few speakers (name, role) and two or three statements per speaker.

    Stories arrive day by day, as a newsroom's feed does; speakers are drawn from a Zipf law, so the
    most quoted people gather thousands of quotes over a long run.
    """
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    for number in range(count):
        people = []
        for name in rng.choices(PEOPLE, cum_weights=PEOPLE_WEIGHTS, k=rng.randint(2, 3)):
            statements = [statement(rng, rng.randint(8, 30)) for _ in range(rng.randint(1, 3))]
            people.append((name, rng.choice(ROLES), statements))
        yield number, start + timedelta(days=number // STORIES_A_DAY), people


def article(story, outlet, rng):
    """One outlet's article on a story: each speaker introduced by full name and role, then surname or pronoun."""
    number, day, people = story
    paragraphs = [f"Officials met on {day:%A} to discuss item {number} of the agenda, {rng.choice(WORDS)} said."]
    for name, role, statements in people:
        first, last = name.split()
        for index, words in enumerate(statements):
            text = printed(words, rng).capitalize()
            verb = rng.choice(VERBS)
            if index == 0:
                paragraphs.append(f"“{text},” {name}, {role}, {verb}.")
            elif rng.random() < 0.5:
                paragraphs.append(f"“{text},” {PRONOUN.get(first, 'he')} said.")
            else:
                paragraphs.append(f"{last} {verb} that the plan was {rng.choice(WORDS)}. “{text}.”")
        paragraphs.append(f"The committee will vote on the {rng.choice(WORDS)} proposal next month.")
    return {
        "url": f"https://{outlet}.example/{number}-{rng.randrange(10**6)}",
        "outlet": outlet,
        "title": f"Item {number} debated",
        "published": (day + timedelta(days=rng.randint(0, 2))).isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def write_articles(folder, first_story, count, seed):
    """count article files from the stories from first_story on, each printed by 1-4 outlets.

    Returns (folder, the first story not printed): articles written later continue the news from there.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    written = 0
    for story in stories(first_story + count, seed=11):
        if story[0] < first_story:
            continue
        for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
            if written == count:
                return folder, story[0]
            (folder / f"{written:06d}.json").write_text(json.dumps(article(story, outlet, rng)), encoding="utf-8")
            written += 1
    return folder, first_story + count


CORE = str((os.cpu_count() or 1) - 1)  # core 0 of these VMs also serves interrupts


def cli(*args, database=None, pin=False, capture=False):
    env = {**os.environ, "MIGRATIONS_DIR": str(ROOT / "migrations")}
    if database:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    command = [str(Path(sys.executable).with_name("quotes-api")), *args]
    if pin:
        command = ["taskset", "-c", CORE, *command]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, (done.stdout if capture else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preload", type=int, default=5000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--long", type=int, default=0, help="also ingest this many in one run, rate per 1 k")
    parser.add_argument("--windows-of", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.windows_of:
        return windows_of(args.windows_of)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The new articles continue the archive's news: the next days' stories, and later printings of its last.
        preload, following = write_articles(folder / "preload", 0, args.preload, seed=1)
        new, _ = write_articles(folder / "new", following, args.articles, seed=2)
        base = folder / "base.sqlite3"
        cli("db", "upgrade", database=base)
        seconds, _ = cli("ingest", "--no-progress", "--jobs", "2", str(preload), database=base)
        print(f"preloaded {args.preload} articles in {seconds:.1f} s (--jobs 2)")
        times = {"extract (no db)": [], "ingest --jobs 1": [], "ingest --jobs 2": []}
        for _ in range(args.runs):
            times["extract (no db)"].append(
                cli("extract", "--format", "jsonl", "--no-groups", "--indirect", str(new), pin=True)[0]
            )
            for jobs in (1, 2):
                copy = folder / f"copy{jobs}.sqlite3"
                shutil.copy(base, copy)
                times[f"ingest --jobs {jobs}"].append(
                    cli("ingest", "--no-progress", "--jobs", str(jobs), str(new), database=copy, pin=jobs == 1)[0]
                )
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{copy}{suffix}").unlink(missing_ok=True)
        print(f"{args.articles} new articles over {args.preload} stored; medians of {args.runs} runs")
        rates = {}
        for name, seconds in times.items():
            rates[name] = args.articles / statistics.median(seconds)
            print(f"  {name:16} {statistics.median(seconds):7.2f} s  {rates[name]:7.1f} articles/s")
        print(f"ingest --jobs 1 / extraction alone: {rates['ingest --jobs 1'] / rates['extract (no db)']:.2f}")
        if args.long:
            long_run(folder, base, args.long, following)


def long_run(folder, base, count, first_story):
    """Ingest count articles in one process (--jobs 2) and print the rate of each 1 k articles."""
    articles, _ = write_articles(folder / "long", first_story, count, seed=3)
    copy = folder / "long.sqlite3"
    shutil.copy(base, copy)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}", "MIGRATIONS_DIR": str(ROOT / "migrations")}
    done = subprocess.run(
        [sys.executable, __file__, "--windows-of", str(articles)], env=env, check=True, capture_output=True, text=True
    )
    windows = [tuple(map(float, line.split())) for line in done.stdout.splitlines()]
    for number, (rate, cpu) in enumerate(windows):
        print(
            f"  articles {number * WINDOW:6,}-{(number + 1) * WINDOW:6,}: {rate:7.1f} articles/s  "
            f"(writer CPU {cpu:.2f} ms an article)"
        )
    (first, first_cpu), (last, last_cpu) = windows[0], windows[-1]
    print(f"long run of {count:,} (--jobs 2): last 1 k / first 1 k rate = {last / first:.2f}")
    # The writer's CPU time is what grows with the database, and a busy neighbour cannot inflate it.
    print(f"writer CPU per article, last 1 k / first 1 k = {last_cpu / first_cpu:.2f}")


WINDOW = 1000


def windows_of(folder):
    """In a child: what `quotes-api ingest --jobs 2` does, printing each WINDOW's rate and writer CPU per article."""
    from quotes_api import create_app
    from quotes_api.articles import iter_article_paths
    from quotes_api.service import ingest_files

    with create_app().app_context():
        start, cpu = time.perf_counter(), time.process_time()
        for number, _ in enumerate(ingest_files(iter_article_paths([folder]), 2, indirect=True), 1):
            if number % WINDOW == 0:
                now, cpu_now = time.perf_counter(), time.process_time()
                print(round(WINDOW / (now - start), 1), round(1000 * (cpu_now - cpu) / WINDOW, 3), flush=True)
                start, cpu = now, cpu_now


if __name__ == "__main__":
    main()
