"""A later process, offline, predicts exactly what this one does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import views

SCRIPT = """
import json, sys
from cogsdk import Cog
cog = Cog(mode="local", offline=True, device="cpu")
labels = cog.vision.labels(sys.argv[1:], model="photos")
text = cog.language.classify("My card was billed twice", model="tickets")
print(json.dumps({"labels": [[(x.description, x.score) for x in r] for r in labels],
                  "text": [(c.name, c.confidence) for c in text]}))
"""


def test_a_subprocess_loads_the_models_from_the_store(cog, photo_model, ticket_model,
                                                      photos, store_dir, tmp_path):
    paths = []
    for index, picture in enumerate(photos.values()):
        path = tmp_path / f"{index}.png"
        views(picture, 1, seed=200 + index)[0].save(path)
        paths.append(str(path))
    env = {**os.environ, "COGSDK_MODELS": str(store_dir)}
    answer = subprocess.run([sys.executable, "-c", SCRIPT, *paths], env=env, check=True,
                            capture_output=True, text=True, timeout=300)
    later = json.loads(answer.stdout)
    here = [[[x.description, x.score] for x in r] for r in cog.vision.labels(paths,
                                                                            model="photos")]
    assert later["labels"] == here
    assert [r[0][0] for r in here] == ["cat", "coffee", "astronaut"]
    text = cog.language.classify("My card was billed twice", model="tickets")
    assert later["text"] == [[c.name, c.confidence] for c in text]
    assert later["text"][0][0] == "billing"
