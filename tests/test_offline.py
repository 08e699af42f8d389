"""Offline is a guarantee: the guard stops any connection inside an offline call."""

import socket
import threading

import pytest

from cogsdk import Cog, OfflineViolation
from cogsdk._offline import guard
from cogsdk.translation.base import TranslationBackend
from cogsdk.translation.types import Translation


class Leaky(TranslationBackend):
    """A 'local' backend that phones home: offline mode must stop it."""

    name = "local"

    def translate(self, texts, target, source):
        socket.create_connection(("127.0.0.1", 9), timeout=0.5)
        return [Translation(text=t, backend="local") for t in texts]

    def detect(self, texts):
        socket.getaddrinfo("example.com", 443)
        return []


def test_a_connection_inside_an_offline_call_is_stopped():
    cog = Cog(offline=True, backends=[Leaky()])
    with pytest.raises(OfflineViolation, match=r"socket\."):
        cog.translation.translate("hi", "es")
    with pytest.raises(OfflineViolation, match="getaddrinfo"):
        cog.translation.detect_language("hi")


def test_online_clients_and_other_threads_are_not_affected(fake_google):
    host, port = fake_google.url.split("//")[1].split(":")
    errors = []

    def other_thread():
        try:
            socket.create_connection((host, int(port)), timeout=2).close()
        except OSError as error:  # pragma: no cover - would fail the assert below
            errors.append(error)

    with guard():
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert errors == []
    socket.create_connection((host, int(port)), timeout=2).close()  # guard is gone


def test_offline_rejects_remote_uris_clearly(no_sockets):
    from cogsdk import InvalidInput

    cog = Cog(offline=True)
    for result in (cog.vision.labels(["gs://bucket/cat.jpg"])[0],
                   cog.video.shots(["gs://bucket/clip.mp4"])[0]):
        assert isinstance(result, InvalidInput)
        assert "cannot be read offline" in str(result)
