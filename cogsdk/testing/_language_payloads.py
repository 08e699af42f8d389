"""Canned Natural Language answers for annotateText, analyzeEntitySentiment and v2
moderateText, shaped like Google's REST JSON and built from the v1 helpers."""

from __future__ import annotations

from typing import Any

from . import _payloads

MODERATION = [("Toxic", 0.82), ("Insult", 0.71), ("Profanity", 0.12), ("Violent", 0.04)]


def entity_sentiment(body: dict) -> dict:
    """Each entity and mention with the sentiment of the sentence that holds it."""
    answer = _payloads.entities(body)
    sentences = _payloads.sentiment(body)["sentences"]
    for entity in answer["entities"]:
        for mention in entity["mentions"]:
            mention["sentiment"] = _sentence_sentiment(mention, sentences)
        scores = [m["sentiment"]["score"] for m in entity["mentions"]]
        entity["sentiment"] = {"score": sum(scores) / len(scores),
                               "magnitude": sum(abs(s) for s in scores)}
    return answer


def _sentence_sentiment(mention: dict, sentences: list[dict]) -> dict:
    start = mention["text"]["beginOffset"]
    for row in sentences:
        begin = row["text"]["beginOffset"]
        if begin <= start < begin + len(row["text"]["content"]):
            return row["sentiment"]
    return {"score": 0.0, "magnitude": 0.0}


def moderate(body: dict) -> dict:
    return {"moderationCategories": [{"name": n, "confidence": c, "severity": c / 2}
                                     for n, c in MODERATION],
            "languageCode": "en", "languageSupported": True}


def annotate_text(body: dict) -> dict:
    """The parts each ``features`` flag asks for, in one answer."""
    flags = body.get("features", {})
    answer: dict[str, Any] = {"language": "en"}
    if flags.get("extractSyntax"):
        answer.update(_payloads.syntax(body))
    if flags.get("extractDocumentSentiment"):
        answer.update(_payloads.sentiment(body))  # its sentences carry their sentiment
    if flags.get("extractEntitySentiment"):
        answer["entities"] = entity_sentiment(body)["entities"]
    elif flags.get("extractEntities"):
        answer["entities"] = _payloads.entities(body)["entities"]
    if flags.get("classifyText"):
        answer.update(_payloads.classify(body))
    if flags.get("moderateText"):
        # v1's ClassificationCategory has no severity: only v2 moderateText gives one
        answer["moderationCategories"] = [{"name": n, "confidence": c} for n, c in MODERATION]
    return answer
