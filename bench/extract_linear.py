"""Extraction time on adversarial inputs at two sizes, and the ratio. Run by hand: python bench/extract_linear.py

The shapes are tests/extract/adversarial.py (each once made the extractor quadratic). Each is
extracted at --small and 4x that many characters in this process; a time is the best of --runs
CPU times (time.process_time, so other processes on the machine count little). Linear growth is a
ratio near 4, quadratic near 16. --no-quote-cap lifts MAX_QUOTES_PER_ARTICLE, to see the
attribution passes themselves rather than the guard.
"""

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quotes_api.extract.extraction as extraction  # noqa: E402
from quotes_api.extract import extract_quotes  # noqa: E402
from tests.extract.adversarial import SHAPES  # noqa: E402


def best_time(text, runs):
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        extract_quotes(text, indirect=True)
        best = min(best, time.process_time() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50_000, help="characters of the small run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-quote-cap", action="store_true")
    parser.add_argument("shapes", nargs="*", help="names from tests/extract/adversarial.py (default: all)")
    args = parser.parse_args()
    if args.no_quote_cap:
        extraction.MAX_QUOTES_PER_ARTICLE = 10**9
    large = 4 * args.small
    print(f"CPU seconds, best of {args.runs}; quote cap {extraction.MAX_QUOTES_PER_ARTICLE:,}")
    print(f"{'shape':32s} {args.small // 1000:>6d}k {large // 1000:>6d}k  ratio  chars/s at {large // 1000}k")
    worst = 0.0
    for name in args.shapes or SHAPES:
        make = SHAPES[name][1]
        small_time, large_time = best_time(make(args.small), args.runs), best_time(make(large), args.runs)
        ratio = large_time / small_time
        worst = max(worst, ratio)
        print(f"{name:32s} {small_time:7.3f} {large_time:7.3f} {ratio:6.1f}  {large / large_time:12,.0f}", flush=True)
    print(f"largest ratio: {worst:.1f} (linear 4, quadratic 16)")


if __name__ == "__main__":
    main()
