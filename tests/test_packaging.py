"""Every package folder is listed in pyproject.toml, and the data package ships its files."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _listed() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_listed():
    found = {".".join(path.parent.relative_to(ROOT).parts)
             for path in (ROOT / "cogsdk").rglob("__init__.py")}
    assert found - _listed() == set()
    assert "cogsdk.local_models" in _listed()


def test_listed_packages_exist():
    for name in _listed() - {"cogsdk.local_models"}:
        assert (ROOT / Path(*name.split(".")) / "__init__.py").is_file(), name


def test_model_files_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cogsdk.local_models"]
    for path in (ROOT / "local_models").iterdir():
        if path.is_file() and path.suffix in (".onnx", ".json", ".toml"):
            assert any(path.match(p) for p in patterns), path.name
