"""Local sentiment: VADER per sentence, document score and magnitude, negation, French,
and other languages through local translation."""

from __future__ import annotations

import shutil

import pytest

from cogsdk import InvalidInput, UnsupportedLanguage
from cogsdk.language.types import Sentiment

POSITIVE = "I love this phone. The camera is superb and the battery lasts forever!"
NEGATIVE = "Terrible phone. It broke after two days and support was useless."
NEGATED = "This is not a good phone."
MIXED = ("The screen is beautiful and bright. Sadly the battery is awful and the speaker "
         "is terrible.")


def test_positive_review(local_cog):
    result = local_cog.language.sentiment(POSITIVE)
    assert isinstance(result, Sentiment)
    assert result.score > 0.5 and result.magnitude > 1.0
    assert (result.backend, result.model, result.language) == ("local", "local/sentiment-head", "en")


def test_negative_review(local_cog):
    result = local_cog.language.sentiment(NEGATIVE)
    assert result.score < -0.3


def test_negation_flips_polarity(local_cog):
    assert local_cog.language.sentiment("This is a good phone.").score > 0.3
    assert local_cog.language.sentiment(NEGATED).score < -0.2


def test_mixed_review_is_near_zero_with_high_magnitude(local_cog):
    result = local_cog.language.sentiment(MIXED)
    first, second = result.sentences
    assert first.score > 0.4 and second.score < -0.6
    assert abs(result.score) < 0.25 and result.magnitude > 1.2


def test_sentences_carry_text_offsets_and_scores(local_cog):
    text = "  Great food.   Awful service.\nOkay."
    result = local_cog.language.sentiment(text)
    assert [s.text for s in result.sentences] == ["Great food.", "Awful service.", "Okay."]
    for sentence in result.sentences:
        assert text[sentence.begin_offset:].startswith(sentence.text)
        assert -1 <= sentence.score <= 1 and sentence.magnitude >= abs(sentence.score) - 1e-6
    assert result.magnitude == pytest.approx(sum(s.magnitude for s in result.sentences),
                                             abs=1e-3)


def test_neutral_sentences_do_not_dilute_the_document_score(local_cog):
    alone = local_cog.language.sentiment("I love it.").score
    padded = local_cog.language.sentiment("I bought it on Monday. It is blue. I love it.")
    assert padded.score == pytest.approx(alone, abs=1e-3)


def test_french_uses_its_own_lexicon_and_negation(local_cog):
    good = local_cog.language.sentiment("Ce téléphone est très bon.")
    bad = local_cog.language.sentiment("Ce n'est pas un bon téléphone.")
    assert good.language == "fr" and good.model == "local/sentiment-head"
    assert good.score > 0.3 and bad.score < -0.2


def test_spanish_is_translated_locally_then_scored(local_cog):
    if not shutil.which("apertium"):
        pytest.skip("needs Debian's apertium and apertium-eng-spa")
    good = local_cog.language.sentiment("La película fue maravillosa, me encantó.")
    bad = local_cog.language.sentiment("El servicio fue horrible y la comida estaba fría.")
    assert good.model == "local/apertium/spa-eng+sentiment-head"
    assert good.score > 0.4 and bad.score < -0.3
    assert good.sentences[0].text == "La película fue maravillosa, me encantó."


def test_a_language_without_lexicon_or_pair_is_unsupported(local_cog):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.language.sentiment("Ich liebe dieses Telefon, es ist wunderbar.")
    assert caught.value.language == "de" and "en" in caught.value.supported


def test_bad_input_is_invalid(local_cog):
    with pytest.raises(InvalidInput):
        local_cog.language.sentiment("   ")
    with pytest.raises(InvalidInput):
        local_cog.language.sentiment(b"\x80abc")
    with pytest.raises(InvalidInput):
        local_cog.language.sentiment("good", language="not a code")


def test_one_megabyte_document(local_cog):
    text = (POSITIVE + " ") * (1_000_000 // (len(POSITIVE.encode()) + 1))
    result = local_cog.language.sentiment(text)
    assert len(result.sentences) == 2 * text.count("I love")
    assert result.score > 0.5


def test_batch_keeps_order_and_errors(local_cog, no_sockets):
    good, empty, bad = local_cog.language.sentiment([POSITIVE, "", NEGATIVE])
    assert good.score > 0 and isinstance(empty, InvalidInput) and bad.score < 0
