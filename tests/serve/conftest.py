"""Fixtures of the ``cogsdk serve`` tests: a real server process on 127.0.0.1 (uvicorn for
REST, grpcio for gRPC) started by the test and stopped after, and real photos from
scikit-image (astronaut, chelsea the cat, coffee) as small JPEGs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="needs the server extra: pip install 'cogsdk[server]'")
pytest.importorskip("uvicorn", reason="needs the server extra: pip install 'cogsdk[server]'")
pytest.importorskip("google.cloud.vision_v1", reason="needs the cloud extra (Google's clients)")

sys.path.insert(0, str(Path(__file__).parent))  # for _server_process, whatever the import mode

from _server_process import ServerProcess  # noqa: E402


@pytest.fixture(scope="session")
def server():
    """One warm server for the whole session (models load once); label requests go
    through the dynamic batcher."""
    running = ServerProcess("--batch-wait-ms", "5")
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
