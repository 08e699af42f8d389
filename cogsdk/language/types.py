"""Result types of ``cog.language``."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import Item, Result, ResultList

__all__ = ["ENTITY_TYPES", "Mention", "Entity", "Entities", "SentenceSentiment",
           "Sentiment", "Token", "Syntax", "Category", "Categories", "Moderation",
           "TextAnnotation", "ANNOTATE_FEATURES"]

ENTITY_TYPES = ("UNKNOWN", "PERSON", "LOCATION", "ORGANIZATION", "EVENT", "WORK_OF_ART",
                "CONSUMER_GOOD", "OTHER", "PHONE_NUMBER", "ADDRESS", "DATE", "NUMBER", "PRICE")
"""Google's entity type names, in the order of its enum."""


@dataclasses.dataclass(frozen=True)
class Mention(Item):
    """One place the entity is mentioned; ``begin_offset`` counts characters."""

    text: str
    begin_offset: int
    type: str = "PROPER"
    """``"PROPER"`` (a name) or ``"COMMON"`` (a common noun)."""
    score: Optional[float] = None
    """Sentiment of this mention (-1..1), filled by ``entity_sentiment`` only."""
    magnitude: Optional[float] = None


@dataclasses.dataclass(frozen=True)
class Entity(Item):
    """A named thing in the text."""

    name: str
    type: str
    """One of :data:`ENTITY_TYPES`."""
    salience: float
    """Importance to the whole text, 0..1."""
    mentions: tuple[Mention, ...] = ()
    metadata: dict = dataclasses.field(default_factory=dict, compare=False)
    """e.g. ``{"wikipedia_url": ..., "mid": ...}`` from the cloud."""
    score: Optional[float] = None
    """Sentiment towards the entity (-1..1), filled by ``entity_sentiment`` only."""
    magnitude: Optional[float] = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Entities(ResultList[Entity]):
    """Entities of a text, most salient first."""

    language: str = ""


@dataclasses.dataclass(frozen=True)
class SentenceSentiment(Item):
    text: str
    begin_offset: int
    score: float
    magnitude: float


@dataclasses.dataclass(frozen=True, kw_only=True)
class Sentiment(Result):
    """``score`` is -1 (negative) .. 1 (positive); ``magnitude`` >= 0 is how much emotion."""

    score: float = 0.0
    magnitude: float = 0.0
    sentences: tuple[SentenceSentiment, ...] = ()
    language: str = ""


@dataclasses.dataclass(frozen=True)
class Token(Item):
    """One token, with Google's part-of-speech tag and dependency label names."""

    text: str
    begin_offset: int
    lemma: str
    part_of_speech: str
    """e.g. ``"NOUN"``, ``"VERB"``, ``"PUNCT"``."""
    head_index: int
    """Index of the head token; the root points to itself."""
    label: str
    """Dependency label, e.g. ``"NSUBJ"``, ``"ROOT"``."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Syntax(Result):
    tokens: tuple[Token, ...] = ()
    sentences: tuple[str, ...] = ()
    language: str = ""


@dataclasses.dataclass(frozen=True)
class Category(Item):
    name: str
    """Google's category path, e.g. ``"/Arts & Entertainment"``."""
    confidence: float


@dataclasses.dataclass(frozen=True, kw_only=True)
class Categories(ResultList[Category]):
    """Content categories, most confident first."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Moderation(ResultList[Category]):
    """Google's moderation categories (``"Toxic"``, ``"Insult"``...) with the confidence
    that the text falls in each, most confident first."""


ANNOTATE_FEATURES = ("entities", "sentiment", "syntax", "classify", "entity_sentiment",
                     "moderate")
"""The features :meth:`cogsdk.language.Language.annotate` takes."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class TextAnnotation(Result):
    """Several analyses of one text from one request; a feature not asked for is None."""

    entities: Optional[Entities] = None
    """Also holds the per-entity sentiment when ``entity_sentiment`` was asked for."""
    sentiment: Optional[Sentiment] = None
    syntax: Optional[Syntax] = None
    categories: Optional[Categories] = None
    moderation: Optional[Moderation] = None
    language: str = ""
