"""Shared state for one extraction: the folded text, its tokens and sentences, and fact building.

Every extractor matches on the folded text (no diacritics, one alef, Latin digits) and maps
the spans back, so a mention's offsets always index the original text.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter
from typing import NamedTuple, overload

from studykit.arabic import _DROP, _FOLD_TABLE, Span, sentence_starts, sentences
from studykit.models import Fact, FactKind, Mention, fact_id

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PUNCT = re.compile(r"[^\w\s]+")  # what makes a gap between two words a break
# Marks that fold() drops: a surface form should keep the ones that end a word.
_TRAILING_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}


class Token(NamedTuple):
    """One word of the folded text: `start`/`end` index the folded text."""

    i: int
    start: int
    end: int
    text: str


class Tokens(Sequence[Token]):
    """The folded text's words as two columns (word, start) instead of a tuple per word: at
    megabytes of text a tuple and three int objects per word cost ~200 bytes a word, the
    columns 12 (an array slot for the start, one shared string per distinct word; a word ends
    at its start plus its length). Indexing builds the Token a caller asks for; hot loops may
    read the columns directly."""

    __slots__ = ("starts", "words")

    def __init__(self, folded: str) -> None:
        # Two C-speed passes of the same regex (no Python loop per word): words, then starts.
        # Interned as they come, so a repeated word is one string, never a list of copies.
        self.words: list[str] = list(map(sys.intern, map(re.Match.group,
                                                         _TOKEN.finditer(folded))))
        self.starts = array("i", map(re.Match.start, _TOKEN.finditer(folded)))

    def end(self, i: int) -> int:
        """Folded end offset of token i."""
        return self.starts[i] + len(self.words[i])

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if i.__class__ is int and i >= 0:  # the hot case first: extractors index tokens a lot
            word = self.words[i]
            start = self.starts[i]
            return _new(Token, (i, start, start + len(word), word))
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.words)))]
        word = self.words[i]  # raises IndexError as a list would
        if i < 0:
            i += len(self.words)
        start = self.starts[i]
        return _new(Token, (i, start, start + len(word), word))

    def __iter__(self) -> Iterator[Token]:
        ends = map(add, self.starts, map(len, self.words))
        return map(_new, repeat(Token), zip(count(), self.starts, ends, self.words))


_new = tuple.__new__


class FoldMap:
    """Folded offset -> original offset, stored per run of kept characters (two ints per run,
    not one per character): the original text drops marks (diacritics, tatweel) only here and
    there, so runs are long, and without any mark there is a single run."""

    __slots__ = ("_fstarts", "_identity", "_ostarts", "_size")

    def __init__(self, text: str, size: int) -> None:
        _, kept = _fold_tables()
        runs = [(m.start(), m.end()) for m in kept.finditer(text)]
        self._ostarts = array("i", (s for s, _ in runs))
        self._fstarts = array("i", accumulate((e - s for s, e in runs[:-1]), initial=0)
                              if runs else ())
        self._size = size  # the folded text's length
        self._identity = len(runs) == 1 and runs[0][0] == 0  # nothing dropped

    def __getitem__(self, f: int) -> int:
        """The original offset of folded character f (as the old per-character list did)."""
        if f < 0:
            f += self._size
        if not 0 <= f < self._size:
            raise IndexError(f)
        if self._identity:
            return f
        k = bisect_right(self._fstarts, f) - 1
        return self._ostarts[k] + f - self._fstarts[k]

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original offsets of the first and past the last character of a folded span."""
        if not (0 <= fstart < self._size and 0 < fend <= self._size):
            return self[fstart], self[fend - 1] + 1
        if self._identity:
            return fstart, fend  # nothing dropped: the same offsets (the usual case)
        fstarts, ostarts = self._fstarts, self._ostarts
        k = bisect_right(fstarts, fstart) - 1
        start = ostarts[k] + fstart - fstarts[k]
        last = fend - 1
        if k + 1 < len(fstarts) and last >= fstarts[k + 1]:
            k = bisect_right(fstarts, last, k + 1) - 1  # the span crosses a dropped mark
        return start, ostarts[k] + last - fstarts[k] + 1

    def at_or_after(self, start: int) -> int:
        """Folded offset of the first kept character at or after original offset `start`."""
        k = bisect_right(self._ostarts, start) - 1
        if k < 0:
            return 0
        run_end = self._ostarts[k] + self._run_length(k)
        if start < run_end:
            return self._fstarts[k] + start - self._ostarts[k]
        return self._fstarts[k + 1] if k + 1 < len(self._fstarts) else self._size

    def _run_length(self, k: int) -> int:
        nxt = self._fstarts[k + 1] if k + 1 < len(self._fstarts) else self._size
        return nxt - self._fstarts[k]


@cache
def _fold_tables() -> tuple[dict[int, str | None], re.Pattern[str]]:
    kept = re.compile("[^" + "".join(sorted(_DROP)) + "]+")
    return _FOLD_TABLE, kept


def fast_fold(text: str) -> tuple[str, FoldMap]:
    """studykit.arabic.fold with a compact map back to the original offsets: same folded text,
    same offsets as the per-character index it replaces."""
    folded = text.translate(_FOLD_TABLE)
    return folded, FoldMap(text, len(folded))


