"""Google's wire shapes shared by every service: errors (HTTP JSON, gRPC status and the
``google.rpc.Status`` of a batch slot) and protobuf messages in and out of REST JSON.

Payloads are parsed into, and written from, the google-cloud-* packages' own protobuf
classes, so that field names, enums and defaults are Google's by construction.
"""

from __future__ import annotations

from typing import Any, Optional

from google.protobuf import json_format
from google.rpc import status_pb2

from ..errors import (BackendError, BackendTimeout, CogError, ConfigurationError,
                      InvalidInput, OfflineViolation, PermissionDenied, QuotaExceeded,
                      RateLimited, ServiceUnavailable, UnsupportedFeature, UnsupportedLanguage)

# status name -> (HTTP code, gRPC code), as in google/rpc/code.proto
STATUSES = {
    "INVALID_ARGUMENT": (400, 3), "FAILED_PRECONDITION": (400, 9), "OUT_OF_RANGE": (400, 11),
    "UNAUTHENTICATED": (401, 16), "PERMISSION_DENIED": (403, 7), "NOT_FOUND": (404, 5),
    "ALREADY_EXISTS": (409, 6), "ABORTED": (409, 10), "RESOURCE_EXHAUSTED": (429, 8),
    "CANCELLED": (499, 1), "INTERNAL": (500, 13), "UNKNOWN": (500, 2),
    "UNIMPLEMENTED": (501, 12), "UNAVAILABLE": (503, 14), "DEADLINE_EXCEEDED": (504, 4),
}


class ApiError(Exception):
    """A request-level failure, in Google's terms: a status name and a message."""

    def __init__(self, status: str, message: str, retry_after: Optional[float] = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after

    @property
    def http_code(self) -> int:
        return STATUSES[self.status][0]

    @property
    def grpc_code(self) -> int:
        return STATUSES[self.status][1]

    def to_json(self) -> dict[str, Any]:
        """Google's REST error body: ``{"error": {"code", "message", "status"}}``."""
        return {"error": {"code": self.http_code, "message": self.message,
                          "status": self.status}}

    def to_status(self) -> status_pb2.Status:
        """The ``google.rpc.Status`` a batch answer holds in a failed slot."""
        return status_pb2.Status(code=self.grpc_code, message=self.message)


# Most specific first: UnsupportedLanguage is an UnsupportedFeature.
_COG_STATUSES: tuple[tuple[type, str], ...] = (
    (InvalidInput, "INVALID_ARGUMENT"), (UnsupportedLanguage, "INVALID_ARGUMENT"),
    (UnsupportedFeature, "UNIMPLEMENTED"), (ConfigurationError, "UNIMPLEMENTED"),
    (RateLimited, "RESOURCE_EXHAUSTED"), (QuotaExceeded, "RESOURCE_EXHAUSTED"),
    (PermissionDenied, "PERMISSION_DENIED"), (BackendTimeout, "DEADLINE_EXCEEDED"),
    (ServiceUnavailable, "UNAVAILABLE"), (OfflineViolation, "UNAVAILABLE"),
    (BackendError, "INTERNAL"),
)


def api_error(error: BaseException) -> ApiError:
    """Map what a ``Cog`` call raised to Google's status; anything unexpected is INTERNAL
    with a generic message (its text may hold request content)."""
    if isinstance(error, ApiError):
        return error
    if isinstance(error, CogError):
        status = next((name for cls, name in _COG_STATUSES if isinstance(error, cls)),
                      "INTERNAL")
        return ApiError(status, str(error), getattr(error, "retry_after", None))
    return ApiError("INTERNAL", "Internal error while serving the request.")


def parse(message_class: type, data: Any, ignore_unknown: bool = False) -> Any:
    """A REST JSON body as a protobuf message; a misspelt field is a 400, as at Google."""
    if not isinstance(data, dict):
        raise ApiError("INVALID_ARGUMENT", "Invalid JSON payload received. "
                                           "Expected a JSON object.")
    try:
        return json_format.ParseDict(data, message_class(),
                                      ignore_unknown_fields=ignore_unknown)
    except json_format.ParseError as error:
        raise ApiError("INVALID_ARGUMENT",
                       f"Invalid JSON payload received. {error}") from None


def to_json(message: Any, int_enums: bool = False) -> dict[str, Any]:
    """A protobuf message as Google's REST JSON (camelCase, defaults left out); enums are
    numbers when the client asked ``$alt=json;enum-encoding=int``."""
    return json_format.MessageToDict(message, use_integers_for_enums=int_enums)


def require(condition: Any, message: str) -> None:
    """Refuse the request with INVALID_ARGUMENT unless ``condition`` holds."""
    if not condition:
        raise ApiError("INVALID_ARGUMENT", message)
