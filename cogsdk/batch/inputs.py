"""What a batch job runs on: files, folders, globs, ``-`` (paths on stdin) and manifests.

Files named on the command line are always run, so that a bad one gets its error line.
Folders (walked recursively) and globs are filtered by the media type the method takes.
A manifest lists paths: ``.txt`` (one a line), ``.csv`` or ``.jsonl`` (a ``path``
column); its relative paths are relative to the manifest's folder. A method that takes
text reads ``.txt`` files as documents, so its manifests are ``.csv`` or ``.jsonl`` only.
"""

from __future__ import annotations

import csv
import glob
import inspect
import json
import os
import sys
from typing import IO, Iterable, Iterator, Optional

EXTENSIONS = {
    "image": (".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff",
              ".ico", ".heic", ".heif", ".avif"),
    "audio": (".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".amr"),
    "video": (".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mpg", ".mpeg", ".3gp"),
    "text": (".txt", ".md"),
}
"""The file names a folder walk keeps, by the media type a method takes."""
MANIFESTS = (".txt", ".csv", ".jsonl")
_GLOB_CHARACTERS = set("*?[")


class InputError(ValueError):
    """An input argument cannot be read (a manifest without a ``path`` column...)."""


def media_of(function) -> str:
    """``"image"``, ``"audio"``, ``"video"`` or ``"text"``: the name of a facade method's
    first argument, which is what it takes."""
    first = list(inspect.signature(function).parameters)[1]
    return first if first in EXTENSIONS else "text"


def expand(arguments: Iterable[str], media: str,
           stdin: Optional[IO[str]] = None) -> list[str]:
    """Every input path the arguments name, each once, in the order found."""
    found: dict[str, None] = {}
    for argument in arguments:
        for path in _expand_one(argument, media, stdin or sys.stdin):
            found.setdefault(path)
    return list(found)


def _expand_one(argument: str, media: str, stdin: IO[str]) -> Iterator[str]:
    if argument == "-":
        yield from _lines(stdin)
    elif os.path.isdir(argument):
        yield from walk(argument, media)
    elif is_manifest(argument, media) and os.path.isfile(argument):
        yield from read_manifest(argument)
    elif _GLOB_CHARACTERS & set(argument) and not os.path.exists(argument):
        for match in sorted(glob.glob(argument, recursive=True)):
            yield from walk(match, media) if os.path.isdir(match) else \
                ([match] if _takes(match, media) else [])
    else:
        yield argument  # a missing file still gets its error line


def walk(folder: str, media: str) -> Iterator[str]:
    """The files under ``folder`` that the media type takes, sorted, hidden ones skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _takes(name, media):
                yield os.path.join(root, name)


def _takes(name: str, media: str) -> bool:
    return name.lower().endswith(EXTENSIONS[media])


def is_manifest(path: str, media: str) -> bool:
    """Whether a named file lists inputs rather than being one."""
    suffix = os.path.splitext(path)[1].lower()
    return suffix in MANIFESTS and not (media == "text" and suffix == ".txt")


def read_manifest(path: str) -> Iterator[str]:
    """The paths a ``.txt``, ``.csv`` or ``.jsonl`` manifest lists."""
    base = os.path.dirname(path)
    suffix = os.path.splitext(path)[1].lower()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = {".txt": _lines, ".csv": _csv_paths, ".jsonl": _jsonl_paths}[suffix](handle)
        for row in rows:
            yield row if os.path.isabs(row) else os.path.join(base, row)


def _lines(handle: IO[str]) -> Iterator[str]:
    for line in handle:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _csv_paths(handle: IO[str]) -> Iterator[str]:
    reader = csv.DictReader(handle)
    if "path" not in (reader.fieldnames or []):
        raise InputError(f"{handle.name} has no 'path' column (columns: {reader.fieldnames}).")
    for row in reader:
        if (row.get("path") or "").strip():
            yield row["path"].strip()


def _jsonl_paths(handle: IO[str]) -> Iterator[str]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{handle.name} line {number} is not JSON: {exc}") from exc
        if not isinstance(row, dict) or not isinstance(row.get("path"), str):
            raise InputError(f"{handle.name} line {number} has no 'path' string.")
        yield row["path"]
