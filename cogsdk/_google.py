"""What every Google adapter shares: the :class:`GoogleBackend` mixin (kind, availability,
client), credentials, client options, error mapping, retries, protobuf reading helpers.

Only the ``*/google.py`` adapters import this module, and only when first used, so that
``import cogsdk`` never loads google-auth or google-api-core.
"""

from __future__ import annotations

import email.utils
import functools
import json
import logging
import os
import re
import struct
import time
import weakref
from typing import Any, Callable, ClassVar, Optional, TypeVar

os.environ.setdefault("NO_GCE_CHECK", "true")  # before google.auth: skip the ~3 s GCE ping

import google.auth  # noqa: E402
import requests  # noqa: E402
from google.api_core import exceptions as gexc  # noqa: E402
from google.auth import exceptions as auth_exc  # noqa: E402
from google.auth.credentials import AnonymousCredentials  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from . import errors  # noqa: E402
from ._config import Settings  # noqa: E402
from ._retry import RetryPolicy, call_with_retry  # noqa: E402
from ._types import LazyPayload  # noqa: E402

T = TypeVar("T")
SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
_answers: dict[int, tuple[weakref.ref, bool]] = {}


class GoogleBackend:
    """Mixin of every Google adapter (put it first among the bases): the cloud kind, the
    shared availability answer, the settings and the official client's lifetime."""

    name: ClassVar[str] = "google"
    kind: ClassVar[str] = "cloud"
    client_class: ClassVar[Any] = None
    """The GAPIC client class that ``__init__`` builds on the REST transport."""
    endpoint_key: ClassVar[str] = ""
    """The service's key in ``Cog(endpoints={...})``."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client = gapic_client(self.client_class, settings, self.endpoint_key)

    @classmethod
    def available(cls, settings: Settings) -> bool:
        return available(settings)

    def close(self) -> None:
        self._client.transport.close()


def available(settings: Settings) -> bool:
    """Whether Google can be called with these settings, without any network: offline
    never; an API key or explicit credentials always; else ADC found on this machine, or
    a custom (non-googleapis) endpoint. Asked once per settings object: ADC reads files."""
    key = id(settings)
    known = _answers.get(key)
    if known is None or known[0]() is not settings:
        forget = lambda _: _answers.pop(key, None)  # noqa: E731 - when settings is freed
        known = (weakref.ref(settings, forget), _can_call(settings))
        _answers[key] = known
    return known[1]


def _can_call(settings: Settings) -> bool:
    if settings.offline:
        return False
    if settings.api_key or settings.credentials is not None:
        return True
    return default_credentials_found() or is_custom_endpoint(settings)


def default_credentials_found() -> bool:
    """True when Application Default Credentials can be loaded (no network involved)."""
    quiet = logging.getLogger("google.auth._default")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "no metadata server" is the expected answer here
    try:
        google.auth.default(scopes=SCOPES)
    except auth_exc.GoogleAuthError:
        return False
    finally:
        quiet.setLevel(level)
    return True


def is_custom_endpoint(settings: Settings, service: Optional[str] = None) -> bool:
    endpoints = [settings.endpoint_for(service)] if service else \
        [settings.endpoint, *settings.endpoints.values()]
    return any(url and "googleapis.com" not in url for url in endpoints)


def credentials(settings: Settings, service: str) -> Any:
    """Explicit credentials, a service-account file or dict, ADC, or anonymous for a
    custom (non-Google) endpoint; ``None`` when an API key is used instead."""
    given = settings.credentials
    if settings.api_key:
        return None
    if given is None:
        try:
            found, _ = google.auth.default(scopes=SCOPES)
            return found
        except auth_exc.DefaultCredentialsError as exc:
            if is_custom_endpoint(settings, service):
                return AnonymousCredentials()
            raise errors.MissingCredentials() from exc
    if isinstance(given, str) and given == "anonymous":
        return AnonymousCredentials()
    if isinstance(given, (str, os.PathLike, dict)):
        return _service_account(given)
    return given


def _service_account(source: Any) -> Any:
    from google.oauth2 import service_account

    try:
        if isinstance(source, dict):
            return service_account.Credentials.from_service_account_info(source, scopes=SCOPES)
        return service_account.Credentials.from_service_account_file(os.fspath(source),
                                                                     scopes=SCOPES)
    except (OSError, ValueError, KeyError) as exc:
        raise errors.MissingCredentials(
            f"Cannot load the service-account credentials ({type(exc).__name__}). "
            "Pass the path of a service-account JSON key file.") from exc


def client_options(settings: Settings, service: str) -> dict[str, Any]:
    options: dict[str, Any] = {}
    endpoint = settings.endpoint_for(service)
    if endpoint:
        options["api_endpoint"] = endpoint
    if settings.api_key:
        options["api_key"] = settings.api_key
    return options


def gapic_client(client_class: type, settings: Settings, service: str) -> Any:
    """Build an official GAPIC client on the REST transport with our options."""
    try:
        return client_class(transport="rest", credentials=credentials(settings, service),
                            client_options=client_options(settings, service))
    except auth_exc.DefaultCredentialsError as exc:
        raise errors.MissingCredentials() from exc


def retry_policy(settings: Settings) -> RetryPolicy:
    return _policy(settings.max_retries, settings.deadline, settings.attempt_timeout)


@functools.lru_cache(maxsize=64)
def _policy(max_retries: int, deadline: float, attempt_timeout: float) -> RetryPolicy:
    """One policy object per distinct setting: built on every call otherwise."""
    return RetryPolicy(max_retries=max_retries, deadline=deadline,
                       attempt_timeout=attempt_timeout)


def call(settings: Settings, attempt: Callable[[float], T]) -> T:
    """Run one Google call with our retry policy; every failure leaves as a CogError."""
    return call_with_retry(lambda timeout: call_once(attempt, timeout), retry_policy(settings))


def call_once(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` once, mapping any provider exception into our tree."""
    try:
        return function(*args)
    except errors.CogError:
        raise
    except Exception as exc:  # noqa: BLE001 - map_error re-raises what it cannot map
        raise map_error(exc) from exc


