"""The public surface: names, the error tree, import cost, and the default client."""

import json
import subprocess
import sys

import cogsdk
from cogsdk import errors

HEAVY = ("google", "grpc", "onnxruntime", "av", "faster_whisper", "ctranslate2", "spacy",
         "cv2", "rapidocr", "PIL", "numpy", "requests", "torch")


def test_all_matches_the_public_names():
    import types

    public = {name for name, value in vars(cogsdk).items() if not name.startswith("_")
              and not isinstance(value, types.ModuleType)} - {"annotations"}
    assert set(cogsdk.__all__) == public


def test_every_error_is_a_cog_error_and_documented():
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.CogError)
        assert name in errors.__doc__
    assert issubclass(errors.MissingCredentials, errors.ConfigurationError)
    assert issubclass(errors.UnsupportedLanguage, errors.UnsupportedFeature)
    assert issubclass(errors.RateLimited, errors.BackendError)
    assert errors.MissingDependency("x", "vision").extra == "vision"


def test_import_loads_no_heavy_library():
    code = ("import sys, json, cogsdk; c = cogsdk.Cog(); "
            "print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code]))
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
    assert heavy == []


def test_default_client_reads_the_environment(monkeypatch):
    monkeypatch.setattr(cogsdk, "_default", None)
    monkeypatch.setenv("COGSDK_MODE", "local")
    monkeypatch.setenv("COGSDK_ENDPOINT", "http://127.0.0.1:1")
    assert cogsdk.vision is cogsdk.default_client().vision
    assert cogsdk.default_client().settings.mode == "local"
    assert cogsdk.default_client().settings.endpoint_for("video") == "http://127.0.0.1:1"
    monkeypatch.setattr(cogsdk, "_default", None)


def test_results_are_frozen_and_serialise():
    import dataclasses

    import pytest

    from cogsdk.vision.types import Label, Labels

    labels = Labels(items=(Label("Cat", 0.9, "/m/01yrx"),), backend="local", model="m",
                    raw={"k": [1, 2]})
    with pytest.raises(dataclasses.FrozenInstanceError):
        labels.backend = "google"
    assert json.loads(labels.to_json()) == labels.to_dict()
    assert labels.to_dict()["items"][0] == {"description": "Cat", "score": 0.9,
                                            "mid": "/m/01yrx", "topicality": None,
                                            "bounding_box": None}
