"""What the five service facades share: the router, the list path, and the module-level
shortcuts (``cogsdk.vision.labels(...)``) that use the default client."""

from __future__ import annotations

import inspect
from typing import Any, Callable, ClassVar, Union

from ._batch import Run, call_list

Many = Union[list, tuple]
"""A list or tuple of inputs: the call returns a list of results and errors."""
UNROUTED = frozenset({"methods", "train"})
"""Public names that are no routable backend call (``train`` runs in the client)."""


class Facade:
    """Base of ``cog.vision``, ``cog.speech``... Each public method is routable by name."""

    service: ClassVar[str]

    def __init__(self, router: Any) -> None:
        self._router = router

    @classmethod
    def methods(cls) -> tuple[str, ...]:
        """The public method names, which are also the keys of ``routes``."""
        return tuple(name for name, value in inspect.getmembers(cls, inspect.isfunction)
                     if not name.startswith("_") and name not in UNROUTED)

    def _list(self, method: str, value: Any, load: Callable[[Any], Any], run: Run) -> Any:
        return call_list(self._router, self.service, method, value, load, run)

    def __repr__(self) -> str:
        return f"<cogsdk {self.service}: {', '.join(self.methods())}>"


def default_shortcut(facade: type[Facade]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that sends ``module.method`` to the default client."""
    def __getattr__(name: str) -> Any:
        if name in facade.methods() or (name in UNROUTED and hasattr(facade, name)):
            from . import default_client

            return getattr(getattr(default_client(), facade.service), name)
        raise AttributeError(f"module 'cogsdk.{facade.service}' has no attribute {name!r}")
    return __getattr__
