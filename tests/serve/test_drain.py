"""A server process under pressure: SIGTERM drains (the request in flight is answered,
new ones are refused, exit 0) and a full work queue answers 429 with Retry-After."""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.error
import urllib.request

from _server_process import ServerProcess


def _annotate(url: str, image: bytes, answers: list, copies: int = 1) -> None:
    one = {"image": {"content": base64.b64encode(image).decode()},
           "features": [{"type": "LABEL_DETECTION"}, {"type": "SAFE_SEARCH_DETECTION"}]}
    if copies > 1:  # seconds of work, so that it is surely in flight when the signal comes
        one["features"] += [{"type": "TEXT_DETECTION"}, {"type": "OBJECT_LOCALIZATION"}]
    body = {"requests": [one] * copies}
    request = urllib.request.Request(f"{url}/v1/images:annotate",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        answers.append((answer.status, json.loads(answer.read()), time.monotonic()))


def test_sigterm_answers_the_request_in_flight_then_exits(photos):
    server = ServerProcess("--drain-seconds", "60", "--grpc-port", "-1", ready="/healthz")
    answers: list = []
    caller = threading.Thread(target=_annotate, args=(server.url, photos["astronaut"],
                                                      answers, 16))
    caller.start()
    time.sleep(1.0)  # 16 images x 4 features: the request is still running
    started = time.monotonic()
    server.process.terminate()
    status, out, err = server.stop(timeout=90)
    caller.join(timeout=90)
    assert status == 0, err
    assert answers and answers[0][0] == 200
    assert answers[0][2] > started  # it was in flight when SIGTERM came
    assert answers[0][1]["responses"][0].get("labelAnnotations"), answers[0][1]
    assert time.monotonic() - started < 60
    try:
        urllib.request.urlopen(f"{server.url}/healthz", timeout=5)
        refused = False
    except urllib.error.HTTPError as error:
        refused = error.code == 503
    except OSError:  # the listening socket is gone
        refused = True
    assert refused


def test_a_full_queue_answers_429_with_retry_after(photos):
    server = ServerProcess("--workers", "1", "--queue", "0", "--grpc-port", "-1",
                           ready="/healthz")
    answers: list = []
    errors: list = []

    def call() -> None:
        try:
            _annotate(server.url, photos["coffee"], answers)
        except urllib.error.HTTPError as error:
            errors.append((error.code, error.headers.get("Retry-After"),
                           json.loads(error.read())["error"]["status"]))
    callers = [threading.Thread(target=call) for _ in range(4)]
    for caller in callers:  # one holds the only worker (cold models), the others bounce
        caller.start()
    for caller in callers:
        caller.join(timeout=120)
    server.stop()
    assert answers and errors
    assert set(errors) == {(429, "1", "RESOURCE_EXHAUSTED")}


def test_sigterm_under_load_answers_or_refuses_every_request(photos):
    server = ServerProcess("--workers", "1", "--grpc-port", "-1", ready="/healthz")
    answers: list = []
    outcomes: list = []

    def call() -> None:
        try:
            _annotate(server.url, photos["astronaut"], answers)
            outcomes.append(200)
        except urllib.error.HTTPError as error:
            outcomes.append(error.code)
        except OSError as error:  # a dropped request: what must not happen
            outcomes.append(repr(error))
    callers = [threading.Thread(target=call) for _ in range(5)]
    for caller in callers:
        caller.start()
    time.sleep(1.0)  # one runs (cold models), four wait for the only worker
    server.process.terminate()
    for caller in callers:
        caller.join(timeout=120)
    status, _, err = server.stop(timeout=90)
    assert status == 0, err
    assert len(outcomes) == 5 and set(outcomes) <= {200, 503}, outcomes
    assert 200 in outcomes
