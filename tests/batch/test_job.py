"""``cogsdk batch`` on the local models, offline: lines, errors, resume, Ctrl-C, pictures."""

import json
import os
import shlex
import signal
import subprocess
import sys
import time

from cogsdk.batch import run_batch
from cogsdk.batch.cli import main

from .conftest import OFFLINE, SETTINGS, expected_inputs


def _lines(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_a_folder_gives_one_line_per_input_and_exit_1_on_errors(photo_dir, tmp_path, capsys):
    out = tmp_path / "labels.jsonl"
    assert main(["vision", "labels", str(photo_dir), "--out", str(out), *OFFLINE]) == 1
    lines = {line["input"]: line for line in _lines(out)}
    assert set(lines) == expected_inputs(photo_dir)  # notes.txt is no image: not walked
    cat = lines[str(photo_dir / "chelsea.jpg")]
    assert cat["ok"] and "Cat" in [x["description"] for x in cat["result"]["items"]]
    for bad in ("fake.jpg", "sub/truncated.jpg"):
        line = lines[str(photo_dir / bad)]
        assert not line["ok"] and line["error"]["type"] == "InvalidInput"
    for line in lines.values():
        assert line["backend"] == "local" and "mobilenet" in line["model"]
        assert line["method"] == "vision.labels"
        assert line["options"]["max_results"] == 10  # the defaults, named
        assert line["options"]["min_score"] == 0.0
        assert "raw" not in line.get("result", {})
    assert "done 3, failed 2 (2 InvalidInput)" in capsys.readouterr().err


def test_resume_after_a_kill_repairs_the_cut_line_and_runs_only_the_rest(photo_dir, tmp_path):
    out = tmp_path / "labels.jsonl"
    run_batch("vision.labels", sorted(expected_inputs(photo_dir)), str(out),
              settings=SETTINGS, progress=False)
    whole = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(whole[0] + whole[1] + whole[2][:40])  # killed inside the third line
    summary = run_batch("vision.labels", sorted(expected_inputs(photo_dir)), str(out),
                        settings=SETTINGS, resume=True, progress=False)
    assert (summary.skipped, summary.done + summary.failures) == (2, 3)
    lines = _lines(out)
    assert out.read_bytes().startswith(whole[0] + whole[1])
    assert sorted(line["input"] for line in lines) == sorted(expected_inputs(photo_dir))
    again = run_batch("vision.labels", sorted(expected_inputs(photo_dir)), str(out),
                      settings=SETTINGS, resume=True, progress=False)
    assert (again.skipped, again.done, len(_lines(out))) == (5, 0, 5)


def test_other_options_are_another_job_and_an_output_is_never_clobbered(photo_dir, tmp_path,
                                                                        capsys):
    out = tmp_path / "labels.jsonl"
    cat = str(photo_dir / "chelsea.jpg")
    assert main(["vision", "labels", cat, "--out", str(out), *OFFLINE]) == 0
    assert main(["vision", "labels", cat, "--out", str(out), *OFFLINE]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["vision", "labels", cat, "--out", str(out), "--resume", "--max-results",
                 "10", *OFFLINE]) == 0  # the default, given: the same job
    assert len(_lines(out)) == 1
    assert main(["vision", "labels", cat, "--out", str(out), "--resume", "--max-results",
                 "2", *OFFLINE]) == 0
    first, second = _lines(out)
    assert [first["options"]["max_results"], second["options"]["max_results"]] == [10, 2]
    assert len(second["result"]["items"]) == 2


def _job_until_first_lines(argv, out):
    """Start ``cogsdk batch`` in a process, and Ctrl-C it once it has written lines."""
    job = subprocess.Popen([sys.executable, "-m", "cogsdk", "batch", *argv],
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.read_bytes().count(b"\n")) and job.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    job.send_signal(signal.SIGINT)
    return job.wait(60), job.stderr.read()


def test_ctrl_c_stops_cleanly_and_the_resume_command_finishes_the_job(photo_dir, tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    for number in range(60):
        os.link(photo_dir / "coffee.jpg", many / f"coffee{number:02}.jpg")
    out = tmp_path / "labels.jsonl"
    argv = ["vision", "labels", str(many), "--out", str(out), "--chunk-size", "2", *OFFLINE]
    code, err = _job_until_first_lines(argv, out)
    assert code == 130, err
    stopped = len(_lines(out))
    assert 0 < stopped < 60
    resume = shlex.split(err.split("To go on: ")[1].splitlines()[0])
    assert resume[:2] == ["cogsdk", "batch"] and resume[-1] == "--resume"
    assert main(resume[2:]) == 0
    assert sorted(line["input"] for line in _lines(out)) == \
        sorted(str(path) for path in many.iterdir())


def test_draw_and_contact_sheet(photo_dir, tmp_path):
    from PIL import Image

    drawn, sheet = tmp_path / "drawn", tmp_path / "sheet.png"
    assert main(["vision", "faces", str(photo_dir / "astronaut.jpg"), str(photo_dir / "fake.jpg"),
                 "--out", str(tmp_path / "faces.jsonl"), "--draw", str(drawn),
                 "--contact-sheet", str(sheet), *OFFLINE]) == 1
    assert [p.name for p in drawn.iterdir()] == [f"{str(photo_dir)[1:].replace('/', '__')}"
                                                  "__astronaut.png"]
    assert Image.open(sheet).size == (8 * 160, 190)


def test_bad_options_stop_before_any_input(photo_dir, tmp_path, capsys):
    out = tmp_path / "labels.jsonl"
    assert main(["vision", "labels", str(photo_dir), "--out", str(out), "--max-results", "0",
                 *OFFLINE]) == 2
    assert "max_results" in capsys.readouterr().err and not out.exists()


def test_the_cloud_path_sends_the_bytes_as_read(photo_dir, tmp_path, fake_google):
    out = tmp_path / "labels.jsonl"
    assert main(["vision", "labels", str(photo_dir), "--out", str(out), "--mode", "cloud",
                 "--endpoint", fake_google.url, "--no-progress"]) == 1
    lines = {line["input"]: line for line in _lines(out)}
    assert set(lines) == expected_inputs(photo_dir)
    assert {line["backend"] for line in lines.values()} == {"google"}
    failed = [name for name, line in lines.items() if not line["ok"]]
    assert failed == [str(photo_dir / "fake.jpg")]  # the cloud may read a truncated JPEG
