"""Local shot detection and video labels on clips built from real photos, offline."""

from __future__ import annotations

import pytest

from cogsdk import (BackendError, CogError, ConfigurationError, InvalidInput,
                    MissingDependency, UnsupportedFeature)
from cogsdk._config import Settings
from cogsdk.media import load_video
from cogsdk.vision.base import VisionBackend
from cogsdk.vision.types import Annotation, Label, Labels

from _video_media import match


def test_shots_find_hard_cuts_not_flashes_or_pans(local_video, hard_clip, no_sockets):
    path, truth = hard_clip
    shots = local_video.video.shots(str(path))
    assert shots.backend == "local"
    cuts = [shot.start for shot in shots][1:]
    precision, recall, pairs = match(cuts, truth, tolerance=0.25)
    assert precision >= 0.9 and recall >= 0.9, (cuts, truth)
    assert all(abs(a - b) <= 0.25 for a, b in pairs)
    assert not any(2.9 <= c <= 3.2 for c in cuts), "the white flash at 3.0 s is not a cut"
    assert not any(4.2 <= c <= 6.3 for c in cuts), "the slow pan is one shot"
    assert shots[0].start == 0.0 and shots[-1].end == pytest.approx(11.04, abs=0.05)
    assert all(a.end == b.start for a, b in zip(shots, shots[1:]))


def test_shots_from_bytes_and_progress(local_video, hard_clip):
    path, truth = hard_clip
    seen = []
    shots = local_video.video.shots(path.read_bytes(),
                                    progress=lambda done, total: seen.append((done, total)))
    assert len(shots) == len(truth) + 1
    assert seen and seen[-1][0] == pytest.approx(seen[-1][1]) and seen[-1][1] > 10
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_broken_video_is_invalid_input(local_video, tmp_path):
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8)
    with pytest.raises(InvalidInput):
        local_video.video.shots(str(bad))
    results = local_video.video.shots([str(bad), b"not a video at all"])
    assert all(isinstance(r, InvalidInput) for r in results)


def _labels_or_skip(call):
    try:
        return call()
    except (MissingDependency, UnsupportedFeature) as error:
        pytest.skip(f"the local vision labeler is not available: {error}")


def test_labels_of_a_cat_clip_say_cat(local_video, cat_clip, no_sockets):
    labels = _labels_or_skip(lambda: local_video.video.labels(str(cat_clip)))
    top = [label.description.lower() for label in labels.segment_labels[:6]]
    assert "cat" in top, top
    cat = next(x for x in labels.segment_labels if x.description.lower() == "cat")
    assert cat.confidence >= 0.5 and cat.segments[0].start == 0.0
    assert cat.segments[0].end == pytest.approx(3.0, abs=0.05)


def test_labels_per_shot_follow_the_cuts(local_video, hard_clip):
    path, truth = hard_clip
    labels = _labels_or_skip(lambda: local_video.video.labels(str(path)))
    assert labels.raw["cuts"] == pytest.approx(truth, abs=0.05)
    cat = next(x for x in labels.shot_labels if x.description.lower() == "cat")
    assert [(s.start, s.end) for s in cat.segments] == [(4.0, 6.48)]
    assert all(s.confidence >= 0.3 for x in labels.shot_labels for s in x.segments)
    # ~1 frame per second plus each shot's first frame
    assert 11 <= labels.raw["sampled_frames"] <= 11 + len(truth) + 1
    assert not any(isinstance(x, CogError) for x in labels)


class FakeVision(VisionBackend):
    """Labels every picture "Rocket"; ``crash`` makes it fail the way a broken engine does."""

    name = "fake"
    features = frozenset({"labels"})

    def __init__(self, crash: Exception | None = None) -> None:
        self.crash = crash
        self.pictures = 0

    def annotate(self, images, features):
        if self.crash is not None:
            raise self.crash
        self.pictures += len(images)
        labels = Labels(items=(Label(description="Rocket", score=0.9, mid="/m/fake"),),
                        backend="fake", model="fake-labels-1")
        return [Annotation(backend="fake", model="fake-labels-1", labels=labels)
                for _ in images]


def _local_video():
    from cogsdk.video.local import LocalVideo  # needs PyAV, which the clip fixtures check

    return LocalVideo(Settings(mode="local", offline=True, device="cpu"))


def _bound_video(vision: VisionBackend):
    video = _local_video()
    video.bind(lambda service, kind="local": vision if service == "vision" else None)
    return video


def test_labels_come_from_the_bound_vision_backend(hard_clip):
    path, truth = hard_clip
    vision = FakeVision()
    labels = _bound_video(vision).labels(load_video(str(path)), None)
    assert labels.model == "cogsdk-shots-v1+fake-labels-1"
    assert vision.pictures == labels.raw["sampled_frames"] >= 11
    whole = labels.segment_labels
    assert [x.description for x in whole] == ["Rocket"] and whole[0].confidence == 0.9
    assert len(labels.shot_labels[0].segments) == len(truth) + 1


def test_an_unbound_local_video_says_how_to_get_labels(hard_clip):
    video = _local_video()
    with pytest.raises(ConfigurationError, match="bind"):
        video.labels(load_video(str(hard_clip[0])), None)


@pytest.mark.parametrize("crash", [RuntimeError(), MemoryError("out of memory")])
def test_an_engine_crash_is_a_backend_error_with_a_message(hard_clip, crash):
    video = _bound_video(FakeVision(crash=crash))
    with pytest.raises(BackendError) as caught:
        video.labels(load_video(str(hard_clip[0])), None)
    assert str(caught.value).strip() and type(crash).__name__ in str(caught.value)
    assert caught.value.__cause__ is crash
