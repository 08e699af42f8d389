"""Local speech and video: speed against the raw engines, and accuracy.

Speech: real-time factor (seconds of compute per second of audio) of
``cog.speech.transcribe`` against a raw ``faster_whisper.WhisperModel.transcribe`` call
with the same model folder, device, threads, beam size and VAD options, on the same WAV
file (target ratio <= 1.10); WER of tiny.en and base on the LibriVox sentences.

Video: seconds per minute of 720p video for ``shots()`` and for ``labels()``; precision
and recall of cogsdk's shot detector against PySceneDetect's detectors (when
``scenedetect-headless`` is installed) on the hard clip of the tests.

    python benchmarks/local_speech_video.py [--quick]

Needs Debian pocketsphinx-testdata for the speech part and scikit-image for the video.
Writes ``out/bench_local_speech_video.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "speech"), str(ROOT / "tests" / "video")]

from cogsdk import Cog  # noqa: E402


def timed(call, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def speech(cog: Cog, repeat: int, minutes: float) -> dict:
    import av
    from _speech_media import read_samples, wer
    from faster_whisper import WhisperModel

    from cogsdk.speech._local import vad, whisper

    librivox = Path("/usr/share/pocketsphinx/test/data/librivox")
    if not librivox.is_dir():
        return {"skipped": "needs Debian pocketsphinx-testdata"}
    sentences = []
    for line in (librivox / "transcription").read_text().splitlines():
        text, _, name = line.partition("</s> (")
        sentences.append((librivox / f"{name.rstrip(')')}.wav", text.replace("<s>", "").strip()))
    report: dict = {}
    for model in ("tiny.en", "base"):
        results = cog.speech.transcribe([str(p) for p, _ in sentences], model=model)
        report[f"wer_librivox_{model}"] = round(wer(" ".join(t for _, t in sentences),
                                                     " ".join(r.text for r in results)), 4)

    pieces = []
    while sum(p.size for p in pieces) < minutes * 60 * 16000:
        for path, _ in sentences:
            samples, _ = read_samples(path)
            pieces += [samples, np.zeros(12000, np.float32)]
    audio = np.concatenate(pieces)
    seconds = audio.size / 16000
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "long.wav"
        with av.open(str(wav), "w") as container:
            stream = container.add_stream("pcm_s16le", rate=16000, layout="mono")
            frame = av.AudioFrame.from_ndarray((audio * 32767).astype(np.int16)[None, :],
                                               format="s16", layout="mono")
            frame.sample_rate = 16000
            for packet in list(stream.encode(frame)) + list(stream.encode(None)):
                container.mux(packet)
        where, compute_type = whisper.device_for(cog.settings.device)
        raw_model = WhisperModel(str(whisper.model_dir("tiny.en")), device=where,
                                 compute_type=compute_type, cpu_threads=whisper.cpu_threads())

        def raw():
            segments, _ = raw_model.transcribe(str(wav), language="en", beam_size=5,
                                               vad_filter=True,
                                               vad_parameters=vad.vad_options())
            return " ".join(s.text.strip() for s in segments)

        def ours():
            return cog.speech.transcribe(str(wav)).text

        raw(), ours()  # warm both
        raw_times, our_times, ratios = [], [], []
        for _ in range(repeat):  # interleaved, so that load from elsewhere hits both alike
            raw_t, raw_text = timed(raw, 1)
            our_t, our_text = timed(ours, 1)
            raw_times.append(raw_t)
            our_times.append(our_t)
            ratios.append(our_t / raw_t)
        raw_s, our_s = statistics.median(raw_times), statistics.median(our_times)
    report.update({
        "audio_seconds": round(seconds, 1), "device": where, "compute_type": compute_type,
        "rtf_cogsdk": round(our_s / seconds, 4), "rtf_faster_whisper": round(raw_s / seconds, 4),
        "ratio": round(statistics.median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
        "same_text": our_text.strip() == raw_text.strip(),
    })
    return report


def video(cog: Cog, minutes: float) -> dict:
    try:
        from _video_media import (closeup, hard_clip, match, pan, photos, still,
                                  with_flash, write_clip)
    except ImportError as error:
        return {"skipped": f"needs scikit-image: {error}"}
    report: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        hard = Path(folder) / "hard.mp4"
        truth = hard_clip(hard)
        ours = [s.start for s in cog.video.shots(str(hard))][1:]
        report["hard_clip_cogsdk_PR"] = [round(x, 3) for x in match(ours, truth)[:2]]
        try:
            from scenedetect import (AdaptiveDetector, ContentDetector, HashDetector,
                                     HistogramDetector, detect)

            for detector in (AdaptiveDetector, ContentDetector, HashDetector,
                             HistogramDetector):
                scenes = detect(str(hard), detector(), backend="pyav")
                cuts = [scene[0].seconds for scene in scenes[1:]]
                report[f"hard_clip_{detector.__name__}_PR"] = [
                    round(x, 3) for x in match(cuts, truth)[:2]]
        except ImportError:
            report["scenedetect"] = "not installed (pip install scenedetect-headless)"

        p = photos()
        size = (1280, 720)
        kinds = [still, pan, closeup]
        names = list(p)
        shots = []
        for i in range(int(minutes * 60 / 5)):
            make = kinds[i % 3](p[names[i % len(names)]], *size)
            shots.append((5.0, with_flash(make, at=60) if i % 4 == 1 else make))
        clip = Path(folder) / "long720.mp4"
        truth = write_clip(clip, shots, fps=25, size=size)
        length = len(shots) * 5.0
        shots_s, found = timed(lambda: cog.video.shots(str(clip)), 1)
        labels_s, labels = timed(lambda: cog.video.labels(str(clip)), 1)
        cuts = [s.start for s in found][1:]
        report.update({
            "video_seconds": length, "resolution": "1280x720@25",
            "shots_s_per_min": round(shots_s / length * 60, 2),
            "shots_plus_labels_s_per_min": round(labels_s / length * 60, 2),
            "long_clip_PR": [round(x, 3) for x in match(cuts, truth)[:2]],
            "sampled_frames": labels.raw.get("sampled_frames"),
        })
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 repeat, shorter inputs")
    parser.add_argument("--only", choices=("speech", "video"), help="run one half only")
    args = parser.parse_args()
    cog = Cog(mode="local", offline=True)
    minutes = 1.0 if args.quick else 2.0
    report = {}
    if args.only in (None, "speech"):
        report["speech"] = speech(cog, 1 if args.quick else 5, minutes)
    if args.only in (None, "video"):
        report["video"] = video(cog, minutes)
    print(json.dumps(report, indent=1))
    out = Path("out")
    out.mkdir(exist_ok=True)
    (out / "bench_local_speech_video.json").write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
