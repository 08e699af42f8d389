"""Google Natural Language JSON payloads into the shared result types. The same parts
make up analyzeEntities, analyzeSentiment... and annotateText, so annotate reuses them."""

from __future__ import annotations

from typing import Any, Optional

from .types import (Categories, Category, Entities, Entity, Mention, Moderation,
                    SentenceSentiment, Sentiment, Syntax, Token)

MODEL = "google/language/v1"


def common(payload: dict, model: str = MODEL) -> dict[str, Any]:
    return {"backend": "google", "model": model, "raw": payload}


def entities(payload: dict, language: Optional[str]) -> Entities:
    items = tuple(_entity(e) for e in payload.get("entities", []))
    return Entities(items=items, language=payload.get("language", language or ""),
                    **common(payload))


def _entity(e: dict) -> Entity:
    feeling = e.get("sentiment")
    return Entity(name=e.get("name", ""), type=e.get("type", "UNKNOWN"),
                  salience=float(e.get("salience", 0.0)),
                  mentions=tuple(_mention(m) for m in e.get("mentions", [])),
                  metadata=dict(e.get("metadata", {})), **_feeling(feeling))


def _mention(m: dict) -> Mention:
    return Mention(text=m.get("text", {}).get("content", ""),
                   begin_offset=int(m.get("text", {}).get("beginOffset", 0)),
                   type=m.get("type", "TYPE_UNKNOWN"), **_feeling(m.get("sentiment")))


def _feeling(sentiment: Optional[dict]) -> dict[str, Any]:
    """score/magnitude where Google gave a sentiment (zeros are left out of its JSON)."""
    if sentiment is None:
        return {}
    return {"score": float(sentiment.get("score", 0.0)),
            "magnitude": float(sentiment.get("magnitude", 0.0))}


def sentiment(payload: dict, language: Optional[str]) -> Sentiment:
    document = payload.get("documentSentiment", {})
    sentences = tuple(SentenceSentiment(
        text=s.get("text", {}).get("content", ""),
        begin_offset=int(s.get("text", {}).get("beginOffset", 0)),
        score=float(s.get("sentiment", {}).get("score", 0.0)),
        magnitude=float(s.get("sentiment", {}).get("magnitude", 0.0)))
        for s in payload.get("sentences", []))
    return Sentiment(score=float(document.get("score", 0.0)),
                     magnitude=float(document.get("magnitude", 0.0)), sentences=sentences,
                     language=payload.get("language", language or ""), **common(payload))


def syntax(payload: dict, language: Optional[str]) -> Syntax:
    tokens = tuple(Token(text=t.get("text", {}).get("content", ""),
                         begin_offset=int(t.get("text", {}).get("beginOffset", 0)),
                         lemma=t.get("lemma", ""),
                         part_of_speech=t.get("partOfSpeech", {}).get("tag", "UNKNOWN"),
                         head_index=int(t.get("dependencyEdge", {}).get("headTokenIndex", 0)),
                         label=t.get("dependencyEdge", {}).get("label", "UNKNOWN"))
                   for t in payload.get("tokens", []))
    sentences = tuple(s.get("text", {}).get("content", "") for s in payload.get("sentences", []))
    return Syntax(tokens=tokens, sentences=sentences,
                  language=payload.get("language", language or ""), **common(payload))


def _ranked(rows: list) -> tuple[Category, ...]:
    return tuple(sorted((Category(name=c.get("name", ""),
                                  confidence=float(c.get("confidence", 0.0))) for c in rows),
                        key=lambda c: -c.confidence))


def categories(payload: dict) -> Categories:
    return Categories(items=_ranked(payload.get("categories", [])), **common(payload))


def moderation(payload: dict, model: str = MODEL) -> Moderation:
    return Moderation(items=_ranked(payload.get("moderationCategories", [])),
                      **common(payload, model))
