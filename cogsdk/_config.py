"""Client settings: constructor arguments first, then COGSDK_* environment variables."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Mapping, Optional

from .errors import ConfigurationError

MODES = ("auto", "cloud", "local")
DEVICES = ("auto", "cpu", "cuda")
SERVICES = ("vision", "speech", "language", "translate", "video")
ENDPOINT_KEYS = SERVICES + ("speech_stream",)
"""``endpoints`` keys: the services, plus the gRPC endpoint of speech streaming."""
_TRUE = ("1", "true", "yes", "on")
_NUMBERS = {  # setting: (what it must be, whether 0 is refused)
    "timeout": ("number", True), "deadline": ("number", True),
    "max_retries": ("integer", False), "breaker_threshold": ("integer", True),
    "breaker_cooldown": ("number", False)}


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything a :class:`cogsdk.Cog` was configured with. Secrets stay out of ``repr``."""

    mode: str = "auto"
    offline: bool = False
    device: str = "auto"
    project: Optional[str] = None
    api_key: Optional[str] = dataclasses.field(default=None, repr=False)
    credentials: Any = dataclasses.field(default=None, repr=False)
    endpoint: Optional[str] = None
    endpoints: Mapping[str, str] = dataclasses.field(default_factory=dict)
    timeout: Optional[float] = None
    """Seconds for one HTTP attempt (default 30)."""
    deadline: float = 120.0
    """Seconds for a whole call, retries and back-off included."""
    max_retries: int = 3
    routes: Mapping[str, str] = dataclasses.field(default_factory=dict)
    breaker_threshold: int = 5
    """Consecutive cloud failures after which ``auto`` skips the cloud..."""
    breaker_cooldown: float = 30.0
    """...for this many seconds, then tries it again."""
    progress: Any = None

    @classmethod
    def resolve(cls, **given: Any) -> "Settings":
        """Merge constructor arguments (those not None) over the environment."""
        env = os.environ
        values = {
            "mode": env.get("COGSDK_MODE", "auto"),
            "offline": env.get("COGSDK_OFFLINE", "").strip().lower() in _TRUE,
            "device": env.get("COGSDK_DEVICE", "auto"),
            "endpoint": env.get("COGSDK_ENDPOINT") or None,
            "project": env.get("GOOGLE_CLOUD_PROJECT") or None,
        }
        values.update({k: v for k, v in given.items() if v is not None})
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        if self.mode not in MODES:
            raise ConfigurationError(f"mode must be one of {MODES}, not {self.mode!r}.")
        if self.device not in DEVICES:
            raise ConfigurationError(f"device must be one of {DEVICES}, not {self.device!r}.")
        if self.offline and self.mode == "cloud":
            raise ConfigurationError("mode='cloud' cannot be used with offline=True.")
        unknown = set(self.endpoints) - set(ENDPOINT_KEYS)
        if unknown:
            raise ConfigurationError(f"Unknown service in endpoints: {sorted(unknown)}; "
                                     f"use {ENDPOINT_KEYS}.")
        if self.api_key and self.credentials is not None:
            raise ConfigurationError("Pass either api_key or credentials, not both.")
        self._check_numbers()
        _check_credentials(self.credentials)
        if not (self.progress is None or isinstance(self.progress, bool)
                or callable(self.progress)):
            raise ConfigurationError("progress must be True, False, None or a callable "
                                     f"progress(done, total), not {self.progress!r}.")

    def _check_numbers(self) -> None:
        for name, (kind, positive) in _NUMBERS.items():
            value = getattr(self, name)
            if value is None and name == "timeout":
                continue  # the default
            types = int if kind == "integer" else (int, float)
            if isinstance(value, bool) or not isinstance(value, types) or value < 0 or \
                    (positive and value == 0):
                bound = "positive" if positive else "non-negative"
                raise ConfigurationError(f"{name} must be a {bound} {kind}, not {value!r}.")

    @property
    def effective_mode(self) -> str:
        return "local" if self.offline else self.mode

    def endpoint_for(self, service: str) -> Optional[str]:
        """The base URL override for one Google service, if any."""
        return self.endpoints.get(service) or self.endpoint

    @property
    def attempt_timeout(self) -> float:
        return self.timeout or 30.0


def _check_credentials(credentials: Any) -> None:
    """Accept what the Google adapters can use, checked without importing google-auth."""
    if credentials is None or isinstance(credentials, (str, os.PathLike, dict)):
        return
    if callable(getattr(credentials, "before_request", None)):  # a google.auth Credentials
        return
    raise ConfigurationError(
        f"credentials must be a google.auth credentials object, a service-account JSON "
        f"path or dict, or 'anonymous'; not {type(credentials).__name__} "
        f"({credentials!r}).")
