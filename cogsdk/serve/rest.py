"""The REST side: a Starlette ASGI app with Google's paths, JSON in and out, Google's
error shape, the API key check, the access log, health and metrics."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import auth, endpoints as ep
from .access_log import AccessLog
from .state import ServerState
from .wire import ApiError, api_error, parse, to_json

STATIC = Path(__file__).parent / "static"
_SYSTEM_PARAMS = {"key", "$alt", "alt", "prettyPrint", "fields", "callback", "quotaUser"}
LOG = logging.getLogger("cogsdk.serve")
DRAIN_LIMIT = 128 * 2**20
Fields = Callable[[dict], dict]
"""What a path template fills in the message, e.g. ``parent`` from project and location."""


def _parent(params: dict) -> dict:
    location = f"/locations/{params['location']}" if "location" in params else ""
    return {"parent": f"projects/{params['project']}{location}"}


def _routes() -> list[tuple[str, str, ep.Method, Optional[Fields]]]:
    """(HTTP method, path, Google method, path fields), as in the clients' rest_base.py."""
    routes = [("POST", "/v1/images:annotate", ep.VISION_ANNOTATE, None),
              ("POST", "/v1/projects/{project}/images:annotate", ep.VISION_ANNOTATE, _parent),
              ("POST", "/v1/projects/{project}/locations/{location}/images:annotate",
               ep.VISION_ANNOTATE, _parent),
              ("POST", "/v1/speech:recognize", ep.SPEECH_RECOGNIZE, None),
              ("POST", "/v1/speech:longrunningrecognize", ep.SPEECH_LONG, None),
              ("GET", "/v1/operations/{name:path}", ep.OPERATION,
               lambda params: {"name": params["name"]}),
              ("POST", "/v1/videos:annotate", ep.VIDEO_ANNOTATE, None),
              ("GET", "/v1/projects/{project}/locations/{location}/operations/{id}",
               ep.OPERATION, lambda p: {"name": f"projects/{p['project']}/locations/"
                                                f"{p['location']}/operations/{p['id']}"})]
    for (version, method), google in ep.LANGUAGE.items():
        path = f"/{version}/documents:{method[0].lower()}{method[1:]}"
        routes.append(("POST", path, google, None))
    for parent in ("/v3/projects/{project}", "/v3/projects/{project}/locations/{location}"):
        routes += [("POST", f"{parent}:translateText", ep.TRANSLATE_V3, _parent),
                   ("POST", f"{parent}:detectLanguage", ep.DETECT_V3, _parent),
                   ("GET", f"{parent}/supportedLanguages", ep.LANGUAGES_V3, _parent)]
    for verb in ("GET", "POST"):  # v2 takes its parameters in the query or the body
        routes += [(verb, "/language/translate/v2", ep.TRANSLATE_V2, None),
                   (verb, "/language/translate/v2/detect", ep.DETECT_V2, None),
                   (verb, "/language/translate/v2/languages", ep.LANGUAGES_V2, None)]
    return routes


def create_app(state: ServerState) -> Any:
    """The ASGI app serving ``state``: Google's paths, ``/healthz``, ``/readyz``,
    ``/metrics`` and the demo page at ``/``."""
    routes: list = [Route(path, _endpoint(state, google, fields), methods=[verb],
                          name=f"{google.name}:{verb}:{path}")
                    for verb, path, google, fields in _routes()]
    routes += [Route("/healthz", lambda request: JSONResponse({"status": "ok"})),
               Route("/readyz", lambda request: _ready(state)),
               Route("/metrics", lambda request: _metrics(state, request)),
               Route("/", lambda request: FileResponse(STATIC / "index.html")),
               Mount("/static", StaticFiles(directory=STATIC), name="static")]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    return AccessLog(app, state.metrics)


