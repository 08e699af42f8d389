"""The user model store: pins, tampering, names, removal, backbone versions."""

from __future__ import annotations

import json
import shutil

import pytest

from cogsdk import Cog, ConfigurationError, InvalidInput, training
from cogsdk.models import ModelIntegrityError
from cogsdk.training import IncompatibleModel, UnknownModel


@pytest.fixture
def copied_store(photo_model, store_dir, tmp_path, monkeypatch):
    """A copy of the session's store, free to damage."""
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    monkeypatch.setenv("COGSDK_MODELS", str(copy))
    return copy


def test_the_store_follows_cogsdk_models_else_the_cache(monkeypatch, tmp_path, store_dir):
    assert training.store_dir() == store_dir
    monkeypatch.delenv("COGSDK_MODELS")
    monkeypatch.setenv("COGSDK_CACHE", str(tmp_path))
    assert training.store_dir() == tmp_path / "models"


def test_a_tampered_file_is_refused(cog, copied_store, png_bytes):
    entry = json.loads((copied_store / "manifest.json").read_text())["models"]["photos"]
    path = copied_store / entry["file"]
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="does not match its pinned sha256"):
        cog.vision.labels(png_bytes, model="photos")


def test_an_unknown_name_lists_the_models_there_are(cog, photo_model, png_bytes):
    with pytest.raises(UnknownModel, match="photos") as caught:
        cog.vision.labels(png_bytes, model="shelf-products")
    assert "photos" in caught.value.available and isinstance(caught.value, InvalidInput)


def test_a_taken_name_is_refused_before_any_work(cog, photo_model):
    with pytest.raises(InvalidInput, match="already exists.*replace=True"):
        cog.vision.train("photos", {"a": [b"x"] * 5, "b": [b"y"] * 5})


def test_remove_deletes_the_file_and_the_pin(cog, copied_store, png_bytes):
    path = training.load("photos").path
    training.remove("photos")
    assert not path.exists() and "photos" not in {m.name for m in training.list_models()}
    with pytest.raises(UnknownModel):
        cog.vision.labels(png_bytes, model="photos")
    with pytest.raises(UnknownModel):
        training.remove("photos")


def test_a_model_of_another_backbone_version_is_refused(cog, copied_store, png_bytes):
    manifest = copied_store / "manifest.json"
    data = json.loads(manifest.read_text())
    data["models"]["photos"]["backbone_sha256"] = "0" * 64
    manifest.write_text(json.dumps(data))
    with pytest.raises(IncompatibleModel, match="Train it again"):
        cog.vision.labels(png_bytes, model="photos")


def test_an_image_model_does_not_classify_text(cog, photo_model):
    with pytest.raises(IncompatibleModel, match="vision.labels model"):
        cog.language.classify("hello there", model="photos")


def test_load_reads_the_evaluation_back(photo_model):
    loaded = training.load("photos")
    assert loaded.evaluation == photo_model.evaluation
    assert loaded.sha256 == photo_model.sha256 and loaded.labels == photo_model.labels
    assert loaded.report().size[0] >= 360  # no thumbnails now: framed captions instead


@pytest.mark.parametrize("name", ["", "a/b", "../up", "x" * 65, 7])
def test_bad_names_are_refused(cog, name):
    with pytest.raises(InvalidInput, match="model name"):
        cog.vision.train(name, {"a": [b"x"] * 5, "b": [b"y"] * 5})


def test_a_broken_manifest_says_what_to_do(cog, copied_store, png_bytes):
    (copied_store / "manifest.json").write_text("{not json")
    with pytest.raises(ConfigurationError, match="Remove the broken file"):
        Cog(mode="local", offline=True).vision.labels(png_bytes, model="photos")
