"""``Cog.capabilities()``: what each registered backend can serve, read off the backends
themselves (their contract methods, ``features``, and optional ``languages()``,
``pairs()`` and ``doctor()`` hooks), never written down a second time."""

from __future__ import annotations

from typing import Any

from . import _registry
from .errors import CogError, MissingDependency

_CONTRACT = ("transcribe", "stream", "entities", "sentiment", "syntax", "classify",
             "translate", "detect", "labels", "shots")
_FACADE_NAMES = {"detect": "detect_language"}
_HOOKS = ("languages", "pairs", "doctor")


def capabilities(router) -> dict[str, dict[str, Any]]:
    """``{service: {backend: {"available", "methods", ...}}}`` for every registered backend."""
    return {service: {name: _describe(router, service, name) for name in backends}
            for service, backends in _registry.BACKENDS.items()}


def _describe(router, service: str, name: str) -> dict[str, Any]:
    try:
        cls = _registry.backend_class(service, name)
    except MissingDependency as error:
        return {"available": False, "reason": str(error), "methods": []}
    entry: dict[str, Any] = {"methods": _methods(cls)}
    if name == "google":
        ready = not router.settings.offline and router.cloud_ready()
        entry["available"] = ready
        if not ready:
            entry["reason"] = "offline" if router.settings.offline else "no credentials"
        return entry
    try:
        instance = router.backend(service, name)
    except CogError as error:
        return dict(entry, available=False, reason=str(error))
    entry["available"] = True
    for hook in _HOOKS:
        if callable(getattr(instance, hook, None)):
            entry[hook] = _safe(getattr(instance, hook))
    return entry


def _methods(cls: type) -> list[str]:
    if getattr(cls, "features", None):
        return sorted(cls.features)
    found = []
    for method in _CONTRACT:
        function = getattr(cls, method, None)
        if callable(function) and not getattr(function, "__isabstractmethod__", False) \
                and not getattr(function, "unsupported", False):
            found.append(_FACADE_NAMES.get(method, method))
    return found


def _safe(hook) -> Any:
    try:
        value = hook()
    except CogError as error:
        return {"error": str(error)}
    if isinstance(value, (set, frozenset, tuple)):
        value = sorted(value)
    return [list(x) if isinstance(x, tuple) else x for x in value] if isinstance(value, list) \
        else value
