"""The lazy backend registry: backends are named by dotted path and imported on first use.

A new backend is one module plus one line here (or an entry point in the
``cogsdk.backends`` group whose name is ``"<service>.<backend>"``).
"""

from __future__ import annotations

import dataclasses
import importlib
import threading

from .errors import MissingDependency, UnsupportedFeature


@dataclasses.dataclass(frozen=True)
class BackendSpec:
    path: "str | type"
    """``"package.module:Class"``, or the class itself (tests, in-process plug-ins)."""
    extra: str
    """The pip extra that installs what the module imports."""


BACKENDS: dict[str, dict[str, BackendSpec]] = {
    "vision": {"google": BackendSpec("cogsdk.vision.google:GoogleVision", "cloud"),
               "local": BackendSpec("cogsdk.vision.local:LocalVision", "vision")},
    "speech": {"google": BackendSpec("cogsdk.speech.google:GoogleSpeech", "cloud"),
               "local": BackendSpec("cogsdk.speech.local:LocalSpeech", "speech")},
    "language": {"google": BackendSpec("cogsdk.language.google:GoogleLanguage", "cloud"),
                 "local": BackendSpec("cogsdk.language.local:LocalLanguage", "language")},
    "translation": {"google": BackendSpec("cogsdk.translation.google:GoogleTranslation",
                                          "cloud"),
                    "local": BackendSpec("cogsdk.translation.local:LocalTranslation",
                                         "language")},
    "video": {"google": BackendSpec("cogsdk.video.google:GoogleVideo", "cloud"),
              "local": BackendSpec("cogsdk.video.local:LocalVideo", "video")},
}

_lock = threading.Lock()
_entry_points_loaded = False


def register(service: str, name: str, path: "str | type", extra: str = "all") -> None:
    """Register (or replace) a backend: ``register("vision", "mine", "pkg.mod:Cls")``."""
    BACKENDS.setdefault(service, {})[name] = BackendSpec(path, extra)


def has_backend(service: str, name: str) -> bool:
    _load_entry_points()
    return name in BACKENDS.get(service, {})


def backend_class(service: str, name: str) -> type:
    """Import and return a backend class; a missing extra becomes MissingDependency."""
    _load_entry_points()
    spec = BACKENDS.get(service, {}).get(name)
    if spec is None:
        raise UnsupportedFeature(
            f"There is no {name!r} backend for {service}. "
            f"Available: {sorted(BACKENDS.get(service, {}))}.")
    if isinstance(spec.path, type):
        return spec.path
    module_name, _, attribute = spec.path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        missing = exc.name or module_name
        if missing.split(".")[0] == "cogsdk":
            raise  # our own module is broken: a bug, not a missing extra
        raise MissingDependency(missing, spec.extra, f"the {name} {service} backend") from exc
    return getattr(module, attribute)


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
            BACKENDS.setdefault(service, {}).setdefault(name, BackendSpec(point.value, "all"))
        _entry_points_loaded = True
