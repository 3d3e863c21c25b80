"""Shared state for one extraction: the folded text, its tokens and sentences, and fact building.

Every extractor matches on the folded text (no diacritics, one alef, Latin digits) and maps
the spans back, so a mention's offsets always index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from studykit.arabic import Span, fold, sentence_index, sentences
from studykit.models import Fact, FactKind, Mention, fact_id

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Marks that fold() drops: a surface form should keep the ones that end a word.
_TRAILING_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
# Punctuation that ends a name, a title or an agreement name when it falls between two words.
_BREAK = re.compile(r"[^\s\u0640]")


@dataclass(frozen=True)
class Token:
    """One word of the folded text: `start`/`end` index the folded text."""

    i: int
    start: int
    end: int
    text: str


@dataclass
class Context:
    """The text being read plus everything derived from it once."""

    text: str
    published: date | None = None
    source: str = ""
    taken: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def _folded(self) -> tuple[str, tuple[int, ...]]:
        folded = fold(self.text)
        return folded.text, folded.index

    @property
    def folded(self) -> str:
        return self._folded[0]

    @cached_property
    def spans(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(i, m.start(), m.end(), m.group())
                for i, m in enumerate(_TOKEN.finditer(self.folded))]

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

    def surface(self, fstart: int, fend: int) -> str:
        start, end = self.orig(fstart, fend)
        return self.text[start:end]

    def mention(self, fstart: int, fend: int) -> Mention:
        start, end = self.orig(fstart, fend)
        return Mention(start=start, end=end, sentence=sentence_index(self.spans, start),
                       source=self.source)

    def gap_breaks(self, a: Token, b: Token) -> bool:
        """True when something other than spaces (a comma, a quote, a bracket) separates them."""
        return b.i != a.i + 1 or bool(_BREAK.search(self.folded, a.end, b.start))

    def gap(self, a: Token, b: Token) -> str:
        return self.folded[a.end:b.start]

    def overlaps_taken(self, fstart: int, fend: int) -> bool:
        return any(s < fend and fstart < e for s, e in self.taken)


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
