"""The server's parts without a process: the bounded work pool, the batcher, offsets,
error mapping and the vision wire (strictly valid against Google's own messages)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from cogsdk.errors import InvalidInput, RateLimited, UnsupportedFeature, UnsupportedLanguage


def test_a_full_work_pool_refuses_with_429_and_retry_after():
    from cogsdk.serve.state import WorkPool
    from cogsdk.serve.wire import ApiError

    pool = WorkPool(workers=1, queue=1)
    release = threading.Event()

    async def three_at_once():
        return await asyncio.gather(*(pool.run(release.wait) for _ in range(3)),
                                    asyncio.to_thread(lambda: time.sleep(0.2) or
                                                      release.set()),
                                    return_exceptions=True)
    answers = asyncio.run(three_at_once())
    refused = [a for a in answers if isinstance(a, ApiError)]
    assert len(refused) == 1 and refused[0].http_code == 429 and refused[0].retry_after
    assert answers.count(True) == 2
    pool.close()


def test_the_batcher_runs_concurrent_callers_in_one_call():
    from cogsdk.serve.batching import LabelBatcher
    from cogsdk.serve.metrics import Metrics

    calls = []

    class Vision:
        def annotate(self, images, features):
            calls.append(list(images))
            return [f"labels of {image}" for image in images]

    class Cog:
        vision = Vision()
    batcher = LabelBatcher(Cog(), Metrics(), size=8, wait=0.2)
    answers: dict = {}
    threads = [threading.Thread(target=lambda n=n: answers.update({n: batcher.labels([n])}))
               for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    batcher.close()
    assert answers == {n: [f"labels of {n}"] for n in range(4)}
    assert len(calls) == 1 and sorted(calls[0]) == [0, 1, 2, 3]


def test_offsets_follow_the_encoding_type():
    from cogsdk.serve.language import _Offsets

    text = "😀 café Rowling"  # an astral emoji and an accent before the name
    start = text.index("Rowling")
    assert [_Offsets(text, encoding)(start) for encoding in (0, 1, 2, 3)] == \
        [-1, len(text[:start].encode()), start + 1, start]


@pytest.mark.parametrize("error, code", [
    (InvalidInput("bad"), 400), (UnsupportedLanguage("no xx"), 400),
    (UnsupportedFeature("no logos"), 501), (RateLimited("slow down", retry_after=2), 429),
    (KeyError("secret text"), 500)])
def test_cog_errors_map_to_google_statuses(error, code):
    from cogsdk.serve.wire import api_error

    mapped = api_error(error)
    assert mapped.http_code == code
    assert "secret" not in mapped.message  # an unexpected crash never echoes its text


def test_vision_wire_writes_messages_google_would_accept():
    from google.cloud import vision_v1
    from google.protobuf import json_format

    from cogsdk import BoundingBox, Likelihood
    from cogsdk.serve import vision_wire
    from cogsdk.vision.types import (Annotation, Face, Faces, Label, Labels, Landmark,
                                     TextBlock, TextLine, TextResult)

    box = BoundingBox(10, 20, 110, 60)
    annotation = Annotation(
        labels=Labels(items=(Label("Cat", 0.9, "n02121620"), Label("Pet", 0.5))),
        faces=Faces(items=(Face(box, (Landmark("LEFT_EYE", 30, 30),), joy=Likelihood.LIKELY),)),
        text=TextResult(text="Hello world", blocks=(TextBlock(
            "Hello world", box, lines=(TextLine("Hello world", box),)),)))
    slot = vision_v1.AnnotateImageResponse.pb()()
    vision_wire.fill(slot, annotation, {"labels": 1, "faces": 0, "text": 0})
    data = json_format.MessageToDict(slot)
    json_format.ParseDict(data, vision_v1.AnnotateImageResponse.pb()(),
                          ignore_unknown_fields=False)
    assert [x["description"] for x in data["labelAnnotations"]] == ["Cat"]
    assert data["faceAnnotations"][0]["joyLikelihood"] == "LIKELY"
    assert data["faceAnnotations"][0]["landmarks"][0]["type"] == "LEFT_EYE"
    assert data["textAnnotations"][0]["description"] == "Hello world"
    words = data["fullTextAnnotation"]["pages"][0]["blocks"][0]["paragraphs"][0]["words"]
    assert ["".join(s["text"] for s in w["symbols"]) for w in words] == ["Hello", "world"]
