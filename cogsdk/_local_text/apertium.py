"""Apertium (rule-based MT) as a subprocess: pair discovery and batched translation.

Pairs are the installed modes (``/usr/share/apertium/modes/eng-spa.mode`` gives
``en -> es``), listed only while the ``apertium`` program is on PATH: the two come from
different Debian packages, and a mode without the program cannot run. Start-up costs ~120 ms per call, so a batch goes through one process: the
texts are joined with a separator paragraph that Apertium passes through untouched (an
unknown bracketed word between blank lines), and the output is split on it again.
"""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ..errors import BackendError, BackendTimeout, ConfigurationError, MissingDependency

MODES_DIRS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
_MODE = re.compile(r"^([a-z]{2,3})(?:_([A-Za-z]+))?-([a-z]{2,3})(?:_([A-Za-z]+))?\.mode$")

# ISO 639-3 codes used by Apertium pair names -> BCP-47 (two-letter where one exists).
_ISO3 = {"eng": "en", "spa": "es", "cat": "ca", "fra": "fr", "ita": "it", "por": "pt",
         "glg": "gl", "oci": "oc", "arg": "an", "srd": "sc", "dan": "da", "nor": "no",
         "nob": "nb", "nno": "nn", "afr": "af", "nld": "nl", "bel": "be", "rus": "ru",
         "epo": "eo", "eus": "eu", "ron": "ro", "mkd": "mk", "bul": "bg", "slv": "sl",
         "isl": "is", "swe": "sv", "ind": "id", "zlm": "ms", "pol": "pl", "deu": "de",
         "hin": "hi", "urd": "ur", "kaz": "kk", "tat": "tt", "ukr": "uk", "ces": "cs",
         "slk": "sk", "bre": "br", "cym": "cy", "gle": "ga", "mlt": "mt", "ara": "ar",
         "heb": "he", "tur": "tr", "fin": "fi", "est": "et", "lit": "lt", "lav": "lv"}


@dataclasses.dataclass(frozen=True)
class Pair:
    """One installed translation direction."""

    mode: str
    """Apertium's name for it, e.g. ``"eng-spa"`` or ``"spa-eng_US"``."""
    source: str
    """BCP-47, e.g. ``"en"``."""
    target: str
    """BCP-47, e.g. ``"es"`` or ``"en-US"``."""


def _bcp47(code: str, variant: Optional[str]) -> str:
    base = _ISO3.get(code, code)
    return f"{base}-{variant}" if variant else base


class MissingProgram(MissingDependency):
    """A Debian package, not a pip extra, is missing: the message says which, and how to
    install it (MissingDependency's own message would point at pip)."""

    def __init__(self, problem: str) -> None:
        ConfigurationError.__init__(self, problem)
        self.package, self.extra = "apertium", ""


def binary() -> Optional[str]:
    """The ``apertium`` program found on PATH now, or None: every lookup goes through here."""
    return shutil.which("apertium")


def pairs() -> tuple[Pair, ...]:
    """The pairs that can run: the installed modes, none while the program is missing."""
    return installed_modes() if binary() else ()


def problem() -> Optional[str]:
    """What keeps Apertium from translating here, with the command that fixes it."""
    has_program, has_modes = binary() is not None, bool(installed_modes())
    if has_program and has_modes:
        return None
    if has_modes:
        return "the apertium binary is not on PATH: apt-get install apertium"
    folders = " or ".join(str(folder) for folder in MODES_DIRS)
    if has_program:
        return (f"no Apertium language pair is installed (no *.mode file in {folders}): "
                "apt-get install apertium-eng-spa")
    return "Apertium is not installed: apt-get install apertium apertium-eng-spa"


@lru_cache(maxsize=1)
def installed_modes() -> tuple[Pair, ...]:
    """The installed modes (read once per process; restart after installing one)."""
    found: dict[str, Pair] = {}
    for folder in MODES_DIRS:
        for mode in sorted(folder.glob("*.mode")) if folder.is_dir() else ():
            match = _MODE.match(mode.name)
            if match:
                src, src_var, tgt, tgt_var = match.groups()
                found.setdefault(mode.stem, Pair(mode.stem, _bcp47(src, src_var),
                                                 _bcp47(tgt, tgt_var)))
    return tuple(found.values())


def find(source: str, target: str) -> Optional[Pair]:
    """The pair for ``source -> target``; an exact regional target wins, then the plain one."""
    source, target = source.lower(), target.lower()
    src = source.split("-")[0]
    candidates = [p for p in pairs() if p.source.lower().split("-")[0] == src]
    for pair in candidates:
        if pair.target.lower() == target:
            return pair
    base = target.split("-")[0]
    plain = [p for p in candidates if p.target.lower() == base]
    variants = [p for p in candidates if p.target.lower().split("-")[0] == base]
    return next(iter(plain or variants), None)


def executable() -> str:
    path = binary()
    if not path:
        raise MissingProgram(f"Local translation with Apertium cannot run: {problem()}.")
    return path


def translate(pair: Pair, texts: Sequence[str], timeout: float = 120.0) -> list[str]:
    """Translate every text with one Apertium process (one per text only if the
    separator were ever damaged, which the length check below notices)."""
    if not texts:
        return []
    cleaned = [t.replace("\0", " ") for t in texts]  # NUL would flush Apertium's stream
    marker = f"[cogsdk-{secrets.token_hex(6)}]"
    if len(cleaned) > 1 and not any(marker in t for t in cleaned):
        parts = _run(pair, f"\n\n{marker}\n\n".join(cleaned), timeout).split(marker)
        if len(parts) == len(cleaned):
            return [_tidy(p) for p in parts]
    return [_tidy(_run(pair, text, timeout)) for text in cleaned]


def _run(pair: Pair, text: str, timeout: float) -> str:
    # -u: no '*' before unknown words, so names and numbers come back unchanged.
    command = [executable(), "-u", pair.mode]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True,
                              timeout=timeout, env={**os.environ, "LC_ALL": "C.UTF-8"})
    except subprocess.TimeoutExpired as exc:
        raise BackendTimeout(f"Apertium {pair.mode} took more than {timeout:.0f} s.",
                             backend="local") from exc
    if done.returncode != 0:
        raise BackendError(f"Apertium {pair.mode} failed ({done.returncode}): "
                           f"{done.stderr.decode('utf-8', 'replace').strip()[:300]}",
                           backend="local")
    return done.stdout.decode("utf-8", "replace")


def _tidy(text: str) -> str:
    # Apertium leaves doubled blanks where it dropped unknown-word marks, and a blank
    # before a full stop or comma after some multiword units ("25 dólares .").
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"(?<=\w) ([.,])(?=\s|$)", r"\1", text).strip()
