"""``cogsdk.speech``: the :class:`Speech` facade and its result types.

``cogsdk.speech.transcribe(audio)`` (any public method) runs on the default client.
"""

from .facade import Speech
from .types import Alternative, Transcript, Word
from .._facade import default_shortcut

__all__ = ["Alternative", "Speech", "Transcript", "Word"]
__getattr__ = default_shortcut(Speech)
