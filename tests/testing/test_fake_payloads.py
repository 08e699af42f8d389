"""Every canned answer of the fake server parses strictly as Google's own message type."""

import pytest

pytest.importorskip("google.cloud.vision_v1")
from google.cloud import (language_v1, speech_v1, translate_v3,  # noqa: E402
                          videointelligence_v1, vision_v1)

from cogsdk.testing import _payloads  # noqa: E402


def test_vision_answers_are_valid(strict):
    features = [{"type": t, "maxResults": 5} for t in (1, 2, 3, 4, 5, 6, 7)]
    answer = _payloads.annotate_image({"image": {"content": "iVBORw0KGgo="},
                                       "features": features})
    assert {"faceAnnotations", "labelAnnotations", "fullTextAnnotation",
            "safeSearchAnnotation", "imagePropertiesAnnotation", "logoAnnotations",
            "landmarkAnnotations"} <= set(answer)
    strict({"responses": [answer]}, vision_v1.BatchAnnotateImagesResponse)


def test_other_answers_are_valid(strict):
    text = {"document": {"content": "Ada Lovelace loved math. It was not bad!"}}
    strict(_payloads.recognize({"config": {"enableWordTimeOffsets": True}}),
           speech_v1.RecognizeResponse)
    strict(_payloads.operation_metadata("speech", 50), speech_v1.LongRunningRecognizeMetadata)
    strict(_payloads.entities(text), language_v1.AnalyzeEntitiesResponse)
    strict(_payloads.sentiment(text), language_v1.AnalyzeSentimentResponse)
    strict(_payloads.syntax(text), language_v1.AnalyzeSyntaxResponse)
    strict(_payloads.translate_v3({"contents": ["a"], "targetLanguageCode": "de"}),
           translate_v3.TranslateTextResponse)
    strict(_payloads.annotate_video({"features": [1, 2]}),
           videointelligence_v1.AnnotateVideoResponse)
