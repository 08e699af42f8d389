"""Canned answers shaped exactly like Google's REST JSON (checked strictly in tests)."""

from __future__ import annotations

import base64
import re
from typing import Any

_STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
           404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 502: "UNAVAILABLE",
           503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED"}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"BM", b"II*\x00", b"MM\x00*")
_VISION_FEATURES = {1: "FACE_DETECTION", 2: "LANDMARK_DETECTION", 3: "LOGO_DETECTION",
                    4: "LABEL_DETECTION", 5: "TEXT_DETECTION", 6: "SAFE_SEARCH_DETECTION",
                    7: "IMAGE_PROPERTIES", 9: "CROP_HINTS", 10: "WEB_DETECTION",
                    11: "DOCUMENT_TEXT_DETECTION",
                    19: "OBJECT_LOCALIZATION"}
LABELS = [("/m/01yrx", "Cat", 0.97), ("/m/04rky", "Mammal", 0.93),
          ("/m/01l7qd", "Whiskers", 0.88), ("/m/0307l", "Felidae", 0.86),
          ("/m/01lrl", "Carnivore", 0.81), ("/m/0jbk", "Animal", 0.62)]
TRANSCRIPT = "how old is the Brooklyn Bridge"


def error(code: int, message: str, reason: str = "") -> dict:
    body: dict[str, Any] = {"code": code, "message": message,
                            "status": _STATUS.get(code, "UNKNOWN")}
    if reason:
        body["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                            "reason": reason, "domain": "googleapis.com"}]
    return {"error": body}


def _poly(left: int, top: int, right: int, bottom: int) -> dict:
    return {"vertices": [{"x": left, "y": top}, {"x": right, "y": top},
                         {"x": right, "y": bottom}, {"x": left, "y": bottom}]}


def annotate_image(request: dict) -> dict:
    image = request.get("image", {})
    if "content" in image and not base64.b64decode(image["content"]).startswith(_IMAGE_MAGIC):
        return {"error": {"code": 3, "message": "Bad image data."}}
    answer: dict[str, Any] = {}
    for feature in request.get("features", []):
        kind = feature.get("type", 0)
        kind = _VISION_FEATURES.get(kind, kind) if isinstance(kind, int) else kind
        limit = int(feature.get("maxResults") or 10)
        if kind == "CROP_HINTS":  # one hint per ratio asked, as Google answers
            ratios = request.get("imageContext", {}).get("cropHintsParams", {})
            answer.update(crop_hints(ratios.get("aspectRatios") or [1.0]))
            continue
        answer.update(_VISION_ANSWERS.get(kind, lambda n: {})(limit))
    return answer


def _labels(limit: int) -> dict:
    return {"labelAnnotations": [{"mid": mid, "description": name, "score": score,
                                  "topicality": score} for mid, name, score in LABELS[:limit]]}


def _faces(limit: int) -> dict:
    landmarks = [("LEFT_EYE", 180, 120), ("RIGHT_EYE", 240, 118), ("NOSE_TIP", 210, 160),
                 ("MOUTH_LEFT", 185, 195), ("MOUTH_RIGHT", 235, 194)]
    face = {"boundingPoly": _poly(140, 60, 290, 250), "fdBoundingPoly": _poly(150, 80, 280, 240),
            "landmarks": [{"type": t, "position": {"x": x, "y": y, "z": 0.0}}
                          for t, x, y in landmarks],
            "rollAngle": -2.0, "panAngle": 4.5, "tiltAngle": -6.0,
            "detectionConfidence": 0.98, "landmarkingConfidence": 0.7,
            "joyLikelihood": "VERY_LIKELY", "sorrowLikelihood": "VERY_UNLIKELY",
            "angerLikelihood": "VERY_UNLIKELY", "surpriseLikelihood": "UNLIKELY",
            "underExposedLikelihood": "VERY_UNLIKELY", "blurredLikelihood": "VERY_UNLIKELY",
            "headwearLikelihood": "UNLIKELY"}
    return {"faceAnnotations": [face][:limit]}


def _word(text: str, left: int, space: bool) -> dict:
    symbols = [{"text": ch, "boundingBox": _poly(left + 10 * i, 10, left + 10 * i + 9, 30)}
               for i, ch in enumerate(text)]
    symbols[-1]["property"] = {"detectedBreak": {"type": "SPACE" if space else "LINE_BREAK"}}
    return {"boundingBox": _poly(left, 10, left + 10 * len(text), 30), "symbols": symbols,
            "confidence": 0.99}


def _text(limit: int) -> dict:
    words = [_word("Hello", 10, True), _word("world", 70, False)]
    paragraph = {"boundingBox": _poly(10, 10, 120, 30), "words": words, "confidence": 0.99}
    block = {"boundingBox": _poly(10, 10, 120, 30), "paragraphs": [paragraph],
             "blockType": "TEXT", "confidence": 0.99}
    page = {"width": 200, "height": 50, "blocks": [block], "confidence": 0.99,
            "property": {"detectedLanguages": [{"languageCode": "en", "confidence": 1.0}]}}
    return {"textAnnotations": [{"locale": "en", "description": "Hello world\n",
                                 "boundingPoly": _poly(10, 10, 120, 30)},
                                {"description": "Hello", "boundingPoly": _poly(10, 10, 60, 30)},
                                {"description": "world", "boundingPoly": _poly(70, 10, 120, 30)}],
            "fullTextAnnotation": {"pages": [page], "text": "Hello world\n"}}


def _safe_search(limit: int) -> dict:
    return {"safeSearchAnnotation": {"adult": "VERY_UNLIKELY", "spoof": "UNLIKELY",
                                     "medical": "VERY_UNLIKELY", "violence": "VERY_UNLIKELY",
                                     "racy": "UNLIKELY"}}


def _properties(limit: int) -> dict:
    colors = [({"red": 200, "green": 120, "blue": 60}, 0.6, 0.4),
              ({"red": 30, "green": 30, "blue": 40}, 0.3, 0.35)]
    return {"imagePropertiesAnnotation": {"dominantColors": {"colors": [
        {"color": c, "score": s, "pixelFraction": f} for c, s, f in colors[:limit]]}}}


def _logos(limit: int) -> dict:
    return {"logoAnnotations": [{"mid": "/m/045c7b", "description": "Google", "score": 0.9,
                                 "boundingPoly": _poly(5, 5, 50, 25)}][:limit]}


def _landmarks(limit: int) -> dict:
    return {"landmarkAnnotations": [{"mid": "/m/02gnb", "description": "Eiffel Tower",
                                     "score": 0.8, "boundingPoly": _poly(0, 0, 80, 200),
                                     "locations": [{"latLng": {"latitude": 48.858,
                                                               "longitude": 2.294}}]}][:limit]}


def _objects(limit: int) -> dict:
    # Zero coordinates are left out, as Google's JSON leaves out every zero field.
    found = [("/m/01g317", "Person", 0.91, [{"x": 0.05}, {"x": 0.7}, {"x": 0.7, "y": 0.98},
                                            {"x": 0.05, "y": 0.98}]),
             ("/m/02p5f1q", "Coffee cup", 0.82, [{"x": 0.28, "y": 0.05}, {"x": 0.7, "y": 0.05},
                                                 {"x": 0.7, "y": 0.66},
                                                 {"x": 0.28, "y": 0.66}])]
    return {"localizedObjectAnnotations": [
        {"mid": mid, "name": name, "score": score, "boundingPoly": {"normalizedVertices": poly}}
        for mid, name, score, poly in found[:limit]]}


def crop_hints(ratios: list[float], width: int = 200, height: int = 50) -> dict:
    """The widest centred crop of each ratio in a ``width`` x ``height`` image."""
    hints = []
    for ratio in ratios:
        w, h = min(width, round(height * ratio)), min(height, round(width / ratio))
        left, top = (width - w) // 2, (height - h) // 2
        hints.append({"boundingPoly": _poly(left, top, left + w, top + h),
                      "confidence": 0.8, "importanceFraction": round(w * h / (width * height), 3)})
    return {"cropHintsAnnotation": {"cropHints": hints}}


def _web(limit: int) -> dict:
    image = {"url": "https://example.com/cat.jpg", "score": 0.9}
    return {"webDetection": {
        "webEntities": [{"entityId": "/m/01yrx", "score": 1.2, "description": "Cat"},
                        {"entityId": "/m/0jbk", "score": 0.6, "description": "Animal"}][:limit],
        "fullMatchingImages": [image], "partialMatchingImages": [],
        "pagesWithMatchingImages": [{"url": "https://example.com/cats", "pageTitle": "Cats",
                                     "fullMatchingImages": [image]}],
        "visuallySimilarImages": [{"url": "https://example.org/other-cat.jpg"}],
        "bestGuessLabels": [{"label": "tabby cat", "languageCode": "en"}]}}


_VISION_ANSWERS = {"LABEL_DETECTION": _labels, "FACE_DETECTION": _faces,
                   "TEXT_DETECTION": _text, "DOCUMENT_TEXT_DETECTION": _text,
                   "SAFE_SEARCH_DETECTION": _safe_search, "IMAGE_PROPERTIES": _properties,
                   "LOGO_DETECTION": _logos, "LANDMARK_DETECTION": _landmarks,
                   "OBJECT_LOCALIZATION": _objects, "WEB_DETECTION": _web}


def recognize(body: dict) -> dict:
    config = body.get("config", {})
    alternative: dict[str, Any] = {"transcript": TRANSCRIPT, "confidence": 0.92}
    if config.get("enableWordTimeOffsets"):
        alternative["words"] = [
            {"word": w, "startTime": f"{0.4 * i:.1f}s", "endTime": f"{0.4 * i + 0.3:.1f}s",
             "confidence": 0.9} for i, w in enumerate(TRANSCRIPT.split())]
    alternatives = [alternative] + ALTERNATIVES[:int(config.get("maxAlternatives") or 1) - 1]
    language = config.get("languageCode", "en-US").lower()
    results = [{"alternatives": alternatives, "resultEndTime": "2.500s",
                "languageCode": language}]
    if config.get("diarizationConfig", {}).get("enableSpeakerDiarization"):
        results.append(_speaker_result(language))
    return {"results": results, "totalBilledTime": "3s"}


ALTERNATIVES = [{"transcript": "how old is the Brooklyn bridge", "confidence": 0.81},
                {"transcript": "how old is a Brooklyn Bridge", "confidence": 0.64}]


def _speaker_result(language: str) -> dict:
    """Google's diarization answer: a last result that repeats every word with its tag."""
    words = [{"word": w, "startTime": f"{0.4 * i:.1f}s", "endTime": f"{0.4 * i + 0.3:.1f}s",
              "speakerTag": 1 if i < 3 else 2} for i, w in enumerate(TRANSCRIPT.split())]
    return {"alternatives": [{"words": words}], "resultEndTime": "2.500s",
            "languageCode": language}


def operation_metadata(kind: str, percent: int) -> dict:
    if kind == "speech":
        return {"@type": "type.googleapis.com/google.cloud.speech.v1."
                         "LongRunningRecognizeMetadata", "progressPercent": percent}
    return {"@type": "type.googleapis.com/google.cloud.videointelligence.v1."
                     "AnnotateVideoProgress",
            "annotationProgress": [{"inputUri": "/fake", "progressPercent": percent}]}


def _document(body: dict) -> str:
    return body.get("document", {}).get("content", "")


def _spans(text: str, pattern: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in re.finditer(pattern, text)]


def entities(body: dict) -> dict:
    names = _spans(_document(body), r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
    share = 1.0 / len(names) if names else 0.0
    return {"entities": [{"name": name, "type": "PERSON" if " " in name else "OTHER",
                          "metadata": {}, "salience": share,
                          "mentions": [{"text": {"content": name, "beginOffset": offset},
                                        "type": "PROPER"}]} for name, offset in names],
            "language": "en"}


_POSITIVE = {"good", "great", "love", "excellent", "happy", "wonderful"}
_NEGATIVE = {"bad", "terrible", "hate", "awful", "sad", "broken"}


def _score(sentence: str) -> float:
    words = re.findall(r"[a-z']+", sentence.lower())
    raw = sum((w in _POSITIVE) - (w in _NEGATIVE) for w in words)
    return max(-1.0, min(1.0, raw / 2))


def sentiment(body: dict) -> dict:
    text = _document(body)
    sentences = _spans(text, r"[^.!?]+[.!?]?")
    rows = [{"text": {"content": s.strip(), "beginOffset": o + len(s) - len(s.lstrip())},
             "sentiment": {"score": _score(s), "magnitude": abs(_score(s))}}
            for s, o in sentences if s.strip()]
    scores = [r["sentiment"]["score"] for r in rows] or [0.0]
    return {"documentSentiment": {"score": sum(scores) / len(scores),
                                  "magnitude": sum(abs(s) for s in scores)},
            "language": "en", "sentences": rows}


def syntax(body: dict) -> dict:
    tokens = _spans(_document(body), r"\w+|[^\w\s]")
    return {"sentences": [{"text": {"content": _document(body), "beginOffset": 0}}],
            "tokens": [{"text": {"content": t, "beginOffset": o},
                        "partOfSpeech": {"tag": "PUNCT" if not t[0].isalnum() else "NOUN"},
                        "dependencyEdge": {"headTokenIndex": 0,
                                           "label": "ROOT" if i == 0 else "DEP"},
                        "lemma": t.lower()} for i, (t, o) in enumerate(tokens)],
            "language": "en"}


def classify(body: dict) -> dict:
    return {"categories": [{"name": "/Arts & Entertainment", "confidence": 0.81},
                           {"name": "/Books & Literature", "confidence": 0.64}]}


def translate_v3(body: dict) -> dict:
    target = body.get("targetLanguageCode", "")
    detected = {} if body.get("sourceLanguageCode") else {"detectedLanguageCode": "en"}
    return {"translations": [dict(translatedText=f"[{target}] {text}", **detected)
                             for text in body.get("contents", [])]}


def detect_v3(body: dict) -> dict:
    return {"languages": [{"languageCode": "en", "confidence": 0.98}]}


def _listify(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def translate_v2(body: dict) -> dict:
    target = _listify(body.get("target", ""))[0]
    detected = {} if body.get("source") else {"detectedSourceLanguage": "en"}
    return {"data": {"translations": [dict(translatedText=f"[{target}] {text}", **detected)
                                      for text in _listify(body.get("q", []))]}}


def detect_v2(body: dict) -> dict:
    return {"data": {"detections": [[{"language": "en", "confidence": 0.98,
                                      "isReliable": False}] for _ in _listify(body.get("q"))]}}


def annotate_video(body: dict) -> dict:
    features = [f if isinstance(f, int) else _VIDEO_FEATURES.get(f, 0)
                for f in body.get("features", [])]
    result: dict[str, Any] = {"inputUri": body.get("inputUri", "/inline")}
    if 1 in features:
        result["segmentLabelAnnotations"] = [
            {"entity": {"entityId": "/m/01yrx", "description": "cat", "languageCode": "en-US"},
             "categoryEntities": [{"entityId": "/m/0jbk", "description": "animal",
                                   "languageCode": "en-US"}],
             "segments": [{"segment": {"startTimeOffset": "0s", "endTimeOffset": "12.500s"},
                           "confidence": 0.94}]}]
        result["shotLabelAnnotations"] = [
            {"entity": {"entityId": "/m/01yrx", "description": "cat", "languageCode": "en-US"},
             "segments": [{"segment": {"startTimeOffset": "0s", "endTimeOffset": "4s"},
                           "confidence": 0.91}]}]
    if 2 in features:
        result["shotAnnotations"] = [{"startTimeOffset": "0s", "endTimeOffset": "4s"},
                                     {"startTimeOffset": "4.040s", "endTimeOffset": "12.500s"}]
    for number, answer in _VIDEO_ANSWERS.items():
        if number in features:
            result.update(answer(body))
    return {"@type": "type.googleapis.com/google.cloud.videointelligence.v1."
                     "AnnotateVideoResponse", "annotationResults": [result]}


_VIDEO_FEATURES = {"LABEL_DETECTION": 1, "SHOT_CHANGE_DETECTION": 2,
                   "EXPLICIT_CONTENT_DETECTION": 3, "FACE_DETECTION": 4,
                   "SPEECH_TRANSCRIPTION": 6, "TEXT_DETECTION": 7, "OBJECT_TRACKING": 9}
_BOX = {"left": 0.25, "top": 0.1, "right": 0.5, "bottom": 0.6}


def _video_faces(body: dict) -> dict:
    track = {"segment": {"startTimeOffset": "0s", "endTimeOffset": "2s"}, "confidence": 0.97,
             "timestampedObjects": [{"timeOffset": "0s", "normalizedBoundingBox": _BOX},
                                    {"timeOffset": "1s", "normalizedBoundingBox": _BOX}]}
    return {"faceDetectionAnnotations": [{"tracks": [track], "version": "builtin/stable"}]}


def _video_explicit(body: dict) -> dict:
    return {"explicitAnnotation": {"frames": [
        {"timeOffset": "0.500s", "pornographyLikelihood": "VERY_UNLIKELY"},
        {"timeOffset": "1.500s", "pornographyLikelihood": "POSSIBLE"}]}}


def _video_text(body: dict) -> dict:
    vertices = [{"x": 0.1, "y": 0.8}, {"x": 0.4, "y": 0.8}, {"x": 0.4, "y": 0.9},
                {"x": 0.1, "y": 0.9}]
    return {"textAnnotations": [{"text": "OPEN DAILY", "segments": [{
        "segment": {"startTimeOffset": "1s", "endTimeOffset": "3.500s"}, "confidence": 0.93,
        "frames": [{"timeOffset": "1s", "rotatedBoundingBox": {"vertices": vertices}}]}]}]}


def _video_speech(body: dict) -> dict:
    config = body.get("videoContext", {}).get("speechTranscriptionConfig", {})
    words = [{"startTime": f"{0.4 * i:.1f}s", "endTime": f"{0.4 * i + 0.3:.1f}s", "word": w}
             for i, w in enumerate(TRANSCRIPT.split())]
    return {"speechTranscriptions": [
        {"alternatives": [{"transcript": TRANSCRIPT, "confidence": 0.91, "words": words}],
         "languageCode": config.get("languageCode", "en-US").lower()},
        {"alternatives": [{}]}]}  # Google's empty result for a silent stretch


def _video_objects(body: dict) -> dict:
    return {"objectAnnotations": [{
        "entity": {"entityId": "/m/01yrx", "description": "cat", "languageCode": "en-US"},
        "segment": {"startTimeOffset": "0s", "endTimeOffset": "3s"}, "confidence": 0.88,
        "frames": [{"timeOffset": "0s", "normalizedBoundingBox": _BOX},
                   {"timeOffset": "1.500s", "normalizedBoundingBox": _BOX}]}]}


_VIDEO_ANSWERS = {3: _video_explicit, 4: _video_faces, 6: _video_speech, 7: _video_text,
                  9: _video_objects}
