"""The public surface is typed: mypy reads cogsdk's hints (py.typed) and types a list
call as a list of results and errors, and a single call as the result."""

import pathlib
import subprocess
import sys

import pytest

import cogsdk

EXAMPLE = '''
import cogsdk
from cogsdk import Cog, Labels

cog = Cog(mode="local")
reveal_type(cog.vision.labels("cat.jpg"))
reveal_type(cog.vision.labels(["a.jpg", "b.jpg"]))
reveal_type(cog.vision.faces(("a.jpg",)))
reveal_type(cog.speech.transcribe("talk.flac"))
reveal_type(cog.language.sentiment(["good", "bad"]))
reveal_type(cog.translation.translate("hi", "es"))
reveal_type(cog.video.shots(["a.mp4"]))
labels: Labels = cog.vision.labels("cat.jpg")
'''

EXPECTED = [
    "cogsdk.vision.types.Labels",
    "list[cogsdk.vision.types.Labels | cogsdk.errors.CogError]",
    "list[cogsdk.vision.types.Faces | cogsdk.errors.CogError]",
    "cogsdk.speech.types.Transcript",
    "list[cogsdk.language.types.Sentiment | cogsdk.errors.CogError]",
    "cogsdk.translation.types.Translation",
    "list[cogsdk.video.types.Shots | cogsdk.errors.CogError]",
]


def test_py_typed_ships():
    assert (pathlib.Path(cogsdk.__file__).parent / "py.typed").is_file()


def test_mypy_reveals_list_and_single_types(tmp_path):
    pytest.importorskip("mypy")
    example = tmp_path / "example.py"
    example.write_text(EXAMPLE)
    run = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental",
                          "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"),
                          str(example)], capture_output=True, text=True, timeout=300)
    revealed = [line.split('Revealed type is "', 1)[1].rstrip('"')
                for line in run.stdout.splitlines() if "Revealed type is" in line]
    assert revealed == EXPECTED, run.stdout
    assert "error" not in run.stdout.replace("errors.CogError", ""), run.stdout
