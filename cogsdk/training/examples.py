"""Labelled image examples: a folder with one sub-folder per label, or a mapping."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InvalidInput

Example = tuple[str, Any, str]
"""``(label, image, name)``: anything ``load_image`` takes, and what to call it."""


def collect(examples: Any) -> tuple[list[Example], list[tuple[str, str]]]:
    """``(examples, files that are not in a label folder)``, labels in a stable order:
    sub-folders sorted by name, a mapping in its own order."""
    if isinstance(examples, (str, os.PathLike)):
        return _from_folder(Path(examples))
    if isinstance(examples, Mapping):
        return _from_mapping(examples), []
    raise InvalidInput("examples must be a folder (one sub-folder per label) or a mapping "
                       f"of label -> list of images, not {type(examples).__name__}.")


def _from_folder(folder: Path) -> tuple[list[Example], list[tuple[str, str]]]:
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder: give one sub-folder per label.")
    found: list[Example] = []
    stray: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue  # .DS_Store, .git: never examples
        if entry.is_dir():
            found += [(entry.name, str(path), str(path)) for path in sorted(entry.rglob("*"))
                      if path.is_file() and not path.name.startswith(".")]
        else:
            stray.append((str(entry), "not inside a label folder"))
    return found, stray


def _from_mapping(examples: Mapping) -> list[Example]:
    found: list[Example] = []
    for label, images in examples.items():
        if not isinstance(label, str) or not label.strip():
            raise InvalidInput(f"Labels must be non-empty strings, not {label!r}.")
        if isinstance(images, (str, bytes, os.PathLike)) or not hasattr(images, "__iter__"):
            raise InvalidInput(f"Label {label!r} must map to a list of images.")
        found += [(label, image, str(image) if isinstance(image, (str, os.PathLike))
                   else f"{label}[{index}]") for index, image in enumerate(images)]
    return found
