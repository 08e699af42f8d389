"""Translation v2 (``/language/translate/v2``: plain JSON, what ``translate_v2.Client``
sends) and v3 (``projects/*/locations/*:translateText`` and friends: protobuf)."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from google.cloud import translate_v3 as v3

from ..errors import CogError
from .wire import api_error, require

MAX_STRINGS = 1024
"""Google's limit of strings per v3 ``translateText`` request (v2 takes 128)."""
MAX_STRINGS_V2 = 128
V3_TRANSLATE = v3.TranslateTextRequest.pb()
V3_DETECT = v3.DetectLanguageRequest.pb()
V3_LANGUAGES = v3.GetSupportedLanguagesRequest.pb()


def translate_v2(cog: Any, params: dict) -> dict:
    """``POST /language/translate/v2``: ``q`` (one or many), ``target``, ``source``."""
    texts = _strings(params.get("q"), MAX_STRINGS_V2)
    target = params.get("target")
    require(isinstance(target, str) and target, "Missing required field target.")
    source = params.get("source") or None
    results = _all(cog.translation.translate(texts, target=target, source=source))
    rows = []
    for result in results:
        row = {"translatedText": result.text}
        if not source:
            row["detectedSourceLanguage"] = result.source_language
        rows.append(row)
    return {"data": {"translations": rows}}


def detect_v2(cog: Any, params: dict) -> dict:
    """``POST /language/translate/v2/detect``: one list of detections per ``q``."""
    texts = _strings(params.get("q"), MAX_STRINGS_V2)
    results = _all(cog.translation.detect_language(texts))
    return {"data": {"detections": [[_detection_v2(result)] for result in results]}}


def languages_v2(codes: Iterable[str]) -> dict:
    """``GET /language/translate/v2/languages`` (no display names: cogsdk has none)."""
    return {"data": {"languages": [{"language": code} for code in sorted(codes)]}}


def translate_v3(cog: Any, request: Any) -> Any:
    """``TranslateText``: every string or none; a failure fails the request, as at Google."""
    require(request.target_language_code, "Target language code is required.")
    texts = _strings(list(request.contents), MAX_STRINGS)
    source = request.source_language_code or None
    results = _all(cog.translation.translate(texts, target=request.target_language_code,
                                             source=source))
    response = v3.TranslateTextResponse.pb()()
    for result in results:
        row = response.translations.add(translated_text=result.text)
        if not source:
            row.detected_language_code = result.source_language
    return response


def detect_v3(cog: Any, request: Any) -> Any:
    """``DetectLanguage`` of ``content``."""
    require(request.content, "Content is required.")
    result = _all(cog.translation.detect_language([request.content]))[0]
    response = v3.DetectLanguageResponse.pb()()
    response.languages.add(language_code=result.language,
                           confidence=result.confidence or 0.0)
    return response


def languages_v3(pairs: Sequence[Sequence[str]]) -> Any:
    """``GetSupportedLanguages`` from the (source, target) pairs this server translates."""
    sources = {pair[0] for pair in pairs}
    targets = {pair[1] for pair in pairs}
    response = v3.SupportedLanguages.pb()()
    for code in sorted(sources | targets):
        response.languages.add(language_code=code, support_source=code in sources,
                               support_target=code in targets)
    return response


def _strings(value: Any, limit: int) -> list[str]:
    texts = [value] if isinstance(value, str) else list(value or [])
    require(texts, "Missing required field q (the text to translate).")
    require(all(isinstance(text, str) for text in texts), "Every q must be a string.")
    require(len(texts) <= limit, f"Too many text segments: {len(texts)}; the limit is "
                                 f"{limit} per request.")
    return texts


def _all(results: list) -> list:
    """Google answers a translation request whole: the first failed string fails it."""
    for result in results:
        if isinstance(result, CogError):
            raise api_error(result)
    return results


def _detection_v2(result: Any) -> dict:
    row: dict[str, Any] = {"language": result.language, "isReliable": False}
    if result.confidence is not None:
        row["confidence"] = result.confidence
    return row

