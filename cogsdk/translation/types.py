"""Result types of ``cog.translation``."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import Result

__all__ = ["Translation", "DetectedLanguage"]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Translation(Result):
    text: str = ""
    """The translated text."""
    source_language: str = ""
    """The source language: the one given, or the one detected."""
    target_language: str = ""
    input: str = ""
    """The text that was translated."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DetectedLanguage(Result):
    language: str = ""
    """BCP-47 code, e.g. ``"en"``, ``"zh-CN"``; ``"und"`` if it could not be told."""
    confidence: Optional[float] = None
    """0..1, when the backend reports one."""
