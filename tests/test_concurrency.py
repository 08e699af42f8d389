"""Eight threads on one client, mixed methods: no errors, one backend instance each."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from cogsdk import Cog

pytest.importorskip("google.cloud.vision_v1")


def test_eight_threads_mixed_cloud_methods(fake_google, png_bytes, monkeypatch):
    from cogsdk import _registry

    built = []
    real = _registry.backend_class

    def counting(service, name):
        cls = real(service, name)
        built.append((service, name))
        return cls
    monkeypatch.setattr(_registry, "backend_class", counting)
    cog = Cog(mode="cloud", endpoint=fake_google.url)
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
    assert sorted(built) == sorted(set(built))  # each backend built exactly once
