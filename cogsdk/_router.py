"""Picks the backend for each call, caches backend instances, and falls back in ``auto``."""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import Any, Callable, TypeVar

from . import _registry
from ._breaker import CircuitBreaker
from ._config import Settings
from ._offline import guard
from .errors import (BackendError, CogError, ConfigurationError, InvalidInput,
                     MissingCredentials, MissingDependency, UnsupportedFeature)

T = TypeVar("T")
log = logging.getLogger("cogsdk")

CLOUD, LOCAL = "google", "local"
# Errors after which ``auto`` tries the next backend: the cloud is unreachable, refuses, or
# the first backend cannot serve the call. Bad input is not among them: it stays bad.
_FALLBACK_ON = (BackendError, MissingCredentials, MissingDependency, UnsupportedFeature)


class Router:
    """Maps ``(service, method)`` to an ordered list of backends and runs the call."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._instances: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self._cloud_ready: bool | None = None
        self._breakers: dict[str, CircuitBreaker] = {}

    def backend(self, service: str, name: str) -> Any:
        """The one shared instance of a backend for this client (created on first use)."""
        key = (service, name)
        with self._lock:
            if key not in self._instances:
                cls = _registry.backend_class(service, name)
                self._instances[key] = cls(self.settings)
            return self._instances[key]

    def candidates(self, service: str, method: str) -> list[str]:
        """Backends to try, in order, for one method."""
        route = self.settings.routes.get(f"{service}.{method}", self.settings.mode)
        if self.settings.offline:
            if route == "cloud":
                raise ConfigurationError(f"{service}.{method} is routed to the cloud but the "
                                         "client is offline.")
            route = "local"
        if route == "cloud":
            return [CLOUD]
        if route == "local":
            return [LOCAL]
        has_local = _registry.has_backend(service, LOCAL)
        if self.cloud_ready() and not (has_local and self.breaker(service).is_open):
            return [CLOUD, LOCAL] if has_local else [CLOUD]
        return [LOCAL, CLOUD] if has_local else [CLOUD]

    def breaker(self, service: str) -> CircuitBreaker:
        with self._lock:
            if service not in self._breakers:
                self._breakers[service] = CircuitBreaker(self.settings.breaker_threshold,
                                                         self.settings.breaker_cooldown)
            return self._breakers[service]

    def call(self, service: str, method: str, run: Callable[[Any], T]) -> T:
        """Run ``run(backend)`` on the first backend that serves it."""
        with guard(self.settings.offline):
            return self._call(service, method, run)

    def _call(self, service: str, method: str, run: Callable[[Any], T]) -> T:
        names = self.candidates(service, method)
        reason = None
        for position, name in enumerate(names):
            try:
                result = run(self.backend(service, name))
                if name == CLOUD:
                    self.breaker(service).record_success()
            except _FALLBACK_ON as error:
                if name == CLOUD and isinstance(error, BackendError):
                    self.breaker(service).record_failure()
                if position + 1 == len(names) or isinstance(error, InvalidInput):
                    raise
                reason = f"{name} failed with {type(error).__name__}: {error}"
                log.warning("cogsdk: %s.%s falls back to %s: %s", service, method,
                            names[position + 1], reason)
                continue
            return _with_reason(result, reason) if reason else result
        raise AssertionError("unreachable")

    def loader(self, load: Callable[[Any], T]) -> Callable[[Any], T]:
        """Wrap a media loader so that an offline client refuses remote URIs up front."""
        def checked(value: Any) -> T:
            item = load(value)
            uri = getattr(item, "uri", None)
            if self.settings.offline and uri:
                raise InvalidInput(f"{uri}: a remote URI cannot be read offline; pass a "
                                   "local file, bytes or an array instead.")
            return item
        return checked

    def cloud_ready(self) -> bool:
        """Whether Google credentials can be had (probed once, without the GCE metadata ping)."""
        if self._cloud_ready is None:
            self._cloud_ready = _probe_credentials(self.settings)
        return self._cloud_ready

    def close(self) -> None:
        with self._lock:
            for instance in self._instances.values():
                getattr(instance, "close", lambda: None)()
            self._instances.clear()


def _probe_credentials(settings: Settings) -> bool:
    if settings.offline:
        return False
    if settings.api_key or settings.credentials is not None:
        return True
    try:
        from . import _google
    except ImportError:
        return False
    return _google.default_credentials_found() or _google.is_custom_endpoint(settings)


def _with_reason(result: Any, reason: str) -> Any:
    if isinstance(result, list):
        return [_with_reason(item, reason) for item in result]
    if dataclasses.is_dataclass(result) and hasattr(result, "fallback_reason") and \
            not isinstance(result, CogError):
        return dataclasses.replace(result, fallback_reason=reason)
    return result
