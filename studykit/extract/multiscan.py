"""Many regexes over one long text with the same matches, without a pass of the engine each.

A regex with no literal to look for costs a full pass of the engine over the text, about ten
nanoseconds a character even where nothing matches; one lookahead alternation of the dates'
two dozen patterns still cost a quarter of a second a megabyte, most of it trying every
pattern at every word start. Here the places where a pattern can start are found from the
text's words instead, and each pattern is then tried at those places only, emulating its own
finditer:

- a pattern opening with `(?<!\\w)` starts at a word start or at a non-word character. At a
  word start, whether it can match depends on the word (wordheads.word_head, a regex over one
  word): news repeats its words, so each distinct word is read once, not each occurrence;
- the other starts (non-word characters, patterns with other lookbehinds) are found in one
  pass of a gate: one alternation of those patterns' own text (group names dropped,
  backreferences matching any text), so it matches wherever they do. The gate opens with a
  class of the characters they can begin with (wordheads.first_chars), which the engine
  scans for in C instead of trying the alternation at every position;
- Pattern.match at a position sees the text before and after it, as the scan of finditer
  does when it reaches that position; the next match is looked for from the end of the last,
  as finditer does. Patterns that can match the empty string, or carry flags, are not gated
  (finditer treats empty matches specially); they run their own finditer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import suppress
from itertools import compress

# The standard library's own regex parser (Python >= 3.11), to read a pattern's structure.
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

from studykit.extract.wordheads import Unsupported, first_chars, word_head

_WORD_START = "(?<!\\w)"
_WORDS = re.compile(r"\w+")
# A backslash escape: a backreference (digits) or anything else (kept as it is).
_ESCAPE = re.compile(r"\\(?:(\d+)|(.))", re.DOTALL)
_ANY = "(?s:.)"  # the class of a pattern whose first characters are not known
_CACHED_WORDS = 1 << 16  # distinct words whose patterns are remembered between texts


class MultiScan:
    """finditer for each of `patterns` over one text, sharing one scan (see the module)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        trees = [P.parse(p.pattern) for p in self.patterns]
        self.gated = [_gateable(p, t) for p, t in zip(self.patterns, trees, strict=True)]
        at_word = [_opens_with_word_start(p.pattern, t)
                   for p, t in zip(self.patterns, trees, strict=True)]
        heads: dict[int, re.Pattern[str]] = {}
        after_break: dict[int, str] = {}  # word-start patterns that can open on a non-word
        anywhere: dict[int, str] = {}  # the other gated patterns
        for k, (tree, gated) in enumerate(zip(trees, self.gated, strict=True)):
            if not gated:
                continue
            head = None
            # Without a word head (an item it does not read), every start is the gate's.
            with suppress(Unsupported):
                head = word_head(tree) if at_word[k] else None
            try:
                first = first_chars(tree, word_start=head is not None)
            except Unsupported:
                first = _ANY
            if head is None:
                anywhere[k] = first or _ANY
                continue
            heads[k] = re.compile(head)
            if first is not None:
                after_break[k] = first
        self._heads = heads
        self._any_head = (re.compile("|".join(h.pattern for h in heads.values()))
                          if heads else None)
        self._after_break = list(after_break)
        self._break_gate = _break_gate([self.patterns[k].pattern for k in after_break],
                                       list(after_break.values()))
        self._anywhere = list(anywhere)
        self._gate = _gate([(self.patterns[k].pattern, at_word[k]) for k in anywhere],
                           list(anywhere.values()))
        # Distinct words already read, and those that can open a match, with its patterns.
        self._seen: set[str] = set()
        self._opens: dict[str, tuple[int, ...]] = {}

    def candidates(self, text: str, words: Sequence[str] | None = None,
                   starts: Sequence[int] | None = None) -> list[list[int]]:
        """For each pattern, the positions of `text` where it can start a match, in order.
        `words` and `starts` are the text's \\w+ runs and their offsets (found when None)."""
        if words is None or starts is None:
            found = list(_WORDS.finditer(text))
            words, starts = [m.group() for m in found], [m.start() for m in found]
        out: list[list[int]] = [[] for _ in self.patterns]
        opens = self._word_patterns(words)
        for i in compress(range(len(words)), map(opens.__contains__, words)):
            for k in opens[words[i]]:
                out[k].append(starts[i])
        if self._break_gate is not None:
            # After a non-word character (the gate reads it), or at the very start.
            breaks = [m.end() for m in self._break_gate.finditer(text)]
            if text and not _WORDS.match(text):
                breaks.insert(0, 0)
            for k in self._after_break:
                out[k] = sorted({*out[k], *breaks})
        if self._gate is not None:
            gate = [m.start() for m in self._gate.finditer(text)]
            for k in self._anywhere:
                out[k] = gate
        return out

    def _word_patterns(self, words: Sequence[str]) -> dict[str, tuple[int, ...]]:
        """Words that can open a match of some pattern, with those patterns."""
        if self._any_head is None:
            return self._opens
        if len(self._seen) > _CACHED_WORDS:
            self._seen.clear()
            self._opens.clear()
        any_head, heads, opens = self._any_head.match, self._heads.items(), self._opens
        new = set(words).difference(self._seen)
        for word in new:
            if any_head(word) is not None:
                opens[word] = tuple(k for k, head in heads if head.match(word))
        self._seen |= new
        return opens

    def finditer(self, k: int, text: str, candidates: list[int]) -> Iterator[re.Match[str]]:
        """The matches of pattern k over `text`, as patterns[k].finditer(text) gives them;
        `candidates` is candidates(text)[k]."""
        pattern = self.patterns[k]
        if not self.gated[k]:
            yield from pattern.finditer(text)
            return
        match = pattern.match
        pos = 0
        for start in candidates:
            if start < pos:
                continue
            found = match(text, start)
            if found is not None:
                yield found
                pos = found.end()


