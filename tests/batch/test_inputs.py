"""Inputs: folder walks filtered by media type, globs, stdin and manifests."""

import io
import json

from cogsdk.batch.inputs import expand


def _tree(tmp_path):
    (tmp_path / "deep" / ".hidden").mkdir(parents=True)
    for name in ("a.jpg", "deep/b.PNG", "deep/c.wav", "deep/notes.txt", "deep/.hidden/d.jpg"):
        (tmp_path / name).write_bytes(b"x")
    return tmp_path


def test_folder_walk_keeps_the_media_type_of_the_method(tmp_path):
    root = _tree(tmp_path)
    assert expand([str(root)], "image") == [str(root / "a.jpg"), str(root / "deep" / "b.PNG")]
    assert expand([str(root)], "audio") == [str(root / "deep" / "c.wav")]
    assert expand([str(root)], "text") == [str(root / "deep" / "notes.txt")]


def test_globs_stdin_and_named_files_each_once(tmp_path):
    root = _tree(tmp_path)
    named = str(root / "deep" / "c.wav")  # named: run, even if not an image
    stdin = io.StringIO(f"{root / 'a.jpg'}\n\n# a comment\n{root / 'missing.jpg'}\n")
    found = expand([str(root / "**" / "*"), named, "-"], "image", stdin=stdin)
    assert found == [str(root / "a.jpg"), str(root / "deep" / "b.PNG"), named,
                     str(root / "missing.jpg")]


def test_manifests_txt_csv_jsonl_relative_to_their_folder(tmp_path):
    (tmp_path / "list.txt").write_text("a.jpg\n/abs/b.jpg\n")
    (tmp_path / "list.csv").write_text("id,path\n1,c.jpg\n2,a.jpg\n")
    (tmp_path / "list.jsonl").write_text(json.dumps({"path": "d.jpg", "id": 4}) + "\n")
    found = expand([str(tmp_path / n) for n in ("list.txt", "list.csv", "list.jsonl")], "image")
    assert found == [str(tmp_path / "a.jpg"), "/abs/b.jpg", str(tmp_path / "c.jpg"),
                     str(tmp_path / "d.jpg")]
    assert expand([str(tmp_path / "list.txt")], "text") == [str(tmp_path / "list.txt")]
