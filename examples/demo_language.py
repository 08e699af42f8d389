"""Offline language demo: entities, sentiment, syntax and content categories.

Runs on the bundled local models only (``Cog(mode="local", offline=True)``: no socket is
opened) and writes the results as JSON to ``out/language.json``::

    python examples/demo_language.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from cogsdk import Cog, CogError

OUT = Path("out")
ROWLING = ("Joanne Rowling, who writes under the pen names J. K. Rowling and Robert "
           "Galbraith, is a British novelist and screenwriter who wrote the Harry Potter "
           "fantasy series. Rowling lives in Edinburgh.")
REVIEWS = [
    "I love this phone. The camera is superb and the battery lasts forever!",
    "This is not a good phone.",
    "The screen is beautiful. Sadly the battery is awful and the speaker is terrible.",
    "Ce n'est pas un bon téléphone, je suis déçu.",
    "La película fue maravillosa, me encantó.",
]
ARTICLE = ("The central bank raised interest rates by half a point, and stock markets fell "
           "sharply as investors worried about inflation.")


def main() -> None:
    cog = Cog(mode="local", offline=True)
    report = {}
    started = time.perf_counter()
    entities = cog.language.entities(ROWLING)
    print(f"entities ({entities.model}, {time.perf_counter() - started:.2f} s with loading):")
    for entity in entities:
        mentions = ", ".join(f"{m.text!r}@{m.begin_offset}" for m in entity.mentions)
        print(f"  {entity.salience:.2f}  {entity.type:<12} {entity.name:<18} [{mentions}]")
    report["entities"] = entities.to_dict()

    print("\nsentiment (score -1..1, magnitude):")
    report["sentiment"] = []
    for review, result in zip(REVIEWS, cog.language.sentiment(REVIEWS)):
        if isinstance(result, CogError):
            print(f"  {review[:50]!r}: {type(result).__name__}: {result}")
            continue
        print(f"  {result.score:+.2f} {result.magnitude:.2f} [{result.language}, "
              f"{result.model}] {review}")
        report["sentiment"].append(result.to_dict())

    syntax = cog.language.syntax("The quick brown fox did not jump over the lazy dog.")
    print("\nsyntax:")
    for index, token in enumerate(syntax.tokens):
        head = syntax.tokens[token.head_index].text
        print(f"  {index:>2} {token.text:<6} {token.part_of_speech:<5} {token.label:<7} "
              f"-> {head:<5} (lemma {token.lemma})")
    report["syntax"] = syntax.to_dict()

    categories = cog.language.classify(ARTICLE)
    print("\ncategories:", ", ".join(f"{c.name} {c.confidence:.2f}" for c in categories))
    report["classify"] = categories.to_dict()
    print("\nlocal capabilities:", cog.capabilities()["language"]["local"]["languages"])

    OUT.mkdir(exist_ok=True)
    (OUT / "language.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"wrote {OUT / 'language.json'}")


if __name__ == "__main__":
    main()
