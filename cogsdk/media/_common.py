"""Reading bytes from the many things a caller may pass."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ..errors import InvalidInput

REMOTE_SCHEMES = ("gs://", "https://", "http://")


def is_remote_uri(value: Any) -> bool:
    return isinstance(value, str) and value.lower().startswith(REMOTE_SCHEMES)


_MASS_NOUNS = ("audio", "text")  # "cannot read audio", never "an audio"


def a_or_an(word: str) -> str:
    """``"an image"``, ``"an audio"`` (before "file"), ``"a video"``: by the first letter,
    which is right for every kind named here, though not for English at large ("an hour")."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def noun_phrase(kind: str) -> str:
    """The kind as the object of a sentence: "an image", "a video", but plain "audio"."""
    return kind if kind in _MASS_NOUNS else a_or_an(kind)


def read_bytes(value: Any, kind: str, max_bytes: int) -> tuple[bytes, str]:
    """Return (content, name) for a path, bytes or binary file; raise InvalidInput otherwise."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        content, name = bytes(value), f"<{len(value)} bytes>"
    elif isinstance(value, (str, os.PathLike)):
        content, name = _read_path(Path(value), kind, max_bytes), str(value)
    elif hasattr(value, "read"):
        content = _read_file_object(value, kind, max_bytes)
        name = getattr(value, "name", f"<{kind} file>")
    else:
        raise InvalidInput(
            f"Cannot read {noun_phrase(kind)} from {type(value).__name__}: pass a path, bytes or "
            "a binary file object" + (", a PIL image or a numpy array" if kind == "image" else "")
            + ".")
    if not content:
        raise InvalidInput(f"The {kind} {name} is empty (0 bytes).")
    if len(content) > max_bytes:
        raise InvalidInput(f"The {kind} {name} is larger than {max_bytes // 2**20} MiB.")
    return content, str(name)


def _read_file_object(value: Any, kind: str, max_bytes: int) -> bytes:
    text_mode = InvalidInput(f"The {kind} file {getattr(value, 'name', '')!r} is open in text "
                             "mode: open it with open(path, 'rb'), or pass the path itself.")
    if isinstance(value, io.TextIOBase):  # refuse before reading: a text read may not decode
        raise text_mode
    try:
        data = value.read(max_bytes + 1)
    except UnicodeDecodeError as exc:  # a text-mode wrapper that is no TextIOBase
        raise text_mode from exc
    if isinstance(data, str):
        raise text_mode
    return bytes(data or b"")


def _read_path(path: Path, kind: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(f"Cannot open the {kind} file {str(path)!r}: {exc.strerror}.") from exc
    if path.is_dir():
        raise InvalidInput(f"{str(path)!r} is a folder, not {a_or_an(kind)} file.")
    if size > max_bytes:
        raise InvalidInput(f"The {kind} file {str(path)!r} is larger than "
                           f"{max_bytes // 2**20} MiB.")
    return path.read_bytes()
