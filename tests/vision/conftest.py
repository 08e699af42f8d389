"""Fixtures of the local vision tests: one offline client and real photos from packages."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def local_cog():
    """``Cog(mode="local", offline=True)``; skips when the vision extra is missing."""
    pytest.importorskip("onnxruntime", reason="needs the vision extra: pip install 'cogsdk[vision]'")
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


@pytest.fixture(scope="session")
def photos():
    """Real photographs shipped inside scikit-image (RGB uint8 arrays)."""
    data = pytest.importorskip("skimage.data", reason="needs scikit-image (test extra)")
    return {name: getattr(data, name)() for name in
            ("astronaut", "chelsea", "coffee", "rocket")}
