"""Eight threads on one client, mixed methods: no errors, one backend instance each."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from cogsdk import Cog, _registry, register_backend

pytest.importorskip("google.cloud.vision_v1")
from cogsdk.vision.google import GoogleVision  # noqa: E402


class CountingVision(GoogleVision):
    built = 0

    def __init__(self, settings):
        type(self).built += 1
        super().__init__(settings)


@pytest.fixture
def counting_vision():
    register_backend("vision", "counting", CountingVision, kind="cloud", extra="cloud")
    yield CountingVision
    _registry.unregister("vision", "counting")


def test_eight_threads_mixed_cloud_methods(fake_google, png_bytes, counting_vision):
    cog = Cog(mode="cloud", endpoint=fake_google.url, routes={"vision.labels": "counting"})
    calls = [lambda: cog.vision.labels(png_bytes)[0].description,
             lambda: cog.vision.labels([png_bytes] * 20)[19][0].description,
             lambda: cog.language.sentiment("good good").score > 0,
             lambda: cog.translation.translate(["a", "b"], "de")[1].text,
             lambda: cog.speech.transcribe(np.zeros(800, np.float32), sample_rate=8000).text,
             lambda: len(cog.video.shots("gs://b/c.mp4"))]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: calls[i % len(calls)](), range(48)))
    assert results[:6] == ["Cat", "Cat", True, "[de] b", "how old is the Brooklyn Bridge", 2]
    assert results[6:] == results[:6] * 7
    assert counting_vision.built == 1  # one backend instance for all eight threads
    assert cog._router.backend("language", "google") is cog._router.backend("language",
                                                                             "google")


def test_eight_threads_mixed_local_methods(png_bytes, monkeypatch):
    ort = pytest.importorskip("onnxruntime")
    from collections import Counter

    from cogsdk import MissingDependency, models

    opened = Counter()

    class CountingSession(ort.InferenceSession):
        def __init__(self, path, *args, **kwargs):
            opened[str(path)] += 1
            super().__init__(path, *args, **kwargs)

    models.close_sessions()  # start cold, so every model loads here
    monkeypatch.setattr(ort, "InferenceSession", CountingSession)
    cog = Cog(mode="local", offline=True, device="cpu")
    calls = [lambda: cog.vision.labels(png_bytes).backend,
             lambda: cog.vision.annotate([png_bytes] * 3, ["labels", "safe_search"])[2].backend,
             lambda: cog.language.sentiment("What a lovely, lovely day.").backend,
             lambda: cog.translation.detect_language("Das ist ein schöner Tag.").language]
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda i: calls[i % len(calls)](), range(32)))
    except MissingDependency as error:
        pytest.skip(str(error))
    assert results == ["local", "local", "local", "de"] * 8
    assert {("mobilenet_v2", "cpu"), ("open_nsfw", "cpu")} <= set(models.open_sessions())
    assert opened and set(opened.values()) == {1}  # each model file opened exactly once
