"""Reading article files from disk: formats, sidecar metadata, folders, per-file errors."""

import os
from dataclasses import dataclass
from pathlib import Path

from .extract import DocumentError, parse_document
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
