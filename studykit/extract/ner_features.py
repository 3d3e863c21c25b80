"""Token features for the person tagger, shared by training (scripts/train_ner.py) and tagging.

A token is a folded `\\w+` word (studykit.arabic folding, as the extractors see it) plus
whether punctuation stands before it. Training splits the corpus's tokens the same way, so
the model sees at run time exactly the kind of word it was trained on.

Gazetteer features come from real lists: name words (arabnamer's dictionary, CC BY 4.0),
the place table (CLDR, GeoNames, curated), title words, speech verbs and stopwords; the
model learns how far to trust each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TypeVar

from studykit.extract import lexicon as L
from studykit.extract.datewords import DATA

FEATURES_VERSION = 1


def word_list(name: str) -> frozenset[str]:
    """A data file of one folded word a line, `#` lines being its provenance."""
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@cache
def name_words() -> frozenset[str]:
    """Folded given and family name words (see data/name_words.txt for the source)."""
    return word_list("name_words.txt")


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t, _ in L.titles() for w in t[:1])


@cache
def _place_words() -> frozenset[str]:
    return frozenset(k[0] for k in L.places() if len(k) == 1)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The word without one leading clitic group (و/ف, ب/ل/ك, ال) — the shortest variant
    that still has three letters."""
    out = L.strip_proclitics(word)[-1]
    if out.startswith("ال") and len(out) > 4:
        out = out[2:]
    return out


def _word_class(word: str) -> list[str]:
    s = stem(word)
    out = []
    names = name_words()
    if word in names:
        out.append("nm")
    elif s in names:
        out.append("nm_s")
    if word in _title_words() or s in _title_words():
        out.append("ttl")
    if word in _place_words() or s in _place_words():
        out.append("plc")
    if L.nationality(word):
        out.append("nat")
    if word in L.verbs():
        out.append("vrb")
    if word in L.stopwords():
        out.append("stp")
    if word in L.common_nouns():
        out.append("cn")
    if word.isdigit():
        out.append("dg")
    return out


T = TypeVar("T")
# A word's own features, and by neighbour offset d the features it lends the word at d.
WordFeatures = tuple[tuple[T, ...], dict[int, tuple[T, ...]]]


@lru_cache(maxsize=1 << 16)
def word_features(word: str) -> WordFeatures[str]:
    """A word's own features and the ones it lends a neighbour at offset d (cached: news
    repeats its words, and building strings is most of the tagger's time)."""
    s = stem(word)
    classes = _word_class(word)
    own = ("b", "w=" + word, "s=" + s, "p2=" + word[:2], "p3=" + word[:3],
           "x2=" + word[-2:], "x3=" + word[-3:], "al" if word.startswith("ال") else "nal",
           f"ln={min(len(word), 8)}", *("c=" + c for c in classes))
    lent = {d: (f"w{d:+d}={word}", f"s{d:+d}={s}", *(f"c{d:+d}={c}" for c in classes))
            for d in (-2, -1, 1, 2)}
    return own, lent


def sentence_features(words: Sequence[str], breaks: Sequence[int]) -> list[list[str]]:
    """Feature strings for each word of one sentence; `breaks[i]`: punctuation before word i."""
    return assemble(words, breaks, word_features, _same)


def _same(feature: str) -> str:
    return feature


def assemble(words: Sequence[str], breaks: Sequence[int],
             word_features: Callable[[str], WordFeatures[T]],
             spell: Callable[[str], T | None]) -> list[list[T]]:
    """Each word's features in a fixed order: its own, the breaks around it, its neighbours'
    and the stem bigram. `word_features` gives a word's features already spelled; `spell`
    spells the others (None drops one): the tagger spells features as the model's bytes and
    drops the ones the model never saw (see tagger.py); training keeps every string."""
    table = [word_features(w) for w in words]
    stems = [stem(w) for w in words]
    brk, brk_next = spell("brk"), spell("brk+")
    edges = {d: spell(f"edge{d:+d}") for d in (-2, -1, 1, 2)}
    n = len(words)
    out: list[list[T]] = []
    for i in range(n):
        f = list(table[i][0])
        if breaks[i] and brk is not None:
            f.append(brk)
        if i + 1 < n and breaks[i + 1] and brk_next is not None:
            f.append(brk_next)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += table[j][1][d]
            else:
                edge = edges[d]
                if edge is not None:
                    f.append(edge)
        if i > 0:
            pair = spell(f"w-1|w={stems[i - 1]}|{stems[i]}")
            if pair is not None:
                f.append(pair)
        out.append(f)
    return out
