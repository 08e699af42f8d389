"""The Google language adapter through `responses`, with strictly valid payloads."""

import json

import pytest
import responses

pytest.importorskip("google.cloud.language_v1")
from google.cloud import language_v1  # noqa: E402

from cogsdk import Cog, InvalidInput  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

BASE = "https://language.googleapis.com/v1/documents"
TEXT = "Joanne Rowling wrote Harry Potter. Rowling lives in Edinburgh."


@pytest.fixture
def cog():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


@responses.activate
def test_entities_keep_salience_mentions_and_offsets(cog, strict):
    payload = {"entities": [
        {"name": "Joanne Rowling", "type": "PERSON", "salience": 0.71,
         "metadata": {"mid": "/m/042xh"},
         "mentions": [{"text": {"content": "Joanne Rowling", "beginOffset": 0}, "type": "PROPER"},
                      {"text": {"content": "Rowling", "beginOffset": 35}, "type": "PROPER"}]},
        {"name": "Harry Potter", "type": "WORK_OF_ART", "salience": 0.2, "metadata": {},
         "mentions": [{"text": {"content": "Harry Potter", "beginOffset": 21},
                       "type": "PROPER"}]}], "language": "en"}
    strict(payload, language_v1.AnalyzeEntitiesResponse)
    responses.post(f"{BASE}:analyzeEntities", json=payload)
    entities = cog.language.entities(TEXT)
    sent = json.loads(responses.calls[0].request.body)
    assert sent["document"]["content"] == TEXT and sent["encodingType"] == 3  # UTF32
    rowling = entities[0]
    assert (rowling.type, rowling.salience) == ("PERSON", 0.71)
    assert [m.begin_offset for m in rowling.mentions] == [0, 35]
    assert TEXT[35:42] == "Rowling"
    assert entities[1].type == "WORK_OF_ART" and rowling.metadata["mid"] == "/m/042xh"


@responses.activate
def test_sentiment_document_and_sentences(cog, strict):
    payload = _payloads.sentiment({"document": {"content": "I love it. It is bad."}})
    strict(payload, language_v1.AnalyzeSentimentResponse)
    responses.post(f"{BASE}:analyzeSentiment", json=payload)
    result = cog.language.sentiment("I love it. It is bad.", language="en")
    assert json.loads(responses.calls[0].request.body)["document"]["language"] == "en"
    assert [s.score for s in result.sentences] == [0.5, -0.5]
    assert result.magnitude == pytest.approx(1.0) and result.sentences[1].begin_offset == 11


@responses.activate
def test_syntax_and_classify(cog, strict):
    syntax = _payloads.syntax({"document": {"content": "I love it."}})
    strict(syntax, language_v1.AnalyzeSyntaxResponse)
    strict(_payloads.classify({}), language_v1.ClassifyTextResponse)
    responses.post(f"{BASE}:analyzeSyntax", json=syntax)
    responses.post(f"{BASE}:classifyText", json=_payloads.classify({}))
    tokens = cog.language.syntax("I love it.").tokens
    assert [t.text for t in tokens] == ["I", "love", "it", "."] and tokens[3].part_of_speech == "PUNCT"
    categories = cog.language.classify("A long enough text about novels and films. " * 3)
    assert categories[0].name == "/Arts & Entertainment"


@responses.activate
def test_list_with_bad_items(cog):
    responses.post(f"{BASE}:analyzeSentiment",
                   json=_payloads.sentiment({"document": {"content": "good"}}))
    results = cog.language.sentiment(["good", "", b"\xff\xfe", "\ud800", 3])
    assert results[0].score > 0
    assert all(isinstance(r, InvalidInput) for r in results[1:])
    assert len(responses.calls) == 1
    with pytest.raises(InvalidInput, match="1,000,000"):
        cog.language.entities("x" * 1_000_001)
    with pytest.raises(InvalidInput, match="language code"):
        cog.language.entities("hello", language="english please")
