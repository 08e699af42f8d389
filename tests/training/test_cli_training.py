"""``cogsdk train`` and ``cogsdk models``."""

from __future__ import annotations

import csv
import json

from PIL import Image

from cogsdk.cli import main

from .conftest import TICKETS


def test_train_vision_prints_the_evaluation_then_list_and_remove(faces, tmp_path, capsys):
    for label, pictures in faces.items():
        (tmp_path / label).mkdir()
        for index, picture in enumerate(pictures[20:26]):
            Image.fromarray(picture).save(tmp_path / label / f"{index}.png")
    report = tmp_path / "report.png"
    assert main(["train", "vision", "cli-faces", str(tmp_path), "--no-augment",
                 "--device", "cpu", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "trained 'cli-faces' (2 labels)" in out and "precision" in out
    assert report.stat().st_size > 1000
    assert main(["train", "vision", "cli-faces", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["models", "list"]) == 0
    assert "cli-faces" in capsys.readouterr().out
    assert main(["models", "list", "--json"]) == 0
    listed = {m["name"]: m for m in json.loads(capsys.readouterr().out)}
    assert listed["cli-faces"]["task"] == "vision.labels"
    assert main(["models", "remove", "cli-faces"]) == 0
    assert main(["models", "remove", "cli-faces"]) == 2
    assert "No custom model 'cli-faces'" in capsys.readouterr().err


def test_train_language_from_a_csv(tmp_path, capsys):
    path = tmp_path / "tickets.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows((text, label) for label, texts in TICKETS.items() for text in texts)
    assert main(["train", "language", "cli-tickets", str(path), "--device", "cpu"]) == 0
    assert "accuracy" in capsys.readouterr().out
    (tmp_path / "bad.csv").write_text("words\nhello\n")
    assert main(["train", "language", "cli-bad", str(tmp_path / "bad.csv")]) == 2
    assert "text,label" in capsys.readouterr().err
