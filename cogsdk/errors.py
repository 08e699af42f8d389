"""The one exception tree of cogsdk.

Every error the SDK raises on purpose is a :class:`CogError`::

    CogError
     ├── ConfigurationError
     │    ├── MissingCredentials      no usable Google credentials for a cloud call
     │    └── MissingDependency       an optional extra is not installed (``.extra``)
     ├── OfflineViolation             something tried to open a socket in offline mode
 ├── InvalidInput                 the image, audio, video or text cannot be used
     ├── UnsupportedFeature           the chosen backend cannot do this
     │    └── UnsupportedLanguage     ... for this language or language pair
     └── BackendError                 the backend failed (``.status_code``, ``.retryable``)
          ├── RateLimited             HTTP 429 (``.retry_after`` seconds, if sent)
          ├── ServiceUnavailable      HTTP 5xx, connection reset, refused
          ├── PermissionDenied        HTTP 401/403, API disabled, bad key
          ├── BackendTimeout          no answer within the deadline
          └── QuotaExceeded           a quota is spent (Translation's 403 "Rate Limit")

Errors raised by a provider library are mapped into this tree, and the original is kept
as ``__cause__`` (``raise ... from exc``). Messages never contain keys or tokens.
"""

from __future__ import annotations

__all__ = [
    "CogError",
    "ConfigurationError",
    "MissingCredentials",
    "MissingDependency",
    "OfflineViolation",
    "InvalidInput",
    "UnsupportedFeature",
    "UnsupportedLanguage",
    "BackendError",
    "RateLimited",
    "ServiceUnavailable",
    "PermissionDenied",
    "BackendTimeout",
    "QuotaExceeded",
]


class CogError(Exception):
    """Base class of every error cogsdk raises on purpose."""


class ConfigurationError(CogError):
    """The client is set up in a way that cannot work."""


class MissingCredentials(ConfigurationError):
    """A cloud call was asked for and no Google credentials were found."""

    HOW = ("Pass Cog(api_key=...) or Cog(credentials='service-account.json'), set "
           "GOOGLE_APPLICATION_CREDENTIALS, or run `gcloud auth application-default login`")

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or f"No Google Cloud credentials found. {self.HOW}, or use "
                                    "Cog(mode='local').")

    @classmethod
    def cloud_only(cls, local_reason: str) -> "MissingCredentials":
        """The error for a call that only the cloud can serve: no local hint then."""
        return cls(f"Only the cloud can serve this call ({local_reason}), and no Google "
                   f"Cloud credentials were found. {cls.HOW}.")


class MissingDependency(ConfigurationError):
    """An optional dependency is not installed; ``extra`` names the pip extra."""

    def __init__(self, package: str, extra: str, feature: str = "") -> None:
        self.package = package
        self.extra = extra
        what = f" for {feature}" if feature else ""
        super().__init__(
            f"{package} is needed{what} but is not installed. "
            f"Install it with: pip install 'cogsdk[{extra}]'"
        )


class OfflineViolation(CogError):
    """An offline client's call path tried to connect to the network; it was stopped."""


class InvalidInput(CogError, ValueError):
    """The input cannot be used: wrong type, empty, truncated, corrupt or too large."""


class UnsupportedFeature(CogError):
    """The selected backend cannot serve this call."""


class UnsupportedLanguage(UnsupportedFeature):
    """The language, or language pair, is not supported by the selected backend."""

    def __init__(self, message: str, language: str | None = None,
                 supported: list[str] | None = None) -> None:
        self.language = language
        self.supported = list(supported or [])
        super().__init__(message)


class BackendError(CogError):
    """The backend (Google Cloud or a local engine) failed to answer."""

    retryable = False

    def __init__(self, message: str, *, status_code: int | None = None,
                 reason: str | None = None, backend: str | None = None) -> None:
        self.status_code = status_code
        self.reason = reason
        self.backend = backend
        super().__init__(message)


class RateLimited(BackendError):
    """HTTP 429: too many requests, or a per-minute quota that refills soon (retried).
    ``retry_after`` is in seconds, when the server sent it."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kw) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)


class ServiceUnavailable(BackendError):
    """The service is down or unreachable (5xx, connection refused or reset)."""

    retryable = True


class PermissionDenied(BackendError):
    """The credentials are rejected, or the API is disabled for the project."""


class BackendTimeout(BackendError):
    """No answer came within the timeout or the total deadline."""

    retryable = True


class QuotaExceeded(BackendError):
    """A daily quota is spent (the 429 names it "per day"), or Translation's 403 rate
    limit; retrying soon will not help."""
