"""The gRPC side (insecure; meant for loopback): the same handlers as REST, plus Speech
``StreamingRecognize``, which REST cannot carry. Named ``grpc_server`` so that it never
shadows the ``grpc`` package."""

from __future__ import annotations

import time
from concurrent import futures
from typing import Any, Callable, Iterator

import grpc

from . import auth, endpoints as ep, speech
from .state import ServerState
from .wire import ApiError, api_error

MAX_MESSAGE_BYTES = 64 * 2**20
"""Largest message in or out (gRPC's default of 4 MB is below Vision's 10 MB)."""
_CODES = {code.value[0]: code for code in grpc.StatusCode}


def _unary_methods() -> dict[str, dict[str, ep.Method]]:
    """{gRPC service: {rpc: method}} as in the clients' transports/grpc.py."""
    language = {version: {rpc: method for (v, rpc), method in ep.LANGUAGE.items()
                          if v == version} for version in ("v1", "v2")}
    return {
        "google.cloud.vision.v1.ImageAnnotator": {"BatchAnnotateImages": ep.VISION_ANNOTATE},
        "google.cloud.speech.v1.Speech": {"Recognize": ep.SPEECH_RECOGNIZE,
                                          "LongRunningRecognize": ep.SPEECH_LONG},
        "google.longrunning.Operations": {"GetOperation": ep.OPERATION},
        "google.cloud.language.v1.LanguageService": language["v1"],
        "google.cloud.language.v2.LanguageService": language["v2"],
        "google.cloud.translation.v3.TranslationService": {
            "TranslateText": ep.TRANSLATE_V3, "DetectLanguage": ep.DETECT_V3,
            "GetSupportedLanguages": ep.LANGUAGES_V3},
        "google.cloud.videointelligence.v1.VideoIntelligenceService": {
            "AnnotateVideo": ep.VIDEO_ANNOTATE},
    }


def start(state: ServerState, host: str, port: int, workers: int = 8) -> tuple[Any, int]:
    """Serve on ``host:port`` (0: a free port); returns the started server and its port."""
    server = grpc.server(futures.ThreadPoolExecutor(workers, thread_name_prefix="cogsdk-grpc"),
                         maximum_concurrent_rpcs=workers * 4,  # beyond: RESOURCE_EXHAUSTED
                         options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                                  ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
    for service, methods in _unary_methods().items():
        handlers = {rpc: _unary(state, method) for rpc, method in methods.items()}
        if service == "google.cloud.speech.v1.Speech":
            handlers["StreamingRecognize"] = grpc.stream_stream_rpc_method_handler(
                _streaming(state), request_deserializer=speech.STREAMING.FromString,
                response_serializer=lambda message: message.SerializeToString())
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service,
                                                                            handlers),))
    bound = server.add_insecure_port(f"{host}:{port}")
    server.start()
    return server, bound


def _unary(state: ServerState, method: ep.Method) -> Any:
    def handle(request: Any, context: grpc.ServicerContext) -> Any:
        return _guarded(state, method.name, context, lambda: method.handle(state, request))
    return grpc.unary_unary_rpc_method_handler(
        handle, request_deserializer=method.request.FromString,
        response_serializer=lambda message: message.SerializeToString())


def _streaming(state: ServerState) -> Callable[[Iterator, grpc.ServicerContext], Iterator]:
    def handle(requests: Iterator, context: grpc.ServicerContext) -> Iterator:
        started = time.perf_counter()
        failure = None
        try:  # answers are yielded under the guard: a stream may fail mid-way
            _admit(state, context)
            yield from speech.streaming(state.cog, requests)
        except Exception as error:  # noqa: BLE001 - every failure answers a status
            failure = api_error(error)
        finally:
            _record(state, "speech.streamingrecognize", failure, started)
        if failure is not None:
            context.abort(_CODES[failure.grpc_code], failure.message)
    return handle


def _guarded(state: ServerState, name: str, context: grpc.ServicerContext,
             work: Callable[[], Any]) -> Any:
    """Run ``work``; a failure aborts the call with Google's gRPC status."""
    started = time.perf_counter()
    failure = None
    try:
        _admit(state, context)
        return work()
    except Exception as error:  # noqa: BLE001 - every failure answers a status
        failure = api_error(error)
    finally:
        _record(state, name, failure, started)
    context.abort(_CODES[failure.grpc_code], failure.message)


def _record(state: ServerState, name: str, failure: Any, started: float) -> None:
    code = failure.http_code if failure is not None else 200
    state.metrics.request("grpc", name, code, time.perf_counter() - started)


def _admit(state: ServerState, context: grpc.ServicerContext) -> None:
    if state.closing:
        raise ApiError("UNAVAILABLE", "The server is shutting down; retry on another.")
    metadata = dict(context.invocation_metadata())
    auth.check(state.api_key, auth.presented(None, metadata.get("x-goog-api-key"),
                                             metadata.get("authorization")))