def wait_operation(settings: Settings, operation: Any, limit: float,
                   progress: Optional[Callable[[float, float], None]] = None,
                   percent_of: Callable[[Any], float] = lambda metadata: 0.0) -> Any:
    """Poll a long-running operation until done or ``limit`` seconds pass; report
    ``progress(percent, 100)`` from its metadata; return its result."""
    stop_at = time.monotonic() + limit
    delay = 0.1
    while not call(settings, lambda timeout: operation.done()):
        if progress is not None and operation.metadata is not None:
            progress(percent_of(operation.metadata), 100.0)
        if time.monotonic() + delay > stop_at:
            raise errors.BackendTimeout(f"The operation did not finish within {limit:g} s.")
        time.sleep(delay)
        delay = min(delay * 1.5, 5.0)
    if progress is not None:
        progress(100.0, 100.0)
    return call_once(lambda: operation.result(timeout=0))


def map_error(exc: BaseException) -> errors.CogError:
    """Translate a google.api_core / google.auth / requests exception into our tree."""
    if isinstance(exc, gexc.GoogleAPICallError):
        return _from_api_error(exc)
    if isinstance(exc, requests.exceptions.Timeout):
        return errors.BackendTimeout(f"Google did not answer in time: {type(exc).__name__}.")
    if isinstance(exc, (requests.exceptions.ConnectionError, auth_exc.TransportError)):
        return errors.ServiceUnavailable(f"Cannot reach Google: {_short(exc)}")
    if isinstance(exc, auth_exc.DefaultCredentialsError):
        return errors.MissingCredentials()
    if isinstance(exc, auth_exc.RefreshError):
        return errors.PermissionDenied(f"The credentials were refused: {_short(exc)}")
    if isinstance(exc, (json_format.ParseError, json.JSONDecodeError)):
        return errors.BackendError(f"Google sent a malformed response: {_short(exc)}",
                                   reason="MALFORMED_RESPONSE")
    if isinstance(exc, gexc.RetryError):
        return errors.BackendTimeout(str(exc))
    raise exc


