"""The one choice of local engine for a language pair, shared by translation and by
sentiment in languages without a lexicon: the same language needs none, then a
registered Marian model wins, then the pip-installed Bergamot models (en <-> pt), then
an installed Apertium pair."""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional, Sequence

from .._engines import engine_errors
from . import apertium, bergamot, marian

MARIAN_BATCH = 16
"""Texts per Marian run: without a KV cache each decoding step holds logits for the
whole prefix of every row (16 rows x 100 steps x 58k pieces is ~370 MB)."""


@dataclasses.dataclass(frozen=True)
class Engine:
    """A chosen way from one language to another."""

    model: str
    """What did the work, without the ``local/`` prefix: ``"identity"``,
    ``"marian/<model id>"`` or ``"apertium/<mode>"``."""
    raw: dict
    """The engine's description for a result's ``raw``."""
    translate: Callable[[Sequence[str]], list[str]]
    """Texts in, translations out, in order."""


def same_language(source: str, target: str) -> bool:
    return source.split("-")[0].lower() == target.split("-")[0].lower()


def translator(source: str, target: str, *, device: str = "auto",
               timeout: float = 120.0) -> Optional[Engine]:
    """The engine for ``source -> target``, or None when this machine has none."""
    if same_language(source, target):
        # like Google: same language in, text back unchanged
        return Engine("identity", {"engine": "none"}, list)
    model = marian.find(source, target)
    if model is not None:
        return _marian(model.id, device)
    direction = bergamot.find(source, target)
    if direction is not None:
        return _bergamot(direction, timeout)
    pair = apertium.find(source, target)
    if pair is not None:
        return Engine(f"apertium/{pair.mode}", {"engine": "apertium", "mode": pair.mode},
                      lambda texts: apertium.translate(pair, texts, timeout=timeout))
    return None


def pairs() -> list[tuple[str, str]]:
    """``(source, target)`` pairs that :func:`translator` can serve, sorted."""
    found = {(p.source, p.target) for p in apertium.pairs()}
    found |= {(m.source, m.target) for m in marian.registered()}
    found |= set(bergamot.pairs())
    return sorted(found)


def _bergamot(model_id: str, timeout: float) -> Engine:
    def translate(texts: Sequence[str]) -> list[str]:
        with engine_errors(f"Bergamot model {model_id!r}"):
            return bergamot.translate(model_id, texts, timeout=timeout)
    pair = model_id.removeprefix("bergamot-")
    return Engine(f"bergamot/{pair}", {"engine": "bergamot", "model": model_id}, translate)


def _marian(model_id: str, device: str) -> Engine:
    def translate(texts: Sequence[str]) -> list[str]:
        with engine_errors(f"Marian model {model_id!r}"):
            runner = marian.runner(model_id, device)
            return [out for start in range(0, len(texts), MARIAN_BATCH)
                    for out in runner.translate(texts[start:start + MARIAN_BATCH])]
    return Engine(f"marian/{model_id}", {"engine": "marian-onnx", "model": model_id},
                  translate)
