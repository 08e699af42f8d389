"""Everyday French for vaderSentiment-fr, whose lexicon and rules were carried over from
English VADER and miss what makes French French:

- **Inflected forms.** The lexicon has "contente" but not "content", "excellent" but not
  "excellente", so "Je suis très content" scored 0.0. A missing masculine, feminine or
  plural form takes the value of the form that is there.
- **Negation.** English negates what follows "not"; French wraps the verb ("je n'aime
  pas ce produit") and the package only looked for "pas" before the word, so that
  sentence scored +0.6. Here "ne"/"n'" negates too, "plus" only after "ne" ("le plus
  beau" is no negation), a negation counts once (else "ne ... pas" would flip the
  word twice, back to positive), and it stops at "mais", "et" and the like.
- **Ratings.** Some common words are rated far below the English word they translate
  ("génial" 0.6, "horrible" -0.7, "déteste" -0.6): they take that word's VADER rating.
- **Adjectives that boost.** "super" and "extra" boost the next word ("super bon"), but
  alone they praise ("c'est super"), where the package gave them 0.
- **Typography.** "n’aime" (typographic apostrophe) is read as "n'aime".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional

NEGATORS = frozenset("pas jamais rien sans ni aucun aucune aucunement nullement guere".split())
NE = frozenset({"ne", "n"})
AFTER_NE = frozenset({"plus", "point"})
"""Negators only with "ne": alone, "plus" is "more" and "point" a noun."""
CLAUSE_BREAKS = frozenset("mais et ou car donc puis pourtant cependant".split())
SCOPE = 3
"""Words before a word that a negation may stand in, like English VADER's window."""
IDIOMS = {("pas", "terrible"): -1.5}
"""Negated words whose idiom is not the opposite: "pas terrible" means poor."""
ADJECTIVE_BOOSTERS = frozenset(
    "super extra exceptionnel exceptionnelle exceptionnels exceptionnelles".split())
_MAY_HOLD_ONE = re.compile("super|extra|exceptionnel", re.IGNORECASE)

RATED_AS = {
    "genial": "great", "geniale": "great", "parfait": "perfect", "parfaite": "perfect",
    "horrible": "horrible", "adore": "adore", "adorer": "adore", "deteste": "hate",
    "detester": "hate", "nul": "lousy", "nulle": "lousy", "decu": "disappointed",
    "decue": "disappointed", "terrible": "terrible", "incroyable": "amazing",
    "mauvais": "bad", "affreux": "awful", "satisfait": "satisfied", "ravi": "delighted",
    "ravie": "delighted", "sympa": "nice", "mediocre": "poor", "beau": "beautiful",
    "belle": "beautiful", "merveilleux": "wonderful", "agreable": "pleasant",
    "plaisir": "pleasure", "probleme": "problem", "degoutant": "disgusting",
    "pourri": "rotten", "desastreux": "disastrous", "bien": "fine", "super": "super",
    "abime": "damaged", "abimee": "damaged", "defectueux": "defective",
}
"""French word (accents stripped, as the package keys its lexicon) -> the English word
whose VADER rating it takes; a few ("sympa", "abîmé") were missing altogether."""

GENDER = (("euse", "eux"), ("ive", "if"), ("elle", "el"), ("enne", "en"), ("onne", "on"),
          ("ere", "er"), ("ette", "et"), ("e", ""))
"""(feminine, masculine) endings."""
SHORTEST = 4
"""Shorter words are neither inflected nor made: "mal" + "e" would make "male" (mâle)
negative, and the lexicon's "lese" would make "le"."""


@lru_cache(maxsize=65_536)  # every word of every sentence passes here; most repeat
def plain(word: str) -> str:
    """A word as the package keys its lexicon: lower case, accents stripped."""
    import unidecode  # vaderSentiment-fr's own dependency: loaded with it, not before

    return unidecode.unidecode(word.lower())


