"""Result types of ``cog.vision``: the same shapes whichever backend answered."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import BoundingBox, Item, Likelihood, Point, Result, ResultList

__all__ = ["Label", "Labels", "Landmark", "Face", "Faces", "TextLine", "TextBlock",
           "TextResult", "SafeSearch", "Color", "ImageProperties", "LocalizedObject",
           "Objects", "DocumentSymbol", "DocumentWord", "DocumentParagraph",
           "DocumentBlock", "DocumentPage", "DocumentText", "CropHint", "CropHints",
           "WebEntity", "WebImage", "WebPage", "WebLabel", "WebDetection", "Annotation",
           "FEATURES"]

FEATURES = ("labels", "faces", "text", "safe_search", "properties", "logos", "landmarks",
            "objects", "document_text", "crop_hints", "web")
"""Feature names accepted by :meth:`cogsdk.vision.Vision.annotate`."""


@dataclasses.dataclass(frozen=True)
class Label(Item):
    """One thing seen in the image (also used for logos and landmarks)."""

    description: str
    """Human-readable name, e.g. ``"Cat"``."""
    score: float
    """Confidence in 0..1."""
    mid: str = ""
    """Knowledge Graph id (cloud) or WordNet synset id (local), if any."""
    topicality: Optional[float] = None
    """Google's relevance of the label to the image, when given."""
    bounding_box: Optional[BoundingBox] = None
    """Where it is, for logos and landmarks."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Labels(ResultList[Label]):
    """Labels of one image, best first."""


@dataclasses.dataclass(frozen=True)
class Landmark(Item):
    """A facial landmark in pixels; ``type`` uses Google's names (``LEFT_EYE``...)."""

    type: str
    x: float
    y: float
    z: float = 0.0


@dataclasses.dataclass(frozen=True)
class Face(Item):
    """One detected face."""

    bounding_box: BoundingBox
    """The face box in pixels."""
    landmarks: tuple[Landmark, ...] = ()
    roll: float = 0.0
    """Clockwise rotation of the face in the image plane, degrees."""
    pan: float = 0.0
    """Left/right turn (yaw), degrees."""
    tilt: float = 0.0
    """Up/down turn (pitch), degrees."""
    detection_confidence: float = 0.0
    joy: Likelihood = Likelihood.UNKNOWN
    sorrow: Likelihood = Likelihood.UNKNOWN
    anger: Likelihood = Likelihood.UNKNOWN
    surprise: Likelihood = Likelihood.UNKNOWN
    under_exposed: Likelihood = Likelihood.UNKNOWN
    blurred: Likelihood = Likelihood.UNKNOWN
    headwear: Likelihood = Likelihood.UNKNOWN
    landmarking_confidence: float = 0.0
    """Confidence in the landmarks (local: the face mesh's face-presence score; 0 where
    only the detector's 5 points are given)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Faces(ResultList[Face]):
    """Faces of one image."""


@dataclasses.dataclass(frozen=True)
class TextLine(Item):
    """One line (or word run) of recognised text."""

    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None


@dataclasses.dataclass(frozen=True)
class TextBlock(Item):
    """A block of text with its box; ``lines`` may be empty when the backend gives none."""

    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None
    lines: tuple[TextLine, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class TextResult(Result):
    """Text read from an image (OCR)."""

    text: str = ""
    """The full text, blocks joined by newlines."""
    blocks: tuple[TextBlock, ...] = ()
    languages: tuple[str, ...] = ()
    """Languages detected in the text, when the backend reports them."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class SafeSearch(Result):
    """How likely the image is to hold each kind of sensitive content.

    ``Likelihood.UNKNOWN`` means the backend has no model for that attribute.
    """

    adult: Likelihood = Likelihood.UNKNOWN
    spoof: Likelihood = Likelihood.UNKNOWN
    medical: Likelihood = Likelihood.UNKNOWN
    violence: Likelihood = Likelihood.UNKNOWN
    racy: Likelihood = Likelihood.UNKNOWN


@dataclasses.dataclass(frozen=True)
class Color(Item):
    """A dominant colour: RGB in 0..255, ``score`` in 0..1, share of pixels in 0..1."""

    red: int
    green: int
    blue: int
    score: float
    pixel_fraction: float

    @property
    def hex(self) -> str:
        return f"#{self.red:02x}{self.green:02x}{self.blue:02x}"


@dataclasses.dataclass(frozen=True, kw_only=True)
class ImageProperties(Result):
    """Dominant colours, most important first."""

    dominant_colors: tuple[Color, ...] = ()


