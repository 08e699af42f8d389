"""The local model store: find, verify and open the models listed in the manifest.

Weights come from inside registry packages (resolved from the installed distribution) or
from files committed under ``local_models/``. Each file is checked against its pinned
sha256 before first use; nothing is ever downloaded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import os
import shutil
import threading
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from .._engines import Shared, optional_import
from ..errors import ConfigurationError, MissingDependency

__all__ = ["ModelSpec", "ModelIntegrityError", "manifest", "spec", "model_path",
           "part_paths", "joined_path", "cache_dir", "verify", "forget_verified",
           "onnx_session", "open_sessions", "close_sessions", "providers_for",
           "package_root", "register", "unregister", "user_models"]


class ModelIntegrityError(ConfigurationError):
    """A model file is missing, or its sha256 does not match the manifest."""


@dataclasses.dataclass(frozen=True)
class ModelSpec:
    """One manifest entry (see ``local_models/manifest.toml``)."""

    id: str
    task: str
    version: str
    sha256: str
    license: str
    extra: str
    pypi: Optional[str] = None
    file: Optional[str] = None
    debian: Optional[str] = None
    path: Optional[str] = None
    input: str = ""
    preprocessing: str = ""
    labels: Optional[str] = None
    notes: str = ""
    parts: tuple[str, ...] = ()
    """Ids of the further pieces of a file shipped in parts (this entry is the first)."""
    joined_sha256: Optional[str] = None
    """sha256 of the whole file the parts join into (see :func:`joined_path`)."""

    @property
    def source(self) -> str:
        return (f"pypi:{self.pypi}" if self.pypi else f"debian:{self.debian}" if self.debian
                else f"file:{self.file}")


def package_root() -> Path:
    """The folder of the ``local_models`` data package."""
    try:
        return Path(str(resources.files("cogsdk.local_models")))
    except ModuleNotFoundError:  # running from a source checkout without install
        return Path(__file__).resolve().parents[2] / "local_models"


@lru_cache(maxsize=1)
def manifest() -> dict[str, ModelSpec]:
    """All models of the manifest, by id."""
    data = tomllib.loads((package_root() / "manifest.toml").read_text("utf-8"))
    return {entry["id"]: _entry(entry) for entry in data.get("model", [])}


def _entry(raw: dict[str, Any]) -> ModelSpec:
    fields = {f.name for f in dataclasses.fields(ModelSpec)}
    known: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v  # frozen: hashable
                             for k, v in raw.items() if k in fields}
    return ModelSpec(**known)


_user: dict[str, ModelSpec] = {}


def register(model_id: str, path: Path | str, *, task: str, sha256: Optional[str] = None,
             license: str = "user-supplied", extra: str = "all", notes: str = "") -> ModelSpec:
    """Add a model file of the user's own (e.g. an exported Marian encoder) to the store
    for this process. Without ``sha256`` the file is hashed now and pinned from then on."""
    path = Path(path).resolve()
    if not path.is_file():
        raise ModelIntegrityError(f"Cannot register model {model_id!r}: no file {path}.")
    entry = ModelSpec(id=model_id, task=task, version="user", license=license, extra=extra,
                      sha256=sha256 or _sha256(path), path=str(path), notes=notes)
    _user[model_id] = entry
    close_sessions(model_id)  # a re-registered id must not keep the old file's session
    return entry


def unregister(model_id: str) -> None:
    """Remove a model added with :func:`register` and close its sessions.

    Manifest models cannot be removed; an id that was never registered is a no-op.
    """
    if model_id in manifest() and model_id not in _user:
        raise ConfigurationError(f"Model {model_id!r} comes from the manifest; only models "
                                 "added with register() can be unregistered.")
    _user.pop(model_id, None)
    close_sessions(model_id)


def user_models() -> list[ModelSpec]:
    """The models registered with :func:`register` in this process."""
    return list(_user.values())


def spec(model_id: str) -> ModelSpec:
    if model_id in _user:
        return _user[model_id]
    try:
        return manifest()[model_id]
    except KeyError:
        raise ConfigurationError(f"No local model {model_id!r} in the manifest.") from None


def model_path(model_id: str) -> Path:
    """The verified path of a model's weight file."""
    entry = spec(model_id)
    path = _locate(entry)
    verify(path, entry.sha256, model_id)
    return path


def part_paths(model_id: str) -> list[Path]:
    """The verified files of a model: its own file, then those of its ``parts``."""
    return [model_path(model_id)] + [model_path(part) for part in spec(model_id).parts]


def cache_dir() -> Path:
    """Where derived model files live: ``$COGSDK_CACHE`` or ``~/.cache/cogsdk``."""
    root = os.environ.get("COGSDK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cogsdk")
    return Path(root)


