"""The gRPC side of FakeGoogle: Speech ``StreamingRecognize`` (REST cannot stream).

Interim results grow word by word as audio arrives; the final result comes when the
client closes its side. Faults queued under ``"StreamingRecognize"`` abort the call with
the gRPC status matching their HTTP status.
"""

from __future__ import annotations

from concurrent import futures
from typing import Any, Iterator

import grpc
from google.cloud.speech_v1.types import cloud_speech

from . import _payloads

SERVICE = "google.cloud.speech.v1.Speech"
_CODES = {400: grpc.StatusCode.INVALID_ARGUMENT, 403: grpc.StatusCode.PERMISSION_DENIED,
          429: grpc.StatusCode.RESOURCE_EXHAUSTED, 503: grpc.StatusCode.UNAVAILABLE,
          504: grpc.StatusCode.DEADLINE_EXCEEDED}


def start(fake: Any) -> tuple[grpc.Server, int]:
    """Serve StreamingRecognize for ``fake`` on a free loopback port."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    handler = grpc.method_handlers_generic_handler(SERVICE, {
        "StreamingRecognize": grpc.stream_stream_rpc_method_handler(
            lambda requests, context: _recognize(fake, requests, context),
            request_deserializer=cloud_speech.StreamingRecognizeRequest.deserialize,
            response_serializer=cloud_speech.StreamingRecognizeResponse.serialize)})
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    return server, port


def _recognize(fake: Any, requests: Iterator, context: grpc.ServicerContext):
    fault = fake._next_fault("/StreamingRecognize")
    if fault is not None and fault.status != 200:
        context.abort(_CODES.get(fault.status, grpc.StatusCode.INTERNAL), fault.message)
    first = next(requests, None)
    if first is None or "streaming_config" not in first:
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "first request must hold the config")
    config = first.streaming_config
    fake._log("STREAM", "/StreamingRecognize", _logged(config.config))
    words = _payloads.TRANSCRIPT.split()
    heard = 0
    for request in requests:
        if request.audio_content:
            heard += 1
            if config.interim_results:
                yield _response(" ".join(words[:min(heard, len(words))]), False, config)
    if heard:
        yield _response(_payloads.TRANSCRIPT, True, config)


def _logged(config) -> dict:
    """What the tests check of the config; options only when they differ from defaults."""
    logged = {"language": config.language_code, "encoding": int(config.encoding),
              "rate": config.sample_rate_hertz}
    if config.max_alternatives > 1:
        logged["max_alternatives"] = config.max_alternatives
    if config.speech_contexts:
        logged["phrases"] = [p for c in config.speech_contexts for p in c.phrases]
    if not config.enable_automatic_punctuation:
        logged["punctuation"] = False
    return logged


def _response(text: str, final: bool, config) -> cloud_speech.StreamingRecognizeResponse:
    alternatives = [cloud_speech.SpeechRecognitionAlternative(
        transcript=text, confidence=0.92 if final else 0.0)]
    if final:
        alternatives += [cloud_speech.SpeechRecognitionAlternative(**a) for a in
                         _payloads.ALTERNATIVES[:config.config.max_alternatives - 1]]
    return cloud_speech.StreamingRecognizeResponse(results=[
        cloud_speech.StreamingRecognitionResult(
            alternatives=alternatives, is_final=final, stability=0.0 if final else 0.8,
            language_code=config.config.language_code.lower())])
