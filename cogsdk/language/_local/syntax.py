"""Tokens with lemma, part of speech and dependency edge, in Google's tag names.

spaCy's coarse tags are Universal Dependencies POS; Google uses the older universal tag
set (PROPN is NOUN, AUX is VERB, CCONJ/SCONJ are CONJ, PART is PRT). English labels
come from ClearNLP, French and Spanish from UD; both map onto Google's Stanford-style
names. French and Spanish trees keep UD's attachment (the preposition hangs under its
noun), which differs from Google's for prepositional phrases. Whitespace tokens are
dropped and head indexes renumbered over the whole document.
"""

from __future__ import annotations

from typing import Any

from ..types import Token
from . import pipelines

POS = {"ADJ": "ADJ", "ADP": "ADP", "ADV": "ADV", "AUX": "VERB", "CCONJ": "CONJ",
       "CONJ": "CONJ", "SCONJ": "CONJ", "DET": "DET", "INTJ": "X", "NOUN": "NOUN",
       "PROPN": "NOUN", "NUM": "NUM", "PART": "PRT", "PRON": "PRON", "PUNCT": "PUNCT",
       "SYM": "X", "VERB": "VERB", "X": "X"}

LABELS = {
    # ClearNLP (English)
    "acl": "VMOD", "acomp": "ACOMP", "advcl": "ADVCL", "advmod": "ADVMOD", "agent": "PREP",
    "amod": "AMOD", "appos": "APPOS", "attr": "ATTR", "aux": "AUX", "auxpass": "AUXPASS",
    "case": "PS", "cc": "CC", "ccomp": "CCOMP", "compound": "NN", "conj": "CONJ",
    "csubj": "CSUBJ", "csubjpass": "CSUBJPASS", "dative": "IOBJ", "dep": "DEP", "det": "DET",
    "dobj": "DOBJ", "expl": "EXPL", "intj": "DISCOURSE", "mark": "MARK", "meta": "DEP",
    "neg": "NEG", "nmod": "NN", "npadvmod": "NPADVMOD", "nsubj": "NSUBJ",
    "nsubjpass": "NSUBJPASS", "nummod": "NUM", "oprd": "ACOMP", "parataxis": "PARATAXIS",
    "pcomp": "PCOMP", "pobj": "POBJ", "poss": "POSS", "preconj": "PRECONJ",
    "predet": "PREDET", "prep": "PREP", "prt": "PRT", "punct": "P", "quantmod": "QUANTMOD",
    "relcl": "RCMOD", "ROOT": "ROOT", "xcomp": "XCOMP",
    # Universal Dependencies (French, Spanish), where they differ
    "obj": "DOBJ", "iobj": "IOBJ", "obl": "POBJ", "flat": "NN", "fixed": "MWE", "cop": "COP",
    "acl:relcl": "RCMOD", "aux:pass": "AUXPASS", "nsubj:pass": "NSUBJPASS",
    "obl:agent": "POBJ", "obl:arg": "POBJ", "vocative": "VOCATIVE", "discourse": "DISCOURSE",
    "dislocated": "DISLOCATED", "list": "LIST", "orphan": "DEP", "goeswith": "GOESWITH",
    "reparandum": "REPARANDUM", "root": "ROOT", "expl:pass": "EXPL", "expl:pv": "EXPL",
}
# The same names mean other things in UD: "case" is an adposition (ClearNLP: the
# possessive 's), "nmod" a nominal in a prepositional phrase (ClearNLP: a noun modifier).
UD_LABELS = {"case": "PREP", "nmod": "POBJ"}


def label(dependency: str, language: str = "en") -> str:
    """Google's label for a spaCy dependency (subtypes fall back to their base)."""
    if language != "en" and dependency in UD_LABELS:
        return UD_LABELS[dependency]
    return LABELS.get(dependency) or LABELS.get(dependency.split(":")[0], "DEP")


def analyze(language: str, text: str) -> tuple[list[Token], list[str]]:
    """``(tokens, sentences)`` of the whole text."""
    tokens: list[Token] = []
    sentences: list[str] = []
    # NER is a third of the pipeline's time and syntax shows none of it
    for offset, doc in pipelines.documents(pipelines.pipeline(language), text, skip=("ner",)):
        tokens.extend(_tokens(doc, offset, len(tokens), language))
        sentences.extend(sent.text.strip() for sent in doc.sents if sent.text.strip())
    return tokens, sentences


def _tokens(doc: Any, offset: int, base: int, language: str) -> list[Token]:
    kept = [t for t in doc if not t.is_space]
    index = {t.i: base + n for n, t in enumerate(kept)}
    return [Token(text=t.text, begin_offset=offset + t.idx, lemma=t.lemma_ or t.text,
                  part_of_speech=POS.get(t.pos_, "UNKNOWN"),
                  head_index=index.get(t.head.i, index[t.i]), label=label(t.dep_, language))
            for t in kept]
