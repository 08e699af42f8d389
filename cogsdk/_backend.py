"""The contract every backend fulfils, whatever its service.

A backend is a class (or an instance passed to ``Cog(backends=[...])``) with three class
attributes and two optional hooks::

    class MyVision(VisionBackend):
        service = "vision"      # set by the family base class
        name = "mine"           # what ``routes={"vision.labels": "mine"}`` names
        kind = "local"          # "cloud" or "local": what auto routing orders by

        @classmethod
        def available(cls, settings) -> bool: ...   # can it serve now? (credentials...)
        def close(self) -> None: ...                 # release sessions
        def bind(self, lookup) -> None: ...          # gets the router's other backends

``bind`` is called once, right after the router builds the instance, with
``lookup(service, kind="local")``: the router's own shared backend of that service and
kind (video labels use the router's local vision backend this way).

The family base classes (:class:`cogsdk.vision.base.VisionBackend`, ...) add the
methods of their service. ``batch_size`` says how many items one backend call should
get from the shared list path (1: item by item).
"""

from __future__ import annotations

from typing import Any, ClassVar

KINDS = ("cloud", "local")


class Backend:
    """Base of every backend. Subclass a family's base class rather than this one."""

    service: ClassVar[str] = ""
    name: ClassVar[str] = ""
    kind: ClassVar[str] = "local"
    batch_size: ClassVar[int] = 1
    """Items per call from the shared list path; a list longer than this is split."""

    @classmethod
    def available(cls, settings: Any) -> bool:
        """Whether this backend can serve calls with these settings (cheap, no network).

        Cloud adapters check their credentials here; local backends are available when
        their extra is installed, which the registry finds out when it imports them.
        """
        return True

    def close(self) -> None:
        """Release HTTP and model sessions. Called by :meth:`cogsdk.Cog.close`."""
