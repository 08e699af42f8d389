"""Shared pieces of every result type: the base class, lists, likelihoods, boxes."""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Callable, Generic, Optional, TypeVar

T = TypeVar("T")


class Likelihood(enum.IntEnum):
    """Google's likelihood buckets, ordered so that ``>=`` comparisons read naturally.

    ``UNKNOWN`` means the backend has no model for this attribute (it is never a guess).
    """

    UNKNOWN = 0
    VERY_UNLIKELY = 1
    UNLIKELY = 2
    POSSIBLE = 3
    LIKELY = 4
    VERY_LIKELY = 5

    @classmethod
    def parse(cls, value: Any) -> "Likelihood":
        """Accept a name (``"LIKELY"``), an int, or an existing member."""
        if isinstance(value, str):
            return cls[value] if value in cls.__members__ else cls.UNKNOWN
        try:
            return cls(int(value or 0))
        except ValueError:
            return cls.UNKNOWN

    @classmethod
    def from_probability(cls, p: float) -> "Likelihood":
        """Bucket a calibrated probability the way the local backends do."""
        for bound, bucket in ((0.05, cls.VERY_UNLIKELY), (0.25, cls.UNLIKELY),
                              (0.6, cls.POSSIBLE), (0.85, cls.LIKELY)):
            if p < bound:
                return bucket
        return cls.VERY_LIKELY


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.name
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, BaseException):
        return {"error": type(value).__name__, "message": str(value)}
    return value


class LazyPayload(Mapping[str, Any]):
    """A provider payload built on first read: most callers never look at ``raw``, and
    turning a protobuf answer into a dict costs more than the rest of the parsing."""

    __slots__ = ("_build", "_payload")

    def __init__(self, build: Callable[[], dict]) -> None:
        self._build: Optional[Callable[[], dict]] = build
        self._payload: Optional[dict] = None

    def _data(self) -> dict:
        if self._payload is None:
            build = self._build
            if build is not None:  # None: another thread built it just now
                self._payload = build()  # two threads may both build: equal answers
                self._build = None  # let go of the protobuf message it held
        return self._payload  # type: ignore[return-value]

    def __getitem__(self, key: str) -> Any:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return repr(self._data())

    def __reduce__(self):  # pickles and deep-copies as the plain dict it stands for
        return dict, (self._data(),)


class _Serializable:
    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (enums become their names)."""
        return _plain(self)

    def to_json(self, **kwargs: Any) -> str:
        """Return ``to_dict()`` as a JSON string; kwargs go to :func:`json.dumps`."""
        return json.dumps(self.to_dict(), **kwargs)


@dataclasses.dataclass(frozen=True)
class Item(_Serializable):
    """Base of the small value objects inside a result (a label, a word, a box)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Result(_Serializable):
    """Base of every top-level result."""

    backend: str = ""
    """Which backend produced it: ``"google"`` or ``"local"``."""
    model: str = ""
    """The model or API version that produced it, e.g. ``"vision/v1"``."""
    raw: Mapping[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)
    """The provider's own payload, as a read-only mapping of plain JSON values."""
    fallback_reason: Optional[str] = None
    """Set when ``auto`` mode answered from another backend than it first chose, and why."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class ResultList(Result, Sequence[T], Generic[T]):
    """A result that is a sequence of items (labels, faces, entities...)."""

    items: tuple = ()
    """The items, best first where the order means something."""

    def __getitem__(self, index):  # type: ignore[override]
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


@dataclasses.dataclass(frozen=True)
class Point(Item):
    """A point in pixels."""

    x: float
    y: float


@dataclasses.dataclass(frozen=True)
class BoundingBox(Item):
    """An axis-aligned box in pixels: ``left``, ``top``, ``right``, ``bottom``."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @classmethod
    def from_points(cls, points: Sequence[tuple[float, float]]) -> "BoundingBox":
        xs = [p[0] for p in points] or [0.0]
        ys = [p[1] for p in points] or [0.0]
        return cls(float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)))
