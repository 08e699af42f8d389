"""``Cog.capabilities()``: what each registered backend can serve, read off the backends
themselves (their contract methods, ``features``, and optional ``languages()``,
``pairs()`` and ``doctor()`` hooks), never written down a second time."""

from __future__ import annotations

from typing import Any

from .errors import CogError, MissingDependency

_CONTRACT = ("transcribe", "stream", "entities", "sentiment", "syntax", "classify",
             "translate", "detect", "labels", "shots")
_FACADE_NAMES = {"detect": "detect_language"}
_HOOKS = ("languages", "pairs", "doctor")


def capabilities(router) -> dict[str, dict[str, Any]]:
    """``{service: {backend: {"available", "kind", "methods", ...}}}`` for every backend
    this client knows: the registered ones and those passed to ``Cog(backends=...)``."""
    return {service: {name: _describe(router, service, name)
                      for name in router.names(service)} for service in router.services()}


def _describe(router, service: str, name: str) -> dict[str, Any]:
    kind = router.kind(service, name)
    try:
        cls = router.backend_type(service, name)
    except MissingDependency as error:
        return {"available": False, "kind": kind, "reason": str(error), "methods": []}
    entry: dict[str, Any] = {"kind": kind, "methods": _methods(cls)}
    if kind == "cloud":  # asking more would build a client and need credentials
        entry["available"] = router.is_ready(service, name)
        if not entry["available"]:
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
