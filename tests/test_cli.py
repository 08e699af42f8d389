"""The command line, against the loopback fake server."""

import json

import pytest

pytest.importorskip("google.cloud.language_v1")

from cogsdk.cli import main  # noqa: E402


def test_language_and_translation_json(fake_google, capsys):
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "language", "entities",
                 "Ada Lovelace met Charles Babbage."]) == 0
    entities = json.loads(capsys.readouterr().out)
    assert [e["name"] for e in entities["items"]] == ["Ada Lovelace", "Charles Babbage"]
    assert "raw" not in entities
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "translation", "translate",
                 "Hi", "Bye", "--target", "de"]) == 0
    assert [t["text"] for t in json.loads(capsys.readouterr().out)] == ["[de] Hi", "[de] Bye"]


def test_errors_exit_2_with_a_message(tmp_path, capsys, fake_google):
    junk = tmp_path / "junk.jpg"
    junk.write_text("not an image")
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "vision", "labels",
                 str(junk)]) == 2
    assert "InvalidInput" in capsys.readouterr().err


def test_every_facade_method_is_a_command_with_its_options(fake_google, capsys):
    from cogsdk._client import FACADES
    from cogsdk.cli import commands

    found = commands()
    for service, facade in FACADES.items():
        assert set(found[service]) == set(facade.methods()) - {"stream"}
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "language", "sentiment",
                 "Great.", "Bad.", "--language", "en"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
