"""Shared state for one extraction: the folded text, its tokens and sentences, and fact building.

Every extractor matches on the folded text (no diacritics, one alef, Latin digits) and maps
the spans back, so a mention's offsets always index the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import NamedTuple

from studykit.arabic import _DROP, _MAP, Span, sentences
from studykit.models import Fact, FactKind, Mention, fact_id

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Marks that fold() drops: a surface form should keep the ones that end a word.
_TRAILING_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}


class Token(NamedTuple):
    """One word of the folded text: `start`/`end` index the folded text."""

    i: int
    start: int
    end: int
    text: str


@cache
def _fold_tables() -> tuple[dict[int, str], re.Pattern[str]]:
    table = {ord(k): v for k, v in _MAP.items()}
    kept = re.compile("[^" + "".join(sorted(_DROP)) + "]+")
    return table, kept


def fast_fold(text: str) -> tuple[str, list[int]]:
    """studykit.arabic.fold, computed a run of kept characters at a time (not a character at
    a time), which matters at megabytes of text: same folded text, same index."""
    table, kept = _fold_tables()
    parts: list[str] = []
    index: list[int] = []
    for run in kept.finditer(text):
        parts.append(run.group())
        index.extend(range(run.start(), run.end()))
    return "".join(parts).translate(table), index


@dataclass
class Context:
    """The text being read plus everything derived from it once."""

    text: str
    published: date | None = None
    source: str = ""
    taken: Claims = field(default_factory=lambda: Claims())

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        return fast_fold(self.text)

    @property
    def folded(self) -> str:
        return self._folded[0]

    @cached_property
    def spans(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        # tuple.__new__ skips NamedTuple's Python-level constructor: megabytes make this count.
        new = tuple.__new__
        return [new(Token, (i, m.start(), m.end(), m.group()))
                for i, m in enumerate(_TOKEN.finditer(self.folded))]

    @cached_property
    def breaks(self) -> list[bool]:
        """breaks[i]: punctuation (not only spaces) stands between token i-1 and token i."""
        folded = self.folded
        toks = self.tokens
        out = [True] * len(toks)
        for i in range(1, len(toks)):
            gap = folded[toks[i - 1].end:toks[i].start]
            out[i] = not gap.isspace()
        return out

    def joined(self, i: int, n: int) -> bool:
        """Tokens i .. i+n-1 exist and follow each other with only spaces between."""
        return i + n <= len(self.tokens) and not any(self.breaks[i + 1:i + n])

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word of the text."""
        return frozenset(t.text for t in self.tokens)

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Folded word → the token numbers where it occurs."""
        out: dict[str, list[int]] = {}
        for t in self.tokens:
            out.setdefault(t.text, []).append(t.i)
        return out

    @cached_property
    def token_at(self) -> dict[int, int]:
        """Folded start offset → token number."""
        return {t.start: t.i for t in self.tokens}

    def orig(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original [start, end) for a folded span, keeping a word's final diacritics."""
        index = self._folded[1]
        start = index[fstart]
        end = index[fend - 1] + 1
        while end < len(self.text) and self.text[end] in _TRAILING_MARKS:
            end += 1
        return start, end

    def folded_index(self, start: int) -> int:
        """Folded offset of the first kept character at or after original offset `start`."""
        return bisect_left(self._folded[1], start)

    def surface(self, fstart: int, fend: int) -> str:
        start, end = self.orig(fstart, fend)
        return self.text[start:end]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [span.start for span in self.spans]

    def sentence_of(self, start: int) -> int:
        """Index of the sentence holding original offset `start` (as arabic.sentence_index)."""
        return max(bisect_right(self._sentence_starts, start) - 1, 0)

    def mention(self, fstart: int, fend: int) -> Mention:
        start, end = self.orig(fstart, fend)
        return Mention(start=start, end=end, sentence=self.sentence_of(start),
                       source=self.source)

    def gap_breaks(self, a: Token, b: Token) -> bool:
        """True when something other than spaces (a comma, a quote, a bracket) separates them."""
        return b.i != a.i + 1 or self.breaks[b.i]

    def gap(self, a: Token, b: Token) -> str:
        return self.folded[a.end:b.start]

    def overlaps_taken(self, fstart: int, fend: int) -> bool:
        return self.taken.overlaps(fstart, fend)


class Claims:
    """Non-overlapping spans, kept sorted so an overlap test is a binary search."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end)  # spans at k.. start at or after `end`
        return k > 0 and self._ends[k - 1] > start

    def add(self, start: int, end: int) -> None:
        k = bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)


@dataclass
class Found:
    """A mention found by an extractor, before mentions are grouped into facts."""

    value: str | None
    fstart: int
    fend: int
    key: str = ""
    relative: bool = False
    subkind: str | None = None
    role: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


def build_facts(ctx: Context, kind: FactKind, found: Iterable[Found]) -> list[Fact]:
    """Group mentions by fact id (one fact per distinct value), mentions in text order."""
    groups: dict[str, list[Found]] = {}
    for item in sorted(found, key=lambda f: f.fstart):
        ident = fact_id(kind, item.key or item.value or "x")
        groups.setdefault(ident, []).append(item)
    facts: list[Fact] = []
    for ident, items in groups.items():
        first = items[0]
        surfaces: list[str] = []
        for item in items:
            surface = ctx.surface(item.fstart, item.fend)
            if surface not in surfaces:
                surfaces.append(surface)
        attrs: dict[str, str] = {}
        for item in items:
            for k, v in item.attrs.items():
                attrs.setdefault(k, v)
        mentions = _unique_mentions(ctx, items)
        facts.append(Fact(
            id=ident, kind=kind, text=surfaces[0], value=first.value,
            mentions=mentions, aliases=tuple(s for s in surfaces[1:] if s != first.value),
            role=first.role, subkind=first.subkind, relative=first.relative, attrs=attrs,
        ))
    return facts


def _unique_mentions(ctx: Context, items: list[Found]) -> tuple[Mention, ...]:
    seen: set[tuple[int, int]] = set()
    out: list[Mention] = []
    for item in items:
        if (item.fstart, item.fend) in seen:
            continue
        seen.add((item.fstart, item.fend))
        out.append(ctx.mention(item.fstart, item.fend))
    return tuple(out)
