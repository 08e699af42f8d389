"""Picks the backends for each call, holds their shared instances, and falls back in
``auto``. It knows backends by service, name and kind (``"cloud"``/``"local"``), never by
provider: a cloud adapter says whether it can serve through its ``available`` hook."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, Callable, Iterable, Sequence, TypeVar

from . import _registry
from ._breaker import CircuitBreaker
from ._config import Settings
from ._engines import Shared
from ._offline import guard
from .errors import (BackendError, CogError, ConfigurationError, InvalidInput,
                     MissingCredentials, MissingDependency, UnsupportedFeature,
                     UnsupportedLanguage)

T = TypeVar("T")
log = logging.getLogger("cogsdk")
log.addHandler(logging.NullHandler())  # a library logs; the app decides where it goes

MODES = ("auto", "cloud", "local")
# Errors after which ``auto`` tries the next backend: the cloud is unreachable, refuses, or
# the first backend cannot serve the call. Bad input is not among them: it stays bad.
_FALLBACK_ON = (BackendError, MissingCredentials, MissingDependency, UnsupportedFeature,
                     UnsupportedLanguage)


class Router:
    """Maps ``(service, method)`` to an ordered list of backends and runs the call."""

    def __init__(self, settings: Settings, backends: Iterable[Any] = ()) -> None:
        self.settings = settings
        self._injected = _by_service(backends)
        # (name, kind) of each backend per service, read once: a backend registered after
        # the client was built is not seen by it.
        self._catalog: Shared[str, list[tuple[str, str]]] = Shared(self._list_backends)
        self._instances: Shared[tuple[str, str], Any] = Shared(self._build)
        self._ready: Shared[tuple[str, str], bool] = Shared(self._probe)
        self._breakers: Shared[tuple[str, str], CircuitBreaker] = Shared(
            lambda key: CircuitBreaker(settings.breaker_threshold, settings.breaker_cooldown))

    # -- what exists -------------------------------------------------------------------
    def names(self, service: str) -> list[str]:
        """Every backend of a service: the ones passed in first, then the registered."""
        return [name for name, _ in self._catalog.get(service)]

    def services(self) -> list[str]:
        return list(dict.fromkeys([*_registry.registered(), *self._injected]))

    def backend_type(self, service: str, name: str) -> type:
        """The class of a backend, without building it (imports a registered one)."""
        instance = self._injected.get(service, {}).get(name)
        return type(instance) if instance is not None else \
            _registry.backend_class(service, name)

    def kind(self, service: str, name: str) -> str:
        return dict(self._catalog.get(service)).get(name, "local")

    def backend(self, service: str, name: str) -> Any:
        """The one shared instance of a backend for this client (created on first use)."""
        return self._instances.get((service, name))

    def lookup(self, service: str, kind: str = "local") -> Any:
        """The shared backend of a service and kind (what ``bind`` hands to backends)."""
        for name in self.names(service):
            if self.kind(service, name) == kind:
                return self.backend(service, name)
        raise UnsupportedFeature(f"There is no {kind} {service} backend.")

    def breaker(self, service: str, name: str) -> CircuitBreaker:
        return self._breakers.get((service, name))

    def is_ready(self, service: str, name: str) -> bool:
        """Whether a backend says it can serve (credentials...), asked once per client."""
        return not (self.settings.offline and self.kind(service, name) == "cloud") and \
            self._ready.get((service, name))

    def batch_size(self, service: str, method: str) -> int:
        """Items per backend call for the first backend a call would use."""
        first = self.candidates(service, method)[0]
        return max(1, int(getattr(self.backend(service, first), "batch_size", 1)))

    # -- choosing ----------------------------------------------------------------------
    def candidates(self, service: str, method: str) -> list[str]:
        """Backends to try, in order, for one method."""
        route = self.settings.routes.get(f"{service}.{method}", self.settings.mode)
        if self.settings.offline:
            if route == "cloud" or (route not in MODES and
                                    self.kind(service, route) == "cloud"):
                raise ConfigurationError(f"{service}.{method} is routed to the cloud but the "
                                         "client is offline.")
            route = "local" if route == "auto" else route
        names = self.names(service)
        if route not in MODES:
            return [route]
        clouds = [n for n in names if self.kind(service, n) == "cloud"]
        locals_ = [n for n in names if self.kind(service, n) == "local"]
        if route == "local":
            return _or_missing(locals_, service, "local")
        ready = [n for n in clouds if self.is_ready(service, n)]
        if route == "cloud":
            return _or_missing(ready + [n for n in clouds if n not in ready], service, "cloud")
        closed = [n for n in ready if not (locals_ and self.breaker(service, n).is_open)]
        return closed + locals_ + [n for n in clouds if n not in closed]

    # -- running -----------------------------------------------------------------------
    def call(self, service: str, method: str, run: Callable[[Any], T]) -> T:
        """Run ``run(backend)`` on the first backend that serves it."""
        with guard(self.settings.offline):
            return self._call(service, method, run)

    def _call(self, service: str, method: str, run: Callable[[Any], T]) -> T:
        names = self.candidates(service, method)
        reason = None
        failures: list[tuple[str, CogError]] = []
        for position, name in enumerate(names):
            is_cloud = self.kind(service, name) == "cloud"
            try:
                result = run(self.backend(service, name))
                if is_cloud:
                    self.breaker(service, name).record_success()
            except _FALLBACK_ON as error:
                if is_cloud and isinstance(error, BackendError):
                    self.breaker(service, name).record_failure()
                failures.append((name, error))
                if position + 1 == len(names) or isinstance(error, InvalidInput):
                    explained = _explained(failures)
                    if explained is error:
                        raise
                    raise explained from error
                reason = f"{name} failed with {type(error).__name__}: {error}"
                log.warning("cogsdk: %s.%s falls back to %s: %s", service, method,
                            names[position + 1], reason)
                continue
            return _with_reason(result, reason) if reason else result
        raise AssertionError("unreachable")

    def loader(self, load: Callable[[Any], T]) -> Callable[[Any], T]:
        """Wrap a media loader so that an offline client refuses remote URIs up front."""
        if not self.settings.offline:
            return load

        def checked(value: Any) -> T:
            item = load(value)
            uri = getattr(item, "uri", None)
            if uri:
                raise InvalidInput(f"{uri}: a remote URI cannot be read offline; pass a "
                                   "local file, bytes or an array instead.")
            return item
        return checked

    def close(self) -> None:
        for service, name in self._instances.keys():
            getattr(self.backend(service, name), "close", lambda: None)()
        self._instances.drop()

    # -- building ----------------------------------------------------------------------
    def _build(self, key: tuple[str, str]) -> Any:
        service, name = key
        instance = self._injected.get(service, {}).get(name)
        if instance is None:
            instance = _registry.backend_class(service, name)(self.settings)
            bind = getattr(instance, "bind", None)
            if callable(bind):
                bind(self.lookup)
        return instance

    def _list_backends(self, service: str) -> list[tuple[str, str]]:
        injected = self._injected.get(service, {})
        registered = _registry.registered().get(service, {})
        return [(name, backend.kind) for name, backend in injected.items()] + \
            [(name, entry.kind) for name, entry in registered.items() if name not in injected]

    def _probe(self, key: tuple[str, str]) -> bool:
        service, name = key
        instance = self._injected.get(service, {}).get(name)
        if instance is not None:
            return bool(instance.available(self.settings))
        entry = _registry.spec(service, name)
        return entry is not None and _registry.probe(entry, self.settings)


def _by_service(backends: Iterable[Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for backend in backends:
        service, name, kind = (getattr(backend, key, "") for key in ("service", "name", "kind"))
        if isinstance(backend, type) or not (service and name) or kind not in ("cloud", "local"):
            raise ConfigurationError(
                f"backends= takes backend instances with service, name and kind "
                f"('cloud' or 'local'); got {backend!r}. Subclass a family's base class, "
                "e.g. cogsdk.vision.base.VisionBackend.")
        if name in found.setdefault(service, {}):
            raise ConfigurationError(f"Two {service} backends named {name!r} were passed.")
        found[service][name] = backend
    return found


def _explained(failures: list[tuple[str, CogError]]) -> CogError:
    """The error to raise when every backend failed: the last one, unless the local
    backends could not serve and the cloud lacked credentials; then say only the cloud
    can, rather than hint at local mode."""
    last = failures[-1][1]
    unsupported = [f"the {name} backend: {error}" for name, error in failures
                   if type(error) in (UnsupportedFeature, UnsupportedLanguage)]
    if unsupported and any(isinstance(e, MissingCredentials) for _, e in failures):
        return MissingCredentials.cloud_only("; ".join(unsupported))
    return last


def _or_missing(names: Sequence[str], service: str, kind: str) -> list[str]:
    if not names:
        raise UnsupportedFeature(f"There is no {kind} backend for {service}.")
    return list(names)


def _with_reason(result: Any, reason: str) -> Any:
    if isinstance(result, list):
        return [_with_reason(item, reason) for item in result]
    if dataclasses.is_dataclass(result) and hasattr(result, "fallback_reason") and \
            not isinstance(result, CogError):
        return dataclasses.replace(result, fallback_reason=reason)
    return result
