"""Test-wide guards: no test may reach a real network address.

Every connection to a non-loopback address fails the test. The ``no_sockets`` fixture
goes further and fails on any connection at all (for offline-mode tests).
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(AssertionError):
    pass


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self, address):
        if getattr(socket, "_cogsdk_block_all", False) or not _is_loopback(address):
            raise NetworkBlocked(f"test tried to connect to {address!r}")
        return real(self, address)
    return connect


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    socket.socket.connect = _guarded(_real_connect)
    socket.socket.connect_ex = _guarded(_real_connect_ex)
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex


@pytest.fixture
def no_sockets(monkeypatch):
    """Fail the test if anything opens a network connection or resolves a name."""
    monkeypatch.setattr(socket, "_cogsdk_block_all", True, raising=False)

    def no_lookup(*args, **kwargs):
        raise NetworkBlocked(f"test tried to resolve {args[:2]!r}")
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    yield


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    """Tests never see the developer's credentials or COGSDK_* settings."""
    for name in ("COGSDK_MODE", "COGSDK_OFFLINE", "COGSDK_DEVICE", "COGSDK_ENDPOINT",
                 "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path / "gcloud"))  # no gcloud ADC file


def _strict_parse(payload: dict, message_class) -> None:
    """Fail unless ``payload`` parses as ``message_class`` with no unknown field."""
    from google.protobuf import json_format

    payload = {k: v for k, v in payload.items() if k != "@type"}  # the Any wrapper's tag
    json_format.ParseDict(payload, message_class.pb()(), ignore_unknown_fields=False)


@pytest.fixture
def strict():
    """``strict(payload, MessageClass)``: validate a test double's JSON like Google would."""
    pytest.importorskip("google.protobuf")
    return _strict_parse


@pytest.fixture
def fake_google():
    """A running loopback FakeGoogle server."""
    from cogsdk.testing import FakeGoogle

    with FakeGoogle() as fake:
        yield fake


@pytest.fixture
def png_bytes() -> bytes:
    """A small real PNG (a gradient), encoded with Pillow."""
    import io

    from PIL import Image

    picture = Image.linear_gradient("L").resize((64, 48)).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def make_wav():
    """``make_wav(seconds, rate=16000, channels=1, sample=b"\\x00\\x00")``: PCM WAV bytes."""
    import io
    import wave

    def make(seconds: float, rate: int = 16000, channels: int = 1,
             sample: bytes = b"\x00\x00") -> bytes:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as writer:
            writer.setnchannels(channels)
            writer.setsampwidth(2)
            writer.setframerate(rate)
            writer.writeframes(sample * int(seconds * rate) * channels)
        return buffer.getvalue()
    return make
