"""The JSONL output of a batch job: whole lines only, and resume.

Each line names its job (``method`` and ``options``), so that ``--resume`` skips exactly
the inputs already done by the same method with the same options. Lines go to the file
a chunk at a time with ``os.write``, never through a buffer that could split a line; if
a kill still cuts the last line short, opening the file for resume cuts that tail off.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Mapping, Optional


class OutputExists(FileExistsError):
    """The output file holds lines and neither resume nor overwrite was asked for."""


def job_key(method: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """What a line records about its job: ``{"method": ..., "options": {...}}``."""
    return {"method": method, "options": json.loads(json.dumps(dict(options), sort_keys=True,
                                                                default=str))}


def scan(path: str, key: Mapping[str, Any]) -> tuple[set[str], int, int]:
    """(inputs done by this job, lines of other jobs, bytes of whole valid lines).

    Lines after the last valid one are a damaged tail (a cut line) and are not counted.
    """
    done: set[str] = set()
    others, good_end, offset = 0, 0, 0
    with open(path, "rb") as handle:
        for raw in handle:
            offset += len(raw)
            line = _parse(raw)
            if line is None:
                continue
            good_end = offset
            if _same_job(line, key):
                done.add(line["input"])
            else:
                others += 1
    return done, others, good_end


def _parse(raw: bytes) -> Optional[dict]:
    if not raw.endswith(b"\n"):
        return None
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    return line if isinstance(line, dict) and isinstance(line.get("input"), str) else None


def _same_job(line: Mapping[str, Any], key: Mapping[str, Any]) -> bool:
    return line.get("method") == key["method"] and line.get("options") == key["options"]


class Writer:
    """Appends whole lines to the output; knows what it holds, and never writes an input
    twice.

    Args:
        path: the ``.jsonl`` file.
        key: :func:`job_key` of the job.
        resume: keep the lines there and skip their inputs (a damaged tail is cut off).
        overwrite: start the file afresh.
    """

    def __init__(self, path: str, key: Mapping[str, Any], *, resume: bool = False,
                 overwrite: bool = False) -> None:
        self.path, self.key = path, dict(key)
        self.done: set[str] = set()
        self.other_jobs = 0
        holds = os.path.exists(path) and os.path.getsize(path) > 0
        if holds and not (resume or overwrite):
            raise OutputExists(f"{path} already holds results: pass --resume to go on, "
                               "or --overwrite to start again.")
        if holds and resume:
            self.done, self.other_jobs, good_end = scan(path, self.key)
            if good_end < os.path.getsize(path):
                os.truncate(path, good_end)  # a line cut short by a kill
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if overwrite else 0)
        self._fd: Optional[int] = os.open(path, flags, 0o644)
        self._backend: Optional[str] = None
        self._model: Optional[str] = None

    def write(self, records: Iterable[Mapping[str, Any]]) -> list[dict]:
        """Write the records of inputs not written yet, in one write; return those lines."""
        lines = []
        for record in records:
            if record["input"] not in self.done:
                self.done.add(record["input"])
                lines.append(self._line(record))
        if lines:
            self._write_all(b"".join(_encoded(line) for line in lines))
        return lines

    def _line(self, record: Mapping[str, Any]) -> dict:
        """Lay out one line; an error names the backend and model the job ran on."""
        if record.get("backend"):
            self._backend, self._model = record["backend"], record.get("model")
        line = {"input": record["input"], "ok": record["ok"],
                "backend": record.get("backend") or self._backend,
                "model": record.get("model") or self._model, **self.key}
        outcome = "result" if record["ok"] else "error"
        line[outcome] = record[outcome]
        return line

    def _write_all(self, data: bytes) -> None:
        assert self._fd is not None, "the writer is closed"
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def close(self) -> None:
        """Sync the file to disk and close it."""
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _encoded(line: Mapping[str, Any]) -> bytes:
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":"), default=str)
            + "\n").encode("utf-8")


def read(path: str, key: Optional[Mapping[str, Any]] = None) -> list[dict]:
    """The whole, valid lines of an output file (only this job's, when ``key`` is given)."""
    lines = []
    with open(path, "rb") as handle:
        for raw in handle:
            line = _parse(raw)
            if line is not None and (key is None or _same_job(line, key)):
                lines.append(line)
    return lines
