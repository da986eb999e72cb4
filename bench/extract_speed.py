"""Extraction throughput and memory, whole process, one core. Run by hand: python bench/extract_speed.py

Input: the articles of ../shared/eval/polnear-dev (read in place, never copied) or, failing that,
seeds/, listed repeatedly until the corpus reaches --megabytes. The command under test is
`quotes-api extract --format jsonl --no-groups` (streaming), run as a subprocess and pinned to one
core (the last one); the baseline on the same files is a bare regex that finds “…” pairs and prints them as JSON.
Memory is the peak RSS at 1x, 2x and 4x the corpus: flat means articles are streamed.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "eval" / "polnear-dev" / "articles", ROOT / "seeds"]

BASELINE = r"""
import json, re, sys
pattern = re.compile(r"[“\"]([^”\"\n]{1,2000})[”\"]")
out = sys.stdout
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for m in pattern.finditer(text):
        out.write(json.dumps({"source": path, "text": m.group(1), "start": m.start(1), "end": m.end(1)}) + "\n")
"""


# Runs the quotes-api command of another checkout with this interpreter (same dependencies).
REFERENCE = (
    "import sys; sys.path.insert(0, {src!r}); sys.argv[0] = 'quotes-api'; from quotes_api.cli import main; main()"
)


def corpus(megabytes):
    """The article files, repeated to reach the size; and the size in characters (not bytes)."""
    files = next(sorted(d.glob("*.txt")) for d in SOURCES if d.is_dir() and any(d.glob("*.txt")))
    size = sum(f.stat().st_size for f in files)
    characters = sum(len(f.read_text(encoding="utf-8")) for f in files)
    repeats = max(1, -(-int(megabytes * 1_000_000) // size))
    return files * repeats, characters * repeats


# The last core: on these machines core 0 also serves the VM's interrupts and runs ~1.5x slower.
CORE = str((os.cpu_count() or 1) - 1)


def run(argv):
    """Wall seconds of one child process pinned to one core."""
    start = time.perf_counter()
    subprocess.run(["taskset", "-c", CORE, *argv], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--reference",
        metavar="SRC",
        help="a checkout of another commit (e.g. `git worktree add /tmp/ref <rev>`): its extractor runs "
        "interleaved with ours on the same input, and the ratio is printed",
    )
    args = parser.parse_args()
    cli = str(Path(sys.executable).with_name("quotes-api"))
    files, size = corpus(args.megabytes)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(BASELINE)
    # Many copies of few files: the list goes through a file of paths to keep argv short.
    ours_times, base_times, reference_times = [], [], []
    extract_args = ["extract", "--format", "jsonl", "--no-groups", *map(str, files)]
    reference = [sys.executable, "-c", REFERENCE.format(src=args.reference)] if args.reference else None
    for _ in range(args.runs):
        ours_times.append(run([cli, *extract_args]))
        base_times.append(run([sys.executable, handle.name, *map(str, files)]))
        if reference:
            reference_times.append(run([*reference, *extract_args]))
    ours, base = statistics.median(ours_times), statistics.median(base_times)
    if reference:
        ref = statistics.median(reference_times)
        print(f"reference {args.reference}: {ref:.2f} s  {size / ref:,.0f} chars/s")
        print(f"throughput ours/reference: {ref / ours:.2f}")
    print(f"input: {len(files)} articles, {size:,} characters, medians of {args.runs} runs")
    print(f"quotes-api extract: {ours:.2f} s  {size / ours:,.0f} chars/s (whole process, one core)")
    print(f"regex baseline:     {base:.2f} s  {size / base:,.0f} chars/s")
    print(f"ratio ours/baseline time: {ours / base:.1f}x")
    print("peak RSS by input size (flat = streamed):")
    for factor in (1, 2, 4):
        scaled, _ = corpus(args.megabytes * factor / 4)
        rss = peak_rss([cli, "extract", "--format", "jsonl", "--no-groups", *map(str, scaled)])
        print(f"  {len(scaled):6d} articles: {rss:6.1f} MiB")
    os.unlink(handle.name)
    print(json.dumps({"chars_per_second": round(size / ours), "baseline_chars_per_second": round(size / base)}))


def peak_rss(argv):
    """Peak RSS (MiB) of a command, measured from a fresh parent so no other child counts."""
    code = (
        "import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) / 1024


if __name__ == "__main__":
    main()
