"""Variant grouping at 10 k, 100 k and 1 M quotes: time, peak memory, pairwise precision/recall.

Run by hand: python bench/group_scaling.py [--sizes 10000 100000 1000000]

Synthetic corpus (seeded, so runs compare): statements of 10-40 words drawn from a Zipf-like
vocabulary, each printed 1-6 times by different articles with realistic edits — word
substitutions, truncation at either end, a short excerpt contained in the full quote — plus
unrelated quotes that share stock phrases ("this is not who we are"). Each size runs in a fresh
process so its peak RSS is its own; the input is generated a chunk at a time, so the RSS after
grouping less the RSS before the first quote is what the index costs (printed per quote, with the
bytes its containers hold). Truth is known, so pairwise precision
and recall are printed.
"""

import argparse
import gc
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
from array import array
from collections import Counter
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes_api.variants import Grouper, Member, MemoryStore  # noqa: E402

STOCK = [
    "this is not who we are",
    "we have to do it",
    "at the end of the day",
    "let me be clear",
    "the american people deserve better",
    "we are going to win",
    "i want to thank everyone",
    "make no mistake about it",
    "the people of this country",
    "we will not back down",
]


def vocabulary(rng, size=30000):
    syllables = ["ba", "ko", "ri", "ten", "sa", "mor", "li", "ven", "da", "pel", "qu", "an", "est", "ru", "ix"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    words = sorted(words)
    weights = list(accumulate(1 / (rank + 1) for rank in range(len(words))))  # Zipf: a few words everywhere
    return words, weights


def corpus(size, seed=7):
    """Yield (member, statement id or None) in arrival order."""
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    produced = 0
    statement = 0
    while produced < size:
        if rng.random() < 0.3:  # an unrelated quote around a stock phrase
            text = (
                rng.choices(words, cum_weights=weights, k=rng.randint(3, 10))
                + rng.choice(STOCK).split()
                + rng.choices(words, cum_weights=weights, k=rng.randint(0, 8))
            )
            yield Member(produced, tuple(text), -1 - produced, None, "2024-01-01"), None
            produced += 1
            continue
        statement += 1
        base = rng.choices(words, cum_weights=weights, k=rng.randint(10, 40))
        speaker = f"speaker{rng.randint(1, size // 20 + 1)}"
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for printing in range(rng.randint(1, 6)):
            text = list(base)
            if printing:
                for _ in range(len(text) // 12):  # substitutions, one in twelve words
                    text[rng.randrange(len(text))] = rng.choices(words, cum_weights=weights)[0]
                cut = rng.random()
                if cut < 0.3:  # truncated at either end
                    text = text[rng.randint(0, 3) : len(text) - rng.randint(0, 3)]
                elif cut < 0.5 and len(text) > 14:  # a short excerpt
                    start = rng.randint(0, len(text) - 9)
                    text = text[start : start + rng.randint(8, 12)]
            yield Member(produced, tuple(text), statement * 8 + printing, speaker, day), statement
            produced += 1
            if produced >= size:
                return


def pairwise(truth, predicted):
    """Precision and recall over pairs put together, from per-member labels (0 or less: no label).

    Labels are arrays, not lists of ints: at 10 M quotes a list of labels alone takes half a gigabyte.
    """

    def pairs(labels):
        return sum(n * (n - 1) // 2 for n in Counter(label for label in labels if label > 0).values())

    together = Counter((t, p) for t, p in zip(truth, predicted, strict=True) if t > 0 and p > 0)
    both = sum(n * (n - 1) // 2 for n in together.values())
    # Truth pairs among printings the grouper may group: 7+ words, or 2+ words with a known speaker.
    return both / max(1, pairs(predicted)), both / max(1, pairs(truth))


def rss_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def index_bytes_per_quote(store, size):
    """Bytes held by the store's containers (arrays, buckets, dicts, lists), not counting shared strings."""
    seen, total, todo = set(), 0, [vars(store)]
    while todo:
        item = todo.pop()
        if id(item) in seen or isinstance(item, (str, int, float)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            todo.extend(item)
        elif hasattr(item, "__dict__") and not isinstance(item, type):
            todo.append(vars(item))
    return total / size


def run_one(size, chunk=100_000):
    """Group size quotes, generated a chunk at a time so the input does not count as the index."""
    generated = corpus(size)
    store = MemoryStore()
    grouper = Grouper(store)
    truth, predicted_ids = array("q"), array("q")
    elapsed = cpu = 0.0
    baseline = None
    while True:
        members = list(itertools.islice(generated, chunk))
        if not members:
            break
        if baseline is None:
            gc.collect()
            baseline = rss_mib()  # the interpreter, the vocabulary and one chunk of input
        gc.freeze()  # the generated corpus is input, not work: keep the collector from rescanning it
        start, cpu_start = time.perf_counter(), time.process_time()
        for member, _ in members:
            grouper.add(member)
        elapsed, cpu = elapsed + time.perf_counter() - start, cpu + time.process_time() - cpu_start
        for member, statement in members:
            eligible = len(member.words) >= 7 or (member.speaker and len(member.words) >= 2)
            truth.append(statement if statement is not None and eligible else -1)
            predicted_ids.append(member.id)
        del members
        gc.unfreeze()
    index_bytes = (rss_mib() - baseline) * 2**20 / size  # before scoring, which needs memory of its own
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # grouping's peak, before scoring
    index_bytes_counted = index_bytes_per_quote(store, size)
    predicted = array("q", (store.group_of(i) or 0 for i in predicted_ids))
    del store, grouper  # scoring reuses the index's memory
    gc.collect()
    precision, recall = pairwise(truth, predicted)
    print(
        json.dumps(
            {
                "size": size,
                "seconds": round(elapsed, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_mib": round(peak),
                "peak_with_scoring_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "index_bytes_per_quote": round(index_bytes_counted),
                "rss_growth_per_quote": round(index_bytes),
                "groups": len(set(predicted) - {0}),
                "precision": round(precision, 3),
                "recall": round(recall, 3),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(args.one)
    results = []
    for size in args.sizes:
        # Pinned to the last core: core 0 of these VMs also serves interrupts and runs slower.
        core = str((os.cpu_count() or 1) - 1)
        done = subprocess.run(
            ["taskset", "-c", core, sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(done.stdout))
        r = results[-1]
        print(
            f"{r['size']:>9,} quotes: {r['seconds']:8.2f} s ({r['cpu_seconds']:.2f} s cpu, "
            f"{1e6 * r['cpu_seconds'] / r['size']:.0f} µs/quote)  peak {r['peak_mib']:6,} MiB "
            f"({r['peak_with_scoring_mib']:,} with scoring) "
            f"(index {r['index_bytes_per_quote']} bytes/quote, RSS growth {r['rss_growth_per_quote']})  "
            f"groups {r['groups']:,}  "
            f"pairwise P {r['precision']:.3f} R {r['recall']:.3f}",
            flush=True,
        )
    # CPU time is the figure to compare on a shared machine: wall time also counts waiting for a core.
    for small, large in itertools.pairwise(results):
        print(
            f"x{large['size'] // small['size']} quotes: wall {large['seconds'] / small['seconds']:.1f}x, "
            f"cpu {large['cpu_seconds'] / small['cpu_seconds']:.1f}x"
        )


if __name__ == "__main__":
    main()
