"""Fixtures of the local speech tests: real human speech, synthetic speech, encoders.

Real speech is the LibriVox sentences of Debian's ``pocketsphinx-testdata`` (BSD-2);
synthetic speech comes from Debian's ``espeak-ng``. ``make test`` installs both when it
can (scripts/install-system-deps.sh); without them these tests skip and say why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for _speech_media, whatever the import mode

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


@pytest.fixture(scope="session")
def local_speech():
    """``Cog(mode="local", offline=True)``; skips when the speech extra is missing."""
    pytest.importorskip("faster_whisper", reason="needs the speech extra: "
                        "pip install 'cogsdk[speech]'")
    pytest.importorskip("av", reason="needs the speech extra (PyAV)")
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


@pytest.fixture(scope="session")
def librivox() -> list[tuple[Path, str]]:
    """(wav path, reference transcript) for the five LibriVox sentences, 16 kHz mono."""
    transcription = LIBRIVOX / "transcription"
    if not transcription.is_file():
        pytest.skip("needs Debian pocketsphinx-testdata (apt-get install "
                    "pocketsphinx-testdata; `make test` does it when it can)")
    found = []
    for line in transcription.read_text().splitlines():
        match = re.match(r"<s>(.*)</s> \((.*)\)", line.strip())
        if match:
            found.append((LIBRIVOX / f"{match.group(2)}.wav", match.group(1).strip()))
    return found


@pytest.fixture(scope="session")
def espeak():
    """``espeak(text, voice) -> WAV bytes`` (22.05 kHz mono)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("needs Debian espeak-ng (apt-get install espeak-ng)")

    def speak(text: str, voice: str = "en-us") -> bytes:
        return subprocess.run(["espeak-ng", "-v", voice, "--stdout", text], check=True,
                              capture_output=True, timeout=60).stdout
    return speak
