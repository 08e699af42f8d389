"""`make demo`: run every examples/demo_*.py offline, one after another.

Each demo runs on the bundled local models and sample inputs, prints what it found, and
writes pictures or JSON under ./out/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    demos = sorted(HERE.glob("demo_*.py"))
    env = dict(os.environ, COGSDK_OFFLINE="1")
    failed = []
    for demo in demos:
        print(f"\n=== {demo.name} ===", flush=True)
        if subprocess.call([sys.executable, str(demo)], env=env) != 0:
            failed.append(demo.name)
    print(f"\n{len(demos) - len(failed)} of {len(demos)} demos ran; failed: {failed or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
