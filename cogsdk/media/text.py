"""Text inputs: must be real, non-empty Unicode within the service limit."""

from __future__ import annotations

from typing import Any

from ..errors import InvalidInput

MAX_TEXT_BYTES = 1_000_000
"""Google Natural Language's per-document limit, applied to both backends."""


def load_text(value: Any, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """Return the text as ``str``; raise InvalidInput for empty, undecodable or huge text."""
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"The text is not valid UTF-8 (byte {exc.start}); decode it "
                               "yourself and pass a str.") from exc
    if not isinstance(value, str):
        raise InvalidInput(f"Text must be str or UTF-8 bytes, not {type(value).__name__}.")
    if not value.strip():
        raise InvalidInput("The text is empty.")
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidInput(f"The text holds a lone surrogate at index {exc.start}; it is "
                           "not valid Unicode.") from exc
    if size > max_bytes:
        raise InvalidInput(f"The text is {size:,} bytes; the limit is {max_bytes:,}. "
                           "Split it into smaller documents.")
    return value


def check_language_code(code: Any, what: str = "language") -> str:
    """A syntactically valid BCP-47-ish code such as ``en``, ``en-US``, ``zh-Hant``."""
    if not isinstance(code, str) or not code or len(code) > 35 or not all(
            part.isalnum() for part in code.replace("_", "-").split("-")):
        raise InvalidInput(f"{what} must be a language code such as 'en' or 'en-US', "
                           f"not {code!r}.")
    return code.replace("_", "-")
