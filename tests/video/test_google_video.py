"""Google Video Intelligence through `responses`, operation polling included."""

import json

import pytest
import responses

pytest.importorskip("google.cloud.videointelligence_v1")
from google.cloud import videointelligence_v1 as vi  # noqa: E402

from cogsdk import Cog, InvalidInput  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

BASE = "https://videointelligence.googleapis.com/v1"
OP = "projects/p/locations/us-east1/operations/7"


@responses.activate
def test_labels_poll_the_operation_and_report_progress(strict):
    response = _payloads.annotate_video({"features": [1]})
    strict(response, vi.AnnotateVideoResponse)
    responses.post(f"{BASE}/videos:annotate", json={"name": OP})
    running = {"name": OP, "done": False, "metadata": _payloads.operation_metadata("video", 40)}
    strict(running["metadata"], vi.AnnotateVideoProgress)
    responses.get(f"{BASE}/{OP}", json=running)
    responses.get(f"{BASE}/{OP}", json={"name": OP, "done": True, "response": response})
    cog = Cog(mode="cloud", credentials="anonymous", max_retries=0)
    seen = []
    labels = cog.video.labels("gs://bucket/cat.mp4", progress=lambda d, t: seen.append(d))
    assert json.loads(responses.calls[0].request.body) == {"inputUri": "gs://bucket/cat.mp4",
                                                           "features": [1]}
    assert seen == [40.0, 100.0]
    assert labels.segment_labels[0].description == "cat"
    assert labels.segment_labels[0].segments[0].end == pytest.approx(12.5)
    assert labels.shot_labels[0].segments[0].end == pytest.approx(4.0)


@responses.activate
def test_shots_and_inline_content(tmp_path):
    response = _payloads.annotate_video({"features": [2]})
    responses.post(f"{BASE}/videos:annotate", json={"name": OP})
    responses.get(f"{BASE}/{OP}", json={"name": OP, "done": True, "response": response})
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    shots = Cog(mode="cloud", credentials="anonymous").video.shots(clip)
    assert [tuple(s) for s in shots] == [(0.0, 4.0), (4.04, 12.5)]
    assert "inputContent" in json.loads(responses.calls[0].request.body)


def test_bad_video_inputs():
    cog = Cog(mode="cloud", credentials="anonymous")
    with pytest.raises(InvalidInput):
        cog.video.shots("/no/such/video.mp4")
    with pytest.raises(InvalidInput):
        cog.video.shots("https://example.com/v.mp4")
