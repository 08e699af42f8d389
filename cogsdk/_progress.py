"""Progress reporting for long local work: a caller's callback, a tqdm bar, or nothing.

``progress`` is the per-call callback ``progress(done, total)``; ``setting`` is the
client's ``Settings.progress`` (``True``/``False`` forces the bar on or off, a callable
is used as the callback). By default the bar shows only for long work on a terminal.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Optional

Callback = Optional[Callable[[float, float], None]]


class Progress:
    """``with Progress(total, ...) as bar: bar.update_to(done)``."""

    def __init__(self, total: float, *, callback: Callback = None, setting: Any = None,
                 unit: str = "s", desc: str = "", long_after: float = 60.0) -> None:
        self.total = float(total or 0.0)
        self.callback = callback or (setting if callable(setting) else None)
        if isinstance(setting, bool):
            show = setting
        else:
            show = self.total > long_after and _is_terminal()
        self._bar = None
        if show and self.total > 0:
            from tqdm import tqdm

            self._bar = tqdm(total=round(self.total, 1), unit=unit, desc=desc, leave=False,
                             bar_format="{l_bar}{bar}| {n:.0f}/{total:.0f} {unit} "
                                        "[{elapsed}<{remaining}]")
        self.done = 0.0

    def update_to(self, done: float) -> None:
        done = min(max(float(done), self.done), self.total) if self.total else float(done)
        if self._bar is not None and done > self.done:
            self._bar.update(round(done - self.done, 3))
        self.done = done
        if self.callback is not None:
            self.callback(done, self.total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None and self.done < self.total:
            self.update_to(self.total)
        self.close()


def _is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
