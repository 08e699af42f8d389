"""Local entity sentiment, moderation and annotate on real English text, offline."""

import pytest

from cogsdk import UnsupportedFeature

TEXT = ("The new phone from Samsung is wonderful and I love its screen. "
        "Sadly the service at Vodafone was terrible and rude.")


def test_each_entity_gets_its_sentences_sentiment(local_cog, no_sockets):
    result = local_cog.language.entity_sentiment(TEXT, language="en")
    by_name = {e.name: e for e in result}
    assert by_name["Samsung"].score > 0.3 and by_name["Vodafone"].score < -0.3
    assert by_name["Samsung"].magnitude > 0
    assert all(m.score is not None for e in result for m in e.mentions)
    assert result.backend == "local" and "sentiment-head" in result.model
    assert result.to_dict()["items"][0]["score"] is not None


def test_plain_entities_keep_no_sentiment(local_cog):
    assert all(e.score is None for e in local_cog.language.entities(TEXT, language="en"))


def test_moderation_is_unsupported_locally(local_cog):
    with pytest.raises(UnsupportedFeature, match="moderat"):
        local_cog.language.moderate("You are an idiot.")


def test_annotate_gives_every_asked_feature(local_cog):
    result = local_cog.language.annotate(TEXT, features=["entity_sentiment", "sentiment",
                                                         "syntax"], language="en")
    assert result.categories is None and result.moderation is None
    assert {e.name for e in result.entities} >= {"Samsung", "Vodafone"}
    assert result.sentiment.sentences[0].score > 0 > result.sentiment.sentences[1].score
    assert result.syntax.tokens[0].text == "The" and result.language == "en"
    assert set(result.raw) == {"entity_sentiment", "sentiment", "syntax"}
    with pytest.raises(UnsupportedFeature):
        local_cog.language.annotate(TEXT, features=["moderate"])
