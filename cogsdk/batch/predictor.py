"""The picklable :class:`Predictor`: one ``Cog`` method with its options, for any engine.

Model sessions (onnxruntime, CTranslate2) cannot be pickled, so a predictor carries only
the method, its options and the ``Cog`` settings; each process builds its ``Cog`` on
first call and keeps it for every later call (:func:`client`). The same object works in
Dask, in a ``multiprocessing.Pool``, in Ray Data's ``map_batches`` and in Spark.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence

from .._types import Result
from ..errors import CogError, InvalidInput
from ..media import ImageInput, load_image
from ..media.image import MAX_PIXELS

_clients: dict[str, Any] = {}
_lock = threading.Lock()
_pools: dict[int, ThreadPoolExecutor] = {}


def client(settings: Mapping[str, Any]) -> Any:
    """This process's ``Cog`` for these settings, built once (models load once)."""
    key = repr(sorted(settings.items()))
    with _lock:
        if key not in _clients:
            from .._client import Cog

            _clients[key] = Cog(**{"progress": False, **settings})
        return _clients[key]


def _pool(size: int) -> ThreadPoolExecutor:
    """The decode threads of this process (Pillow and file reads release the GIL)."""
    with _lock:
        if size not in _pools:
            _pools[size] = ThreadPoolExecutor(size, thread_name_prefix="cogsdk-decode")
        return _pools[size]


@dataclasses.dataclass(frozen=True)
class _Decoded(ImageInput):
    """An image read and decoded ahead, in a decode thread, while the model ran."""

    decoded: Any = None

    def decode(self, max_pixels: int = MAX_PIXELS):
        return self.decoded if max_pixels == MAX_PIXELS else super().decode(max_pixels)


class Predictor:
    """A ``Cog`` method call that pickles: ``Predictor("vision.labels", max_results=5)``.

    Calling it on a list of inputs (paths, or texts for a text method) returns one
    JSON-ready record per input, in order: ``{"input", "ok", "backend", "model",
    "result"}`` or ``{..., "ok": False, "error": {"type", "message"}}``.

    Args:
        method: ``"service.method"``, e.g. ``"vision.labels"``.
        settings: keyword arguments of :class:`cogsdk.Cog` (``mode``, ``offline``...).
        batch_size: inputs per call of the list path; the next batch is read (and for a
            local model decoded) while one runs. Default: 16 (one local model batch)
            when decoding ahead, else 64 (the cloud's 4 parallel requests of 16).
        decoders: threads that read and decode inputs ahead of the model.
        draw_dir: a folder for an annotated picture per image (vision only).
        **options: the method's options, e.g. ``max_results=5``.
    """

    def __init__(self, method: str, *, settings: Optional[Mapping[str, Any]] = None,
                 batch_size: Optional[int] = None, decoders: int = 2,
                 draw_dir: Optional[str] = None, **options: Any) -> None:
        self.service, self.name = _split(method)
        self.method, self.options = method, dict(options)
        self.settings = dict(settings or {})
        self._batch_size, self.decoders = batch_size, max(1, decoders)
        self.draw_dir = draw_dir
        from .inputs import media_of

        self.media = media_of(method_function(self.service, self.name))

    def __repr__(self) -> str:
        options = "".join(f", {k}={v!r}" for k, v in self.options.items())
        return f"Predictor({self.method!r}{options})"

    @property
    def batch_size(self) -> int:
        """Inputs per call of the list path."""
        return max(1, self._batch_size or (16 if self.decodes_ahead else 64))

    @property
    def decodes_ahead(self) -> bool:
        """Whether images are decoded in the decode threads: for local models only (the
        cloud gets the bytes as read)."""
        settings = client(self.settings).settings
        return self.media == "image" and (settings.offline or settings.mode == "local")

    def __call__(self, inputs: Sequence[Any]) -> list[dict]:
        """One record per input, in order."""
        inputs = list(inputs)
        batches = (inputs[i:i + self.batch_size] for i in range(0, len(inputs),
                                                                 self.batch_size))
        return [record for _, records in self.stream(batches) for record in records]

    def stream(self, batches: Iterable[Sequence[Any]]) -> Iterator[tuple[list, list[dict]]]:
        """``(batch, records)`` per batch; the next batch is read and decoded while the
        current one runs."""
        batches = iter(batches)
        ahead = self._ahead(next(batches, None))
        try:
            while ahead is not None:
                batch, futures = ahead
                prepared = [future.result() for future in futures]
                ahead = self._ahead(next(batches, None))  # decodes while this batch runs
                yield batch, self.run(batch, prepared)
        finally:
            waiting: list[Future] = ahead[1] if ahead else []
            for pending in waiting:
                pending.cancel()  # stopped early: decode nothing more

    def _ahead(self, batch: Optional[Sequence[Any]]) -> Optional[tuple[list, list[Future]]]:
        return None if batch is None else (list(batch), self.read_ahead(batch))

    def read_ahead(self, batch: Sequence[Any]) -> list[Future]:
        """Start reading (and decoding) a batch in the decode threads: one future of
        :meth:`prepare` per input, for :meth:`run`."""
        pool = _pool(self.decoders)
        return [pool.submit(self.prepare, item) for item in batch]

    def prepare(self, value: Any) -> Any:
        """Read (and for a local model, decode) one input; a bad one becomes its error."""
        try:
            if self.media == "image":
                return self._image(value)
            if self.media == "text" and isinstance(value, (str, os.PathLike)) and \
                    os.path.isfile(value):
                return _read(value)  # the list path checks the UTF-8
            return value
        except CogError as error:
            return error

    def _image(self, value: Any) -> Any:
        image = load_image(value)
        if image.content is None or not self.decodes_ahead:
            return image
        return _Decoded(name=image.name, content=image.content, decoded=image.decode())

    def run(self, inputs: Sequence[Any], prepared: Sequence[Any]) -> list[dict]:
        """Run the method on prepared inputs (or futures of them); one record per input."""
        prepared = [item.result() if isinstance(item, Future) else item for item in prepared]
        slots = [i for i, item in enumerate(prepared) if not isinstance(item, CogError)]
        answers = list(prepared)
        if slots:
            facade = getattr(client(self.settings), self.service)
            results = getattr(facade, self.name)([prepared[i] for i in slots], **self.options)
            for index, result in zip(slots, results):
                answers[index] = result
        records = [_record(value, answer) for value, answer in zip(inputs, answers)]
        _name_backend(records)
        if self.draw_dir:
            self._draw_all(prepared, answers, records)
        return records

    def _draw_all(self, prepared: Sequence[Any], answers: Sequence[Any],
                  records: Sequence[dict]) -> None:
        from .pictures import draw_one

        for item, answer, record in zip(prepared, answers, records):
            if record["ok"] and self.draw_dir:
                draw_one(item, answer, record["input"], self.draw_dir)


