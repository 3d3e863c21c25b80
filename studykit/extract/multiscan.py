"""Many regexes over one long text in one pass of the regex engine, with the same matches.

A regex with no literal to look for costs a full pass of the engine over the text, about ten
nanoseconds a character even where nothing matches: the dates' two dozen patterns spent a
quarter of the extraction of a long text there. Here one lookahead alternation of all of
them (the gate) finds in a single pass every position where any of them can start a match;
each pattern is then tried at those positions only, emulating its own finditer.

Why the matches are the same:
- the gate holds each pattern's own text, with group names dropped and backreferences made
  to match any text, so it matches wherever the pattern does (a superset of the starts);
- the leading `(?<!\\w)` most patterns share is tested once for all of them, and only for
  patterns that are one sequence opening with it (a top-level `|` would not be covered);
- Pattern.match at a position sees the text before and after it, as the scan of finditer
  does when it reaches that position; the next match is looked for from the end of the last,
  as finditer does. Patterns that can match the empty string are not gated (finditer treats
  empty matches specially); they run their own finditer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# The standard library's own regex parser (Python >= 3.11), to read a pattern's structure.
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

_WORD_START = "(?<!\\w)"
# A backslash escape: a backreference (digits) or anything else (kept as it is).
_ESCAPE = re.compile(r"\\(?:(\d+)|(.))", re.DOTALL)


class MultiScan:
    """finditer for each of `patterns` over one text, sharing one scan (see the module)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self.gated = [_gateable(p) for p in self.patterns]
        after_word_start, other = [], []
        for pattern, gated in zip(self.patterns, self.gated, strict=True):
            if not gated:
                continue
            source = _relaxed(pattern.pattern)
            if _opens_with_word_start(pattern.pattern):
                after_word_start.append(f"(?:{source[len(_WORD_START):]})")
            else:
                other.append(f"(?:{source})")
        branches = []
        if after_word_start:
            branches.append(_WORD_START + "(?=" + "|".join(after_word_start) + ")")
        if other:
            branches.append("(?=" + "|".join(other) + ")")
        self._gate = re.compile("|".join(branches)) if branches else None

    def candidates(self, text: str) -> list[int]:
        """Every position of `text` where one of the gated patterns can start a match."""
        if self._gate is None:
            return []
        return [m.start() for m in self._gate.finditer(text)]

    def finditer(self, k: int, text: str, candidates: list[int]) -> Iterator[re.Match[str]]:
        """The matches of pattern k over `text`, as patterns[k].finditer(text) gives them;
        `candidates` is what candidates(text) returned."""
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


def _gateable(pattern: re.Pattern[str]) -> bool:
    """Plain patterns only: Unicode str patterns with no flags, no named backreference or
    conditional group, that never match the empty string."""
    source = pattern.pattern
    if pattern.flags != re.UNICODE or "(?P=" in source or "(?(" in source:
        return False
    return bool(P.parse(source).getwidth()[0] > 0)


def _opens_with_word_start(source: str) -> bool:
    """The pattern is one sequence whose first item is `(?<!\\w)`."""
    if not source.startswith(_WORD_START):
        return False
    first_op, _ = P.parse(source).data[0]
    return bool(first_op is C.ASSERT_NOT)


def _relaxed(source: str) -> str:
    """The pattern with group names dropped (patterns reuse names) and each backreference
    matching any text: it matches wherever the pattern matches."""
    source = re.sub(r"\(\?P<\w+>", "(?:", source)
    return _ESCAPE.sub(lambda m: "(?s:.*?)" if m.group(1) else m.group(0), source)