@dataclasses.dataclass(frozen=True)
class LocalizedObject(Item):
    """One object found in the image, with where it is (Google's OBJECT_LOCALIZATION)."""

    name: str
    """Google's object name, e.g. ``"Person"``, ``"Cup"``, ``"Motorcycle"``."""
    score: float
    """Confidence in 0..1."""
    normalized_vertices: tuple[Point, ...] = ()
    """The box as Google gives it: corners in 0..1 of the image's width and height,
    clockwise from the top left."""
    bounding_box: Optional[BoundingBox] = None
    """The same box in pixels; ``None`` when the image size is unknown (a remote URI)."""
    mid: str = ""
    """Knowledge Graph id (``/m/01g317`` for Person), where known."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Objects(ResultList[LocalizedObject]):
    """Objects of one image, best first."""


@dataclasses.dataclass(frozen=True)
class DocumentSymbol(Item):
    """One character of :class:`DocumentText`."""

    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None
    break_after: str = ""
    """Google's ``DetectedBreak`` type after it (``SPACE``, ``LINE_BREAK``...), or ``""``."""


@dataclasses.dataclass(frozen=True)
class DocumentWord(Item):
    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None
    symbols: tuple[DocumentSymbol, ...] = ()


@dataclasses.dataclass(frozen=True)
class DocumentParagraph(Item):
    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None
    words: tuple[DocumentWord, ...] = ()


@dataclasses.dataclass(frozen=True)
class DocumentBlock(Item):
    text: str
    bounding_box: BoundingBox
    confidence: Optional[float] = None
    paragraphs: tuple[DocumentParagraph, ...] = ()
    block_type: str = "TEXT"
    """Google's block type: ``TEXT``, ``TABLE``, ``PICTURE``, ``RULER`` or ``BARCODE``."""


@dataclasses.dataclass(frozen=True)
class DocumentPage(Item):
    width: int
    height: int
    confidence: Optional[float] = None
    blocks: tuple[DocumentBlock, ...] = ()
    languages: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class DocumentText(Result):
    """Google's full text structure: pages -> blocks -> paragraphs -> words -> symbols,
    each with its box in pixels and its confidence."""

    text: str = ""
    pages: tuple[DocumentPage, ...] = ()

    @property
    def words(self) -> tuple[DocumentWord, ...]:
        """Every word in reading order."""
        return tuple(word for page in self.pages for block in page.blocks
                     for paragraph in block.paragraphs for word in paragraph.words)


@dataclasses.dataclass(frozen=True)
class CropHint(Item):
    """A suggested crop: its box, confidence and the share of the image's importance it
    keeps."""

    bounding_box: BoundingBox
    confidence: float
    importance_fraction: float
    aspect_ratio: float
    """Width over height of the box."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class CropHints(ResultList[CropHint]):
    """One crop hint per requested aspect ratio, in the order asked."""


@dataclasses.dataclass(frozen=True)
class WebEntity(Item):
    description: str
    score: float
    entity_id: str = ""


@dataclasses.dataclass(frozen=True)
class WebImage(Item):
    url: str
    score: float = 0.0


@dataclasses.dataclass(frozen=True)
class WebPage(Item):
    url: str
    score: float = 0.0
    page_title: str = ""
    full_matching_images: tuple[WebImage, ...] = ()
    partial_matching_images: tuple[WebImage, ...] = ()


@dataclasses.dataclass(frozen=True)
class WebLabel(Item):
    label: str
    language_code: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class WebDetection(Result):
    """What the web knows of the image (Google's WEB_DETECTION; cloud only)."""

    entities: tuple[WebEntity, ...] = ()
    full_matching_images: tuple[WebImage, ...] = ()
    partial_matching_images: tuple[WebImage, ...] = ()
    pages_with_matching_images: tuple[WebPage, ...] = ()
    visually_similar_images: tuple[WebImage, ...] = ()
    best_guess_labels: tuple[WebLabel, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class Annotation(Result):
    """Several features of one image; a feature that was not asked for is ``None``."""

    labels: Optional[Labels] = None
    faces: Optional[Faces] = None
    text: Optional[TextResult] = None
    safe_search: Optional[SafeSearch] = None
    properties: Optional[ImageProperties] = None
    logos: Optional[Labels] = None
    landmarks: Optional[Labels] = None
    objects: Optional[Objects] = None
    document_text: Optional[DocumentText] = None
    crop_hints: Optional[CropHints] = None
    web: Optional[WebDetection] = None
