"""Entity salience: spaCy has none, so it is estimated from where and how an entity is
mentioned. Each mention weighs

    kind x role x position
    kind      1.0 for a name (PROPER), 0.4 for a common noun (COMMON)
    role      1.5 as the subject of its sentence, 1.2 as object or predicate,
              0.7 as a modifier inside another phrase, 1.0 otherwise
    position  1 / (1 + 0.15 x sentence index): the opening sentences set the topic

An entity's raw score is the sum over its mentions (so repetition counts), and salience
is that score divided by the document's total: saliences are in 0..1 and sum to 1.
Numbers, dates, prices, phone numbers and addresses get 0, as Google gives them.
"""

from __future__ import annotations

import math
from typing import Sequence

UNSALIENT = frozenset({"NUMBER", "DATE", "PRICE", "PHONE_NUMBER", "ADDRESS"})
KIND = {"PROPER": 1.0, "COMMON": 0.4}
ROLE = {"subject": 1.5, "object": 1.2, "modifier": 0.7}
SUBJECT = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
OBJECT = frozenset({"dobj", "obj", "attr", "iobj", "dative", "oprd"})
MODIFIER = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "flat", "nummod"})


def role(dependency: str) -> str:
    """Reduce a spaCy dependency label to the roles salience cares about."""
    if dependency in SUBJECT:
        return "subject"
    if dependency in OBJECT:
        return "object"
    if dependency in MODIFIER:
        return "modifier"
    return "other"


def weight(kind: str, mention_role: str, sentence_index: int) -> float:
    return KIND.get(kind, 1.0) * ROLE.get(mention_role, 1.0) / (1 + 0.15 * sentence_index)


def normalise(types: Sequence[str], scores: Sequence[float]) -> list[float]:
    """Saliences from raw scores: 0 for unsalient types, the rest share 1."""
    kept = [0.0 if kind in UNSALIENT else score for kind, score in zip(types, scores)]
    total = sum(kept)
    # floor, not round: rounding up could push the sum past 1
    return [math.floor(score / total * 10_000) / 10_000 if total else 0.0 for score in kept]
