"""Speech v1: ``recognize``, ``longrunningrecognize`` (an operation) and, over gRPC,
``StreamingRecognize`` with interim results."""

from __future__ import annotations

from typing import Any, Iterator

from google.cloud import speech_v1

from .operations import Operations
from .wire import require

RECOGNIZE = speech_v1.RecognizeRequest.pb()
LONG_RUNNING = speech_v1.LongRunningRecognizeRequest.pb()
STREAMING = speech_v1.StreamingRecognizeRequest.pb()
_ENCODING = speech_v1.RecognitionConfig.AudioEncoding
ENCODINGS = {_ENCODING.LINEAR16: "LINEAR16", _ENCODING.FLAC: "FLAC", _ENCODING.MULAW: "MULAW",
             _ENCODING.AMR: "AMR", _ENCODING.AMR_WB: "AMR_WB", _ENCODING.OGG_OPUS: "OGG_OPUS",
             _ENCODING.MP3: "MP3", _ENCODING.WEBM_OPUS: "WEBM_OPUS"}
"""Google's encodings that cogsdk reads; unspecified means sniffed from the header."""


def recognize(cog: Any, request: Any) -> Any:
    """``speech:recognize``: the whole audio, one result."""
    response = speech_v1.RecognizeResponse.pb()()
    _fill(response, _transcribe(cog, request.config, request.audio))
    return response


def long_running(cog: Any, request: Any, operations: Operations) -> Any:
    """``speech:longrunningrecognize``: an Operation named by number, as Google's are."""
    config, audio = _checked(request.config, request.audio)

    def work() -> Any:
        response = speech_v1.LongRunningRecognizeResponse.pb()()
        _fill(response, _transcribe(cog, config, audio))
        return response
    return operations.start("", work, _metadata)


def streaming(cog: Any, requests: Iterator[Any]) -> Iterator[Any]:
    """``StreamingRecognize``: config first, then audio; interim results if asked."""
    first = next(requests, None)
    require(first is not None and first.HasField("streaming_config"),
            "The first StreamingRecognizeRequest must hold streaming_config.")
    streaming_config = first.streaming_config
    config = streaming_config.config
    _check_encoding(config)
    chunks = (request.audio_content for request in requests if request.audio_content)
    results = cog.speech.stream(chunks, language=config.language_code or "en-US",
                                sample_rate=config.sample_rate_hertz or None,
                                encoding=ENCODINGS.get(config.encoding),
                                word_timestamps=config.enable_word_time_offsets,
                                profanity_filter=config.profanity_filter)
    for transcript in results:
        if transcript.is_final or streaming_config.interim_results:
            yield _streaming_response(transcript)


def _checked(config: Any, audio: Any) -> tuple[Any, Any]:
    _check_encoding(config)
    require(audio.content or audio.uri, "RecognitionAudio not set: send audio.content "
                                        "(base64) or audio.uri.")
    require(not audio.uri or audio.uri.startswith("gs://"),
            "audio.uri must be a gs:// URI.")
    return config, audio


def _check_encoding(config: Any) -> None:
    require(config.encoding in ENCODINGS or config.encoding == 0,
            f"Encoding {config.encoding} is not read by cogsdk; use LINEAR16, FLAC, MULAW, "
            "AMR, AMR_WB, OGG_OPUS, MP3 or WEBM_OPUS.")


def _transcribe(cog: Any, config: Any, audio: Any) -> Any:
    _checked(config, audio)
    return cog.speech.transcribe(bytes(audio.content) or audio.uri,
                                 language=config.language_code or "en-US",
                                 word_timestamps=config.enable_word_time_offsets,
                                 sample_rate=config.sample_rate_hertz or None,
                                 encoding=ENCODINGS.get(config.encoding),
                                 profanity_filter=config.profanity_filter)


def _fill(response: Any, transcript: Any) -> None:
    if transcript.text:
        _result(response.results.add(), transcript)
    if transcript.words:
        response.total_billed_time.FromNanoseconds(int(transcript.words[-1].end * 1e9))


def _result(result: Any, transcript: Any) -> None:
    alternative = result.alternatives.add(transcript=transcript.text,
                                          confidence=transcript.confidence or 0.0)
    for word in transcript.words:
        info = alternative.words.add(word=word.word, confidence=word.confidence or 0.0)
        info.start_time.FromNanoseconds(int(word.start * 1e9))
        info.end_time.FromNanoseconds(int(word.end * 1e9))
    result.language_code = transcript.language.lower()
    if transcript.words:
        result.result_end_time.CopyFrom(alternative.words[-1].end_time)


def _streaming_response(transcript: Any) -> Any:
    response = speech_v1.StreamingRecognizeResponse.pb()()
    result = response.results.add(is_final=transcript.is_final,
                                  stability=0.0 if transcript.is_final else 0.5)
    _result(result, transcript)
    return response


def _metadata(progress: int, started: float) -> Any:
    metadata = speech_v1.LongRunningRecognizeMetadata.pb()(progress_percent=progress)
    metadata.start_time.FromNanoseconds(int(started * 1e9))
    metadata.last_update_time.GetCurrentTime()
    return metadata
