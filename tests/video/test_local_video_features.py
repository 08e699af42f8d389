"""Local faces, objects, explicit content, text, speech and annotate on clips built from
real photos and real speech (LibriVox), offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from cogsdk import InvalidInput, Likelihood, UnsupportedFeature
from cogsdk.media import load_video

from _video_media import speaking_clip, text_clip
from test_local_video import FakeVision, _bound_video, _labels_or_skip

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


def test_the_astronaut_is_one_face_track_in_the_first_shot(local_video, hard_clip, no_sockets):
    faces = _labels_or_skip(lambda: local_video.video.faces(str(hard_clip[0])))
    assert faces.backend == "local" and "yunet" in faces.model
    sure = [t for t in faces if t.confidence >= 0.5]
    assert len(sure) == 1 and (sure[0].start, sure[0].end) == (0.0, 2.0)
    assert [f.time for f in sure[0].frames] == [0.0, 1.0]
    box = sure[0].frames[0].box  # her face is in the upper middle of the frame
    assert 0.3 < box.left < box.right < 0.75 and 0.0 <= box.top < box.bottom < 0.6


def test_objects_are_tracked_in_their_shots(local_video, hard_clip):
    objects = _labels_or_skip(lambda: local_video.video.objects(str(hard_clip[0])))
    spans = {(t.description, t.start, t.end) for t in objects}
    assert ("Person", 0.0, 2.0) in spans and ("Motorcycle", 9.52, 11.04) in spans
    cat = next(t for t in objects if t.description == "Cat")
    assert 4.0 <= cat.start and cat.end <= 6.48 and cat.mid == "/m/01yrx"
    assert all(0.0 <= f.box.left < f.box.right <= 1.0 for t in objects for f in t.frames)


def test_explicit_content_rates_every_sampled_frame(local_video, hard_clip):
    found = _labels_or_skip(lambda: local_video.video.explicit_content(str(hard_clip[0])))
    assert len(found) == found.raw["sampled_frames"] >= 11
    assert [f.time for f in found] == sorted(f.time for f in found)
    assert found.worst <= Likelihood.UNLIKELY and "open_nsfw" in found.model


def test_text_rendered_into_known_seconds_is_one_segment(local_video, tmp_path):
    path = tmp_path / "text.mp4"
    text_clip(path)
    found = _labels_or_skip(lambda: local_video.video.text(str(path)))
    segment = next(s for s in found if s.text == "OPEN DAILY")
    assert (segment.start, segment.end) == (1.0, 3.0) and segment.confidence > 0.9
    assert segment.frames[0].box.top > 0.6  # the white band low in the frame


def test_transcribe_reads_the_audio_track(local_video, tmp_path):
    pytest.importorskip("faster_whisper", reason="needs the speech extra")
    wav = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0870.wav"
    if not wav.is_file():
        pytest.skip("needs Debian pocketsphinx-testdata (apt-get install pocketsphinx-testdata)")
    path = tmp_path / "speak.mp4"
    speaking_clip(path, wav)
    said = local_video.video.transcribe(str(path))
    assert "john dashwood" in said.text.lower() and said.backend == "local"
    words = said[0].words
    assert words[0][1] < 0.5 and 6.0 < words[-1][2] < 8.0


def test_a_video_without_sound_has_nothing_to_transcribe(local_video, hard_clip):
    pytest.importorskip("faster_whisper", reason="needs the speech extra")
    with pytest.raises(InvalidInput, match="no audio"):
        local_video.video.transcribe(str(hard_clip[0]))


def test_annotate_decodes_once_for_every_frame_feature(hard_clip):
    path, truth = hard_clip
    vision = FakeVision()
    found = _bound_video(vision).annotate(load_video(str(path)), None, ["labels", "shots"],
                                          "en-US")
    assert vision.pictures == found.labels.raw["sampled_frames"] <= 11 + len(truth) + 1
    assert len(found.shots) == len(truth) + 1 and found.faces is None
    assert found.labels.segment_labels[0].description == "Rocket"


def test_a_vision_backend_without_faces_is_unsupported(hard_clip):
    with pytest.raises(UnsupportedFeature, match="faces"):
        _bound_video(FakeVision()).faces(load_video(str(hard_clip[0])), None)


def test_annotate_gives_each_feature_from_one_pass(local_video, hard_clip):
    features = ["shots", "faces", "objects", "explicit_content"]
    found = _labels_or_skip(lambda: local_video.video.annotate(str(hard_clip[0]), features))
    assert [s.start for s in found.shots][1:] == pytest.approx(hard_clip[1], abs=0.05)
    assert found.faces[0].start == 0.0 and found.objects[0].description
    assert found.explicit_content.raw["sampled_frames"] == found.faces.raw["sampled_frames"]
    assert found.text is None and found.to_dict()["faces"]["items"]
