"""``cogsdk.vision``: the :class:`Vision` facade and its result types.

``cogsdk.vision.labels(image)`` (any public method) runs on the default client.
"""

from .facade import Vision
from .types import (Annotation, Color, Face, Faces, ImageProperties, Label, Labels, Landmark,
                    SafeSearch, TextBlock, TextLine, TextResult)
from .._facade import default_shortcut

__all__ = ["Vision", "Annotation", "Color", "Face", "Faces", "ImageProperties", "Label",
           "Labels", "Landmark", "SafeSearch", "TextBlock", "TextLine", "TextResult"]
__getattr__ = default_shortcut(Vision)