def _split(method: str) -> tuple[str, str]:
    service, _, name = method.partition(".")
    method_function(service, name)
    return service, name


def method_function(service: str, name: str) -> Any:
    """The facade function of ``service.method``; InvalidInput names the valid ones."""
    from ..cli import commands

    found = commands()
    if name not in found.get(service, {}):
        valid = [f"{s}.{m}" for s, methods in found.items() for m in methods]
        raise InvalidInput(f"Unknown method {service}.{name!r}; use one of {', '.join(valid)}.")
    return found[service][name]


def _read(path: Any) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InvalidInput(f"Cannot open {str(path)!r}: {exc.strerror}.") from exc


def _record(value: Any, answer: Any) -> dict:
    name = value if isinstance(value, str) else str(value)
    if isinstance(answer, CogError):
        return {"input": name, "ok": False, "backend": None, "model": None,
                "error": {"type": type(answer).__name__, "message": str(answer)}}
    return {"input": name, "ok": True, "backend": getattr(answer, "backend", None),
            "model": getattr(answer, "model", None), "result": plain(answer)}


def _name_backend(records: list[dict]) -> None:
    """Errors name the backend and model that served their batch."""
    served = next((r for r in records if r["ok"]), None)
    for record in records:
        if served and not record["ok"]:
            record["backend"], record["model"] = served["backend"], served["model"]


def plain(result: Any) -> Any:
    """A result as JSON-ready data without the provider's ``raw`` payload (which is
    built lazily, and costly to build)."""
    if isinstance(result, Result):
        data = _without_raw(result).to_dict()
        return _drop_raw(data)
    return result.to_dict() if hasattr(result, "to_dict") else result


def _without_raw(result: Result) -> Result:
    parts: dict[str, Any] = {field.name: _without_raw(getattr(result, field.name))
             for field in dataclasses.fields(result)
             if isinstance(getattr(result, field.name), Result)}
    return dataclasses.replace(result, raw={}, **parts)


def _drop_raw(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _drop_raw(v) for k, v in data.items() if k != "raw"}
    if isinstance(data, list):
        return [_drop_raw(v) for v in data]
    return data
