"""Local HTML translation (text nodes only), glossaries and supported languages, with
Apertium's real en-es pair."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedFeature

PAGE = ('<p class="lead">The weather is very good today.</p>\n'
        '<ul><li>My <b>cats</b> &amp; dogs</li></ul><script>var today = 1;</script>')


def test_html_keeps_every_tag_and_translates_the_text(local_cog, eng_spa, no_sockets):
    result = local_cog.translation.translate(PAGE, target="es", format="html")
    text = result.text
    assert text.startswith('<p class="lead">') and "</p>\n<ul><li>" in text
    assert "<b>" in text and "</b>" in text and "&amp;" in text
    assert "<script>var today = 1;</script>" in text  # scripts are never translated
    # each node is translated alone, so Apertium may capitalise a fragment ("Gatos")
    assert "tiempo" in text and "hoy" in text and "gatos" in text.lower()
    assert result.source_language == "en" and result.input == PAGE


def test_glossary_is_cloud_only(local_cog, eng_spa):
    with pytest.raises(UnsupportedFeature, match="v3"):
        local_cog.translation.translate("Hello", target="es", glossary="terms")


def test_supported_languages_are_the_installed_pairs(local_cog, eng_spa):
    found = local_cog.translation.supported_languages()
    codes = {x.code: x for x in found}
    assert codes["en"].source and codes["es"].target and codes["es"].source
    assert "en-es" in found.raw["pairs"] and "fr" in found.raw["detect"]
    assert found.backend == "local"
