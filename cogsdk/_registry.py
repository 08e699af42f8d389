"""The lazy backend registry: backends are named by dotted path and imported on first use.

A new backend is one module plus one :func:`register` call (or an entry point in the
``cogsdk.backends`` group named ``"<service>.<backend>"`` whose value is
``"package.module:Class"``). Instances can also be passed to ``Cog(backends=[...])``.
"""

from __future__ import annotations

import dataclasses
import threading
from types import MappingProxyType
from typing import Any, Mapping, Optional

from ._backend import KINDS
from ._engines import optional_import
from .errors import ConfigurationError, MissingDependency, UnsupportedFeature

__all__ = ["BackendSpec", "register", "unregister", "registered", "spec", "backend_class", "probe"]


@dataclasses.dataclass(frozen=True)
class BackendSpec:
    """One registered backend."""

    service: str
    name: str
    path: "str | type"
    """``"package.module:Class"``, or the class itself (in-process plug-ins)."""
    extra: str = "all"
    """The pip extra that installs what the module imports."""
    kind: str = "local"
    """``"cloud"`` or ``"local"``: how ``auto`` routing orders it."""
    probe: Optional[str] = None
    """``"module:function"`` answering ``available(settings)`` without importing the
    backend's heavy module; by default the class's own ``available`` is asked."""


def _google(service: str, cls: str) -> BackendSpec:
    return BackendSpec(service, "google", f"cogsdk.{service}.google:{cls}", "cloud", "cloud",
                       "cogsdk._google:available")


def _local(service: str, cls: str, extra: str) -> BackendSpec:
    return BackendSpec(service, "local", f"cogsdk.{service}.local:{cls}", extra, "local")


_BUILT_IN = (
    _google("vision", "GoogleVision"), _local("vision", "LocalVision", "vision"),
    _google("speech", "GoogleSpeech"), _local("speech", "LocalSpeech", "speech"),
    _google("language", "GoogleLanguage"), _local("language", "LocalLanguage", "language"),
    _google("translation", "GoogleTranslation"),
    _local("translation", "LocalTranslation", "language"),
    _google("video", "GoogleVideo"), _local("video", "LocalVideo", "video"),
)
_specs: dict[str, dict[str, BackendSpec]] = {}
for _entry in _BUILT_IN:
    _specs.setdefault(_entry.service, {})[_entry.name] = _entry
_lock = threading.Lock()
_entry_points_loaded = False


def register(service: str, name: str, path: "str | type", *, extra: str = "all",
             kind: str = "local", probe: Optional[str] = None,
             replace: bool = False) -> BackendSpec:
    """Register a backend: ``register("vision", "mine", "pkg.mod:MyVision", kind="cloud")``.

    A name that is already registered for the service is refused unless ``replace=True``.
    """
    if kind not in KINDS:
        raise ConfigurationError(f"kind must be one of {KINDS}, not {kind!r}.")
    entry = BackendSpec(service, name, path, extra, kind, probe)
    with _lock:
        if name in _specs.get(service, {}) and not replace:
            raise ConfigurationError(f"A {service} backend named {name!r} is already "
                                     "registered; pass replace=True to replace it.")
        _specs.setdefault(service, {})[name] = entry
    return entry


def unregister(service: str, name: str) -> None:
    """Remove a registered backend (clients built before keep their instances)."""
    with _lock:
        if _specs.get(service, {}).pop(name, None) is None:
            raise ConfigurationError(f"No {service} backend named {name!r} is registered.")


def registered() -> Mapping[str, Mapping[str, BackendSpec]]:
    """A read-only view ``{service: {name: BackendSpec}}`` of every registered backend."""
    _load_entry_points()
    with _lock:
        return MappingProxyType({service: MappingProxyType(dict(names))
                                 for service, names in _specs.items()})


def spec(service: str, name: str) -> Optional[BackendSpec]:
    _load_entry_points()
    return _specs.get(service, {}).get(name)


def backend_class(service: str, name: str) -> type:
    """Import and return a backend class; a missing extra becomes MissingDependency."""
    entry = spec(service, name)
    if entry is None:
        raise UnsupportedFeature(
            f"There is no {name!r} backend for {service}. "
            f"Available: {sorted(_specs.get(service, {}))}.")
    if isinstance(entry.path, type):
        return entry.path
    return _attribute(entry.path, entry.extra, f"the {name} {service} backend")


def probe(entry: BackendSpec, settings: Any) -> bool:
    """Whether a registered backend can serve now, asked as cheaply as it allows."""
    try:
        check = _attribute(entry.probe, entry.extra, entry.name) if entry.probe \
            else backend_class(entry.service, entry.name).available
    except MissingDependency:
        return False
    return bool(check(settings))


def _attribute(path: str, extra: str, feature: str) -> Any:
    module_name, _, attribute = path.partition(":")
    return getattr(optional_import(module_name, extra, feature), attribute)


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    with _lock:
        if _entry_points_loaded:
            return
        from importlib.metadata import entry_points

        for point in entry_points(group="cogsdk.backends"):
            service, _, name = point.name.partition(".")
            _specs.setdefault(service, {}).setdefault(name, BackendSpec(service, name,
                                                                        point.value))
        _entry_points_loaded = True
