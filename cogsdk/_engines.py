"""What every local engine needs: build once under a lock, optional imports that name
their extra, and one wrapper that turns an engine crash into :class:`BackendError`."""

from __future__ import annotations

import contextlib
import importlib
import threading
from typing import Any, Callable, Generic, Hashable, Iterator, TypeVar

from .errors import BackendError, CogError, MissingDependency

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
_MISSING = object()


class Shared(Generic[K, T]):
    """A keyed cache whose values are built once, even when threads ask at the same time.

    ``sessions = Shared(lambda key: build(*key)); sessions.get(("mobilenet", "cpu"))``.
    Each key has its own lock, so loading one model does not hold up the others, and a
    build may itself ask the cache for another key (a backend binding to its peers).
    """

    def __init__(self, build: Callable[[K], T]) -> None:
        self._build = build
        self._values: dict[K, T] = {}
        self._locks: dict[K, threading.RLock] = {}
        self._lock = threading.Lock()

    def get(self, key: K) -> T:
        value = self._values.get(key, _MISSING)
        if value is not _MISSING:
            return value  # type: ignore[return-value]
        with self._lock:
            key_lock = self._locks.setdefault(key, threading.RLock())
        with key_lock:
            if key not in self._values:
                self._values[key] = self._build(key)
            return self._values[key]

    def drop(self, match: Callable[[K], bool] = lambda key: True) -> None:
        """Forget the values whose key matches (all by default); they rebuild on next use."""
        with self._lock:
            for key in [key for key in self._values if match(key)]:
                del self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def keys(self) -> list[K]:
        return list(self._values)


class Once(Generic[T]):
    """One lazily built value: ``tokenizer = Once(load_tokenizer); tokenizer.get()``."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._shared: Shared[None, T] = Shared(lambda _: build())

    def get(self) -> T:
        return self._shared.get(None)

    def reset(self) -> None:
        self._shared.drop()


@contextlib.contextmanager
def needs(extra: str, feature: str) -> Iterator[None]:
    """Turn an ImportError of an optional library inside the block into MissingDependency
    naming the pip extra; an ImportError of cogsdk itself is a bug and passes through."""
    try:
        yield
    except ImportError as exc:
        missing = exc.name or feature
        if missing.split(".")[0] == "cogsdk":
            raise
        raise MissingDependency(missing, extra, feature) from exc


def optional_import(module: str, extra: str, feature: str = "") -> Any:
    """Import an optional library, or raise MissingDependency with the pip extra to add."""
    with needs(extra, feature or module):
        return importlib.import_module(module)


@contextlib.contextmanager
def engine_errors(what: str, backend: str = "local") -> Iterator[None]:
    """Let CogErrors through; turn any other crash of ``what`` into a BackendError whose
    message is never empty."""
    try:
        yield
    except CogError:
        raise
    except Exception as exc:
        detail = str(exc).strip() or "the engine gave no message"
        raise BackendError(f"{what} failed: {type(exc).__name__}: {detail}. The input may "
                           "be too unusual for the local model (size, shape, content).",
                           backend=backend) from exc
