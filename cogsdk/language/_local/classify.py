"""Zero-shot content categories with all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings.

Each of Google's 27 top-level content categories is described by a few short phrases;
their mean embedding is the category's centroid. A text is embedded (mean pooling over
up to 4 windows of 128 tokens), compared by cosine similarity with every centroid, and
the similarities go through a softmax at temperature 0.03. Categories with a
confidence of at least 0.1 are returned (at least the best one). English only: the
model was trained on English text.
"""

from __future__ import annotations

from typing import Any

from ... import models
from ..._engines import Shared, optional_import

MODEL_ID = "minilm-l6-v2-int8"
TOKENIZER_ID = "minilm-l6-v2-tokenizer"
TEMPERATURE = 0.03
MIN_CONFIDENCE = 0.1
WINDOWS = 4
"""A long document is embedded from its first 4 windows of 128 tokens (~400 words)."""

CATEGORIES = {
    "/Adult": "adult content; pornography and explicit sex; erotic material",
    "/Arts & Entertainment": "movies, music, concerts and celebrities; a film, a band, an "
                             "album, television shows; art museums and paintings",
    "/Autos & Vehicles": "cars, trucks and motorcycles; the engine, driving and car repair; "
                         "buying a new vehicle",
    "/Beauty & Fitness": "makeup, skin care, hair styling and cosmetics; fitness, gym "
                         "workouts and weight loss",
    "/Books & Literature": "books, novels and poetry; authors and writers; reading, "
                           "literature and publishing",
    "/Business & Industrial": "companies, business management, manufacturing and industry; "
                              "corporate strategy, logistics and suppliers",
    "/Computers & Electronics": "computers, laptops, software and programming; smartphones, "
                                "electronics, processors and hardware",
    "/Finance": "banking, loans and credit cards; investing, stocks, interest rates and the "
                "stock market; insurance and taxes",
    "/Food & Drink": "food, cooking and recipes; restaurants, dishes, wine, coffee and "
                     "baking",
    "/Games": "video games, board games and card games; playing games, gamers and consoles",
    "/Health": "health, medicine and disease; doctors, hospitals, symptoms, treatment and "
               "vaccines",
    "/Hobbies & Leisure": "hobbies and leisure; crafts, gardening for fun, fishing, camping "
                          "and collecting",
    "/Home & Garden": "home improvement, furniture and interior design; gardening, kitchen "
                      "appliances and household cleaning",
    "/Internet & Telecom": "the internet, websites, email and web browsers; mobile phone "
                           "plans, broadband and telecommunications",
    "/Jobs & Education": "jobs, careers, hiring and resumes; schools, universities, "
                         "students, teachers and education",
    "/Law & Government": "law, courts, judges and lawyers; government, politics, elections, "
                         "the military and public policy",
    "/News": "breaking news, current events and news reports; journalism and the weather "
             "forecast",
    "/Online Communities": "online communities, social networks, forums, blogs and dating "
                           "sites",
    "/People & Society": "family, relationships and parenting; religion, culture, social "
                         "issues and communities",
    "/Pets & Animals": "pets, dogs and cats; animals, wildlife and veterinarians",
    "/Real Estate": "real estate; buying or renting a house or an apartment; property, "
                    "mortgages and landlords",
    "/Reference": "reference material; dictionaries, encyclopedias, maps, language "
                  "resources and how-to guides",
    "/Science": "science and research; physics, chemistry, biology, astronomy, mathematics "
                "and scientific experiments",
    "/Sensitive Subjects": "sensitive subjects; violence, war, tragedy, accidents, death "
                           "and self-harm",
    "/Shopping": "shopping, retail stores and online shopping; discounts, sales, coupons, "
                 "clothing and fashion",
    "/Sports": "sports, teams, athletes and matches; football, soccer, basketball, tennis "
               "and the Olympics",
    "/Travel": "travel, tourism and vacations; flights, airlines, hotels and tourist "
               "destinations",
}


class Classifier:
    """Embeds with onnxruntime; the category centroids are computed once."""

    def __init__(self, device: str = "auto") -> None:
        self._np = optional_import("numpy", "language", "local classify")
        tokenizers = optional_import("tokenizers", "language", "local classify")
        self.session = models.onnx_session(MODEL_ID, device)
        self.tokenizer = tokenizers.Tokenizer.from_file(str(models.model_path(TOKENIZER_ID)))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=128)
        self.names = list(CATEGORIES)
        self.centroids = self._normalise(self.embed(
            [f"This text is about {text}." for text in CATEGORIES.values()]))

    def embed(self, texts: list[str]) -> Any:
        """L2-normalised sentence embeddings ``[N, 384]`` (mean pooling over the mask)."""
        np = self._np
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        feed = {name: np.zeros((len(texts), width), dtype=np.int64)
                for name in ("input_ids", "attention_mask", "token_type_ids")}
        for row, encoding in enumerate(encodings):
            feed["input_ids"][row, : len(encoding.ids)] = encoding.ids
            feed["attention_mask"][row, : len(encoding.ids)] = 1
        hidden = self.session.run(None, feed)[0]
        mask = feed["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
        return self._normalise(pooled)

    def _normalise(self, vectors: Any) -> Any:
        return vectors / self._np.maximum(
            self._np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    def classify(self, text: str) -> list[tuple[str, float]]:
        """``(category, confidence)`` pairs, most confident first."""
        np = self._np
        document = self._normalise(self.embed(_windows(text)).mean(0, keepdims=True))[0]
        logits = self.centroids @ document / TEMPERATURE
        confidence = np.exp(logits - logits.max())
        confidence /= confidence.sum()
        order = np.argsort(-confidence)
        picked = [i for i in order if confidence[i] >= MIN_CONFIDENCE] or [order[0]]
        return [(self.names[i], round(float(confidence[i]), 4)) for i in picked]


def _windows(text: str, words: int = 100) -> list[str]:
    # ~100 words fit in 128 word pieces; more than WINDOWS windows adds little.
    tokens = text.split()
    return [" ".join(tokens[i: i + words])
            for i in range(0, min(len(tokens), words * WINDOWS), words)] or [text]


_classifiers: Shared[str, Classifier] = Shared(Classifier)


def classifier(device: str = "auto") -> Classifier:
    """The one classifier per device (its centroids are embedded once)."""
    return _classifiers.get(device)
