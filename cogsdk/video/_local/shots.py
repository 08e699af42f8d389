"""Shot-change detection on tiny grey thumbnails, one frame at a time, in bounded memory.

A frame starts a new shot when three things hold:

1. it differs a lot from the frame before (mean absolute difference of 32x18 grey
   thumbnails, 0..255, at least ``min_jump``);
2. the jump stands out from the recent motion: at least ``ratio`` times the median
   difference of the previous half second (a pan or a zoom changes every frame a little,
   a cut changes one frame a lot);
3. nothing before it looks like anything after it, within ``lookahead`` seconds on either
   side. This rejects flashes, a passing occluder and dropped frames: the picture before
   the flash comes back after it.

A cut is therefore confirmed ``lookahead`` seconds after it happens; :meth:`push` returns
the cuts it could confirm so far and :meth:`finish` the rest.
"""

from __future__ import annotations

import collections
import dataclasses
from typing import Optional

import numpy as np

SIZE = (32, 18)
"""Thumbnail width and height used for every comparison."""


@dataclasses.dataclass(frozen=True)
class ShotOptions:
    min_jump: float = 9.0
    ratio: float = 2.5
    similar: float = 0.45
    """A before/after pair closer than this share of the jump means: not a cut."""
    lookahead: float = 0.3
    min_shot: float = 0.4
    history: float = 0.5


class ShotDetector:
    """Feed ``push(time, thumbnail)`` in decode order; collect the cut times."""

    def __init__(self, fps: float, options: Optional[ShotOptions] = None) -> None:
        self.options = options or ShotOptions()
        fps = fps if fps and fps > 0 else 25.0
        self._span = max(1, round(self.options.lookahead * fps))
        self._history: collections.deque[float] = collections.deque(maxlen=max(3, round(self.options.history * fps)))
        window = 2 * self._span + 2
        self._frames: collections.deque = collections.deque(maxlen=window)
        self._pending: list[tuple[int, float, float]] = []  # (frame number, time, jump)
        self._count = 0
        self._last_cut = -1e9
        self.cuts: list[float] = []

    @property
    def lookahead_frames(self) -> int:
        """How many frames after a cut :meth:`push` confirms it: a caller that wants the
        cut's own frame keeps at least this many recent frames."""
        return self._span

    def push(self, time: float, thumbnail: np.ndarray) -> list[float]:
        """Add one frame (a ``SIZE[1] x SIZE[0]`` grey array); return newly confirmed cuts."""
        thumb = thumbnail.astype(np.float32, copy=False)
        if self._frames:
            jump = float(np.abs(thumb - self._frames[-1][2]).mean())
            motion = float(np.median(self._history)) if self._history else 0.0
            if jump >= self.options.min_jump and jump >= self.options.ratio * max(motion, 1.0):
                self._pending.append((self._count, time, jump))
            self._history.append(jump)
        self._frames.append((self._count, time, thumb))
        self._count += 1
        return self._confirm(final=False)

    def finish(self) -> list[float]:
        return self._confirm(final=True)

    def _confirm(self, final: bool) -> list[float]:
        confirmed = []
        while self._pending and (final or self._count - 1 >= self._pending[0][0] + self._span):
            number, time, jump = self._pending.pop(0)
            if time - self._last_cut < self.options.min_shot:
                continue
            if self._returns(number, jump):
                continue
            self._last_cut = time
            self.cuts.append(time)
            confirmed.append(time)
        return confirmed

    def _returns(self, number: int, jump: float) -> bool:
        """Whether a frame before ``number`` looks like one after it (a flash, not a cut)."""
        before = [f[2] for f in self._frames if number - self._span - 1 <= f[0] < number]
        after = [f[2] for f in self._frames if number <= f[0] <= number + self._span]
        limit = self.options.similar * jump
        for old in before:
            for new in after:
                if float(np.abs(old - new).mean()) < limit:
                    return True
        return False


def shots_from_cuts(cuts: list[float], start: float, end: float) -> list[tuple[float, float]]:
    """[(start, end)] of each shot, given the cut times and the video's first/last time."""
    bounds = [start] + [c for c in cuts if start < c < end] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