@dataclass
class Context:
    """The text being read plus everything derived from it once."""

    text: str
    published: date | None = None
    source: str = ""
    taken: Claims = field(default_factory=lambda: Claims())

    @cached_property
    def _folded(self) -> tuple[str, FoldMap]:
        return fast_fold(self.text)

    @property
    def folded(self) -> str:
        return self._folded[0]

    @cached_property
    def spans(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.folded)

    @cached_property
    def breaks(self) -> bytearray:
        """breaks[i] (1 or 0): punctuation (not only spaces) stands between token i-1 and
        token i. Between two words stand only non-word characters, so a gap breaks exactly
        when it holds a character that is neither a word character nor a space."""
        starts = self.tokens.starts
        out = bytearray(len(starts))
        if out:
            out[0] = 1
        for m in _PUNCT.finditer(self.folded):
            k = bisect_left(starts, m.start())
            if k < len(out):
                out[k] = 1
        return out

    def joined(self, i: int, n: int) -> bool:
        """Tokens i .. i+n-1 exist and follow each other with only spaces between."""
        return i + n <= len(self.tokens.words) and not any(self.breaks[i + 1:i + n])

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word of the text."""
        return frozenset(self.tokens.words)

    def visits(self, keep: Callable[[str], bool]) -> Iterator[int]:
        """The numbers of the tokens whose word passes `keep`, in order. `keep` is asked once
        per distinct word (news repeats its words), and the tokens are picked out of the word
        column in C: an extractor's loop then never touches the words nothing starts at."""
        live = {w for w in self.vocabulary if keep(w)}
        return compress(count(), map(live.__contains__, self.tokens.words))

    @cached_property
    def positions(self) -> Mapping[str, Sequence[int]]:
        """Folded word → the token numbers where it occurs (an int array per word)."""
        out: dict[str, array[int]] = {}
        get = out.get
        for i, word in enumerate(self.tokens.words):
            where = get(word)
            if where is None:
                out[word] = where = array("i")
            where.append(i)
        return out

    def token_starting(self, fstart: int) -> int | None:
        """The number of the token that starts at folded offset `fstart`, if one does."""
        starts = self.tokens.starts
        k = bisect_left(starts, fstart)
        return k if k < len(starts) and starts[k] == fstart else None

    def orig(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original [start, end) for a folded span, keeping a word's final diacritics."""
        start, end = self._folded[1].span(fstart, fend)
        while end < len(self.text) and self.text[end] in _TRAILING_MARKS:
            end += 1
        return start, end

    def folded_index(self, start: int) -> int:
        """Folded offset of the first kept character at or after original offset `start`."""
        return self._folded[1].at_or_after(start)

    def surface(self, fstart: int, fend: int) -> str:
        start, end = self.orig(fstart, fend)
        return self.text[start:end]

    @cached_property
    def _sentence_starts(self) -> Sequence[int]:
        # The starts alone: `spans` would copy the whole text into its sentences.
        return sentence_starts(self.text)

    def sentence_of(self, start: int) -> int:
        """Index of the sentence holding original offset `start` (as arabic.sentence_index)."""
        return max(bisect_right(self._sentence_starts, start) - 1, 0)

    def mention(self, fstart: int, fend: int) -> Mention:
        start, end = self.orig(fstart, fend)
        return Mention(start=start, end=end, sentence=self.sentence_of(start),
                       source=self.source)

    def gap_breaks(self, a: Token, b: Token) -> bool:
        """True when something other than spaces (a comma, a quote, a bracket) separates them."""
        return b.i != a.i + 1 or self.breaks[b.i] != 0

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


@dataclass(slots=True)
class Found:
    """A mention found by an extractor, before mentions are grouped into facts (slotted: an
    extractor holds one per mention of a large text until its facts are built)."""

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
    ids: dict[str, str] = {}  # key or value -> fact id (a text repeats its values)
    for item in sorted(found, key=attrgetter("fstart")):
        key = item.key or item.value or "x"
        ident = ids.get(key)
        if ident is None:
            ident = ids[key] = fact_id(kind, key)
        groups.setdefault(ident, []).append(item)
    facts: list[Fact] = []
    for ident, items in groups.items():
        first = items[0]
        # Each distinct span mapped back once, for its surface and its mention.
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        for item in items:
            if (item.fstart, item.fend) not in spans:
                spans[item.fstart, item.fend] = ctx.orig(item.fstart, item.fend)
        surfaces = list(dict.fromkeys(ctx.text[start:end] for start, end in spans.values()))
        attrs: dict[str, str] = {}
        for item in items:
            for k, v in item.attrs.items():
                attrs.setdefault(k, v)
        mentions = tuple(Mention(start=start, end=end, sentence=ctx.sentence_of(start),
                                 source=ctx.source) for start, end in spans.values())
        facts.append(Fact(
            id=ident, kind=kind, text=surfaces[0], value=first.value,
            mentions=mentions, aliases=tuple(s for s in surfaces[1:] if s != first.value),
            role=first.role, subkind=first.subkind, relative=first.relative, attrs=attrs,
        ))
    return facts
