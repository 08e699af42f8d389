"""Local classify: zero-shot Google content categories from MiniLM embeddings."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedLanguage
from cogsdk.language._local.classify import CATEGORIES

TEXTS = {
    "/Sports": "The Lakers beat the Celtics 110-102 last night, with LeBron James scoring "
               "35 points in the fourth quarter.",
    "/Food & Drink": "Preheat the oven to 180 degrees, mix the flour, butter and sugar, and "
                     "bake the cake for 40 minutes.",
    "/Computers & Electronics": "The new laptop ships with a faster processor, 16 GB of "
                                "memory and an improved graphics card for developers.",
    "/Finance": "The central bank raised interest rates by half a point, and stock markets "
                "fell sharply as investors worried about inflation.",
    "/Travel": "Our flight to Rome was delayed, but the hotel near the Colosseum was lovely "
               "and the tour guide was excellent.",
    "/Health": "Symptoms of the flu include fever, cough and fatigue; doctors recommend "
               "rest and a yearly vaccine.",
    "/Pets & Animals": "My dog loves to chase the cat around the garden, and the vet says "
                       "both pets are healthy.",
    "/Science": "Researchers observed a distant galaxy with the telescope, measuring its "
                "redshift and the mass of its black hole.",
}


def test_there_are_googles_27_top_level_categories():
    assert len(CATEGORIES) == 27 and all(name.startswith("/") for name in CATEGORIES)


def test_eight_topics_get_their_category_first(local_cog):
    results = local_cog.language.classify(list(TEXTS.values()))
    assert [r[0].name for r in results] == list(TEXTS)
    for result in results:
        assert all(0.1 <= c.confidence <= 1 for c in result)
        assert [c.confidence for c in result] == sorted((c.confidence for c in result),
                                                        reverse=True)
        assert (result.backend, result.model) == ("local", "local/minilm-l6-v2-int8")


def test_a_long_document_is_classified_from_its_opening(local_cog):
    text = (TEXTS["/Finance"] + " ") * 5000  # ~700 KB
    assert local_cog.language.classify(text)[0].name == "/Finance"


def test_other_languages_are_unsupported(local_cog):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.language.classify("Le match de football s'est terminé par une victoire.")
    assert caught.value.supported == ["en"]
