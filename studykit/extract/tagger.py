"""The statistical person tagger: a CRF trained on annotated Arabic news (scripts/train_ner.py).

It finds names that no title introduces (`وقال موفق الربيعي`, a byline) and sets the
boundaries of names the title rules find. It runs only on the sentences that hold a possible
name word (a name-gazetteer word, or a word right after a title or a speech verb): most text
never reaches it, which keeps extraction fast on long inputs.

The model file (data/person_tagger.crfsuite) is an adaptation of ANERcorp (CC BY-SA 4.0,
see LICENSE-DATA); python-crfsuite is imported only when a text is tagged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from studykit.extract.context import Context
from studykit.extract.datewords import DATA
from studykit.extract.ner_features import (
    WordFeatures,
    assemble,
    name_words,
    stem,
    word_features,
)

MODEL = DATA / "person_tagger.crfsuite"
# A sentence ends at . ! ? ؟ ; or a line break between two words.
_END = re.compile(r"[.!?؟;؛\n]")
_MAX_CHUNK = 80  # tokens: long runs without punctuation are tagged in overlapping-free slices


@dataclass(frozen=True)
class Tagged:
    """A person span by token numbers (inclusive) and the model's confidence in it."""

    first: int
    last: int
    prob: float
    probs: tuple[float, ...] = ()  # each token's marginal, first to last


@cache
def _tagger() -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


@cache
def _known() -> dict[str, bytes]:
    """The model's attributes, as the bytes crfsuite is fed. crfsuite ignores an attribute
    it has no id for, so leaving those out (four in ten of a text's features) and passing
    bytes (no UTF-8 encoding per feature per call) tags exactly as the full strings would,
    in half the time."""
    return {name: name.encode("utf-8") for name in _tagger().info().attributes}


@lru_cache(maxsize=1 << 16)
def _model_word(word: str) -> WordFeatures[bytes]:
    """ner_features.word_features spelled for the model (see _known)."""
    known = _known()
    own, lent = word_features(word)
    return (tuple(known[f] for f in own if f in known),
            {d: tuple(known[f] for f in fs if f in known) for d, fs in lent.items()})


def _chunks(ctx: Context) -> list[tuple[int, int]]:
    """[start, end) token ranges of sentences (or slices of over-long ones)."""
    starts = ctx.tokens.starts
    breaks = ctx.breaks
    n = len(starts)
    # A sentence ends before token i when the gap before it holds an end mark and some
    # punctuation (a line break alone is only spaces): found from the marks, not word by word.
    ends = sorted({k for k in (bisect_left(starts, m.start()) for m in _END.finditer(ctx.folded))
                   if 0 < k < n and breaks[k]})
    out: list[tuple[int, int]] = []
    start = 0
    for end in [*ends, n]:
        while end - start > _MAX_CHUNK:
            out.append((start, start + _MAX_CHUNK))
            start += _MAX_CHUNK
        if end > start:
            out.append((start, end))
        start = end
    return out


def _worth_tagging(words: list[str]) -> bool:
    names = name_words()
    return any(w in names or stem(w) in names for w in words)


def person_spans(ctx: Context) -> list[Tagged]:
    """Every person span the tagger finds, with the mean marginal probability of its labels."""
    return tag(ctx)[0]


def tag(ctx: Context, wanted: frozenset[int] | None = None
        ) -> tuple[list[Tagged], dict[int, float]]:
    """Person spans, and for the tokens in `wanted` (all when None) that the tagger read, the
    probability that each is part of a person's name (1 - P(O)). Tokens of sentences with no
    possible name word are absent. (Each marginal is a call into crfsuite: only the tokens
    the rules ask about are worth it.)"""
    toks = ctx.tokens
    if not toks or not MODEL.is_file():
        return [], {}
    tagger = _tagger()
    out: list[Tagged] = []
    inside: dict[int, float] = {}
    for start, end in _chunks(ctx):
        words = toks.words[start:end]
        if not _worth_tagging(words):
            continue
        breaks = ctx.breaks[start:end]
        labels = tagger.tag(assemble(words, breaks, _model_word, _known().get))
        for k in range(len(labels)):
            if wanted is None or start + k in wanted:
                inside[start + k] = 1.0 - tagger.marginal("O", k)
        first = None
        for k, label in enumerate([*labels, "O"]):
            if first is not None and label != "I-PERS":
                probs = tuple(tagger.marginal(labels[j], j) for j in range(first, k))
                out.append(Tagged(start + first, start + k - 1, sum(probs) / len(probs), probs))
                first = None
            if label == "B-PERS" or (label == "I-PERS" and first is None):
                first = k
    return out, inside
