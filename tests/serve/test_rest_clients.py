"""Google's official clients, unchanged but for their endpoint, against ``cogsdk serve``."""

from __future__ import annotations

import pytest


def test_vision_labels_a_cat_through_the_official_client(server, rest_options, photos):
    from google.cloud import vision_v1

    client = vision_v1.ImageAnnotatorClient(**rest_options)
    response = client.label_detection(image=vision_v1.Image(content=photos["chelsea"]))
    labels = [label.description for label in response.label_annotations]
    assert "Cat" in labels, labels
    assert not response.error.message


def test_vision_batch_answers_every_image_in_its_slot(server, rest_options, photos):
    from google.cloud import vision_v1

    client = vision_v1.ImageAnnotatorClient(**rest_options)
    features = [{"type_": vision_v1.Feature.Type.LABEL_DETECTION, "max_results": 3},
                {"type_": vision_v1.Feature.Type.FACE_DETECTION},
                {"type_": vision_v1.Feature.Type.SAFE_SEARCH_DETECTION},
                {"type_": vision_v1.Feature.Type.OBJECT_LOCALIZATION}]
    requests = [{"image": {"content": photos[name]}, "features": features}
                for name in ("astronaut", "coffee")]
    requests.append({"image": {"content": b"not an image"}, "features": features})
    astronaut, coffee, broken = client.batch_annotate_images(requests=requests).responses
    assert len(astronaut.face_annotations) == 1
    face = astronaut.face_annotations[0]
    assert len(face.bounding_poly.vertices) == 4 and face.landmarks
    person = astronaut.localized_object_annotations[0]
    assert person.name == "Person" and len(person.bounding_poly.normalized_vertices) == 4
    assert len(coffee.label_annotations) == 3
    assert "Coffee" in [label.description for label in coffee.label_annotations]
    assert coffee.safe_search_annotation.adult <= vision_v1.Likelihood.UNLIKELY
    assert broken.error.code == 3 and "not an image" in broken.error.message


def test_a_feature_with_no_local_model_answers_google_error_in_its_slot(server, rest_options,
                                                                        photos):
    from google.cloud import vision_v1

    client = vision_v1.ImageAnnotatorClient(**rest_options)
    request = {"image": {"content": photos["chelsea"]},
               "features": [{"type_": vision_v1.Feature.Type.LOGO_DETECTION},
                            {"type_": vision_v1.Feature.Type.LABEL_DETECTION}]}
    response = client.batch_annotate_images(requests=[request]).responses[0]
    assert response.error.code == 12  # UNIMPLEMENTED
    assert "LOGO_DETECTION" in response.error.message
    assert "Cat" in [label.description for label in response.label_annotations]


def test_seventeen_images_are_refused_like_google(server, rest_options, photos):
    from google.api_core import exceptions
    from google.cloud import vision_v1

    client = vision_v1.ImageAnnotatorClient(**rest_options)
    request = {"image": {"content": photos["coffee"]},
               "features": [{"type_": vision_v1.Feature.Type.LABEL_DETECTION}]}
    with pytest.raises(exceptions.BadRequest, match="16"):
        client.batch_annotate_images(requests=[request] * 17, retry=None, timeout=30)


def test_language_v1_and_v2_through_the_official_clients(server, rest_options):
    from google.cloud import language_v1, language_v2

    text = "J. K. Rowling wrote the Harry Potter books in Edinburgh."
    v1 = language_v1.LanguageServiceClient(**rest_options)
    document = language_v1.Document(content=text, type_=language_v1.Document.Type.PLAIN_TEXT)
    entities = v1.analyze_entities(document=document,
                                   encoding_type=language_v1.EncodingType.UTF8).entities
    rowling = next(e for e in entities if "Rowling" in e.name)
    assert rowling.type_ == language_v1.Entity.Type.PERSON
    assert rowling.mentions[0].text.begin_offset == 0
    syntax = v1.analyze_syntax(document=document)
    assert [t.text.content for t in syntax.tokens][:3] == ["J.", "K.", "Rowling"]
    v2 = language_v2.LanguageServiceClient(**rest_options)
    sentiment = v2.analyze_sentiment(document=language_v2.Document(
        content="I love this wonderful city.", type_=language_v2.Document.Type.PLAIN_TEXT))
    assert sentiment.document_sentiment.score > 0.3
    assert sentiment.language_code == "en"


def test_translate_v2_client(server):
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import translate_v2

    client = translate_v2.Client(credentials=AnonymousCredentials(),
                                 client_options={"api_endpoint": server.url})
    answer = client.translate("Good morning, my friend.", target_language="es")
    assert answer["detectedSourceLanguage"] == "en"
    assert "amigo" in answer["translatedText"].lower()
    assert client.detect_language("Bonjour tout le monde, comment allez-vous ?")[
        "language"] == "fr"
    assert {"en", "es"} <= {row["language"] for row in client.get_languages()}


def test_translate_v3_client(server, rest_options):
    from google.cloud import translate_v3

    client = translate_v3.TranslationServiceClient(**rest_options)
    parent = "projects/demo/locations/global"
    answer = client.translate_text(parent=parent, contents=["Thank you very much."],
                                   target_language_code="es")
    assert "gracias" in answer.translations[0].translated_text.lower()
    detected = client.detect_language(parent=parent, content="Guten Morgen, wie geht es dir?")
    assert detected.languages[0].language_code == "de"
    supported = client.get_supported_languages(parent=parent)
    assert any(x.language_code == "es" and x.support_target for x in supported.languages)


def test_cog_cloud_mode_against_the_server_matches_local(server, photos):
    from cogsdk import Cog

    remote = Cog(mode="cloud", endpoint=server.url, credentials="anonymous", max_retries=0)
    local = Cog(mode="local", offline=True)
    served, direct = remote.vision.labels(photos["chelsea"]), local.vision.labels(
        photos["chelsea"])
    assert [x.description for x in served] == [x.description for x in direct]
    assert [round(x.score, 3) for x in served] == [round(x.score, 3) for x in direct]


def test_annotate_text_gives_each_sentence_once_with_its_sentiment(server, rest_options):
    from google.cloud import language_v1

    client = language_v1.LanguageServiceClient(**rest_options)
    document = language_v1.Document(content="I love Paris. The rain is awful.",
                                    type_=language_v1.Document.Type.PLAIN_TEXT)
    features = language_v1.AnnotateTextRequest.Features(
        extract_syntax=True, extract_entities=True, extract_document_sentiment=True)
    answer = client.annotate_text(document=document, features=features,
                                  encoding_type=language_v1.EncodingType.UTF16)
    assert [s.text.content for s in answer.sentences] == ["I love Paris.",
                                                           "The rain is awful."]
    assert answer.sentences[0].sentiment.score > 0 > answer.sentences[1].sentiment.score
    assert answer.sentences[1].text.begin_offset == 14
    assert answer.tokens and any(e.name == "Paris" for e in answer.entities)
