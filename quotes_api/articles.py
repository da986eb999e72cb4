"""Article files: finding and reading them (formats, sidecars, per-file errors), and extracting them in processes."""

import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .extract import DEFAULT_MIN_CONFIDENCE, Article, DocumentError, extract_quotes, parse_document
from .extract.documents import load_json

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".md"}
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class LoadFailure:
    path: str
    reason: str


def iter_article_paths(paths):
    """Yield (path, None) for each article file under paths, or (path, reason) for what cannot be one.

    Folders are walked in name order; sidecars and hidden files are skipped; a file
    named explicitly is always tried, whatever its suffix.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root, name)
                    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                        continue
                    if child.suffix.lower() in ARTICLE_SUFFIXES:
                        yield str(child), None
                    else:
                        yield str(child), f"skipped: not an article file ({child.suffix or 'no suffix'})"
        elif path.exists():
            yield str(path), None
        else:
            yield str(path), "no such file or folder"


def read_sidecar(path):
    """Metadata for path from ``NAME.meta.json`` beside it, or {}."""
    sidecar = Path(str(Path(path).with_suffix("")) + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        data = load_json(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, DocumentError) as error:
        raise DocumentError(f"unreadable sidecar {sidecar.name}: {error}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"sidecar {sidecar.name} must hold a JSON object")
    return {k: data.get(k) for k in ("url", "outlet", "title", "published")}


def load_article(path):
    """Return the Article in the file at path; raise DocumentError with a readable reason."""
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise DocumentError("is a folder") from None
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror or error}") from None
    return parse_document(raw, **read_sidecar(path))


def extract_checked(article, *, min_confidence=DEFAULT_MIN_CONFIDENCE, indirect=True, max_chars=None) -> list:
    """The quotes of a parsed article; DocumentError when it is longer than max_chars (MAX_ARTICLE_CHARS).

    Every way in (API, batch, ingest) goes through here, so the limit holds for all of them.
    """
    if max_chars is not None and len(article.text) > max_chars:
        raise DocumentError(f"the article text is longer than {max_chars} characters (MAX_ARTICLE_CHARS)")
    return extract_quotes(article, min_confidence=min_confidence, indirect=indirect)


@dataclass
class Extracted:
    """One article file, read and extracted; or why it could not be (then article is None)."""

    path: str
    article: Article | None = None
    quotes: list | None = None
    problem: str | None = None  # "skipped: …" for a file that is not an article; else why it failed

    @property
    def skipped(self) -> bool:
        return bool(self.problem) and self.problem.startswith("skipped")


AHEAD_PER_JOB = 64  # extracted articles a worker may hold ahead of the writer: bounds memory on long runs
WORKER_NICENESS = 5


def extract_files(
    listed: Iterable[tuple[str, str | None]], jobs: int = 1, batch: int = 0, **settings
) -> Iterator[Extracted]:
    """Read and extract each listed (path, problem) file, in order, in ``jobs`` processes.

    The caller stores what comes out in this one process (the single writer), so quotes are
    stored, and grouped, in the order of the files whatever the number of jobs. The workers may
    hold AHEAD_PER_JOB a job beyond what the caller has taken, and ``batch`` more when the caller
    takes that many before it stores them: else it would wait, at every batch, for the rest of the
    next one to be extracted (a tenth of an ingest run with 2 jobs, measured).
    """
    work = partial(_extract_file, settings=settings)
    if jobs <= 1:
        yield from map(work, listed)
        return
    listed = list(listed)
    ahead_left = threading.Semaphore(AHEAD_PER_JOB * jobs + batch)

    def metered():
        for item in listed:
            ahead_left.acquire()
            yield item

    # fork: the workers only read files and extract; they never touch the parent's database connection.
    # They run at a lower priority than the writer: it is the one that cannot be parallel, so a
    # core should never be taken from it by a worker that is already ahead.
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=os.nice, initargs=(WORKER_NICENESS,)) as pool:
        try:
            for done in pool.imap(work, metered(), chunksize=8):
                ahead_left.release()
                yield done
        finally:
            for _ in listed:  # let the pool's feeder thread run out, even when the caller stopped early
                ahead_left.release()


def _extract_file(listed: tuple[str, str | None], settings: dict) -> Extracted:
    path, problem = listed
    if problem:
        return Extracted(path, problem=problem)
    try:
        article = load_article(path)
        return Extracted(path, article, extract_checked(article, **settings))
    except DocumentError as error:
        return Extracted(path, problem=str(error))