def normalise_text(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def lexicon(french: Mapping[str, float], english: Mapping[str, float],
            keep_out: frozenset[str]) -> dict[str, float]:
    """The package's lexicon with :data:`RATED_AS` applied, then the missing inflected
    forms added; neither ``keep_out`` (boosters, negators) nor a stop word ("plue" would
    make "plus") becomes a lexicon word that way."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    keep_out = keep_out | {plain(word) for word in STOP_WORDS}
    rated = dict(french)
    rated.update({fr: english[en] for fr, en in RATED_AS.items() if en in english})
    derived: dict[str, list[float]] = {}
    for word, value in rated.items():
        for form in _inflections(word) if len(word) >= SHORTEST else ():
            if len(form) >= SHORTEST and form not in rated and form not in keep_out:
                derived.setdefault(form, []).append(value)
    rated.update({form: sum(values) / len(values) for form, values in derived.items()})
    return rated


def _inflections(word: str) -> set[str]:
    forms = set()
    for feminine, masculine in GENDER:
        if word.endswith(feminine):
            forms.add(word[:len(word) - len(feminine)] + masculine)
        elif masculine and word.endswith(masculine):
            forms.add(word[:len(word) - len(masculine)] + feminine)
    if not word.endswith("e"):
        forms.add(word + "e")
    for form in {word, *forms}:
        forms |= _numbers(form)
    return forms - {word}


def _numbers(word: str) -> set[str]:
    if word.endswith("aux"):
        return {word[:-3] + "al"}
    if word.endswith("al"):
        return {word[:-2] + "aux"}
    if word.endswith(("eau", "eu")):
        return {word + "x"}
    if word.endswith("s"):
        return {word[:-1]}
    return set() if word.endswith(("x", "z")) else {word + "s"}  # "heureux" is both


def negated(words: list[str], i: int, no_negate: frozenset[str]) -> bool:
    """Whether ``words[i]`` stands under a negation (the words are VADER's tokens)."""
    if plain(words[i]) in no_negate:
        return False
    before = [plain(w) for w in words[max(0, i - SCOPE - 3):i]]
    window = _clause(before[-SCOPE:])
    if any(w in NEGATORS or w in NE for w in window):
        return True
    return any(w in AFTER_NE for w in window) and any(w in NE for w in _clause(before))


def _clause(words: list[str]) -> list[str]:
    for at in range(len(words) - 1, -1, -1):
        if words[at] in CLAUSE_BREAKS:
            return words[at + 1:]
    return words


def idiom(words: list[str], i: int) -> Optional[float]:
    """The valence of an idiom ending at ``words[i]``, or None."""
    return IDIOMS.get((plain(words[i - 1]), plain(words[i]))) if i else None


def standalone(words: list[str], sentiments: list[float],
               rated: Mapping[str, float]) -> list[float]:
    """``sentiments`` with each adjective booster that boosts nothing rated as itself."""
    out = list(sentiments)
    for i, word in enumerate(words):
        key = plain(word)
        if key in ADJECTIVE_BOOSTERS and key in rated and not any(out[i + 1:i + 1 + SCOPE]):
            out[i] = rated[key]
    return out


def rules(base: type, module: Any, english: Mapping[str, float]) -> type:
    """``base`` (a vaderSentiment-fr analyzer class) with the fixes above."""
    keep_out = frozenset(plain(w) for w in [*module.BOOSTER_DICT, *module.NEGATE])
    no_negate = frozenset(plain(w) for w in module.NO_NEGATE)

    class French(base):
        def __init__(self) -> None:
            super().__init__()
            self.lexicon = lexicon(self.lexicon, english, keep_out | NEGATORS | AFTER_NE)

        def polarity_scores(self, text):
            return super().polarity_scores(normalise_text(text))

        def sentiment_valence(self, valence, sentitext, item, i, sentiments):
            sentiments = super().sentiment_valence(valence, sentitext, item, i, sentiments)
            if not sentiments[-1]:
                return sentiments  # not a lexicon word: nothing to negate
            words = sentitext.words_and_emoticons
            fixed = idiom(words, i)
            if fixed is not None:
                sentiments[-1] = fixed
            elif negated(words, i, no_negate):
                sentiments[-1] *= module.N_SCALAR
            return sentiments

        def score_valence(self, sentiments, text):
            if _MAY_HOLD_ONE.search(text):  # splitting again costs a tenth of the call
                words = module.SentiText(text).words_and_emoticons  # as polarity_scores
                sentiments = standalone(words, sentiments, self.lexicon)
            return super().score_valence(sentiments, text)

        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            return valence  # replaced by negated(): once per word, French scope
    return French