def _break_gate(sources: list[str], classes: list[str]) -> re.Pattern[str] | None:
    """A regex matching the non-word character before each place where one of `sources`
    (patterns opening with `(?<!\\w)`) can start on a character of `classes`. The engine
    looks for a non-word character in C; only there is the alternation tried."""
    if not sources:
        return None
    first = "" if _ANY in classes else "(?=[" + "".join(c[1:-1] for c in classes) + "])"
    branches = "|".join(f"(?:{_relaxed(s)[len(_WORD_START):]})" for s in sources)
    return re.compile(f"\\W{first}(?={branches})")


def _gate(sources: list[tuple[str, bool]], classes: list[str]) -> re.Pattern[str] | None:
    """A regex whose matches start wherever one of `sources` can start (see the module);
    each source comes with whether it opens with `(?<!\\w)`."""
    after_word_start, other = [], []
    for source, at_word in sources:
        relaxed = _relaxed(source)
        if at_word:
            after_word_start.append(f"(?:{relaxed[len(_WORD_START):]})")
        else:
            other.append(f"(?:{relaxed})")
    branches = []
    if after_word_start:
        branches.append(_WORD_START + "(?=" + "|".join(after_word_start) + ")")
    if other:
        branches.append("(?=" + "|".join(other) + ")")
    if not branches:
        return None
    gate = "|".join(branches)
    if _ANY in classes:
        return re.compile(gate)  # zero width: tried at every position
    # One character of the class is consumed (so the engine looks for the class, in C), and
    # a lookbehind over that character tries the alternation where it stands.
    union = "[" + "".join(c[1:-1] for c in classes) + "]"
    return re.compile(f"{union}(?<=(?:{gate})(?s:.))")


def _gateable(pattern: re.Pattern[str], tree: Any) -> bool:
    """Plain patterns only: Unicode str patterns with no flags, no named backreference or
    conditional group, that never match the empty string."""
    source = pattern.pattern
    if pattern.flags != re.UNICODE or "(?P=" in source or "(?(" in source:
        return False
    return bool(tree.getwidth()[0] > 0)


def _opens_with_word_start(source: str, tree: Any) -> bool:
    """The pattern is one sequence whose first item is `(?<!\\w)`."""
    return bool(source.startswith(_WORD_START) and tree.data[0][0] is C.ASSERT_NOT)


def _relaxed(source: str) -> str:
    """The pattern with group names dropped (patterns reuse names) and each backreference
    matching any text: it matches wherever the pattern matches."""
    source = re.sub(r"\(\?P<\w+>", "(?:", source)
    return _ESCAPE.sub(lambda m: "(?s:.*?)" if m.group(1) else m.group(0), source)
