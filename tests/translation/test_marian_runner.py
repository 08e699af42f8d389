"""The Marian/OPUS-MT ONNX runner, on a tiny randomly initialised model built here.

No registry ships Marian weights, so this test writes a model folder in the exported
layout (encoder_model.onnx, decoder_model.onnx with the same input and output names as
an optimum export, source/target SentencePiece models, vocab.json, config.json) with
random weights, built with the ``onnx`` helper API. It checks the format and the decoding
loop (tokenisation, padding, greedy search, EOS, detokenisation) against a NumPy
reference; it says nothing about translation quality. Every test registers under an
id of its own and unregisters it afterwards, through the public API.
"""

from __future__ import annotations

import json
import shutil
import uuid

import numpy as np
import pytest

from cogsdk import BackendError, Cog, ConfigurationError, models
from cogsdk.models import ModelIntegrityError

onnx = pytest.importorskip("onnx", reason="building the tiny model needs the onnx package")
spm = pytest.importorskip("sentencepiece", reason="needs the language extra (sentencepiece)")
pytest.importorskip("onnxruntime", reason="needs the language extra (onnxruntime)")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from cogsdk._local_text import marian  # noqa: E402

DIM = 16
CORPUS = ["the cat sat on the mat", "a dog ran in the park", "the red house is big",
          "birds sing in the morning", "we read books at night", "she drinks hot tea",
          "the train leaves at noon", "children play in the garden"] * 4


@pytest.fixture
def register():
    """``register(folder, source, target)`` under an id unique to the test; every model
    registered this way is unregistered (files, sessions, runners) when the test ends."""
    ids = []

    def add(folder, source="en", target="qaa"):
        ids.append(f"test-{uuid.uuid4().hex[:12]}")
        return marian.register(folder, source, target, model_id=ids[-1])
    yield add
    for model_id in ids:
        marian.unregister(model_id)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny-marian")
    spm.SentencePieceTrainer.train(sentence_iterator=iter(CORPUS),
                                   model_prefix=str(folder / "source"), vocab_size=40,
                                   model_type="bpe", minloglevel=2)
    (folder / "target.spm").write_bytes((folder / "source.model").read_bytes())
    (folder / "source.model").rename(folder / "source.spm")
    processor = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())
              if not processor.is_control(i) and not processor.is_unknown(i)]
    vocab = {"</s>": 0, "<unk>": 1, **{p: i + 2 for i, p in enumerate(pieces)}}
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab))
    (folder / "config.json").write_text(json.dumps(
        {"eos_token_id": 0, "pad_token_id": vocab["<pad>"],
         "decoder_start_token_id": vocab["<pad>"], "max_length": 64}))
    weights = _weights(len(vocab))
    onnx.save(_encoder(weights), folder / "encoder_model.onnx")
    onnx.save(_decoder(weights), folder / "decoder_model.onnx")
    return folder, vocab, weights


@pytest.fixture
def broken(tiny, tmp_path):
    """The tiny model with a decoder whose output is not named ``logits``: loads, then
    fails inside onnxruntime on the first decoding step."""
    folder, _, weights = tiny
    copy = tmp_path / "broken"
    shutil.copytree(folder, copy)
    onnx.save(_decoder(weights, output="scores_out"), copy / "decoder_model.onnx")
    return copy


def _weights(vocab_size: int) -> dict:
    rng = np.random.default_rng(7)
    bias = rng.normal(0, 0.5, vocab_size).astype(np.float32)
    bias[0] = 2.0  # EOS now and then, so both stopping paths are exercised
    return {"E_enc": rng.normal(0, 1, (vocab_size, DIM)).astype(np.float32),
            "W_enc": rng.normal(0, 0.5, (DIM, DIM)).astype(np.float32),
            "E_dec": rng.normal(0, 1, (vocab_size, DIM)).astype(np.float32),
            "W_out": rng.normal(0, 1, (DIM, vocab_size)).astype(np.float32),
            "b_out": bias}


def _const(name, value):
    return numpy_helper.from_array(np.asarray(value), name)


def _encoder(w: dict):
    nodes = [
        helper.make_node("Gather", ["E_enc", "input_ids"], ["emb"]),
        helper.make_node("MatMul", ["emb", "W_enc"], ["proj"]),
        helper.make_node("Tanh", ["proj"], ["act"]),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "minus1"], ["mask3"]),
        helper.make_node("Mul", ["act", "mask3"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_marian_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "src"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "src"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch", "src", DIM])],
        [_const("E_enc", w["E_enc"]), _const("W_enc", w["W_enc"]),
         _const("minus1", np.array([-1], dtype=np.int64))])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)


