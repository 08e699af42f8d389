"""The public surface: names, the error tree, import cost, and the default client."""

import json
import subprocess
import sys

import pytest

import cogsdk
from cogsdk import errors

HEAVY = ("google", "grpc", "onnxruntime", "av", "faster_whisper", "ctranslate2", "spacy",
         "cv2", "rapidocr", "PIL", "numpy", "requests", "torch")


def test_all_matches_the_public_names():
    import types

    public = {name for name, value in vars(cogsdk).items() if not name.startswith("_")
              and not isinstance(value, types.ModuleType)} - {"annotations", "TYPE_CHECKING"}
    assert public <= set(cogsdk.__all__)  # the rest load on first use
    assert sorted(dir(cogsdk)) == sorted(cogsdk.__all__)


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
    cogsdk.set_default_client(None)
    monkeypatch.setenv("COGSDK_MODE", "local")
    monkeypatch.setenv("COGSDK_ENDPOINT", "http://127.0.0.1:1")
    assert cogsdk.vision.labels.__self__ is cogsdk.default_client().vision
    assert cogsdk.default_client().settings.mode == "local"
    assert cogsdk.default_client().settings.endpoint_for("video") == "http://127.0.0.1:1"
    cogsdk.set_default_client(None)


def test_service_modules_are_modules_and_reach_the_default_client():
    import types

    import cogsdk.vision as vision_module

    assert isinstance(vision_module, types.ModuleType)
    assert vision_module.Vision.service == "vision"
    mine = cogsdk.Cog(mode="local")
    cogsdk.set_default_client(mine)
    try:
        assert cogsdk.translation.detect_language.__self__ is mine.translation
    finally:
        cogsdk.set_default_client(None)
    with pytest.raises(AttributeError):
        cogsdk.vision.no_such_method


def test_every_result_type_is_exported():
    from cogsdk._types import Result

    for name in cogsdk.__all__:
        assert getattr(cogsdk, name) is not None, name
    families = [cogsdk.vision.types, cogsdk.speech.types, cogsdk.language.types,
                cogsdk.translation.types, cogsdk.video.types]
    results = {name for module in families for name, value in vars(module).items()
               if isinstance(value, type) and issubclass(value, Result) and
               value.__module__ == module.__name__}
    assert results and results <= set(cogsdk.__all__)


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


def test_no_two_families_export_a_type_of_the_same_name():
    import collections
    import importlib

    names = [name for service in ("vision", "speech", "language", "translation", "video")
             for module in [importlib.import_module(f"cogsdk.{service}.types")]
             for name in module.__all__ if isinstance(getattr(module, name), type)]
    assert [n for n, count in collections.Counter(names).items() if count > 1] == []
