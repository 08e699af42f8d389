"""``cogsdk.language``: the :class:`Language` facade and its result types.

``cogsdk.language.sentiment(text)`` (any public method) runs on the default client.
"""

from .facade import Language
from .types import (ANNOTATE_FEATURES, TextAnnotation, Categories, Category, Entities, Entity,
                    Mention, Moderation, SentenceSentiment, Sentiment, Syntax, Token)
from .._facade import default_shortcut

__all__ = ["Language", "ANNOTATE_FEATURES", "TextAnnotation", "Moderation", "Categories", "Category", "Entities", "Entity", "Mention",
           "SentenceSentiment", "Sentiment", "Syntax", "Token"]
__getattr__ = default_shortcut(Language)
