"""spaCy pipelines from the model store, loaded lazily and once per process.

The manifest pins each pipeline's NER weights by sha256; the pipeline folder around that
file is what ``spacy.load`` reads. Long texts are cut at line breaks into pieces that
spaCy handles without its memory blowing up, and offsets are shifted back.
"""

from __future__ import annotations

import importlib.metadata
import warnings
from typing import Any, Iterator

from ... import models
from ..._engines import Shared, optional_import
from ...errors import MissingDependency, UnsupportedLanguage

SPACY_MODELS = {"en": "spacy-en_core_web_sm", "fr": "spacy-fr_core_news_sm",
                "es": "spacy-es_core_news_sm"}
PIECE_CHARS = 50_000
"""spaCy's parser needs ~1 GB per 100,000 characters in one Doc: cut documents smaller."""


def spacy_module():
    return optional_import("spacy", "language", "local entities and syntax")


def installed() -> list[str]:
    """Languages whose pipeline package is installed."""
    found = []
    for language, model_id in SPACY_MODELS.items():
        name = (models.spec(model_id).pypi or "").partition("==")[0]
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        found.append(language)
    return found


def model_name(language: str) -> str:
    """e.g. ``"en_core_web_sm-3.8.0"``."""
    entry = models.spec(SPACY_MODELS[language])
    return entry.version.replace(" ", "-")


def pipeline(language: str) -> Any:
    """The full spaCy pipeline for a language (tagger, parser, NER, lemmatizer)."""
    if language not in SPACY_MODELS:
        raise UnsupportedLanguage(
            f"No local spaCy pipeline for {language!r}; local entities and syntax support "
            f"{', '.join(installed())}.", language=language, supported=installed())
    return _pipelines.get(language)


def _load_pipeline(language: str) -> Any:
    spacy = spacy_module()
    try:
        weights = models.model_path(SPACY_MODELS[language])
    except MissingDependency as exc:
        raise UnsupportedLanguage(
            f"The {language!r} spaCy pipeline is not installed ({exc.package}); "
            f"{_install_hint(language)}", language=language, supported=installed()) from exc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W095: es 3.1 on spaCy 3.8 works, and says so
        nlp = spacy.load(weights.parents[1])
    nlp.max_length = PIECE_CHARS + 1000
    return nlp


def sentencizer(language: str) -> Any:
    """A rule-based sentence splitter (no model: fast enough for 1 MB documents)."""
    return _sentencizers.get(language)


def sentences(language: str, text: str) -> list[tuple[int, str]]:
    """``(character offset, sentence)`` of each sentence that is not blank, stripped."""
    doc = sentencizer(language)(text)
    # token arrays, not Span objects: a Span builds a Python Token per token, which
    # cost more than the splitting itself on 70,000 sentences
    rows = doc.to_array(["SENT_START", "IDX"])
    bounds = [0] + [int(idx) for start, idx in rows[1:] if start == 1] + [len(text)]
    found = []
    for begin, end in zip(bounds, bounds[1:]):
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            found.append((begin + len(piece) - len(piece.lstrip()), stripped))
    return found


def _blank_sentencizer(language: str) -> Any:
    spacy = spacy_module()
    try:
        nlp = spacy.blank(language)
    except ImportError:  # spaCy has no tokenizer rules for this language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return nlp


_pipelines: Shared[str, Any] = Shared(_load_pipeline)
_sentencizers: Shared[str, Any] = Shared(_blank_sentencizer)


def documents(nlp: Any, text: str, skip: tuple[str, ...] = ()) -> Iterator[tuple[int, Any]]:
    """``(character offset, Doc)`` for each piece of ``text``; ``skip`` names pipes not
    to run (the pipeline is shared: nothing is switched off for other callers)."""
    starts = list(_pieces(text))
    texts = [text[start:end] for start, end in starts]
    skip = tuple(name for name in skip if name in nlp.pipe_names)
    for (start, _), doc in zip(starts, nlp.pipe(texts, disable=skip)):
        yield start, doc


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while len(text) - start > PIECE_CHARS:
        end = start + PIECE_CHARS
        for separator in ("\n", ". ", " "):  # the most natural boundary in reach
            at = text.rfind(separator, start + 1, end)
            if at > start:
                cut = at + len(separator)
                break
        else:
            cut = end
        yield start, cut
        start = cut
    yield start, len(text)


def _install_hint(language: str) -> str:
    entry = models.spec(SPACY_MODELS[language])
    if language == "es":
        return (f"install it with: pip install --no-deps '{entry.pypi}' (GPL-3.0; kept out "
                "of the extras because its metadata pins an old spaCy).")
    return "install it with: pip install 'cogsdk[language]'."
