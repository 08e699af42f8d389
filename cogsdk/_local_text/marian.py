"""A runner for Marian / OPUS-MT translation models exported to ONNX.

No package registry ships neural MT weights, so this runs a folder the user brings (for
example ``optimum-cli export onnx --model Helsinki-NLP/opus-mt-en-de out/`` done on a
connected machine) and registers with :func:`register` (:func:`unregister` removes it).
The folder holds:

- ``encoder_model.onnx``: ``input_ids``, ``attention_mask`` -> ``last_hidden_state``
- ``decoder_model.onnx``: ``input_ids``, ``encoder_hidden_states``,
  ``encoder_attention_mask`` -> ``logits`` (the variant without past key values)
- ``source.spm``, ``target.spm``: SentencePiece models; ``vocab.json``: piece -> id
- ``config.json``: ``eos_token_id``, ``pad_token_id``, ``decoder_start_token_id``,
  ``max_length`` (Marian's defaults are used when it is missing)

Decoding is greedy and re-runs the decoder on the whole prefix at each step (no KV
cache): simple and exact, fine for sentences, slower for long outputs.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Optional, Sequence

from .. import models
from .._engines import Shared, optional_import
from ..errors import ConfigurationError

FILES = ("encoder_model.onnx", "decoder_model.onnx", "source.spm", "target.spm", "vocab.json")
TASK = "translation.marian"


@dataclasses.dataclass(frozen=True)
class MarianModel:
    id: str
    source: str
    target: str
    folder: Path


def register(folder: Path | str, source: str, target: str,
             model_id: Optional[str] = None) -> MarianModel:
    """Add an exported Marian folder to the model store for ``source -> target``. Each
    file is hashed now and re-checked before it is loaded."""
    folder = Path(folder).resolve()
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise ConfigurationError(f"{folder} is not an exported Marian model: it lacks "
                                 f"{', '.join(missing)}.")
    model_id = model_id or f"marian-{source}-{target}"
    for name in FILES:
        models.register(_part(model_id, name), folder / name, task=f"{TASK}.part")
    models.register(model_id, folder / "encoder_model.onnx", task=f"{TASK}:{source}-{target}")
    forget(model_id)  # a re-registered id must not keep the old files' runner
    return MarianModel(model_id, source, target, folder)


def unregister(model_id: str) -> None:
    """Remove a model added with :func:`register`, its files and its runners."""
    for name in FILES:
        models.unregister(_part(model_id, name))
    models.unregister(model_id)
    forget(model_id)


def registered() -> list[MarianModel]:
    found = []
    for entry in models.user_models():
        if entry.task.startswith(f"{TASK}:"):
            source, _, target = entry.task.partition(":")[2].partition("-")
            found.append(MarianModel(entry.id, source, target, Path(entry.path or "").parent))
    return found


def find(source: str, target: str) -> Optional[MarianModel]:
    def base(code: str) -> str:
        return code.split("-")[0].lower()
    return next((m for m in registered() if base(m.source) == base(source)
                 and base(m.target) == base(target)), None)


def _part(model_id: str, name: str) -> str:
    return f"{model_id}/{name}"


def runner(model_id: str, device: str = "auto") -> "MarianRunner":
    """The one runner per registered model and device (sessions load on first use)."""
    models.spec(model_id)  # ConfigurationError once the model is unregistered
    return _runners.get((model_id, device))


def forget(model_id: str) -> None:
    """Drop the runners of ``model_id``; the next :func:`runner` call builds afresh."""
    _runners.drop(lambda key: key[0] == model_id)


class MarianRunner:
    """Tokenize with SentencePiece, encode once, decode greedily, detokenize."""

    def __init__(self, model_id: str, device: str = "auto") -> None:
        self._np = optional_import("numpy", "language", "Marian translation")
        sentencepiece = optional_import("sentencepiece", "language", "Marian translation")
        path = {name: models.model_path(_part(model_id, name)) for name in FILES}
        self.encoder = models.onnx_session(_part(model_id, "encoder_model.onnx"), device)
        self.decoder = models.onnx_session(_part(model_id, "decoder_model.onnx"), device)
        self.source_spm = sentencepiece.SentencePieceProcessor(model_file=str(path["source.spm"]))
        self.target_spm = sentencepiece.SentencePieceProcessor(model_file=str(path["target.spm"]))
        self.vocab = json.loads(path["vocab.json"].read_text("utf-8"))
        self.pieces = {index: piece for piece, index in self.vocab.items()}
        config_file = path["vocab.json"].parent / "config.json"
        config = json.loads(config_file.read_text("utf-8")) if config_file.is_file() else {}
        self.eos = int(config.get("eos_token_id", self.vocab.get("</s>", 0)))
        self.pad = int(config.get("pad_token_id", self.vocab.get("<pad>", len(self.vocab) - 1)))
        self.unk = int(self.vocab.get("<unk>", 1))
        self.start = int(config.get("decoder_start_token_id", self.pad))
        self.max_length = int(config.get("max_length", 512))

    def encode_ids(self, text: str) -> list[int]:
        pieces = self.source_spm.encode(text, out_type=str)
        return [self.vocab.get(piece, self.unk) for piece in pieces] + [self.eos]

    def translate(self, texts: Sequence[str], max_new_tokens: Optional[int] = None) -> list[str]:
        """Translate a batch (padded together); returns detokenized strings in order."""
        if not texts:
            return []
        np = self._np
        rows = [self.encode_ids(text)[: self.max_length] for text in texts]
        width = max(len(row) for row in rows)
        ids = np.full((len(rows), width), self.pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        hidden = self.encoder.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        limit = max_new_tokens or min(self.max_length, 2 * width + 10)
        return [self._detokenize(row) for row in self._greedy(hidden, mask, limit)]

    def _greedy(self, hidden, mask, limit: int) -> list[list[int]]:
        np = self._np
        out = np.full((hidden.shape[0], 1), self.start, dtype=np.int64)
        done = np.zeros(hidden.shape[0], dtype=bool)
        names = {i.name for i in self.decoder.get_inputs()}
        for _ in range(limit):
            feed = {"input_ids": out, "encoder_hidden_states": hidden,
                    "encoder_attention_mask": mask}
            logits = self.decoder.run(["logits"], {k: v for k, v in feed.items() if k in names})[0]
            step = logits[:, -1, :].copy()
            step[:, self.pad] = -np.inf  # Marian never emits pad (its final_logits_bias)
            token = np.where(done, self.pad, step.argmax(-1))
            out = np.concatenate([out, token[:, None]], axis=1)
            done |= token == self.eos
            if done.all():
                break
        return [[int(t) for t in row[1:] if t not in (self.pad, self.eos)] for row in out]

    def _detokenize(self, ids: list[int]) -> str:
        pieces = [self.pieces.get(i, "") for i in ids if i != self.unk]
        return self.target_spm.decode_pieces([p for p in pieces if p])


_runners: Shared[tuple[str, str], MarianRunner] = Shared(lambda key: MarianRunner(*key))
