"""Which language a local method works in when none is given: fastText's guess, re-read
among the languages the method serves when it cannot be right (Latin letters guessed as
Thai) or is unsure on a short text; the result's ``raw`` says when that happened."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedLanguage
from cogsdk._local_text import langid

SHORT_ENGLISH = ["great phone", "bad phone", "GREAT PHONE", "great value phone",
                 "great phone great price", "awesome phone", "meh"]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_scored_as_english(local_cog, text):
    result = local_cog.language.sentiment(text)
    assert result.language == "en" and result.model == "local/sentiment-head"


def test_the_fallback_is_written_in_raw(local_cog):
    result = local_cog.language.sentiment("great phone")
    assert result.score > 0.3
    assert result.raw["language_guess"] == "th" and result.raw["fallback"] == "en"
    assert result.raw["confidence"] == pytest.approx(0.77, abs=0.02)


def test_every_method_falls_back_the_same_way(local_cog):
    assert local_cog.language.entities("great phone").raw["fallback"] == "en"
    assert local_cog.language.syntax("great phone").language == "en"
    assert local_cog.language.classify("great phone").raw["fallback"] == "en"


def test_a_guess_that_stands_adds_nothing_to_raw(local_cog):
    result = local_cog.language.sentiment("This phone is great.")
    assert "language_guess" not in result.raw and result.language == "en"


def test_a_given_language_is_never_second_guessed(local_cog):
    assert local_cog.language.sentiment("great phone", language="fr").language == "fr"


@pytest.mark.parametrize("text, language", [("ดีมาก", "th"), ("sehr gut", "de"),
                                            ("Ich liebe dieses Telefon", "de")])
def test_text_in_its_own_script_or_a_confident_guess_stays_unsupported(local_cog, text,
                                                                        language):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.language.sentiment(text)
    assert caught.value.language == language  # auto mode can still ask the cloud


def _fake_candidates(monkeypatch, found):
    monkeypatch.setattr(langid, "candidates", lambda text, k=langid.CANDIDATES: found)


def test_an_unsure_short_guess_takes_the_likeliest_served_language(monkeypatch):
    _fake_candidates(monkeypatch, [("ca", 0.3), ("es", 0.2), ("en", 0.1)])
    reading = langid.detect_among("bona nit", lambda: ["en", "es"])
    assert reading.language == "es"
    assert reading.note == {"language_guess": "ca", "confidence": 0.3, "fallback": "es"}


def test_english_when_no_served_language_is_among_the_candidates(monkeypatch):
    _fake_candidates(monkeypatch, [("ca", 0.3), ("oc", 0.2)])
    assert langid.detect_among("bona nit", lambda: ["fr", "en"]).language == "en"


def test_an_unsure_guess_on_a_long_text_stands(monkeypatch):
    _fake_candidates(monkeypatch, [("ca", 0.3), ("en", 0.2)])
    assert langid.detect_among("word " * 40, lambda: ["en"]).language == "ca"


def test_a_served_guess_stands_even_when_unsure(monkeypatch):
    _fake_candidates(monkeypatch, [("fr", 0.3), ("en", 0.2)])
    assert langid.detect_among("bof", lambda: ["en", "fr"]) == langid.Reading("fr")


def test_text_without_letters_is_undetermined():
    assert langid.detect_among("12 34 !!", lambda: ["en"]).language == "und"
