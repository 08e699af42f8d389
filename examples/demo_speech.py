"""Offline speech demo: transcribe real human speech, every encoding, word times, streaming.

Runs on the bundled Whisper models only (``Cog(mode="local", offline=True)``: no socket
is opened). Sample speech comes from Debian packages when they are installed:
``pocketsphinx-testdata`` (LibriVox sentences) and ``espeak-ng`` (synthetic speech)::

    python examples/demo_speech.py
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cogsdk import Cog

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


def sample_speech() -> list[tuple[str, bytes]]:
    """(name, WAV bytes) of real speech, else of espeak-ng speech, else nothing."""
    if LIBRIVOX.is_dir():
        return [(p.name, p.read_bytes()) for p in sorted(LIBRIVOX.glob("*.wav"))]
    if shutil.which("espeak-ng"):
        text = "The quick brown fox jumps over the lazy dog. Please call me tomorrow."
        wav = subprocess.run(["espeak-ng", "--stdout", text], capture_output=True).stdout
        return [("espeak-ng.wav", wav)]
    return []


def to_ogg_opus(wav: bytes) -> bytes:
    """Re-encode WAV bytes as OGG Opus with PyAV, to show that encodings do not matter."""
    import av

    out = io.BytesIO()
    with av.open(io.BytesIO(wav)) as source, av.open(out, "w", format="ogg") as target:
        stream = target.add_stream("libopus", rate=48000, layout="mono")
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono",
                                      rate=48000, frame_size=stream.codec_context.frame_size)
        for frame in source.decode(audio=0):
            for chunk in resampler.resample(frame):
                for packet in stream.encode(chunk):
                    target.mux(packet)
        for chunk in resampler.resample(None):
            for packet in stream.encode(chunk):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return out.getvalue()


def main() -> int:
    samples = sample_speech()
    if not samples:
        print("No sample speech found: apt-get install pocketsphinx-testdata (or espeak-ng).")
        return 0
    cog = Cog(mode="local", offline=True)
    print("-- transcripts (Whisper tiny.en, local) --")
    started = time.perf_counter()
    for (name, wav), result in zip(samples, cog.speech.transcribe([w for _, w in samples])):
        print(f"{name[-9:]:>10}  conf {result.confidence:.2f}  {result.text}")
    print(f"({time.perf_counter() - started:.1f} s for {len(samples)} clips)")

    name, wav = samples[0]
    ogg = to_ogg_opus(wav)
    result = cog.speech.transcribe(ogg, word_timestamps=True)
    print(f"\n-- the same speech as OGG Opus ({len(ogg)} bytes), with word times --")
    for word in result.words[:8]:
        print(f"  {word.start:5.2f}-{word.end:5.2f}s  {word.word:<12} p={word.confidence:.2f}")

    print("\n-- streaming: partial results as 0.5 s chunks arrive --")
    pcm = wav[44:]  # 16-bit PCM after the 44-byte WAV header
    chunks = (pcm[i:i + 16000] for i in range(0, len(pcm), 16000))
    for partial in cog.speech.stream(chunks, sample_rate=16000, encoding="LINEAR16"):
        print(f"  {'final ' if partial.is_final else 'partial'}  {partial.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
