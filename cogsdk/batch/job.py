"""A batch job from Python: :func:`run_batch` runs one method over many inputs into a
JSONL file and returns its :class:`Summary`."""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import signal
import sys
import threading
import time
from typing import Any, Iterable, Mapping, Optional

from ..errors import InvalidInput
from .executors import InProcess
from .jsonl import Writer, job_key, read
from .predictor import Predictor


@dataclasses.dataclass
class Summary:
    """What one run of a job did."""

    done: int = 0
    """Inputs that got a result in this run."""
    failed: dict[str, int] = dataclasses.field(default_factory=dict)
    """Inputs that got an error line in this run, by error type."""
    skipped: int = 0
    """Inputs the output already held for this job (``resume``)."""
    total: int = 0
    """Inputs the job names."""
    elapsed: float = 0.0
    """Seconds this run took."""
    interrupted: bool = False
    """Stopped by Ctrl-C: the lines written are whole, ``resume`` goes on."""
    executor: str = "in-process"

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    @property
    def throughput(self) -> float:
        """Inputs per second in this run (results and errors)."""
        return (self.done + self.failures) / self.elapsed if self.elapsed else 0.0

    def lines(self) -> list[str]:
        """The summary a person reads at the end of a job."""
        failed = ", ".join(f"{n} {kind}" for kind, n in sorted(self.failed.items()))
        return [f"done {self.done}, failed {self.failures}" + (f" ({failed})" if failed else "")
                + f", skipped {self.skipped} (already in the output), of {self.total}",
                f"{self.throughput:.1f} inputs/s, {self.elapsed:.1f} s elapsed "
                f"({self.executor})" + (", interrupted" if self.interrupted else "")]


def run_batch(method: str, inputs: Iterable[Any], out: str, *,
              options: Optional[Mapping[str, Any]] = None,
              settings: Optional[Mapping[str, Any]] = None, resume: bool = False,
              overwrite: bool = False, executor: Any = None, draw_dir: Optional[str] = None,
              contact_sheet: Optional[str] = None, progress: bool = True) -> Summary:
    """Run ``method`` (``"vision.labels"``) on every input into the JSONL file ``out``.

    Args:
        inputs: paths (or texts, for a text method); see :mod:`cogsdk.batch.inputs` to
            expand folders, globs and manifests.
        options: the method's options, e.g. ``{"max_results": 5}``.
        settings: keyword arguments of :class:`cogsdk.Cog`.
        resume: skip the inputs ``out`` already holds for this method and options.
        overwrite: start ``out`` afresh (else an existing, non-empty ``out`` is refused).
        executor: :class:`~cogsdk.batch.InProcess` (default) or
            :class:`~cogsdk.batch.Dask`; it is closed at the end.
        draw_dir: write an annotated picture per image there.
        contact_sheet: write one PNG grid of thumbnails with their top results.
        progress: show a tqdm bar (on a terminal).

    Ctrl-C stops the job after the chunk in progress (a second one at once); the lines
    written are whole and the summary says ``interrupted``.
    """
    predictor = Predictor(method, settings=settings, draw_dir=draw_dir, **dict(options or {}))
    check_options(predictor)
    executor = executor or InProcess()
    key = job_key(method, full_options(predictor))
    summary = Summary(executor=executor.name)
    started = time.perf_counter()
    try:
        with Writer(out, key, resume=resume, overwrite=overwrite) as writer:
            todo = _unique(str(value) for value in inputs)
            summary.total = len(todo)
            todo = [value for value in todo if value not in writer.done]
            summary.skipped = summary.total - len(todo)
            _run(predictor, todo, writer, executor, summary, progress)
    finally:
        executor.close()
    summary.elapsed = time.perf_counter() - started
    if contact_sheet:
        from .pictures import contact_sheet as make_sheet

        make_sheet(read(out, key), contact_sheet)
    return summary


def _run(predictor: Predictor, todo: list, writer: Writer, executor: Any, summary: Summary,
         progress: bool) -> None:
    from tqdm import tqdm

    failed: collections.Counter = collections.Counter()
    bar = tqdm(total=len(todo), unit="input", desc=predictor.method, smoothing=0.1,
               disable=not progress or None)  # None: only on a terminal
    try:
        with _FirstCtrlC() as ctrl_c, contextlib.closing(executor.run(predictor, todo)) as run:
            for records in run:
                for line in writer.write(records):
                    if line["ok"]:
                        summary.done += 1
                    else:
                        failed[line["error"]["type"]] += 1
                bar.update(len(records))
                if ctrl_c.pressed:
                    break
        summary.interrupted = ctrl_c.pressed
    except KeyboardInterrupt:  # the second Ctrl-C, or one outside the main thread's loop
        summary.interrupted = True
    finally:
        summary.failed = dict(failed)
        bar.close()


class _FirstCtrlC:
    """The first Ctrl-C asks the job to stop after the chunk in progress (its lines are
    written); a second one stops at once. Only the main thread can catch signals."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def _handle(self, number: int, frame: Any) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        print("\ncogsdk batch: stopping after this chunk (Ctrl-C again to stop now)",
              file=sys.stderr)

    def __enter__(self) -> "_FirstCtrlC":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def check_options(predictor: Predictor) -> None:
    """Raise the method's own error for bad options now, before any input runs."""
    from .predictor import client

    facade = getattr(client(predictor.settings), predictor.service)
    try:
        getattr(facade, predictor.name)([], **predictor.options)
    except TypeError as error:  # a required option missing, or one the method lacks
        raise InvalidInput(f"{predictor.method}: {error}") from error


def full_options(predictor: Predictor) -> dict[str, Any]:
    """The options with the method's defaults filled in, so that an option left out and
    the same option given at its default make the same job."""
    from ..cli import _options
    from .predictor import method_function

    return {parameter.name: predictor.options.get(parameter.name, parameter.default)
            for parameter, _ in _options(method_function(predictor.service, predictor.name))}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
