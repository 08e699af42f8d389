"""Natural Language v1 and v2 ``documents:*``: Google's requests in, ``cog.language``
calls, Google's responses out. Offsets follow the request's ``encodingType``."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable

from google.cloud import language_v1, language_v2

from .wire import ApiError, require

VERSIONS: dict[str, ModuleType] = {"v1": language_v1, "v2": language_v2}
_METHODS = {"AnalyzeEntities": "entities", "AnalyzeSentiment": "sentiment",
            "AnalyzeSyntax": "syntax", "ClassifyText": "classify"}


def request_class(version: str, method: str) -> type:
    """The raw protobuf request class, e.g. ``("v1", "AnalyzeEntities")``."""
    return getattr(VERSIONS[version], f"{method}Request").pb()


def handler(version: str, method: str) -> Callable[[Any, Any], Any]:
    """``handle(cog, request) -> response`` for one method of one version."""
    if method == "AnnotateText":
        return lambda cog, request: _annotate_text(cog, request, version)
    return lambda cog, request: _single(cog, request, version, method)


def _single(cog: Any, request: Any, version: str, method: str) -> Any:
    text, language = _document(request.document, version)
    result = getattr(cog.language, _METHODS[method])(text, language=language)
    response = getattr(VERSIONS[version], f"{method}Response").pb()()
    offsets = _Offsets(text, getattr(request, "encoding_type", 0))  # v2 classify has none
    _WRITERS[_METHODS[method]](response, result, offsets)
    _set_language(response, result, language, version)
    return response


def _annotate_text(cog: Any, request: Any, version: str) -> Any:
    text, language = _document(request.document, version)
    features = request.features
    # Sentiment before syntax: both give sentences, and the sentiment ones carry scores.
    asked = {"sentiment": features.extract_document_sentiment,
             "syntax": getattr(features, "extract_syntax", False),
             "entities": features.extract_entities, "classify": features.classify_text}
    missing = [name for name in ("extract_entity_sentiment", "moderate_text")
               if getattr(features, name, False)]
    if missing:
        raise ApiError("UNIMPLEMENTED", f"{', '.join(missing)}: no model for this feature "
                                        "on this cogsdk server.")
    require(any(asked.values()), "No feature requested: set features.extract*.")
    response = VERSIONS[version].AnnotateTextResponse.pb()()
    offsets = _Offsets(text, getattr(request, "encoding_type", 0))
    result = None
    for name in (name for name, wanted in asked.items() if wanted):
        result = getattr(cog.language, name)(text, language=language)
        _WRITERS[name](response, result, offsets)
    _set_language(response, result, language, version)
    return response


def _document(document: Any, version: str) -> tuple[str, Any]:
    require(not document.gcs_content_uri, "document.gcsContentUri is not served by cogsdk "
                                          "serve: send the text in document.content.")
    require(document.content, "document.content is empty.")
    language = document.language if version == "v1" else document.language_code
    return document.content, language or None


def _set_language(response: Any, result: Any, asked: Any, version: str) -> None:
    code = getattr(result, "language", "") or asked or ""
    if version == "v1":
        if "language" in response.DESCRIPTOR.fields_by_name:
            response.language = code
    else:
        response.language_code = code
        response.language_supported = True


class _Offsets:
    """Character offsets (cogsdk's) in the unit the client asked for: UTF-8 bytes,
    UTF-16 code units, code points, or -1 for ``NONE``, as Google does."""

    def __init__(self, text: str, encoding: int) -> None:
        self.text = text
        self.encoding = encoding

    def __call__(self, offset: int) -> int:
        if self.encoding == 0:
            return -1
        prefix = self.text[:offset]
        if self.encoding == 1:
            return len(prefix.encode("utf-8"))
        if self.encoding == 2:
            return len(prefix.encode("utf-16-le")) // 2
        return offset


def _span(target: Any, content: str, offset: int, offsets: _Offsets) -> None:
    target.content = content
    target.begin_offset = offsets(offset)


def _entities(response: Any, result: Any, offsets: _Offsets) -> None:
    for entity in result:
        out = response.entities.add(name=entity.name)
        out.type_ = _enum(out, "Type", entity.type)
        if "salience" in out.DESCRIPTOR.fields_by_name:  # v2 has none
            out.salience = entity.salience
        for key, value in entity.metadata.items():
            out.metadata[str(key)] = str(value)
        for mention in entity.mentions:
            one = out.mentions.add()
            one.type_ = _enum(one, "Type", mention.type)
            _span(one.text, mention.text, mention.begin_offset, offsets)


def _sentiment(response: Any, result: Any, offsets: _Offsets) -> None:
    response.document_sentiment.score = result.score
    response.document_sentiment.magnitude = result.magnitude
    for sentence in result.sentences:
        out = response.sentences.add()
        _span(out.text, sentence.text, sentence.begin_offset, offsets)
        out.sentiment.score, out.sentiment.magnitude = sentence.score, sentence.magnitude


def _syntax(response: Any, result: Any, offsets: _Offsets) -> None:
    if not response.sentences:  # annotateText may have them from sentiment already
        _sentences(response, result.sentences, offsets)
    for token in result.tokens:
        out = response.tokens.add(lemma=token.lemma)
        _span(out.text, token.text, token.begin_offset, offsets)
        out.part_of_speech.tag = _enum(out.part_of_speech, "Tag", token.part_of_speech)
        out.dependency_edge.head_token_index = token.head_index
        out.dependency_edge.label = _enum(out.dependency_edge, "Label", token.label)


def _sentences(response: Any, sentences: Any, offsets: _Offsets) -> None:
    """cogsdk gives sentence texts: find each one's offset, in order."""
    start = 0
    for sentence in sentences:
        found = offsets.text.find(sentence, start)
        start = found + len(sentence) if found >= 0 else start
        _span(response.sentences.add().text, sentence, max(found, 0), offsets)


def _classify(response: Any, result: Any, offsets: _Offsets) -> None:
    for category in result:
        response.categories.add(name=category.name, confidence=category.confidence)


def _enum(message: Any, enum: str, name: str) -> int:
    """The number of Google's enum value ``name`` (0, its UNKNOWN, for a name it lacks)."""
    found = message.DESCRIPTOR.enum_types_by_name[enum].values_by_name.get(name)
    return found.number if found is not None else 0


_WRITERS = {"entities": _entities, "sentiment": _sentiment, "syntax": _syntax,
            "classify": _classify}
