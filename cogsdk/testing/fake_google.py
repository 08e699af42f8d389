"""A fake Google Cloud REST server on 127.0.0.1 with scriptable faults."""

from __future__ import annotations

import base64
import dataclasses
import json
import threading
import time
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional

from . import _language_payloads, _payloads


@dataclasses.dataclass
class Fault:
    """What to do instead of answering: an HTTP error, a delay, a reset, or bad JSON."""

    status: int = 503
    headers: dict = dataclasses.field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False
    body: Optional[bytes] = None
    """Raw body to send (e.g. malformed JSON) instead of Google's error JSON."""
    reason: str = ""
    message: str = "injected fault"
    """The error message of Google's error JSON, e.g. "Quota exceeded for ... per day"."""


class FakeGoogle:
    """Loopback server for vision, speech, language, translate (v2/v3) and video.

    ``fail(path_part, fault, times)`` queues faults for requests whose path contains
    ``path_part``. ``requests`` logs ``(method, path, json_body)`` of every request.
    Answers are canned but shaped exactly like Google's (see ``_payloads``).
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.requests: list[tuple[str, str, Any]] = []
        self.operations: dict[str, dict] = {}
        self.operation_polls_before_done = 1
        self.latency = 0.0
        """Seconds every answer is held back, to mimic a real network round trip."""
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: Optional[threading.Thread] = None
        self._grpc: Any = None
        self.grpc_url: Optional[str] = None
        """``http://127.0.0.1:PORT`` of the gRPC side (Speech streaming), once started;
        pass it as ``Cog(endpoints={"speech_stream": fake.grpc_url})``."""

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeGoogle":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        try:
            from . import _grpc_speech
        except ImportError:  # grpcio comes with the cloud extra; REST works without it
            return self
        self._grpc, port = _grpc_speech.start(self)
        self.grpc_url = f"http://127.0.0.1:{port}"
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._grpc is not None:
            self._grpc.stop(grace=None)

    def __enter__(self) -> "FakeGoogle":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def fail(self, path_part: str, fault: Fault | int = 503, times: int = 1) -> None:
        """Make the next ``times`` requests whose path contains ``path_part`` fail."""
        fault = fault if isinstance(fault, Fault) else Fault(status=fault)
        with self._lock:
            self._faults[path_part].extend([fault] * times)

    def count(self, path_part: str) -> int:
        return sum(1 for _, path, _ in self.requests if path_part in path)

    def _log(self, method: str, path: str, body: Any) -> None:
        with self._lock:
            self.requests.append((method, path, body))

    def _next_fault(self, path: str) -> Optional[Fault]:
        with self._lock:
            for part, queue in self._faults.items():
                if part in path and queue:
                    return queue.popleft()
        return None

    def _route(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        route = path.split("?")[0]
        for suffix, answer in _ROUTES:
            if route.endswith(suffix):
                return 200, answer(self, body)
        if method == "GET" and "/operations/" in route:
            name = route.split("/v1/", 1)[-1]
            return self._poll(name.removeprefix("operations/"))
        return 404, _payloads.error(404, f"No such method: {route}", "NOT_FOUND")

    def _start_operation(self, kind: str, response: dict) -> dict:
        with self._lock:
            number = len(self.operations) + 1
            # Speech names operations by number; Video by full resource path.
            name = str(number) if kind == "speech" else \
                f"projects/fake/locations/us-east1/operations/{number}"
            self.operations[name] = {"kind": kind, "response": response, "polls": 0}
        return {"name": name, "metadata": _payloads.operation_metadata(kind, 0)}

    def _poll(self, name: str) -> tuple[int, Any]:
        with self._lock:
            op = self.operations.get(name)
            if op is None:
                return 404, _payloads.error(404, f"No operation {name}", "NOT_FOUND")
            op["polls"] += 1
            done = op["polls"] > self.operation_polls_before_done
        answer = {"name": name, "done": done,
                  "metadata": _payloads.operation_metadata(op["kind"], 100 if done else 50)}
        if done:
            answer["response"] = op["response"]
        return 200, answer


def _vision(fake: FakeGoogle, body: dict) -> dict:
    return {"responses": [_payloads.annotate_image(r) for r in body.get("requests", [])]}


def _speech_sync(fake: FakeGoogle, body: dict) -> dict:
    return _payloads.recognize(body)


def _speech_long(fake: FakeGoogle, body: dict) -> dict:
    response = dict(_payloads.recognize(body),
                    **{"@type": "type.googleapis.com/google.cloud.speech.v1."
                                "LongRunningRecognizeResponse"})
    return fake._start_operation("speech", response)


def _video(fake: FakeGoogle, body: dict) -> dict:
    return fake._start_operation("video", _payloads.annotate_video(body))


_ROUTES: list[tuple[str, Callable[[FakeGoogle, Any], Any]]] = [
    ("/v1/images:annotate", _vision),
    ("/v1/speech:recognize", _speech_sync),
    ("/v1/speech:longrunningrecognize", _speech_long),
    ("/v1/documents:analyzeEntities", lambda f, b: _payloads.entities(b)),
    ("/v1/documents:analyzeSentiment", lambda f, b: _payloads.sentiment(b)),
    ("/v1/documents:analyzeSyntax", lambda f, b: _payloads.syntax(b)),
    ("/v1/documents:classifyText", lambda f, b: _payloads.classify(b)),
    ("/v1/documents:annotateText", lambda f, b: _language_payloads.annotate_text(b)),
    ("/v1/documents:analyzeEntitySentiment",
     lambda f, b: _language_payloads.entity_sentiment(b)),
    ("/v2/documents:moderateText", lambda f, b: _language_payloads.moderate(b)),
    (":translateText", lambda f, b: _payloads.translate_v3(b)),
    (":detectLanguage", lambda f, b: _payloads.detect_v3(b)),
    ("/language/translate/v2/detect", lambda f, b: _payloads.detect_v2(b)),
    ("/language/translate/v2", lambda f, b: _payloads.translate_v2(b)),
    ("/v1/videos:annotate", _video),
]


def _handler_for(fake: FakeGoogle) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else delayed ACKs add ~40 ms per answer

        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            self._serve("GET", None)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = _form(raw)
            self._serve("POST", body)

        def _serve(self, method: str, body: Any) -> None:
            fake._log(method, self.path, body)
            if fake.latency:
                time.sleep(fake.latency)
            fault = fake._next_fault(self.path)
            if fault is not None and self._fault(fault):
                return
            status, payload = fake._route(method, self.path, body)
            self._send(status, json.dumps(payload).encode())

        def _fault(self, fault: Fault) -> bool:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.reset:
                self.close_connection = True
                self.connection.shutdown(2)
                return True
            if fault.status == 200 and fault.body is None:
                return False  # only a delay
            body = fault.body if fault.body is not None else json.dumps(
                _payloads.error(fault.status, fault.message, fault.reason)).encode()
            self._send(fault.status, body, fault.headers)
            return True

        def _send(self, status: int, body: bytes, headers: Optional[dict] = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, str(value))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _form(raw: bytes) -> dict:
    from urllib.parse import parse_qs

    return {k: v for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


def b64decode(text: str) -> bytes:
    return base64.b64decode(text or "")
