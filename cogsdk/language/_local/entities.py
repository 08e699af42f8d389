"""Entities from spaCy's NER and noun phrases, typed with Google's names, their mentions
merged, and salience from :mod:`.salience`.

Mentions of one entity are merged by name: the same text, or a surname-like last token
("Rowling" joins "Joanne Rowling" and "J. K. Rowling"), including proper nouns that NER
missed but that repeat a known name. Common nouns ("novelist", "pen names") become
``OTHER`` entities with COMMON mentions, as Google lists them too.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from typing import Any, Optional

from ..types import Entity, Mention
from . import pipelines, salience

# OntoNotes (English) and WikiNER (French, Spanish) labels -> Google's entity types.
LABELS = {
    "PERSON": "PERSON", "PER": "PERSON", "NORP": "OTHER", "FAC": "LOCATION",
    "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "PRODUCT": "CONSUMER_GOOD",
    "EVENT": "EVENT", "WORK_OF_ART": "WORK_OF_ART", "LAW": "OTHER", "LANGUAGE": "OTHER",
    "DATE": "DATE", "TIME": "DATE", "PERCENT": "NUMBER", "MONEY": "PRICE",
    "QUANTITY": "NUMBER", "ORDINAL": "NUMBER", "CARDINAL": "NUMBER", "MISC": "OTHER",
}
# A name that modifies one of these nouns names a work ("the Harry Potter series"):
# small pipelines tag such titles PERSON or ORG.
WORK_NOUNS = frozenset("""series book books novel novels film films movie movies saga
trilogy franchise album song songs play opera show episode game games comic comics poem
painting""".split())
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}"
                   r"(?:[\s.-]\d{2,4}){2,4}(?!\w)")
ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Lane|Ln|Drive|Dr|Way|Loop|Court|Ct|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy)\b\.?"
    r"(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?")
CURRENCY = "$€£¥₹"


@dataclasses.dataclass
class Found:
    """One mention before merging."""

    text: str
    begin: int
    type: str
    kind: str
    role: str
    sentence: int
    key: str
    """Merge key: lower-case text for names, lemma phrase for common nouns."""

    @property
    def end(self) -> int:
        return self.begin + len(self.text)


def extract(language: str, text: str) -> list[Entity]:
    """Entities of ``text``, most salient first."""
    found: list[Found] = []
    sentence_base = 0
    for offset, doc in pipelines.documents(pipelines.pipeline(language), text):
        found.extend(_from_doc(doc, offset, sentence_base))
        sentence_base += sum(1 for _ in doc.sents)
    found = _with_patterns(found, text)
    found = _with_repeated_names(found, text)
    return _merge(found)


def _from_doc(doc: Any, offset: int, sentence_base: int) -> list[Found]:
    starts = {sent.start: i for i, sent in enumerate(doc.sents)}
    index_of = _sentence_index(doc, starts)
    out = [_named(ent, offset, sentence_base + index_of(ent.start)) for ent in doc.ents]
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for token in doc:
        if token.pos_ == "NOUN" and token.i not in taken and token.dep_ != "compound":
            out.append(_common(token, taken, offset, sentence_base + index_of(token.i)))
    return out


def _sentence_index(doc: Any, starts: dict[int, int]):
    sentence_of = {}
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            sentence_of[i] = starts[sent.start]
    return lambda i: sentence_of.get(i, 0)


def _named(ent: Any, offset: int, sentence: int) -> Found:
    kind = LABELS.get(ent.label_, "OTHER")
    root = ent.root
    if kind in ("PERSON", "ORGANIZATION", "OTHER") and root.dep_ == "compound" and \
            root.head.lower_ in WORK_NOUNS:
        kind = "WORK_OF_ART"
    begin, text = offset + ent.start_char, ent.text
    if kind == "PRICE" and ent.start_char > 0 and ent.doc.text[ent.start_char - 1] in CURRENCY:
        begin, text = begin - 1, ent.doc.text[ent.start_char - 1] + text  # "$" + "999"
    return Found(text, begin, kind, "PROPER", salience.role(root.dep_), sentence,
                 text.lower())


def _common(token: Any, taken: set, offset: int, sentence: int) -> Found:
    # the noun with its noun-compound modifiers: "pen names", "fantasy series"
    left = token
    while left.i > 0 and left.nbor(-1).dep_ == "compound" and left.nbor(-1).pos_ == "NOUN" \
            and left.nbor(-1).head == token and left.i - 1 not in taken:
        left = left.nbor(-1)
    span = token.doc[left.i: token.i + 1]
    key = " ".join(t.lemma_.lower() for t in span)
    return Found(span.text, offset + span.start_char, "OTHER", "COMMON",
                 salience.role(token.dep_), sentence, key)


def _with_patterns(found: list[Found], text: str) -> list[Found]:
    """Phone numbers and street addresses, which the pipelines do not tag."""
    extra = []
    for pattern, kind in ((PHONE, "PHONE_NUMBER"), (ADDRESS, "ADDRESS")):
        for match in pattern.finditer(text):
            if kind == "PHONE_NUMBER" and sum(c.isdigit() for c in match.group()) < 7:
                continue
            extra.append(Found(match.group(), match.start(), kind, "PROPER", "other", 0,
                               match.group().lower()))
    if not extra:
        return found
    extra.sort(key=lambda f: f.begin)
    starts = [e.begin for e in extra]

    def covered(f: Found) -> bool:  # inside the pattern match that starts last before it
        at = bisect.bisect_right(starts, f.begin) - 1
        return at >= 0 and f.end <= extra[at].end
    return [f for f in found if not covered(f)] + extra


def _with_repeated_names(found: list[Found], text: str) -> list[Found]:
    """Add mentions NER missed: a capitalised word repeating a known name's last token."""
    surnames = {f.text.split()[-1]: f for f in found
                if f.kind == "PROPER" and f.type in ("PERSON", "ORGANIZATION")
                and len(f.text.split()) > 1}
    if not surnames:
        return found
    found = sorted(found, key=lambda f: f.begin)
    starts = [f.begin for f in found]
    added = []
    for name, source in surnames.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            at = bisect.bisect_right(starts, match.start()) - 1
            if at >= 0 and match.start() < found[at].end:
                continue  # already part of a mention
            sentence = found[at].sentence if at >= 0 else 0
            added.append(Found(name, match.start(), source.type, "PROPER", "other",
                               sentence, name.lower()))
    return sorted(found + added, key=lambda f: f.begin)


