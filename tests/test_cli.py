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


def test_a_failed_input_exits_1_and_keeps_the_others(tmp_path, capsys, fake_google,
                                                      png_bytes):
    junk, good = tmp_path / "junk.jpg", tmp_path / "good.png"
    junk.write_text("not an image")
    good.write_bytes(png_bytes)
    code = main(["--mode", "cloud", "--endpoint", fake_google.url, "vision", "labels",
                 str(junk), str(good), "--draw", str(tmp_path / "drawn")])
    out, err = capsys.readouterr()
    assert code == 1 and "InvalidInput" in err
    first, second = json.loads(out)
    assert first["input"] == str(junk) and first["error"] == "InvalidInput"
    assert second["input"] == str(good) and second["items"][0]["description"] == "Cat"
    assert [p.name for p in (tmp_path / "drawn").iterdir()] == ["0001-good.png"]


def test_bad_settings_exit_2_and_speak_flags(capsys):
    assert main(["vision", "labels", "x.jpg", "--mode", "cloud", "--offline"]) == 2
    assert "cannot be used with" in capsys.readouterr().err


def test_global_options_work_after_the_subcommand_and_version(fake_google, capsys):
    assert main(["language", "sentiment", "Great.", "--mode", "cloud", "--endpoint",
                 fake_google.url]) == 0
    assert json.loads(capsys.readouterr().out)["input"] == "Great."
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "cogsdk 0.1.0" in capsys.readouterr().out


def test_language_reads_text_from_a_file(fake_google, capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Ada Lovelace met Charles Babbage.", encoding="utf-8")
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "language", "entities",
                 "--file", str(notes)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["input"] == str(notes) and len(result["items"]) == 2
    assert main(["language", "entities", "--file", str(tmp_path / "missing.txt")]) == 2
    assert "Cannot read the text file" in capsys.readouterr().err


def test_hints_use_command_line_syntax():
    from cogsdk import MissingCredentials
    from cogsdk.cli import _cli_hint

    hint = _cli_hint(MissingCredentials())
    assert "--api-key KEY" in hint and "--mode local" in hint and "Cog(" not in hint


def test_every_facade_method_is_a_command_with_its_options(fake_google, capsys):
    from cogsdk._client import FACADES
    from cogsdk.cli import commands

    found = commands()
    for service, facade in FACADES.items():
        assert set(found[service]) == set(facade.methods()) - {"stream"}
    assert main(["--mode", "cloud", "--endpoint", fake_google.url, "language", "sentiment",
                 "Great.", "Bad.", "--language", "en"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_list_options_take_several_values(fake_google, capsys, png_bytes, tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(png_bytes)
    assert main(["vision", "annotate", str(picture), "--features", "labels", "faces",
                 "--mode", "cloud", "--endpoint", fake_google.url]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["labels"]["items"] and result["faces"] is not None
    assert result["text"] is None  # only the features asked for
