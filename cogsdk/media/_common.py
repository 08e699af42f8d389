"""Reading bytes from the many things a caller may pass."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import InvalidInput

REMOTE_SCHEMES = ("gs://", "https://", "http://")


def is_remote_uri(value: Any) -> bool:
    return isinstance(value, str) and value.lower().startswith(REMOTE_SCHEMES)


def read_bytes(value: Any, kind: str, max_bytes: int) -> tuple[bytes, str]:
    """Return (content, name) for a path, bytes or binary file; raise InvalidInput otherwise."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        content, name = bytes(value), f"<{len(value)} bytes>"
    elif isinstance(value, (str, os.PathLike)):
        content, name = _read_path(Path(value), kind, max_bytes), str(value)
    elif hasattr(value, "read"):
        data = value.read(max_bytes + 1)
        if isinstance(data, str):
            raise InvalidInput(f"The {kind} file object is open in text mode; open it with 'rb'.")
        content, name = bytes(data or b""), getattr(value, "name", f"<{kind} file>")
    else:
        raise InvalidInput(
            f"Cannot read a {kind} from {type(value).__name__}: pass a path, bytes or a "
            "binary file object" + (", a PIL image or a numpy array" if kind == "image" else "")
            + ".")
    if not content:
        raise InvalidInput(f"The {kind} {name} is empty (0 bytes).")
    if len(content) > max_bytes:
        raise InvalidInput(f"The {kind} {name} is larger than {max_bytes // 2**20} MiB.")
    return content, str(name)


def _read_path(path: Path, kind: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(f"Cannot open the {kind} file {str(path)!r}: {exc.strerror}.") from exc
    if path.is_dir():
        raise InvalidInput(f"{str(path)!r} is a folder, not a {kind} file.")
    if size > max_bytes:
        raise InvalidInput(f"The {kind} file {str(path)!r} is larger than "
                           f"{max_bytes // 2**20} MiB.")
    return path.read_bytes()
