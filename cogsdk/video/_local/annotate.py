"""The frame features of the local video backend: what to ask the vision backend for,
how to turn its per-frame answers into video results, and the audio track's speech."""

from __future__ import annotations

from typing import Any, Sequence

from ...errors import UnsupportedFeature
from ..types import (ExplicitContent, SpeechSegment, VideoFaces, VideoLabels, VideoObjects,
                     VideoText, VideoTranscript)
from . import labels as _labels
from . import tracks
from .frames import FrameAnnotator

MODEL_SAMPLING = "cogsdk-frames-v1"
# video feature -> (vision feature, its options)
VISION = {"labels": ("labels", {"max_results": _labels.MAX_RESULTS}),
          "faces": ("faces", {"max_results": 20}),
          "objects": ("objects", {"max_results": 20}),
          "text": ("text", {}),
          "explicit_content": ("safe_search", {})}


def annotator(vision: Any, features: Sequence[str], video_backend: str) -> FrameAnnotator:
    """One annotator asking the vision backend for every feature at once."""
    asked = {VISION[f][0]: VISION[f][1] for f in features}
    missing = sorted(set(asked) - set(vision.features))
    if missing:
        raise UnsupportedFeature(f"The {video_backend} video backend needs the vision "
                                 f"backend's {missing}, which {vision.name} lacks.")
    return FrameAnnotator(vision.annotate, asked)


def build(feature: str, annotator: FrameAnnotator, found: dict) -> Any:
    """The video result of ``feature`` from the sampled frames and the decoding summary."""
    samples, shot_ends = annotator.samples, [b for _, b in found["shots"]]
    raw = dict(found["raw"], sampled_frames=len(samples))
    model = f"{MODEL_SAMPLING}+{annotator.models(VISION[feature][0])}"
    common = {"backend": "local", "model": model, "raw": raw}
    if feature == "labels":
        label_samples = [(t, [(x.description, float(x.score), x.mid) for x in a.labels])
                         for t, a, _ in samples if a.labels is not None]
        return VideoLabels(items=tuple(_labels.aggregate(label_samples, found["shots"])),
                           **common)
    if feature == "faces":
        return VideoFaces(items=tuple(tracks.faces(samples, shot_ends)), **common)
    if feature == "objects":
        return VideoObjects(items=tuple(tracks.objects(samples, shot_ends)), **common)
    if feature == "text":
        return VideoText(items=tuple(tracks.text(samples, shot_ends)), **common)
    return ExplicitContent(items=tuple(tracks.explicit(samples)), **common)


def transcript(speech: Any, video: Any, progress: Any, language: str) -> VideoTranscript:
    """The audio track as 16 kHz samples (PyAV), transcribed by the local speech backend."""
    from ...media import AudioInput
    from ...speech._local.decode import RATE, decode_bytes
    from ...speech.base import TranscribeOptions

    samples = decode_bytes(video.read(), None, None, video.name)
    options = TranscribeOptions(language=language, word_timestamps=True, progress=progress)
    said = speech.transcribe(AudioInput(name=video.name, samples=samples, sample_rate=RATE),
                             options)
    words = tuple((w.word.strip(), w.start, w.end) for w in said.words)
    items = (SpeechSegment(text=said.text, start=words[0][1] if words else 0.0,
                           end=words[-1][2] if words else 0.0, confidence=said.confidence,
                           words=words),) if said.text.strip() else ()
    return VideoTranscript(items=items, language=said.language, backend="local",
                           model=said.model, raw=dict(said.raw))