def _from_api_error(exc: gexc.GoogleAPICallError) -> errors.CogError:
    status, reason = exc.code, exc.reason
    message = f"Google answered {status}: {exc.message}"
    kw = {"status_code": status, "reason": reason, "backend": "google"}
    text = str(exc.message).lower()
    if isinstance(exc, (gexc.TooManyRequests, gexc.ResourceExhausted)):
        return _from_429(exc, message, text, kw)
    if isinstance(exc, (gexc.Forbidden, gexc.Unauthorized, gexc.PermissionDenied,
                        gexc.Unauthenticated)):
        if "rate limit" in text or "quota" in text:
            return errors.QuotaExceeded(message, **kw)
        return errors.PermissionDenied(message, **kw)
    if isinstance(exc, (gexc.DeadlineExceeded, gexc.GatewayTimeout)):
        return errors.BackendTimeout(message, **kw)
    if isinstance(exc, (gexc.ServiceUnavailable, gexc.InternalServerError, gexc.BadGateway,
                        gexc.Unknown)) or (status or 0) >= 500:
        return errors.ServiceUnavailable(message, **kw)
    if isinstance(exc, gexc.BadRequest) or status == 400:
        if "language" in text and ("support" in text or "invalid" in text):
            return errors.UnsupportedLanguage(message)
        return errors.InvalidInput(message)
    return errors.BackendError(message, **kw)


_DAILY = re.compile(r"per[\s_-]*day|daily")
"""How Google names a daily limit: "limit 'Requests per day'", "RequestsPerDayPerProject"."""


def _from_429(exc: gexc.GoogleAPICallError, message: str, text: str,
              kw: dict) -> errors.CogError:
    """Google's per-minute and per-100-seconds quotas also answer "Quota exceeded" (often
    with Retry-After): they refill within the deadline, so only a daily one is final."""
    retry_after = _retry_after(exc)
    named_limits = f"{text} {getattr(exc, 'details', None) or ''}".lower()  # QuotaFailure
    if retry_after is None and _DAILY.search(named_limits):
        return errors.QuotaExceeded(message, **kw)
    return errors.RateLimited(message, retry_after=retry_after, **kw)


def _retry_after(exc: gexc.GoogleAPICallError) -> Optional[float]:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:  # the other form: an HTTP date
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):  # unreadable: retry on our own back-off instead
        return None
    return max(0.0, moment.timestamp() - time.time())


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:300]


def rpc_status_error(status: dict) -> errors.CogError:
    """The CogError for a ``google.rpc.Status`` dict found inside a successful response."""
    code, message = int(status.get("code", 2)), status.get("message", "unknown error")
    text = f"Google could not process this item ({code}): {message}"
    by_code = {3: errors.InvalidInput, 5: errors.InvalidInput, 7: errors.PermissionDenied,
               16: errors.PermissionDenied}
    if code in by_code:
        return by_code[code](text)
    if code == 8:
        return errors.RateLimited(text, backend="google")
    if code == 14:
        return errors.ServiceUnavailable(text, backend="google")
    if code == 4:
        return errors.BackendTimeout(text, backend="google")
    return errors.BackendError(text, backend="google")


def to_dict(message: Any) -> dict:
    """A proto-plus message as the REST JSON dict (camelCase keys, enum names)."""
    return json_format.MessageToDict(type(message).pb(message))


def seconds(duration: Any) -> float:
    """``"1.500s"`` (JSON Duration) -> 1.5; missing -> 0.0."""
    if not duration:
        return 0.0
    if isinstance(duration, str):
        return float(duration.rstrip("s") or 0)
    return float(duration.get("seconds", 0)) + float(duration.get("nanos", 0)) / 1e9


def pb_dict(pb_message: Any) -> dict:
    """A raw protobuf message (not proto-plus) as the REST JSON dict."""
    return json_format.MessageToDict(pb_message)


def lazy_dict(pb_message: Any) -> LazyPayload:
    """A raw protobuf message as the REST JSON dict, built when ``raw`` is first read."""
    return LazyPayload(lambda: json_format.MessageToDict(pb_message))


def f32(value: float) -> float:
    """A protobuf ``float`` field as the JSON answer has it: the shortest decimal that is
    the same 4-byte float (0.9, not 0.899999976), as ``MessageToDict`` writes it."""
    for shortest_first in _DIGITS:
        rounded = float(shortest_first % value)
        if _unpack(_pack(rounded))[0] == value:
            return rounded
    return value  # NaN


_DIGITS = ("%.6g", "%.7g", "%.8g", "%.9g")  # 9 digits always round-trip a 4-byte float
_pack, _unpack = struct.Struct("<f").pack, struct.Struct("<f").unpack
