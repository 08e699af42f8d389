"""Fixtures of the local video tests: clips built with PyAV from real photos."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for _video_media, whatever the import mode


@pytest.fixture(scope="session")
def local_video():
    pytest.importorskip("av", reason="needs the video extra: pip install 'cogsdk[video]'")
    pytest.importorskip("skimage", reason="needs scikit-image (test extra) for real photos")
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


@pytest.fixture(scope="session")
def hard_clip(tmp_path_factory, local_video):
    """(path, true cut times) of the ~11 s clip with cuts, a flash, a pan and a reframing."""
    from _video_media import hard_clip as build

    path = tmp_path_factory.mktemp("video") / "hard.mp4"
    return path, build(path)


@pytest.fixture(scope="session")
def cat_clip(tmp_path_factory, local_video):
    from _video_media import cat_clip as build

    path = tmp_path_factory.mktemp("video") / "cat.mp4"
    build(path)
    return path
