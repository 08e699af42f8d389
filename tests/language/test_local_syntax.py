"""Local syntax: tokens, offsets, lemmas, Google's POS tags and dependency labels."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedLanguage
from cogsdk.language._local import syntax as engine

GOOGLE_POS = {"UNKNOWN", "ADJ", "ADP", "ADV", "CONJ", "DET", "NOUN", "NUM", "PRON", "PRT",
              "PUNCT", "VERB", "X", "AFFIX"}


def test_english_tokens_in_google_tags(local_cog):
    text = "The quick brown fox did not jump over the lazy dog.  It slept."
    result = local_cog.language.syntax(text)
    rows = [(t.text, t.lemma, t.part_of_speech, t.head_index, t.label) for t in result.tokens]
    assert rows[:7] == [
        ("The", "the", "DET", 3, "DET"), ("quick", "quick", "ADJ", 3, "AMOD"),
        ("brown", "brown", "ADJ", 3, "AMOD"), ("fox", "fox", "NOUN", 6, "NSUBJ"),
        ("did", "do", "VERB", 6, "AUX"), ("not", "not", "PRT", 6, "NEG"),
        ("jump", "jump", "VERB", 6, "ROOT")]
    assert rows[10] == ("dog", "dog", "NOUN", 7, "POBJ")
    assert rows[-2:] == [("slept", "sleep", "VERB", 13, "ROOT"), (".", ".", "PUNCT", 13, "P")]
    assert result.sentences == ("The quick brown fox did not jump over the lazy dog.",
                                "It slept.")
    assert (result.backend, result.model) == ("local", "local/en_core_web_sm-3.8.0")


def test_offsets_heads_and_roots_are_consistent(local_cog):
    text = "Ana bought 3 apples in São Paulo.\n\nThen she went home! 😀"
    tokens = local_cog.language.syntax(text).tokens
    roots = [i for i, t in enumerate(tokens) if t.label == "ROOT"]
    assert len(roots) >= 2 and all(tokens[i].head_index == i for i in roots)  # one a sentence
    for token in tokens:
        assert text[token.begin_offset:].startswith(token.text) and token.text.strip()
        assert 0 <= token.head_index < len(tokens)
        assert token.part_of_speech in GOOGLE_POS


def test_french_uses_ud_labels_mapped_to_google(local_cog):
    result = local_cog.language.syntax("Le chat mange la souris.", language="fr")
    rows = {t.text: (t.part_of_speech, t.label, t.lemma) for t in result.tokens}
    assert rows["chat"][:2] == ("NOUN", "NSUBJ") and rows["mange"][1] == "ROOT"
    assert rows["souris"][:2] == ("NOUN", "DOBJ") and rows["Le"][:2] == ("DET", "DET")
    assert result.language == "fr"


def test_label_mapping_knows_both_schemes():
    assert engine.label("case", "en") == "PS" and engine.label("case", "fr") == "PREP"
    assert engine.label("nsubj:pass", "fr") == "NSUBJPASS"
    assert engine.label("obl:mod", "es") == "POBJ"  # subtype falls back to its base
    assert engine.label("something-new") == "DEP"


def test_unsupported_language(local_cog):
    with pytest.raises(UnsupportedLanguage):
        local_cog.language.syntax("Dit is een zin.", language="nl")
