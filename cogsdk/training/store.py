"""The user model store: the models trained with ``cog.vision.train``/``cog.language.train``.

It lives in ``$COGSDK_MODELS``, else in ``<cache_dir()>/models`` (``$COGSDK_CACHE`` or
``~/.cache/cogsdk``). Each model is one ONNX file, ``<name>.<sha12>.onnx``, pinned by
its sha256 in ``manifest.json`` beside it; a file that no longer matches is refused with
:class:`~cogsdk.models.ModelIntegrityError`, like the shipped models.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any, Optional

from .. import models
from ..errors import ConfigurationError, InvalidInput

MANIFEST = "manifest.json"
FORMAT = 1
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
VERTEX_ENDPOINT = re.compile(r"^projects/[^/]+/locations/([^/]+)/endpoints/[^/]+$")
_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int], dict[str, dict[str, Any]]]] = {}


class UnknownModel(InvalidInput):
    """No model of that name in the store; ``available`` lists the ones there are."""

    def __init__(self, name: str, available: list[str], root: Path) -> None:
        self.available = available
        there = ", ".join(available) if available else "none yet"
        super().__init__(f"No custom model {name!r} in {root} (models there: {there}). "
                         "Train one with cog.vision.train(name, examples).")


class IncompatibleModel(ConfigurationError):
    """The model was trained for another task or on another backbone version."""


def root() -> Path:
    """The store folder: ``$COGSDK_MODELS``, else ``<models.cache_dir()>/models``."""
    return Path(os.environ.get("COGSDK_MODELS") or models.cache_dir() / "models")


def is_vertex_endpoint(model: str) -> bool:
    """``projects/P/locations/L/endpoints/E``: served in the cloud, not by the store."""
    return bool(VERTEX_ENDPOINT.match(model))


def check_name(name: Any) -> str:
    """A store name: letters, digits, ``.``, ``_`` and ``-``, at most 64 characters."""
    if not isinstance(name, str) or not NAME.match(name):
        raise InvalidInput(f"A model name is 1-64 letters, digits, '.', '_' or '-', "
                           f"starting with a letter or digit; not {name!r}.")
    return name


def entries() -> dict[str, dict[str, Any]]:
    """Every model's manifest entry, by name (re-read when the manifest changes)."""
    path = root() / MANIFEST
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    stamp = (stat.st_mtime_ns, stat.st_size)
    known = _cache.get(path)
    if known is None or known[0] != stamp:
        known = (stamp, _read(path))
        _cache[path] = known
    return known[1]


def _read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"The model store manifest {path} cannot be read: "
                                 f"{error}. Remove the broken file and train again.") from None
    return dict(data.get("models", {}))


def entry(name: str, task: Optional[str] = None) -> dict[str, Any]:
    """The manifest entry of one model; refuses an unknown name or another task."""
    found = entries().get(check_name(name))
    if found is None:
        raise UnknownModel(name, sorted(entries()), root())
    if task and found.get("task") != task:
        raise IncompatibleModel(f"Custom model {name!r} is a {found.get('task')} model, "
                                f"not a {task} one.")
    return found


def save(name: str, onnx_bytes: bytes, fields: dict[str, Any], replace: bool) -> dict:
    """Write the model file, then pin it in the manifest (a reader never sees a file
    without its pin); the file of a replaced model is deleted afterwards."""
    import hashlib

    check_name(name)
    sha256 = hashlib.sha256(onnx_bytes).hexdigest()
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.{sha256[:12]}.onnx"
    _write_atomically(target, onnx_bytes)
    with _lock:
        current = dict(entries())
        if name in current and not replace:
            if current[name]["file"] != target.name:
                target.unlink(missing_ok=True)
            raise InvalidInput(f"A custom model named {name!r} already exists in {folder}; "
                               "pass replace=True to overwrite it, or remove it first.")
        old = current.get(name)
        current[name] = {**fields, "name": name, "file": target.name, "sha256": sha256}
        _write_manifest(folder, current)
    if old and old["file"] != target.name:
        (folder / old["file"]).unlink(missing_ok=True)
    return current[name]


def remove(name: str) -> None:
    """Delete a model and its file; an unknown name raises :class:`UnknownModel`."""
    with _lock:
        current = dict(entries())
        if check_name(name) not in current:
            raise UnknownModel(name, sorted(current), root())
        gone = current.pop(name)
        _write_manifest(root(), current)
    (root() / gone["file"]).unlink(missing_ok=True)
    models.unregister(_model_id(name))


def _write_manifest(folder: Path, current: dict[str, dict[str, Any]]) -> None:
    text = json.dumps({"format": FORMAT, "models": current}, indent=1, sort_keys=True)
    _write_atomically(folder / MANIFEST, text.encode("utf-8"))


def _write_atomically(target: Path, data: bytes) -> None:
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)  # other processes see the old file or the new one
    finally:
        partial.unlink(missing_ok=True)


def path_of(name: str) -> Path:
    return root() / entry(name)["file"]


def session(name: str, task: str, device: str) -> tuple[dict[str, Any], Any]:
    """``(entry, onnxruntime session)`` of a model, its file checked against its pin and
    its backbone against the one installed."""
    found = entry(name, task)
    check_backbone(name, found)
    model_id = _model_id(name)
    path = root() / found["file"]
    with _lock:  # re-register only when the file changed (register closes the sessions)
        known = next((m for m in models.user_models() if m.id == model_id), None)
        if known is None or known.path != str(path.resolve()) or known.sha256 != found["sha256"]:
            models.register(model_id, path, task=task, sha256=found["sha256"],
                            notes=f"custom model {name!r}")
    return found, models.onnx_session(model_id, device)


def check_backbone(name: str, found: dict[str, Any]) -> None:
    """Refuse a model whose backbone file differs from the one this install ships."""
    backbone = found.get("backbone", "")
    try:
        installed = models.spec(backbone).sha256
    except ConfigurationError:
        installed = None
    if installed != found.get("backbone_sha256"):
        raise IncompatibleModel(
            f"Custom model {name!r} was trained on {backbone} sha256 "
            f"{str(found.get('backbone_sha256'))[:12]}..., but this install has "
            f"{(installed or 'none')[:12]}. Train it again with replace=True.")


def _model_id(name: str) -> str:
    return f"custom/{name}"
