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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, pairwise, repeat
from operator import add
from typing import Any

from studykit.extract.context import Context
from studykit.extract.datewords import DATA
from studykit.extract.ner_features import name_words, stem, word_features

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


# A word's features spelled for the model (see _known): its own, the ones it lends the words
# two and one before it and one and two after it, and its stem (for the stem bigram).
_Row = tuple[tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...],
             tuple[bytes, ...], str]


@lru_cache(maxsize=1 << 16)
def _model_row(word: str) -> _Row:
    own, lent = word_features(word)
    return (_spell(own), _spell(lent[2]), _spell(lent[1]), _spell(lent[-1]), _spell(lent[-2]),
            stem(word))


def _spell(features: tuple[str, ...]) -> tuple[bytes, ...]:
    known = _known()
    return tuple(known[f] for f in features if f in known)


@cache
def _pairs() -> dict[tuple[str, str], tuple[bytes]]:
    """The stem bigrams the model knows (`w-1|w=A|B`), by (A, B): a stem is one \\w+ word,
    so no other bigram can spell one of them."""
    head = "w-1|w="
    out: dict[tuple[str, str], tuple[bytes]] = {}
    for name, spelled in _known().items():
        parts = name[len(head):].split("|") if name.startswith(head) else ()
        if len(parts) == 2:
            out[parts[0], parts[1]] = (spelled,)
    return out


@cache
def _context_features() -> tuple[tuple[tuple[bytes, ...], ...], dict[int, tuple[bytes, ...]]]:
    """The punctuation features by (break before the word, break after it), and the edge
    features by neighbour offset, as the model spells them (none it does not know)."""
    brk, brk_next = _spell(("brk",)), _spell(("brk+",))
    edges = {d: _spell((f"edge{d:+d}",)) for d in (-2, -1, 1, 2)}
    return ((), brk_next, brk, brk + brk_next), edges


def _feed(words: list[str], breaks: bytearray) -> list[tuple[bytes, ...]]:
    """ner_features.assemble spelled for the model, by columns: each word's own features,
    the punctuation around it, its neighbours' and the stem bigram, in assemble's order (the
    order the model sums its weights in). Words repeat: a word's row is built once, and the
    columns are shifted and joined by C loops (map, zip), not word by word."""
    if not words:
        return []
    n = len(words)
    own, to_2_before, to_1_before, to_1_after, to_2_after, stems = zip(
        *map(_model_row, words), strict=True)
    punct, edge = _context_features()
    columns = (
        map(punct.__getitem__, map(add, map(add, breaks, breaks), [*breaks[1:], 0])),
        ((edge[-2],) * 2 + to_2_after)[:n],  # what the word two before lends this one
        (edge[-1], *to_1_after[:-1]),
        (*to_1_before[1:], edge[1]),
        (to_2_before[2:] + (edge[2],) * 2)[:n],
        chain(((),), map(_pairs().get, pairwise(stems), repeat(()))),  # the stem bigram
    )
    joined: Iterable[tuple[bytes, ...]] = own
    for column in columns:
        joined = map(add, joined, column)
    return list(joined)


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
    asked = None if wanted is None else sorted(wanted)  # a chunk's share found by bisection
    for start, end in _chunks(ctx):
        words = toks.words[start:end]
        if not _worth_tagging(words):
            continue
        labels = tagger.tag(_feed(words, ctx.breaks[start:end]))
        for k in range(len(labels)) if asked is None else [
                t - start for t in asked[bisect_left(asked, start):bisect_left(asked, end)]]:
            inside[start + k] = 1.0 - tagger.marginal("O", k)
        if "B-PERS" not in labels and "I-PERS" not in labels:
            continue  # no person in this chunk: the loop below would find none
        first = None
        for k, label in enumerate([*labels, "O"]):
            if first is not None and label != "I-PERS":
                probs = tuple(tagger.marginal(labels[j], j) for j in range(first, k))
                out.append(Tagged(start + first, start + k - 1, sum(probs) / len(probs), probs))
                first = None
            if label == "B-PERS" or (label == "I-PERS" and first is None):
                first = k
    return out, inside
