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
        if self.timeout is not None and self.timeout <= 0:
            raise ConfigurationError("timeout must be a positive number of seconds.")

    @property
    def effective_mode(self) -> str:
        return "local" if self.offline else self.mode

    def endpoint_for(self, service: str) -> Optional[str]:
        """The base URL override for one Google service, if any."""
        return self.endpoints.get(service) or self.endpoint

    @property
    def attempt_timeout(self) -> float:
        return self.timeout or 30.0
