"""Sentence and document sentiment with VADER (English) and vaderSentiment-fr (French).

VADER is a lexicon plus rules (negation, "but", boosters, punctuation), so "not a good
phone" is negative. Per sentence: ``score`` is VADER's compound (-1..1); ``magnitude`` is
the same normalisation applied to the sum of absolute word valences, so a sentence that
is both very positive and very negative scores near 0 with a high magnitude. Per
document: ``score`` is the mean over sentences that carry any sentiment (neutral filler
does not dilute it), ``magnitude`` the sum over all sentences, like Google's.

VADER re-reads the whole sentence for each word that carries sentiment (its negation and
idiom checks lower-case every word again), so a 20,000-word run-on "sentence" took
400 s: a sentence longer than :data:`PIECE_WORDS` words is scored in pieces, combined
like a document's sentences. French goes through :mod:`.french`'s fixes.
"""

from __future__ import annotations

import warnings
from typing import Any

from ... import models
from ..._engines import Shared, optional_import
from . import french

LEXICONS = {"en": ("vaderSentiment.vaderSentiment", "vader-en"),
            "fr": ("vaderSentiment_fr.vaderSentiment", "vader-fr")}
SENTIMENT_FLOOR = 0.05
"""Sentences whose magnitude is below this count as neutral for the document score."""
PIECE_WORDS = 100
"""VADER's rules look a few words around each word; "but" reaches across a sentence."""


def analyzer(language: str) -> Any:
    """The VADER analyzer of ``"en"`` or ``"fr"``, built once (its lexicon verified)."""
    return _analyzers.get(language)


def _build_analyzer(language: str) -> Any:
    module_name, model_id = LEXICONS[language]
    models.model_path(model_id)  # the lexicon file must be the pinned one
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fuzzywuzzy's "slow SequenceMatcher"
        module = optional_import(module_name, "language", "local sentiment")
    analyzer_class = _with_magnitude(module)
    if language == "fr":
        analyzer_class = french.rules(analyzer_class, module, analyzer("en").lexicon)
    return analyzer_class()


def _with_magnitude(module: Any) -> type:
    class Analyzer(module.SentimentIntensityAnalyzer):
        def score_valence(self, sentiments, text):  # VADER's hook: sees every valence
            result = super().score_valence(sentiments, text)
            total = sum(abs(float(s)) for s in sentiments)
            result["magnitude"] = module.normalize(total) if total else 0.0
            return result
    return Analyzer


_analyzers: Shared[str, Any] = Shared(_build_analyzer)


def score(language: str, sentence: str) -> tuple[float, float]:
    """``(score, magnitude)`` of one sentence."""
    words = sentence.split()
    if len(words) <= PIECE_WORDS:
        return _vader(language, sentence)
    return document([_vader(language, " ".join(words[start:start + PIECE_WORDS]))
                     for start in range(0, len(words), PIECE_WORDS)])


def _vader(language: str, text: str) -> tuple[float, float]:
    result = analyzer(language).polarity_scores(text)
    return round(float(result["compound"]), 4), round(float(result["magnitude"]), 4)


def parts(language: str, sentence: str) -> tuple[float, float, float, float]:
    """VADER's ``(compound, positive, negative, neutral)`` for one sentence (a long one is
    read from its first :data:`PIECE_WORDS` words)."""
    text = " ".join(sentence.split()[:PIECE_WORDS])
    result = analyzer(language).polarity_scores(text)
    return tuple(float(result[key]) for key in ("compound", "pos", "neg", "neu"))


def document(scores: list[tuple[float, float]]) -> tuple[float, float]:
    """Document ``(score, magnitude)`` from its sentences'."""
    felt = [s for s, m in scores if m >= SENTIMENT_FLOOR]
    mean = sum(felt) / len(felt) if felt else 0.0
    return round(mean, 4), round(sum(m for _, m in scores), 4)
