"""``--api-key``: a request must carry the key as ``?key=``, ``x-goog-api-key`` or a
Bearer token. None at all is 401 UNAUTHENTICATED, a wrong one 403 PERMISSION_DENIED,
as the issue asks (Google itself answers 400 for a malformed key)."""

from __future__ import annotations

import hmac
from typing import Optional

from .wire import ApiError


def presented(query_key: Optional[str], header_key: Optional[str],
              authorization: Optional[str]) -> Optional[str]:
    """The key a request carries, from whichever place it used."""
    if query_key:
        return query_key
    if header_key:
        return header_key
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def check(expected: Optional[str], given: Optional[str]) -> None:
    """Raise the ApiError Google would answer, unless the key matches (or none is set)."""
    if expected is None:
        return
    if not given:
        raise ApiError("UNAUTHENTICATED", "Request is missing required authentication "
                                          "credential: pass the server's API key as "
                                          "x-goog-api-key, ?key= or a Bearer token.")
    if not hmac.compare_digest(given.encode(), expected.encode()):  # constant time
        raise ApiError("PERMISSION_DENIED", "API key not valid. Please pass a valid API key.")
