"""Local safe search: open_nsfw for adult/racy; the rest honestly UNKNOWN."""

from __future__ import annotations

from cogsdk import Likelihood


def test_benign_photos_are_not_adult(local_cog, photos):
    results = local_cog.vision.safe_search(list(photos.values()))
    for result in results:
        assert result.adult in (Likelihood.VERY_UNLIKELY, Likelihood.UNLIKELY)
        assert result.racy <= Likelihood.UNLIKELY
        assert result.racy >= result.adult  # racy is the lower bar
        assert 0.0 <= result.raw["nsfw_score"] < 0.1
        assert result.model == "local/open_nsfw@onnxruntime:CPUExecutionProvider"


def test_attributes_without_a_local_model_are_unknown(local_cog, photos):
    result = local_cog.vision.safe_search(photos["coffee"])
    assert (result.violence, result.medical, result.spoof) == (Likelihood.UNKNOWN,) * 3
    assert result.to_dict()["violence"] == "UNKNOWN"


def test_batch_scores_equal_single_scores(local_cog, photos):
    alone = local_cog.vision.safe_search(photos["astronaut"]).raw["nsfw_score"]
    batch = local_cog.vision.safe_search([photos["coffee"], photos["astronaut"]])
    assert abs(batch[1].raw["nsfw_score"] - alone) < 1e-3
