"""Speech (recognize, long-running with operation polling, gRPC streaming) and Video
(an operation polled by the client's own poller) against ``cogsdk serve``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


@pytest.fixture(scope="module")
def sentence() -> tuple[bytes, str]:
    """(16 kHz WAV bytes, reference text) of one LibriVox sentence."""
    pytest.importorskip("faster_whisper", reason="needs the speech extra")
    transcription = LIBRIVOX / "transcription"
    if not transcription.is_file():
        pytest.skip("needs Debian pocketsphinx-testdata (apt-get install "
                    "pocketsphinx-testdata)")
    line = transcription.read_text().splitlines()[0]
    match = re.match(r"<s>(.*)</s> \((.*)\)", line.strip())
    return (LIBRIVOX / f"{match.group(2)}.wav").read_bytes(), match.group(1).strip()


def _words(text: str) -> set[str]:
    return set(re.sub(r"[^a-z' ]", " ", text.lower()).split())


def _polling():
    from google.api_core.future import polling

    return polling.DEFAULT_POLLING.with_delay(initial=0.05, maximum=0.2).with_timeout(120)


def test_recognize_and_long_running_read_the_sentence(server, rest_options, sentence):
    from google.cloud import speech_v1

    audio, reference = sentence
    client = speech_v1.SpeechClient(**rest_options)
    config = speech_v1.RecognitionConfig(
        encoding=speech_v1.RecognitionConfig.AudioEncoding.LINEAR16, sample_rate_hertz=16000,
        language_code="en-US", enable_word_time_offsets=True)
    answer = client.recognize(config=config, audio=speech_v1.RecognitionAudio(content=audio))
    best = answer.results[0].alternatives[0]
    assert len(_words(best.transcript) & _words(reference)) >= 0.8 * len(_words(reference))
    assert best.words and best.words[-1].end_time.total_seconds() > 1.0
    operation = client.long_running_recognize(
        config=config, audio=speech_v1.RecognitionAudio(content=audio))
    assert operation.operation.name.isdigit()  # Google names speech operations by number
    result = operation.result(polling=_polling())
    assert result.results[0].alternatives[0].transcript == best.transcript


def test_grpc_streaming_gives_partials_then_the_final(server, sentence):
    import grpc
    from google.cloud import speech_v1
    from google.cloud.speech_v1.services.speech.transports import SpeechGrpcTransport

    audio, reference = sentence
    pcm = audio[44:]  # the WAV's samples, sent raw as a microphone would
    channel = grpc.insecure_channel(f"127.0.0.1:{server.grpc_port}")
    client = speech_v1.SpeechClient(transport=SpeechGrpcTransport(channel=channel))
    config = speech_v1.StreamingRecognitionConfig(
        config=speech_v1.RecognitionConfig(
            encoding=speech_v1.RecognitionConfig.AudioEncoding.LINEAR16,
            sample_rate_hertz=16000, language_code="en-US"),
        interim_results=True)
    step = 16000 * 2 // 2  # half a second a chunk
    chunks = (speech_v1.StreamingRecognizeRequest(audio_content=pcm[i:i + step])
              for i in range(0, len(pcm), step))
    results = [r for answer in client.streaming_recognize(config, chunks, timeout=120)
               for r in answer.results]
    assert results[-1].is_final and not any(r.is_final for r in results[:-1])
    assert any(not r.is_final and r.alternatives[0].transcript for r in results)
    final = results[-1].alternatives[0].transcript
    assert len(_words(final) & _words(reference)) >= 0.8 * len(_words(reference))


@pytest.fixture(scope="module")
def clip(photos) -> bytes:
    """A 2 s MP4: one second of the cat, then one of coffee (one cut)."""
    av = pytest.importorskip("av", reason="needs the video extra (PyAV)")
    import numpy as np
    from PIL import Image

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 224, 160, "yuv420p"
        for name in ("chelsea", "coffee"):
            picture = np.asarray(Image.open(io.BytesIO(photos[name])).convert("RGB")
                                 .resize((224, 160)))
            for _ in range(10):
                container.mux(stream.encode(av.VideoFrame.from_ndarray(picture,
                                                                       format="rgb24")))
        container.mux(stream.encode())
    return buffer.getvalue()


def test_video_operation_completes_through_the_client_poller(server, rest_options, clip):
    from google.cloud import videointelligence_v1 as vi

    client = vi.VideoIntelligenceServiceClient(**rest_options)
    operation = client.annotate_video(request={
        "input_content": clip,
        "features": [vi.Feature.LABEL_DETECTION, vi.Feature.SHOT_CHANGE_DETECTION]})
    assert operation.operation.name.startswith("projects/")
    result = operation.result(polling=_polling()).annotation_results[0]
    assert len(result.shot_annotations) == 2
    assert result.segment_label_annotations
