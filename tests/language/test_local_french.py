"""French sentiment on everyday phrases: inflected forms the lexicon lacks, negation that
wraps the verb, weakly rated common words, typographic apostrophes."""

from __future__ import annotations

import pytest

from cogsdk.language._local import french

POSITIVE = ["Je suis très content", "Je suis très contente", "C'est génial",
            "J'adore ce film", "Merci beaucoup, c'est parfait", "C'est super",
            "Une expérience excellente", "Le plus beau jour de ma vie",
            "Nous sommes très satisfaits", "Il n'y a aucun problème"]
NEGATIVE = ["Je ne suis pas content", "Je n'aime pas ce produit",
            "Je n\u2019aime pas ce produit", "C'est nul", "Ce produit est horrible",
            "Je déteste ce film", "Je suis déçu", "C'est pas terrible",
            "Le service était très mauvais", "Je ne l'aime plus",
            "La livraison était lente et le colis abîmé"]


@pytest.mark.parametrize("text", POSITIVE)
def test_common_positive_phrases(local_cog, text):
    result = local_cog.language.sentiment(text, language="fr")
    assert result.score > 0.1 and result.model == "local/sentiment-head"


@pytest.mark.parametrize("text", NEGATIVE)
def test_common_negative_phrases(local_cog, text):
    assert local_cog.language.sentiment(text, language="fr").score < -0.1


def test_the_detected_language_of_the_issue_phrase_is_french(local_cog):
    result = local_cog.language.sentiment("Je suis très content")
    assert result.language == "fr" and result.score > 0.4


def test_missing_forms_take_the_value_of_the_form_that_is_there():
    made = french.lexicon({"contente": 2.7, "excellent": 2.7, "heureuse": 2.7}, {},
                          frozenset())
    assert made["content"] == made["excellente"] == made["heureux"] == 2.7
    assert made["contents"] == made["excellents"] == 2.7


def test_no_short_or_stop_word_is_made():
    made = french.lexicon({"lese": -2.8, "plue": 1.8, "mal": -0.7}, {}, frozenset())
    assert not {"le", "les", "plus", "male", "mals"} & set(made)


def test_weak_ratings_take_the_english_words():
    made = french.lexicon({"genial": 0.6}, {"great": 3.1}, frozenset())
    assert made["genial"] == 3.1 and made["geniale"] == 3.1


@pytest.mark.parametrize("words, at, expected", [
    ("je n aime pas ce produit", 2, True),
    ("je ne suis pas content", 4, True),
    ("le plus beau jour", 2, False),
    ("je n ai plus de probleme", 5, True),
    ("pas cher mais bon", 3, False),
    ("sans probleme", 1, True),
])
def test_negation_scope(words, at, expected):
    assert french.negated(words.split(), at, frozenset()) is expected
