"""annotateText, analyzeEntitySentiment and v2 moderateText against FakeGoogle, with
every canned answer validated against the client's own message types."""

import pytest

pytest.importorskip("google.cloud.language_v1")
from google.cloud import language_v1, language_v2  # noqa: E402

from cogsdk import Cog, InvalidInput  # noqa: E402
from cogsdk.testing import _language_payloads  # noqa: E402

TEXT = "I love Paris. The food in Lyon was terrible."


@pytest.fixture
def cog(fake_google):
    return Cog(mode="cloud", endpoint=fake_google.url, credentials="anonymous", max_retries=0)


def _sent(fake_google, suffix):
    return [body for method, path, body in fake_google.requests if path.split("?")[0].endswith(suffix)]


def test_annotate_sends_one_request_with_googles_feature_flags(cog, fake_google, strict):
    result = cog.language.annotate(TEXT, features=["entities", "sentiment", "syntax",
                                                   "classify", "moderate"])
    [body] = _sent(fake_google, ":annotateText")
    assert body["features"] == {"extractEntities": True, "extractDocumentSentiment": True,
                                "extractSyntax": True, "classifyText": True,
                                "moderateText": True}
    assert body["encodingType"] == 3  # UTF32
    strict(_language_payloads.annotate_text(body), language_v1.AnnotateTextResponse)
    assert [e.name for e in result.entities] == ["Paris", "The", "Lyon"]
    assert result.sentiment.sentences[0].score > 0 > result.sentiment.sentences[1].score
    assert result.syntax.tokens[1].text == "love"
    assert result.categories[0].name == "/Arts & Entertainment"
    assert result.moderation[0].name == "Toxic"
    assert result.backend == "google" and result.to_dict()["language"] == "en"


def test_annotate_leaves_out_what_was_not_asked(cog, fake_google):
    result = cog.language.annotate(TEXT, features=["entity_sentiment"])
    [body] = _sent(fake_google, ":annotateText")
    assert body["features"] == {"extractEntitySentiment": True}
    assert result.sentiment is None and result.syntax is None and result.moderation is None
    paris = next(e for e in result.entities if e.name == "Paris")
    assert paris.score > 0 and paris.mentions[0].score > 0


def test_entity_sentiment_scores_each_entity(cog, fake_google, strict):
    results = cog.language.entity_sentiment([TEXT, ""])
    [body] = _sent(fake_google, ":analyzeEntitySentiment")
    strict(_language_payloads.entity_sentiment(body),
           language_v1.AnalyzeEntitySentimentResponse)
    lyon = next(e for e in results[0] if e.name == "Lyon")
    assert lyon.score < 0 and lyon.magnitude > 0
    assert isinstance(results[1], InvalidInput)  # per-item error for the empty text


def test_moderate_uses_v2_moderate_text(cog, fake_google, strict):
    result = cog.language.moderate("You are an idiot.")
    [body] = _sent(fake_google, "/v2/documents:moderateText")
    strict({"document": body["document"]}, language_v2.ModerateTextRequest)
    strict(_language_payloads.moderate(body), language_v2.ModerateTextResponse)
    assert [c.name for c in result][:2] == ["Toxic", "Insult"]
    assert result.model == "google/language/v2" and result[0].confidence == 0.82


@pytest.mark.parametrize("features", [[], ["emotions"], None])
def test_annotate_refuses_unknown_features(cog, features):
    with pytest.raises(InvalidInput, match="annotate features"):
        cog.language.annotate(TEXT, features=features)
