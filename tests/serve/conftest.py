"""Fixtures of the ``cogsdk serve`` tests: a real server process on 127.0.0.1 (uvicorn for
REST, grpcio for gRPC) started by the test and stopped after, and real photos from
scikit-image (astronaut, chelsea the cat, coffee) as small JPEGs."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="needs the server extra: pip install 'cogsdk[server]'")
pytest.importorskip("uvicorn", reason="needs the server extra: pip install 'cogsdk[server]'")
pytest.importorskip("google.cloud.vision_v1", reason="needs the cloud extra (Google's clients)")

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """``python -m cogsdk serve`` in a child process, on free loopback ports."""

    def __init__(self, *extra: str, ready: str = "/readyz") -> None:
        self.port, self.grpc_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONPATH=str(ROOT), NO_GCE_CHECK="true")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cogsdk", "serve", "--port", str(self.port),
             "--grpc-port", str(self.grpc_port), "--mode", "local", "--offline", *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._wait(ready)

    def _wait(self, path: str, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cogsdk serve exited: {self.process.stderr.read()}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"cogsdk serve not ready on {path} in {timeout} s")

    def stop(self, timeout: float = 30.0) -> tuple[int, str, str]:
        """SIGTERM, wait, and return (exit status, stdout, stderr)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return self.process.returncode, out, err


@pytest.fixture(scope="session")
def server():
    """One warm server for the whole session (models load once)."""
    running = ServerProcess()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def photos() -> dict[str, bytes]:
    """JPEG bytes of scikit-image's astronaut, chelsea (a cat) and coffee."""
    data = pytest.importorskip("skimage.data", reason="needs scikit-image (test extra)")
    from PIL import Image

    def jpeg(array) -> bytes:
        buffer = io.BytesIO()
        Image.fromarray(array).save(buffer, format="JPEG", quality=85)
        return buffer.getvalue()
    return {"astronaut": jpeg(data.astronaut()), "chelsea": jpeg(data.chelsea()),
            "coffee": jpeg(data.coffee())}


@pytest.fixture(scope="session")
def rest_options(server):
    """What every official REST client needs to talk to the server."""
    from google.auth.credentials import AnonymousCredentials

    return {"transport": "rest", "credentials": AnonymousCredentials(),
            "client_options": {"api_endpoint": server.url}}
