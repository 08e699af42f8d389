"""Google streaming recognition. It needs gRPC (the REST transport cannot stream), so it
has its own client; everything else about it matches the local ``stream()``: partial
transcripts of everything heard so far, then one final transcript."""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any, Iterable, Iterator

from google.cloud import speech_v1

from .. import _google
from .._config import Settings
from ..errors import CogError, InvalidInput
from ..media import load_audio
from ..media.audio import sniff
from ._google_config import alternatives, recognition_config
from .base import StreamFormat, TranscribeOptions
from .types import Transcript, Word

MODEL = "google/speech/v1:streaming"
STREAM_LIMIT_SECONDS = 305.0  # Google ends a stream after about five minutes of audio
_ENCODINGS = speech_v1.RecognitionConfig.AudioEncoding


def grpc_client(settings: Settings) -> speech_v1.SpeechClient:
    """A gRPC SpeechClient: ``endpoints["speech_stream"]`` or the speech endpoint; an
    ``http://`` endpoint (a local fake or emulator) gets a plain-text channel."""
    endpoint = settings.endpoints.get("speech_stream") or settings.endpoint_for("speech")
    if endpoint and endpoint.startswith("http://"):
        import grpc
        from google.cloud.speech_v1.services.speech.transports import SpeechGrpcTransport

        channel = grpc.insecure_channel(endpoint.removeprefix("http://"))
        return speech_v1.SpeechClient(transport=SpeechGrpcTransport(channel=channel))
    options = _google.client_options(settings, "speech")
    if endpoint:
        options["api_endpoint"] = endpoint.removeprefix("https://")
    return speech_v1.SpeechClient(transport="grpc", client_options=options,
                                  credentials=_google.credentials(settings, "speech"))


def stream(client: speech_v1.SpeechClient, chunks: Iterable[Any],
           options: TranscribeOptions, audio_format: StreamFormat) -> Iterator[Transcript]:
    """Check the first chunk now (so a bad stream fails before iteration), then stream."""
    encoding, rate, pieces = _audio(chunks, audio_format)
    config = recognition_config(options, encoding=_ENCODINGS[encoding])
    if rate and encoding not in ("OGG_OPUS", "WEBM_OPUS"):
        config.sample_rate_hertz = rate
    streaming = speech_v1.StreamingRecognitionConfig(config=config, interim_results=True)
    requests = (speech_v1.StreamingRecognizeRequest(audio_content=piece)
                for piece in pieces if piece)
    return _results(lambda: client.streaming_recognize(
        streaming, requests, retry=None, timeout=STREAM_LIMIT_SECONDS), options)


def _audio(chunks: Iterable[Any], audio_format: StreamFormat):
    iterator = iter(chunks)
    first = next(iterator, None)
    if first is None:
        raise InvalidInput("The audio stream is empty.")
    rest = itertools.chain([first], iterator)
    rate = audio_format.sample_rate
    if type(first).__module__ == "numpy":
        if not rate:
            raise InvalidInput("Pass sample_rate=... together with numpy audio chunks.")
        return "LINEAR16", rate, (load_audio(chunk, sample_rate=rate).content
                                  for chunk in rest)
    if not isinstance(first, (bytes, bytearray, memoryview)):
        raise InvalidInput(f"Audio chunks must be bytes or numpy arrays, not "
                           f"{type(first).__name__}.")
    encoding = audio_format.encoding
    if encoding is None:
        found = sniff(bytes(first))
        if found is None:
            raise InvalidInput("Cannot tell the encoding of the stream: pass encoding= "
                               "(e.g. 'LINEAR16') and sample_rate=.")
        encoding, rate = found[0], rate or found[1]
    if encoding == "M4A":
        raise InvalidInput("Google cannot stream M4A; send FLAC, OGG_OPUS or LINEAR16.")
    if encoding in ("LINEAR16", "MULAW") and not rate:
        raise InvalidInput(f"Raw {encoding} chunks need sample_rate=.")
    return encoding, rate, (bytes(chunk) for chunk in rest)


def _results(open_stream, options: TranscribeOptions) -> Iterator[Transcript]:
    language = options.language
    finals: list[str] = []
    candidates: list[list] = []
    confidences: list[float] = []
    words: list[Word] = []
    raw: list[dict] = []
    try:
        for response in open_stream():
            for result in response.results:
                best = result.alternatives[0] if result.alternatives else None
                text = best.transcript.strip() if best else ""
                if not result.is_final:
                    yield _transcript(" ".join(finals + [text]).strip(), None, (), language,
                                      {"results": [_google.to_dict(result)]}, final=False)
                    continue
                finals.append(text)
                raw.append(_google.to_dict(result))
                candidates.append([(a.transcript, a.confidence) for a in result.alternatives])
                if best is not None:
                    confidences.append(best.confidence)
                    # with diarization the last final result repeats all words, tagged
                    found = [_word(w) for w in best.words]
                    words[:] = found if options.diarization and found else words + found
    except CogError:
        raise
    except Exception as exc:  # noqa: BLE001 - map_error re-raises what it cannot map
        raise _google.map_error(exc) from exc
    confidence = sum(confidences) / len(confidences) if confidences else None
    final = _transcript(" ".join(t for t in finals if t), confidence, tuple(words), language,
                        {"results": raw}, final=True)
    yield dataclasses.replace(final, alternatives=alternatives(candidates,
                                                                options.alternatives))


def _word(word) -> Word:
    return Word(word=word.word, start=word.start_time.total_seconds(),
                end=word.end_time.total_seconds(), confidence=word.confidence or None,
                speaker=word.speaker_tag or None)


def _transcript(text: str, confidence, words, language: str, raw: dict, *,
                final: bool) -> Transcript:
    return Transcript(text=text, confidence=confidence, language=language, words=words,
                      is_final=final, backend="google", model=MODEL, raw=raw)