def _decoder(w: dict, output: str = "logits"):
    nodes = [
        helper.make_node("Cast", ["encoder_attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "minus1"], ["mask3"]),
        helper.make_node("ReduceSum", ["encoder_hidden_states", "one"], ["total"],
                         keepdims=1),
        helper.make_node("ReduceSum", ["mask3", "one"], ["count"], keepdims=1),
        helper.make_node("Div", ["total", "count"], ["context"]),
        helper.make_node("Gather", ["E_dec", "input_ids"], ["emb"]),
        helper.make_node("Add", ["emb", "context"], ["mixed"]),
        helper.make_node("Tanh", ["mixed"], ["act"]),
        helper.make_node("MatMul", ["act", "W_out"], ["scores"]),
        helper.make_node("Add", ["scores", "b_out"], [output]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_marian_decoder",
        [helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64,
                                       ["batch", "src"]),
         helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tgt"]),
         helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT,
                                       ["batch", "src", DIM])],
        [helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", "tgt", None])],
        [_const("E_dec", w["E_dec"]), _const("W_out", w["W_out"]), _const("b_out", w["b_out"]),
         _const("minus1", np.array([-1], dtype=np.int64)),
         _const("one", np.array([1], dtype=np.int64))])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)


def reference(text: str, folder, vocab: dict, w: dict, limit: int) -> tuple[list[int], bool]:
    """Greedy decoding of one text in NumPy, independent of the runner; also whether it
    stopped at EOS."""
    processor = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
    ids = [vocab.get(p, 1) for p in processor.encode(text, out_type=str)] + [0]
    hidden = np.tanh(w["E_enc"][ids] @ w["W_enc"])
    context = hidden.mean(0)
    pad = vocab["<pad>"]
    out = [pad]
    for _ in range(limit):
        logits = np.tanh(w["E_dec"][out[-1]] + context) @ w["W_out"] + w["b_out"]
        logits[pad] = -np.inf
        token = int(logits.argmax())
        out.append(token)
        if token == 0:
            break
    return [t for t in out[1:] if t not in (0, pad)], out[-1] == 0


def test_runner_decodes_like_the_numpy_reference(tiny, register):
    folder, vocab, weights = tiny
    model = register(folder)
    runner = marian.runner(model.id)
    texts = ["the cat sat on the mat", "birds sing", "a completely unseen zebra xylophone"]
    pieces = {i: p for p, i in vocab.items()}
    target = spm.SentencePieceProcessor(model_file=str(folder / "target.spm"))
    stopped = []
    for text in texts:
        limit = min(64, 2 * len(runner.encode_ids(text)) + 10)
        ids, ended = reference(text, folder, vocab, weights, limit)
        stopped.append(ended)
        assert runner.translate([text])[0] == target.decode_pieces([pieces[i] for i in ids
                                                                    if i != 1])
    assert True in stopped and False in stopped  # EOS and the length cap both exercised
    # a padded batch gives what single calls give (the default length cap depends on
    # the longest input, so fix it: random weights may never emit EOS)
    assert runner.translate(texts, max_new_tokens=12) == [
        runner.translate([t], max_new_tokens=12)[0] for t in texts]


def test_a_registered_model_serves_its_pair_through_the_backend(tiny, register, no_sockets):
    folder, _, _ = tiny
    model = register(folder)
    cog = Cog(mode="local", offline=True, device="cpu")
    backend = cog._router.backend("translation", "local")
    assert ("en", "qaa") in backend.pairs()
    result = cog.translation.translate("the red house", target="qaa", source="en")
    assert (result.backend, result.model) == ("local", f"local/marian/{model.id}")
    assert result.raw == {"engine": "marian-onnx", "model": model.id}
    assert isinstance(result.text, str)
    # the client's device reached the runner's sessions
    assert (f"{model.id}/encoder_model.onnx", "cpu") in models.open_sessions()


def test_sentiment_without_a_lexicon_goes_through_the_same_model(tiny, register):
    for module in ("spacy", "vaderSentiment"):
        pytest.importorskip(module, reason="needs the language extra")
    folder, _, _ = tiny
    model = register(folder, source="qaa", target="en")
    cog = Cog(mode="local", offline=True, device="cpu")
    assert "qaa" in cog._router.backend("language", "local").languages()["sentiment"]
    result = cog.language.sentiment("the cat sat on the mat.", language="qaa")
    assert result.model == f"local/marian/{model.id}+sentiment-head"
    assert len(result.raw["translated"]) == 1
    assert (f"{model.id}/decoder_model.onnx", "cpu") in models.open_sessions()


def test_an_unregistered_model_is_gone_with_its_sessions(tiny, register):
    folder, _, _ = tiny
    model = register(folder)
    marian.runner(model.id, "cpu").translate(["the cat"])
    marian.unregister(model.id)
    assert marian.find("en", "qaa") is None
    assert not [key for key in models.open_sessions() if key[0].startswith(model.id)]
    with pytest.raises(ConfigurationError, match=model.id):
        marian.runner(model.id, "cpu")


def test_a_re_registered_id_gets_a_new_runner(tiny, register, tmp_path):
    folder, _, _ = tiny
    model = register(folder)
    first = marian.runner(model.id)
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    marian.register(copy, "en", "qaa", model_id=model.id)
    assert marian.runner(model.id) is not first


def test_an_engine_crash_is_a_backend_error_with_a_message(broken, register):
    model = register(broken)
    cog = Cog(mode="local", offline=True, device="cpu")
    with pytest.raises(BackendError, match=f"Marian model '{model.id}' failed: .+"):
        cog.translation.translate("the red house", target="qaa", source="en")


def test_an_incomplete_folder_is_refused(tmp_path):
    (tmp_path / "encoder_model.onnx").write_bytes(b"x")
    with pytest.raises(ConfigurationError, match="decoder_model.onnx"):
        marian.register(tmp_path, "en", "de")


def test_a_file_changed_after_registration_is_caught(tiny, register, tmp_path):
    folder, _, _ = tiny
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    model = register(copy)
    (copy / "vocab.json").write_text("{}")
    with pytest.raises(ModelIntegrityError):
        marian.runner(model.id)
