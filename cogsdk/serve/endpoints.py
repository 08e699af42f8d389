"""Every Google method this server answers, once, for both transports: its protobuf
request class, its handler ``handle(state, request) -> response`` and its body limit.
``rest.py`` gives each its HTTP paths, ``grpc_server.py`` its gRPC service name."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Optional

from google.longrunning import operations_pb2

from . import language, speech, translation, video, vision

MIB = 2**20
REQUEST_LIMIT = 10 * MIB
"""Google's limit of a JSON request body (Vision, Speech sync); larger is a 400."""


@dataclasses.dataclass(frozen=True)
class Method:
    """One Google method. ``request`` is None for Translation v2 (plain JSON, no proto)."""

    name: str
    request: Optional[type]
    handle: Callable[[Any, Any], Any]
    limit: int = REQUEST_LIMIT


def _language(version: str, method: str) -> Method:
    handle = language.handler(version, method)
    return Method(f"language.{version}.{method}", language.request_class(version, method),
                  lambda state, request: handle(state.cog, request),
                  limit=2 * MIB)  # Google: 1,000,000 bytes of text, JSON-escaped


VISION_ANNOTATE = Method("vision.annotate", vision.REQUEST, lambda state, request:
                         vision.batch_annotate(request, state.annotate,
                                               state.vision_features()))
SPEECH_RECOGNIZE = Method("speech.recognize", speech.RECOGNIZE,
                          lambda state, request: speech.recognize(state.cog, request))
SPEECH_LONG = Method("speech.longrunningrecognize", speech.LONG_RUNNING,
                     lambda state, request: speech.long_running(state.cog, request,
                                                                state.operations),
                     limit=512 * MIB)  # cogsdk reads long audio inline; Google needs gs://
VIDEO_ANNOTATE = Method("video.annotate", video.REQUEST,
                        lambda state, request: video.annotate(state.cog, request,
                                                              state.operations),
                        limit=64 * MIB)
TRANSLATE_V3 = Method("translate.v3.translateText", translation.V3_TRANSLATE,
                      lambda state, request: translation.translate_v3(state.cog, request))
DETECT_V3 = Method("translate.v3.detectLanguage", translation.V3_DETECT,
                   lambda state, request: translation.detect_v3(state.cog, request))
LANGUAGES_V3 = Method("translate.v3.supportedLanguages", translation.V3_LANGUAGES,
                      lambda state, request: translation.languages_v3(
                          state.translation_pairs()))
TRANSLATE_V2 = Method("translate.v2.translate", None,
                      lambda state, params: translation.translate_v2(state.cog, params))
DETECT_V2 = Method("translate.v2.detect", None,
                   lambda state, params: translation.detect_v2(state.cog, params))
LANGUAGES_V2 = Method("translate.v2.languages", None,
                      lambda state, params: translation.languages_v2(
                          {code for pair in state.translation_pairs() for code in pair}))
LANGUAGE = {(version, method): _language(version, method)
            for version, methods in (("v1", ("AnalyzeEntities", "AnalyzeSentiment",
                                             "AnalyzeSyntax", "ClassifyText",
                                             "AnnotateText")),
                                     ("v2", ("AnalyzeEntities", "AnalyzeSentiment",
                                             "ClassifyText", "AnnotateText")))
            for method in methods}
"""Natural Language methods by (version, rpc name); v2 has no AnalyzeSyntax."""
OPERATION = Method("operations.get", operations_pb2.GetOperationRequest,
                   lambda state, request: state.operations.get(request.name))