def _endpoint(state: ServerState, google: ep.Method, fields: Optional[Fields]):
    async def serve(request: Request) -> Response:
        request.scope["cogsdk.route"] = google.name
        try:
            _admit(state, request)
            message = await _message(request, google, fields)
            answer = await state.work.run(lambda: google.handle(state, message))
            if google.request is not None:
                answer = to_json(answer, "enum-encoding=int" in
                                 request.query_params.get("$alt", ""))
            return JSONResponse(answer)
        except Exception as error:  # noqa: BLE001 - every failure answers Google's shape
            return error_response(_logged(api_error(error), error, google.name))
    return serve


def _admit(state: ServerState, request: Request) -> None:
    if state.closing:
        raise ApiError("UNAVAILABLE", "The server is shutting down; retry on another.")
    _check_key(state, request)


def _check_key(state: ServerState, request: Request) -> None:
    headers = request.headers
    auth.check(state.api_key, auth.presented(request.query_params.get("key"),
                                             headers.get("x-goog-api-key"),
                                             headers.get("authorization")))


async def _message(request: Request, google: ep.Method, fields: Optional[Fields]) -> Any:
    data = _query(request) if google.request is None or request.method == "GET" else {}
    data.update(await _body(request, google.limit, form=google.request is None))
    data.update(fields(request.path_params) if fields else {})
    if google.request is None:
        return data
    # On a GET, query parameters the method does not have are ignored.
    return parse(google.request, data, ignore_unknown=request.method == "GET")


def _query(request: Request) -> dict:
    data: dict = {}
    for key, value in request.query_params.multi_items():
        if key == "q":  # Translation v2 repeats q, one per text
            data.setdefault("q", []).append(value)
        elif key not in _SYSTEM_PARAMS:
            data[key] = value
    return data


async def _body(request: Request, limit: int, form: bool) -> dict:
    raw, size = bytearray(), 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            raw += chunk
        elif size > DRAIN_LIMIT:  # read and drop the rest of a body up to this, so that
            break                 # the client gets the 400 and not a reset connection
    if size > limit:
        raise ApiError("INVALID_ARGUMENT", f"Request payload size exceeds the limit: "
                                           f"{limit} bytes.")
    if not raw.strip():
        return {}
    if form and request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"):  # Translation v2 takes curl -d q=...
        return {k: v if k == "q" else v[-1] for k, v in parse_qs(raw.decode()).items()}
    try:
        data = json.loads(raw)
    except ValueError:
        raise ApiError("INVALID_ARGUMENT", "Invalid JSON payload received: the body is not "
                                           "JSON.") from None
    if not isinstance(data, dict):
        raise ApiError("INVALID_ARGUMENT", "Invalid JSON payload received: expected an "
                                           "object.")
    return data


def _logged(answer: ApiError, error: Exception, name: str) -> ApiError:
    """Log a crash (its type and traceback: messages may quote request content)."""
    if answer.status == "INTERNAL":
        LOG.error("internal error in %s: %s", name, type(error).__name__,
                  exc_info=error if LOG.isEnabledFor(logging.DEBUG) else None)
    return answer


def error_response(error: ApiError) -> JSONResponse:
    """Google's error JSON with the matching HTTP status (and Retry-After on 429)."""
    headers = {"Retry-After": str(int(error.retry_after))} if error.retry_after else None
    return JSONResponse(error.to_json(), status_code=error.http_code, headers=headers)


async def _http_error(request: Request, error: HTTPException) -> Response:
    status = {404: "NOT_FOUND", 405: "NOT_FOUND"}.get(error.status_code, "INVALID_ARGUMENT")
    message = f"The requested URL {request.url.path} was not found on this server." \
        if status == "NOT_FOUND" else str(error.detail)
    return error_response(ApiError(status, message))


def _ready(state: ServerState) -> Response:
    if state.ready.is_set() and not state.closing:
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "loading" if not state.closing else "closing"},
                        status_code=503)


def _metrics(state: ServerState, request: Request) -> Response:
    try:
        _check_key(state, request)
    except ApiError as error:
        return error_response(error)
    return PlainTextResponse(state.metrics.text(), media_type="text/plain; version=0.0.4")
