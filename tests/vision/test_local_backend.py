"""The local vision backend's contract: registration, features, errors, doctor."""

from __future__ import annotations

import sys

import pytest

from cogsdk import Cog, MissingDependency, UnsupportedFeature
from cogsdk._registry import backend_class


def test_registered_by_dotted_path_and_honest_about_features():
    cls = backend_class("vision", "local")
    assert cls.__module__ == "cogsdk.vision.local" and cls.name == "local"
    assert cls.features == {"labels", "faces", "text", "safe_search", "properties",
                            "objects", "document_text", "crop_hints"}  # no web, logos...


def test_logos_and_landmarks_are_unsupported_locally(local_cog, photos):
    with pytest.raises(UnsupportedFeature):
        local_cog.vision.logos(photos["coffee"])


def test_a_missing_engine_dependency_names_the_extra(monkeypatch, photos):
    pytest.importorskip("onnxruntime")
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import rapidocr -> ImportError
    cog = Cog(mode="local", offline=True)
    with pytest.raises(MissingDependency) as caught:
        cog.vision.text(photos["coffee"])
    assert caught.value.extra == "vision" and "cogsdk[vision]" in str(caught.value)


def test_doctor_reports_each_model_and_provider(local_cog):
    report = local_cog.capabilities()["vision"]["local"]["doctor"]
    assert set(report) == {"labels", "faces", "text", "safe_search", "properties", "objects",
                           "document_text", "crop_hints"}
    assert report["labels"] == "local/mobilenet_v2@onnxruntime:CPUExecutionProvider"
