"""``cogsdk.translation``: the :class:`TranslationService` facade and its result types.

``cogsdk.translation.translate(text, "es")`` (any public method) uses the default client.
"""

from .facade import TranslationService
from .types import DetectedLanguage, Translation
from .._facade import default_shortcut

__all__ = ["TranslationService", "Translation", "DetectedLanguage"]
__getattr__ = default_shortcut(TranslationService)
