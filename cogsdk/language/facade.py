"""``cog.language``: entities, sentiment, syntax, content categories, moderation, and
several of them at once (annotate)."""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence, overload

from .._batch import each
from .._facade import Facade, Many
from ..errors import CogError, InvalidInput, UnsupportedFeature
from ..media import check_language_code, load_text
from ..training.model import CustomModel
from .types import (ANNOTATE_FEATURES, TextAnnotation, Categories, Entities, Moderation,
                    Sentiment, Syntax)

__all__ = ["Language"]


class Language(Facade):
    """Text analysis. Each method takes one text or a list of texts (a list returns a list
    in input order, with a failing text's CogError in its slot). ``language`` is a
    BCP-47 code; ``None`` lets the backend detect it."""

    service = "language"

    @overload
    def entities(self, text: Many, language: Optional[str] = ...
                 ) -> list[Entities | CogError]: ...
    @overload
    def entities(self, text: Any, language: Optional[str] = ...) -> Entities: ...

    def entities(self, text: Any, language: Optional[str] = None) -> Any:
        """Named entities (PERSON, LOCATION, ORGANIZATION...) with salience and mentions."""
        return self._each(text, "entities", language)

    @overload
    def sentiment(self, text: Many, language: Optional[str] = ...
                  ) -> list[Sentiment | CogError]: ...
    @overload
    def sentiment(self, text: Any, language: Optional[str] = ...) -> Sentiment: ...

    def sentiment(self, text: Any, language: Optional[str] = None) -> Any:
        """Document score (-1..1) and magnitude, and the same per sentence."""
        return self._each(text, "sentiment", language)

    @overload
    def syntax(self, text: Many, language: Optional[str] = ...) -> list[Syntax | CogError]: ...
    @overload
    def syntax(self, text: Any, language: Optional[str] = ...) -> Syntax: ...

    def syntax(self, text: Any, language: Optional[str] = None) -> Any:
        """Tokens with lemma, part of speech and dependency head/label."""
        return self._each(text, "syntax", language)

    @overload
    def classify(self, text: Many, language: Optional[str] = ...,
                 model: Optional[str] = ...) -> list[Categories | CogError]: ...
    @overload
    def classify(self, text: Any, language: Optional[str] = ...,
                 model: Optional[str] = ...) -> Categories: ...

    def classify(self, text: Any, language: Optional[str] = None,
                 model: Optional[str] = None) -> Any:
        """Content categories such as ``/Arts & Entertainment``, most confident first.

        ``model`` names a model trained with :meth:`train`: its labels instead (local).
        """
        if model is None:
            return self._each(text, "classify", language)
        if not isinstance(model, str) or not model.strip():
            raise InvalidInput(f"model must be a custom model's name, not {model!r}.")
        code = check_language_code(language) if language is not None else None
        return self._list("classify", text, load_text, each(
            lambda backend, item: _classify_custom(backend, item, code, model.strip())))

    @overload
    def entity_sentiment(self, text: Many, language: Optional[str] = ...
                         ) -> list[Entities | CogError]: ...
    @overload
    def entity_sentiment(self, text: Any, language: Optional[str] = ...) -> Entities: ...

    def entity_sentiment(self, text: Any, language: Optional[str] = None) -> Any:
        """Entities with the sentiment towards each: ``Entity.score`` (-1..1) and
        ``magnitude``, and the same per mention. Locally each mention takes the sentiment
        of its sentence."""
        return self._each(text, "entity_sentiment", language)

    @overload
    def moderate(self, text: Many, language: Optional[str] = ...
                 ) -> list[Moderation | CogError]: ...
    @overload
    def moderate(self, text: Any, language: Optional[str] = ...) -> Moderation: ...

    def moderate(self, text: Any, language: Optional[str] = None) -> Any:
        """Google's moderation categories (``"Toxic"``, ``"Insult"``, ``"Violent"``...)
        with confidences. Cloud only: no shipped local model is a moderation classifier."""
        return self._each(text, "moderate", language)

    @overload
    def annotate(self, text: Many, features: Sequence[str] = ...,
                 language: Optional[str] = ...) -> list[TextAnnotation | CogError]: ...
    @overload
    def annotate(self, text: Any, features: Sequence[str] = ...,
                 language: Optional[str] = ...) -> TextAnnotation: ...

    def annotate(self, text: Any, features: Sequence[str] = ("entities", "sentiment"),
                 language: Optional[str] = None) -> Any:
        """Several analyses in one request (Google's annotateText): any of
        ``ANNOTATE_FEATURES`` (``"entities"``, ``"sentiment"``, ``"syntax"``,
        ``"classify"``, ``"entity_sentiment"``, ``"moderate"``)."""
        wanted = _features(features)
        code = check_language_code(language) if language is not None else None
        return self._list("annotate", text, load_text, each(
            lambda backend, item: backend.annotate(item, code, wanted)))

    def train(self, name: str, texts: Sequence[str], labels: Sequence[str], *,
              replace: bool = False, validation_split: float = 0.2,
              progress: Optional[Callable[[float, float], None]] = None) -> CustomModel:
        """Train a text classifier on your own labelled texts (a linear head over the
        shipped MiniLM sentence embeddings); use it with ``classify(text, model=name)``.

        ``labels`` holds one label per text; each label needs at least 5 texts. The
        evaluation is measured on a stratified ``validation_split``. A taken name is
        refused unless ``replace=True``.
        """
        from ..training import language

        settings = self._router.settings
        return language.train(name, texts, labels, device=settings.device, replace=replace,
                              validation_split=validation_split, progress=progress,
                              progress_setting=settings.progress)

    def _each(self, text: Any, method: str, language: Optional[str]) -> Any:
        code = check_language_code(language) if language is not None else None
        return self._list(method, text, load_text,
                          each(lambda backend, item: getattr(backend, method)(item, code)))


def _features(features: Any) -> tuple[str, ...]:
    if isinstance(features, str):
        features = [features]
    wanted = tuple(dict.fromkeys(str(f).lower() for f in features or ()))
    unknown = [f for f in wanted if f not in ANNOTATE_FEATURES]
    if not wanted or unknown:
        raise InvalidInput(f"annotate features must be some of {list(ANNOTATE_FEATURES)}, "
                           f"not {unknown or list(features or [])}.")
    return wanted


def _classify_custom(backend: Any, text: str, language: Optional[str], model: str) -> Any:
    run = getattr(backend, "classify_custom", None)
    if run is None:  # e.g. Google: a custom model lives in the local store
        raise UnsupportedFeature(f"The {backend.name} language backend cannot run the custom "
                                 f"model {model!r}; use mode='local'.")
    return run(text, language, model)
