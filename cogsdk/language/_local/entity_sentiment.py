"""Entity sentiment from sentence sentiment: each mention takes the score of the sentence
it stands in (VADER's reading of that sentence), and the entity the mean of its mentions,
with the summed magnitude, as Google adds up its mentions."""

from __future__ import annotations

import dataclasses
from typing import Optional, Sequence

from ..types import Entity, Mention, SentenceSentiment


def attach(entity: Entity, sentences: Sequence[SentenceSentiment]) -> Entity:
    """``entity`` with the sentiment of its mentions' sentences."""
    mentions = tuple(_scored(m, _sentence_of(m, sentences)) for m in entity.mentions)
    scored = [m for m in mentions if m.score is not None]
    if not scored:
        return dataclasses.replace(entity, mentions=mentions)
    return dataclasses.replace(
        entity, mentions=mentions,
        score=round(sum(m.score for m in scored) / len(scored), 4),
        magnitude=round(sum(m.magnitude for m in scored), 4))


def _sentence_of(mention: Mention, sentences: Sequence[SentenceSentiment]
                 ) -> Optional[SentenceSentiment]:
    for sentence in sentences:
        if sentence.begin_offset <= mention.begin_offset < \
                sentence.begin_offset + len(sentence.text):
            return sentence
    return None


def _scored(mention: Mention, sentence: Optional[SentenceSentiment]) -> Mention:
    if sentence is None:
        return mention
    return dataclasses.replace(mention, score=sentence.score, magnitude=sentence.magnitude)
