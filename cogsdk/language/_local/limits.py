"""How much text one local call takes. The facade already caps a document at Google's
1,000,000 bytes; spaCy's parser and a translation engine are far slower than the cloud
(~20,000 characters a second for entities on one core, half that for syntax of short
sentences, and Apertium or Marian before VADER), so these calls stop sooner, up front,
rather than run for a minute. Sentiment in English or French is linear and fast enough
for the whole megabyte.
"""

from __future__ import annotations

from ...errors import InvalidInput

PARSED_CHARS = 100_000
"""Entities, syntax and translated sentiment: a few seconds at most on a 2-core machine."""


def check(text: str, what: str, limit: int = PARSED_CHARS) -> None:
    """Refuse ``text`` when it is longer than ``limit`` characters, saying the limit."""
    if len(text) > limit:
        raise InvalidInput(
            f"The local backend reads up to {limit:,} characters per document for {what}; "
            f"this text has {len(text):,}. Split it into smaller documents, or use the "
            "cloud backend (Google's limit is 1,000,000 bytes).")