def joined_path(model_id: str, name: str) -> Path:
    """The verified file ``name`` joined from a model's parts, built once under
    ``cache_dir()/<id>-<first 12 hex of joined_sha256>/``; a damaged copy is rebuilt."""
    entry = spec(model_id)
    if not entry.joined_sha256:
        raise ConfigurationError(f"Model {model_id!r} is not shipped in parts.")
    target = cache_dir() / f"{model_id}-{entry.joined_sha256[:12]}" / name
    label = f"{model_id} (joined)"
    with _join_locks.get(target):
        if not _is_valid(target, entry.joined_sha256, label):
            _join(part_paths(model_id), target, entry.joined_sha256, label)
        verify(target, entry.joined_sha256, label)
    return target


def _is_valid(path: Path, sha256: str, name: str) -> bool:
    try:
        verify(path, sha256, name)
        return True
    except ModelIntegrityError:
        return False  # missing, partial or damaged


def _join(parts: list[Path], target: Path, sha256: str, name: str) -> None:
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        _concatenate(parts, partial)
        _check((partial, sha256, name))  # not cached: the partial name is reused
        os.replace(partial, target)  # atomic: other processes never see half a file
    finally:
        partial.unlink(missing_ok=True)


def _concatenate(parts: list[Path], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 22)


# one lock per joined file, so two threads never write the same partial file
_join_locks: Shared[Path, threading.Lock] = Shared(lambda _: threading.Lock())


def verify(path: Path, sha256: str, name: str) -> None:
    """Raise ModelIntegrityError unless ``path`` hashes to ``sha256`` (checked once)."""
    _verified.get((Path(path), sha256, name))


def forget_verified(path: Path) -> None:
    """Hash ``path`` again on its next use (after the file changed on disk)."""
    _verified.drop(lambda key: key[0] == Path(path))


def _check(key: tuple[Path, str, str]) -> bool:
    path, sha256, name = key
    if not path.is_file():
        raise ModelIntegrityError(f"The file of model {name!r} is missing: {path}.")
    digest = _sha256(path)
    if digest != sha256:
        raise ModelIntegrityError(
            f"Model {name!r} at {path} does not match its pinned sha256 (got "
            f"{digest[:16]}..., want {sha256[:16]}...). Reinstall the "
            "package that ships it; do not use a modified model file.")
    return True


# Only successful checks are kept: a failure raises out of the build and is retried next time.
_verified: Shared[tuple[Path, str, str], bool] = Shared(_check)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _locate(entry: ModelSpec) -> Path:
    if entry.version == "user":  # registered at run time: an absolute path
        return Path(entry.path or "")
    if entry.file:
        return package_root() / entry.file
    if entry.debian:
        path = Path(entry.path or "")
        if not path.is_file():
            raise MissingDependency(f"Debian package {entry.debian}", entry.extra,
                                    f"model {entry.id} (apt-get install {entry.debian})")
        return path
    name, _, version = (entry.pypi or "").partition("==")
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        raise MissingDependency(entry.pypi or name, entry.extra, f"model {entry.id}") from None
    if version and dist.version != version:
        raise ModelIntegrityError(f"Model {entry.id!r} needs {name}=={version}, but "
                                  f"{dist.version} is installed: pip install '{entry.pypi}'.")
    return Path(str(dist.locate_file(entry.path or "")))




def providers_for(device: str) -> list[str]:
    """onnxruntime execution providers for ``"auto"``, ``"cpu"`` or ``"cuda"``."""
    ort = _onnxruntime()
    available = ort.get_available_providers()
    if device == "cpu":
        return ["CPUExecutionProvider"]
    if device == "cuda":
        if "CUDAExecutionProvider" not in available:
            raise ConfigurationError("device='cuda' but onnxruntime sees no CUDA GPU. "
                                     "Install 'cogsdk[gpu]' on a machine with a GPU.")
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return (["CUDAExecutionProvider"] if "CUDAExecutionProvider" in available else []) + \
        ["CPUExecutionProvider"]


def onnx_session(model_id: str, device: str = "auto") -> Any:
    """One shared onnxruntime session per (model, device), created on first use."""
    return _sessions.get((model_id, device))


def open_sessions() -> list[tuple[str, str]]:
    """The (model id, device) pairs whose onnxruntime session is open now."""
    return _sessions.keys()


def close_sessions(model_id: Optional[str] = None) -> None:
    """Forget the sessions of one model (all models by default); they reopen on next use."""
    _sessions.drop(lambda key: model_id is None or key[0] == model_id)


def _open_session(key: tuple[str, str]) -> Any:
    model_id, device = key
    ort = _onnxruntime()
    options = ort.SessionOptions()
    options.log_severity_level = 3  # errors only: some shipped graphs carry unused initializers
    # Idle intra-op threads spin for a while by default: with one pool per session, the
    # sessions of one call (labels runs MobileNet, YuNet, NanoDet) then fought over the
    # cores, and a labels call took 77 ms instead of 41 on 2 cores.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model_path(model_id)), options,
                                providers=providers_for(device))


_sessions: Shared[tuple[str, str], Any] = Shared(_open_session)


def _onnxruntime() -> Any:
    return optional_import("onnxruntime", "vision", "local models")
