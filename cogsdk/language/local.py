"""The local language backend: spaCy pipelines, sentiment from a trained head over MiniLM,
VADER and spaCy features, and MiniLM classification,
all from pinned registry packages, loaded on first use and shared by the process.

The language is the one given, or detected with the local fastText model among the
languages the method serves (a short or wrongly scripted guess falls back, and ``raw``
says so). What cannot be served locally (a language with no pipeline, classify outside
English, sentiment with no lexicon and no translation pair) raises UnsupportedLanguage,
so ``auto`` mode can send it to the cloud. Texts too long for the local engines are
refused up front (:mod:`._local.limits`).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Collection, Optional

from .._config import Settings
from .._engines import engine_errors
from .._local_text import choose, langid
from ..errors import UnsupportedLanguage
from .base import LanguageBackend
from .types import Categories, Category, Entities, SentenceSentiment, Sentiment, Syntax
from ._local import limits, pipelines, sentiment_head
from ._local import sentiment as vader


class LocalLanguage(LanguageBackend):
    """Offline entities, sentiment, syntax and content categories."""

    name = "local"

    def __init__(self, settings: Settings) -> None:
        self._device = settings.device
        self._timeout = settings.deadline

    def languages(self) -> dict[str, list[str]]:
        """Languages each method serves on this machine (capability report)."""
        translated = {source.split("-")[0] for source, target in choose.pairs()
                      if choose.same_language(target, "en")}
        return {"entities": pipelines.installed(), "syntax": pipelines.installed(),
                "sentiment": sorted({"en", "fr", *translated}), "classify": ["en"]}

    # -- entities -----------------------------------------------------------------
    def entities(self, text: str, language: Optional[str]) -> Entities:
        from ._local import entities

        limits.check(text, "entities")
        code, note = self._language(text, language, pipelines.installed)
        with engine_errors("spaCy entities"):
            found = entities.extract(code, text)
        return Entities(items=tuple(found), language=code,
                        backend="local", model=f"local/{pipelines.model_name(code)}",
                        raw={"engine": "spacy", "salience": "heuristic", **note})

    def entity_sentiment(self, text: str, language: Optional[str]) -> Entities:
        """spaCy entities, each scored by the local sentiment of its mentions' sentences."""
        from ._local.entity_sentiment import attach

        found = self.entities(text, language)
        feeling = self.sentiment(text, found.language)
        items = tuple(attach(entity, feeling.sentences) for entity in found)
        return dataclasses.replace(
            found, items=items, model=f"{found.model}+{feeling.model.removeprefix('local/')}",
            raw={**found.raw, "sentiment": "sentence sentiment of each mention",
                 "sentiment_engine": feeling.raw.get("engine")})

    # -- sentiment ----------------------------------------------------------------
    def sentiment(self, text: str, language: Optional[str]) -> Sentiment:
        code, note = self._language(text, language, lambda: self.languages()["sentiment"])
        with engine_errors("Local sentiment"):
            found = pipelines.sentences(code, text)
            sentences = [sentence for _, sentence in found]
            lexicon, scored, via = self._scorable(code, sentences, text)
            scores, document, scorer = self._scored(lexicon, scored)
        items = tuple(SentenceSentiment(text=sentence, begin_offset=offset, score=sc,
                                        magnitude=mag)
                      for (offset, sentence), (sc, mag) in zip(found, scores))
        score, magnitude = document(scores)
        engine = via + scorer
        return Sentiment(score=score, magnitude=magnitude, sentences=items, language=code,
                         backend="local", model=f"local/{engine}",
                         raw={"engine": engine, "translated": scored if scored is not
                              sentences else None, **note})

    def _scorable(self, code: str, sentences: list[str],
                  text: str) -> tuple[str, list[str], str]:
        """``(lexicon language, sentences to score, translation engine + "+" or "")``;
        other languages are translated to English first, where a local pair exists."""
        if code in vader.LEXICONS:
            return code, sentences, ""
        limits.check(text, "sentiment through translation")
        engine = choose.translator(code, "en", device=self._device, timeout=self._timeout)
        if engine is None:
            supported = self.languages()["sentiment"]
            raise UnsupportedLanguage(
                f"No local sentiment for {code!r}: no lexicon and no local translation to "
                f"English. Supported: {', '.join(supported)}.", language=code,
                supported=supported)
        return "en", engine.translate(sentences), f"{engine.model}+"

    def _scored(self, language: str, sentences: list[str]) -> tuple[list, Any, str]:
        """``(per-sentence (score, magnitude), document rule, scorer name)``: the trained
        head, or VADER alone past the head's sentence budget."""
        if len(sentences) <= sentiment_head.MAX_SENTENCES:
            return (sentiment_head.score(language, sentences, self._device),
                    sentiment_head.document, sentiment_head.MODEL_ID)
        return ([vader.score(language, s) for s in sentences], vader.document,
                f"vader-{language}")

    # -- syntax -------------------------------------------------------------------
    def syntax(self, text: str, language: Optional[str]) -> Syntax:
        from ._local import syntax

        limits.check(text, "syntax")
        code, note = self._language(text, language, pipelines.installed)
        with engine_errors("spaCy syntax"):
            tokens, sentences = syntax.analyze(code, text)
        return Syntax(tokens=tuple(tokens), sentences=tuple(sentences), language=code,
                      backend="local", model=f"local/{pipelines.model_name(code)}",
                      raw={"engine": "spacy", **note})

    # -- classify -----------------------------------------------------------------
    def classify(self, text: str, language: Optional[str]) -> Categories:
        from ._local import classify

        code, note = self._language(text, language, lambda: ["en"])
        if code != "en":
            raise UnsupportedLanguage(
                f"Local classify supports English only, not {code!r} (the MiniLM model "
                "was trained on English).", language=code, supported=["en"])
        with engine_errors(f"{classify.MODEL_ID} classify"):
            found = classify.classifier(self._device).classify(text)
        return Categories(items=tuple(Category(name, confidence) for name, confidence in found),
                          backend="local", model=f"local/{classify.MODEL_ID}",
                          raw={"engine": "minilm-zero-shot", **note})

    def classify_custom(self, text: str, language: Optional[str], model: str) -> Categories:
        """Labels from a model trained with ``cog.language.train`` (any language: the
        model learnt whatever its examples hold)."""
        from ..training import language as custom

        with engine_errors(f"custom model {model!r}"):
            return custom.classify(text, model, self._device)

    # -- helpers ------------------------------------------------------------------
    @staticmethod
    def _language(text: str, language: Optional[str],
                  supported: Callable[[], Collection[str]]) -> tuple[str, dict]:
        """``(primary subtag, note for raw)``: the given language, or the one detected
        among ``supported()`` ("en" when the text has no letters to tell by)."""
        if language:
            return language.split("-")[0].lower(), {}
        reading = langid.detect_among(text, supported)
        code = reading.language.split("-")[0].lower()
        return ("en" if code == "und" else code), reading.note
