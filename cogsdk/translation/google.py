"""Google Cloud Translation: v3 when a project is set, else v2 (API key friendly)."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from google.auth.transport.requests import AuthorizedSession
from google.cloud import translate_v2, translate_v3

from .. import _google
from .._config import Settings
from ..errors import CogError, UnsupportedFeature
from .base import TranslationBackend
from .types import DetectedLanguage, SupportedLanguage, SupportedLanguages, Translation

MAX_STRINGS = {"v3": 1024, "v2": 128}
MAX_CODE_POINTS = 30_000
GLOSSARY_LOCATION = "us-central1"  # where Google keeps glossaries unless named in full


class GoogleTranslation(_google.GoogleBackend, TranslationBackend):
    client_class = translate_v3.TranslationServiceClient
    endpoint_key = "translate"
    batch_size = MAX_STRINGS["v3"]  # v2 takes 128 a request: translate() splits further

    def __init__(self, settings: Settings) -> None:
        self.version = "v3" if settings.project else "v2"
        if self.version == "v3":
            super().__init__(settings)
            self._parent = f"projects/{settings.project}/locations/global"
        else:
            self._settings = settings
            self._client = _v2_client(settings)
        self.model = f"google/translate/{self.version}"

    def translate(self, texts: Sequence[str], target: str, source: Optional[str], *,
                  format: str = "text", glossary: Optional[str] = None
                  ) -> list[Translation | CogError]:
        if glossary is not None and self.version == "v2":
            raise UnsupportedFeature("Glossaries need Cloud Translation v3: pass "
                                     "project=... to Cog.")
        results: list[Translation | CogError] = []
        for chunk in _chunks(texts, MAX_STRINGS[self.version]):
            results.extend(self._translate_chunk(chunk, target, source, format, glossary))
        return results

    def _translate_chunk(self, chunk, target, source, format, glossary) -> list[Translation]:
        if self.version == "v3":
            request = self._v3_request(chunk, target, source, format, glossary)
            response = _google.call(self._settings, lambda timeout: self._client.
                                    translate_text(request=request, retry=None,
                                                   timeout=timeout))
            message = type(response).pb(response)  # no dict unless raw is read
            # with a glossary, Google gives both; the glossary's is the one asked for
            answers = message.glossary_translations if glossary else message.translations
            pairs = [(a.translated_text, a.detected_language_code) for a in answers]
            rows = [_google.lazy_dict(a) for a in answers]
        else:
            rows = _google.call(self._settings, lambda timeout: self._client.translate(
                list(chunk), target_language=target, source_language=source, format_=format))
            pairs = [(r.get("translatedText", ""), r.get("detectedSourceLanguage"))
                     for r in rows]
        return [Translation(text=text, source_language=source or detected or "",
                            target_language=target, input=original, backend="google",
                            model=self.model, raw=row)
                for original, (text, detected), row in zip(chunk, pairs, rows)]

    def _v3_request(self, chunk, target, source, format, glossary
                    ) -> translate_v3.TranslateTextRequest:
        request = translate_v3.TranslateTextRequest(
            parent=self._parent, contents=chunk, target_language_code=target,
            source_language_code=source or "", mime_type=f"text/{format}".replace(
                "text/text", "text/plain"))
        if glossary:
            name = glossary if "/glossaries/" in glossary else \
                f"projects/{self._settings.project}/locations/{GLOSSARY_LOCATION}/" \
                f"glossaries/{glossary}"
            # a glossary is regional and the request must name the same location
            request.parent = name.split("/glossaries/")[0]
            request.glossary_config = translate_v3.TranslateTextGlossaryConfig(
                glossary=name)
        return request

    def supported_languages(self, target: Optional[str]) -> SupportedLanguages:
        if self.version == "v2":
            rows = _google.call(self._settings, lambda timeout: self._client.get_languages(
                target_language=target))
            items = [SupportedLanguage(code=r.get("language", ""), name=r.get("name", ""))
                     for r in rows]
            raw: Any = {"languages": rows}
        else:
            response = _google.call(self._settings, lambda timeout: self._client.
                                    get_supported_languages(
                                        parent=self._parent, display_language_code=target or "",
                                        retry=None, timeout=timeout))
            raw = _google.to_dict(response)
            items = [SupportedLanguage(code=r.get("languageCode", ""),
                                       name=r.get("displayName", ""),
                                       source=bool(r.get("supportSource")),
                                       target=bool(r.get("supportTarget")))
                     for r in raw.get("languages", [])]
        return SupportedLanguages(items=tuple(sorted(items, key=lambda i: i.code)),
                                  backend="google", model=self.model, raw=raw)

    def detect(self, texts: Sequence[str]) -> list[DetectedLanguage | CogError]:
        if self.version == "v2":
            rows = [row for chunk in _chunks(texts, MAX_STRINGS["v2"]) for row in
                    _google.call(self._settings,
                                 lambda timeout, c=chunk: self._client.detect_language(list(c)))]
            return [self._detected(row.get("language", "und"), row.get("confidence"), row)
                    for row in rows]
        return [self._detect_v3(text) for text in texts]

    def _detect_v3(self, text: str) -> DetectedLanguage | CogError:
        request = translate_v3.DetectLanguageRequest(parent=self._parent, content=text,
                                                     mime_type="text/plain")
        try:
            response = _google.call(self._settings, lambda timeout: self._client.
                                    detect_language(request=request, retry=None,
                                                    timeout=timeout))
        except CogError as error:
            return error
        payload = _google.to_dict(response)
        best = max(payload.get("languages", []) or [{}],
                   key=lambda x: x.get("confidence", 0.0))
        return self._detected(best.get("languageCode", "und"), best.get("confidence"), payload)

    def _detected(self, language: str, confidence: Any, raw: dict) -> DetectedLanguage:
        return DetectedLanguage(language=language, confidence=None if confidence is None
                                else float(confidence), backend="google", model=self.model,
                                raw=raw)

    def close(self) -> None:
        if self.version == "v3":  # v2's client holds a plain requests session
            super().close()


def _chunks(texts: Sequence[str], max_strings: int) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    size = 0
    for text in texts:
        if chunks[-1] and (len(chunks[-1]) == max_strings or size + len(text) > MAX_CODE_POINTS):
            chunks.append([])
            size = 0
        chunks[-1].append(text)
        size += len(text)
    return [chunk for chunk in chunks if chunk]


class _TimeoutSession(AuthorizedSession):
    """v2's client hard-codes a 60 s timeout; this session applies ours instead."""

    timeout: float = 30.0

    def request(self, method, url, data=None, headers=None, max_allowed_time=None,
                timeout=None, **kwargs):
        return super().request(method, url, data=data, headers=headers,
                               max_allowed_time=max_allowed_time, timeout=self.timeout,
                               **kwargs)


def _v2_client(settings: Settings) -> translate_v2.Client:
    if settings.api_key:
        from google.auth import api_key

        credentials = api_key.Credentials(settings.api_key)
    else:
        credentials = _google.credentials(settings, "translate")
    session = _TimeoutSession(credentials)
    session.timeout = settings.attempt_timeout
    endpoint = settings.endpoint_for("translate")
    return translate_v2.Client(credentials=credentials, _http=session,
                               client_options={"api_endpoint": endpoint} if endpoint else None)