def _merge(found: list[Found]) -> list[Entity]:
    groups: list[list[Found]] = []
    by_key: dict[tuple[str, str], int] = {}
    by_surname: dict[str, int] = {}  # last token of a PERSON group's names
    for mention in sorted(found, key=lambda f: f.begin):
        index = _group_for(by_key, by_surname, mention)
        if index is None:
            index = len(groups)
            groups.append([])
        groups[index].append(mention)
        by_key.setdefault((mention.kind, mention.key), index)
        if mention.kind == "PROPER" and groups[index][0].type == "PERSON" and mention.key:
            by_surname.setdefault(mention.key.split()[-1], index)
    types = [_vote(group) for group in groups]
    scores = [sum(salience.weight(m.kind, m.role, m.sentence) for m in g) for g in groups]
    saliences = salience.normalise(types, scores)
    entities = [Entity(name=_name(group), type=kind, salience=value,
                       mentions=tuple(Mention(m.text, m.begin, m.kind) for m in group))
                for group, kind, value in zip(groups, types, saliences)]
    return sorted(entities, key=lambda e: (-e.salience, e.mentions[0].begin_offset))


def _group_for(by_key: dict, by_surname: dict, mention: Found) -> Optional[int]:
    if (mention.kind, mention.key) in by_key:
        return by_key[(mention.kind, mention.key)]
    # "Rowling" or "J. K. Rowling" after "Joanne Rowling"; small models sometimes tag a
    # repeated surname ORG or MISC, so the person's type wins in the vote.
    if mention.kind == "PROPER" and mention.key and \
            mention.type in ("PERSON", "ORGANIZATION", "OTHER"):
        return by_surname.get(mention.key.split()[-1])
    return None


def _vote(group: list[Found]) -> str:
    return Counter(m.type for m in group).most_common(1)[0][0]


def _name(group: list[Found]) -> str:
    # the first full form: "Joanne Rowling" rather than "Rowling" or "J. K. Rowling"
    return next((m.text for m in group if len(m.text.split()) > 1), group[0].text)
