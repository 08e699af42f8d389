"""Result types of ``cog.translation``."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import Item, Result, ResultList

__all__ = ["Translation", "DetectedLanguage", "SupportedLanguage", "SupportedLanguages"]


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


@dataclasses.dataclass(frozen=True)
class SupportedLanguage(Item):
    """One language the backend translates from and/or into."""

    code: str
    """BCP-47 code, e.g. ``"es"``."""
    name: str = ""
    """Its name in the ``target`` language asked for; empty where the backend has none."""
    source: bool = True
    target: bool = True


@dataclasses.dataclass(frozen=True, kw_only=True)
class SupportedLanguages(ResultList[SupportedLanguage]):
    """The languages a backend serves, sorted by code."""
