"""Text training over the MiniLM embeddings: classify(text, model=...)."""

from __future__ import annotations

import pytest

from cogsdk import Categories, InvalidInput, UnsupportedFeature


def test_the_ticket_model_is_evaluated_and_pinned(ticket_model):
    evaluation = ticket_model.evaluation
    assert ticket_model.task == "language.classify"
    assert ticket_model.labels == ("billing", "login", "shipping")
    assert evaluation.validation_examples == 6 and evaluation.accuracy >= 0.8
    assert ticket_model.path.stat().st_size < 20_000  # the head only: MiniLM is shared


@pytest.mark.parametrize("text, label", [
    ("You took the money from my card two times", "billing"),
    ("The login page keeps saying my password is wrong", "login"),
    ("Where is my order? The delivery is a week late", "shipping"),
])
def test_classify_picks_the_right_label(cog, ticket_model, text, label):
    result = cog.language.classify(text, model="tickets")
    assert isinstance(result, Categories) and result[0].name == label
    assert result.model == "local/custom/tickets" and result[0].confidence > 0.4


def test_a_list_keeps_its_order_and_errors_in_their_slots(cog, ticket_model):
    results = cog.language.classify(["refund my payment", "", "lost parcel"],
                                    model="tickets")
    assert results[0][0].name == "billing" and results[2][0].name == "shipping"
    assert isinstance(results[1], InvalidInput)


def test_the_cloud_backend_refuses_a_store_model(ticket_model):
    from cogsdk import Cog

    cloud = Cog(mode="cloud", credentials="anonymous", max_retries=0)
    with pytest.raises(UnsupportedFeature, match="use mode='local'"):
        cloud.language.classify("hello", model="tickets")


def test_mismatched_texts_and_labels_are_refused(cog):
    with pytest.raises(InvalidInput, match="3 texts but 2 labels"):
        cog.language.train("x", ["a", "b", "c"], ["p", "q"])
    with pytest.raises(InvalidInput, match="lists"):
        cog.language.train("x", "one text", ["p"])
