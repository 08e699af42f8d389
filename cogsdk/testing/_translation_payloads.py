"""Canned Translation answers for glossaries and supported languages (v2 and v3)."""

from __future__ import annotations

LANGUAGES = [("de", "German"), ("en", "English"), ("es", "Spanish")]


def translate_v3_glossary(body: dict) -> dict:
    """v3 with a glossaryConfig answers both the plain and the glossary translations."""
    target = body.get("targetLanguageCode", "")
    glossary = body.get("glossaryConfig", {}).get("glossary", "")
    return {"translations": [{"translatedText": f"[{target}] {t}"}
                             for t in body.get("contents", [])],
            "glossaryTranslations": [{"translatedText": f"[{target}+glossary] {t}",
                                      "glossaryConfig": {"glossary": glossary}}
                                     for t in body.get("contents", [])]}


def languages_v3(display: str = "") -> dict:
    return {"languages": [dict(languageCode=code, supportSource=True, supportTarget=True,
                               **({"displayName": name} if display else {}))
                          for code, name in LANGUAGES]}


def languages_v2(target: str = "") -> dict:
    return {"data": {"languages": [dict(language=code, **({"name": name} if target else {}))
                                   for code, name in LANGUAGES]}}
