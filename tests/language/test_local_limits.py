"""Inputs that took 50-400 s: parsing is refused past the local limit, up front and with
the limit in the message; sentiment stays linear in the length of a sentence."""

from __future__ import annotations

import pytest

from cogsdk import InvalidInput
from cogsdk.language._local import limits, pipelines
from cogsdk.language._local import sentiment as vader


@pytest.fixture
def no_parsing(monkeypatch):
    """Any spaCy pipeline load fails the test: a refusal must come before it."""
    def refuse(language):
        raise AssertionError(f"the {language!r} pipeline was loaded")
    monkeypatch.setattr(pipelines, "pipeline", refuse)


@pytest.mark.parametrize("method, text", [("entities", "word " * 200_000),
                                          ("syntax", "The cat sat. " * 70_000)])
def test_parsing_a_huge_text_is_refused_with_the_limit(local_cog, no_parsing, method, text):
    with pytest.raises(InvalidInput) as caught:
        getattr(local_cog.language, method)(text)
    assert "100,000 characters" in str(caught.value) and f"{len(text):,}" in str(caught.value)


def test_a_text_at_the_limit_is_accepted(local_cog, monkeypatch):
    calls = []
    monkeypatch.setattr(pipelines, "documents", lambda nlp, text, skip=(): calls.append(
        len(text)) or iter(()))
    local_cog.language.syntax("a" * limits.PARSED_CHARS, language="en")
    assert calls == [limits.PARSED_CHARS]


def test_syntax_does_not_run_the_entity_recogniser(local_cog, monkeypatch):
    real = pipelines.documents
    skipped = []

    def spy(nlp, text, skip=()):
        skipped.append(skip)
        return real(nlp, text, skip)
    monkeypatch.setattr(pipelines, "documents", spy)
    assert local_cog.language.syntax("The cat sat.").tokens[1].text == "cat"
    assert skipped == [("ner",)]


def test_sentiment_through_translation_is_refused_past_the_limit(local_cog):
    text = "La película fue maravillosa. " * 4_000
    with pytest.raises(InvalidInput) as caught:
        local_cog.language.sentiment(text, language="es")
    assert "100,000 characters" in str(caught.value) and "translation" in str(caught.value)


def test_a_run_on_sentence_is_read_from_its_start(local_cog, monkeypatch):
    real = vader.analyzer
    sizes = []

    class Spy:
        def __init__(self, language):
            self.inner = real(language)

        def polarity_scores(self, text):
            sizes.append(len(text.split()))
            return self.inner.polarity_scores(text)
    monkeypatch.setattr(vader, "analyzer", Spy)
    result = local_cog.language.sentiment("the phone is good and " * 2_000)
    assert len(result.sentences) == 1 and result.score > 0.5
    assert sizes and max(sizes) <= vader.PIECE_WORDS  # VADER re-reads each word's context


def test_pieces_combine_like_sentences():
    pieces = ["good " * vader.PIECE_WORDS, "bad " * vader.PIECE_WORDS]
    combined = vader.score("en", " ".join(pieces))
    assert combined == vader.document([vader.score("en", p) for p in pieces])
