"""What a regex's match can begin with: the words it can start at, its possible first characters.

multiscan.py uses these to find, without a pass of the regex engine over the whole text, the
few places where a pattern can match. Both answers are read from the pattern's parse tree
(the standard library's own parser, re._parser.parse) and are supersets, never guesses:

- word_head(source) is a regex over one word w (a maximal run of \\w characters): if the
  pattern matches at the start of w in some text, word_head matches w. A match either ends
  within w (so a prefix of w is in the pattern's language: `re.match`), or takes all of w and
  then the non-word character after it (so the pattern can read w and then a non-word
  character: the "break" regex, anchored at w's end). Lookarounds are dropped (that only
  widens the language), and after an item that only matches non-word characters (`\\s+`,
  `[،,]`) nothing more of the pattern is in w, which keeps the regex small.
- first_chars(source) is a character class holding every character a match can begin with.
"""

from __future__ import annotations

import re

# The standard library's regex constants (Python >= 3.11), to read a pattern's parse.
from re import _constants as C  # type: ignore[attr-defined]
from typing import Any

_WORD = re.compile(r"\w")
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
# Categories that hold no word character.
_NON_WORD = frozenset({C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD})
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_DUPLICATE = 4000  # longest regex written twice to spare the engine an optional item


class Unsupported(Exception):
    """The pattern holds something these functions do not read (flags, conditionals...)."""


def word_head(tree: Any) -> str:
    """A regex that re.match()es every word at whose start the pattern can match; `tree` is
    the pattern's parse (re._parser.parse)."""
    data = tree.data
    whole, breaks = _seq(data), _breaks(data)
    heads = ([] if breaks is None else [f"(?:{breaks})\\Z"]) + ([] if whole is None else [whole])
    return "|".join(heads) or "(?!)"


def first_chars(tree: Any, word_start: bool = False) -> str | None:
    """A character class of every character a match of the parsed pattern can begin with
    (None: none can); with `word_start`, only the non-word ones (a match at a word start is
    found by word_head)."""
    items, _ = _first(tree.data)
    if word_start:
        items = [(op, av) for op, av in items if not _word_only(op, av)]
    return "[" + "".join(dict.fromkeys(map(_class_item, items))) + "]" if items else None


# An item's language, kept to strings of word characters: a regex, "" (the empty string
# only) or None (nothing at all).
def _item(op: Any, av: Any) -> str | None:
    if op in _ZERO_WIDTH:
        return ""
    if op is C.LITERAL:
        return re.escape(chr(av)) if _WORD.match(chr(av)) else None
    if op is C.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is C.ANY:
        return "."
    if op is C.IN:
        if all(_non_word(o, a) for o, a in av):
            return None
        return "[" + "".join(map(_class_item, av)) + "]"
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise Unsupported("inline flags")
        inner = _seq(sub.data)
        return None if inner is None else f"(?:{inner})"
    if op is C.BRANCH:
        alts = [a for a in (_seq(alt.data) for alt in av[1]) if a is not None]
        return f"(?:{'|'.join(alts)})" if alts else None
    if op in _REPEATS:
        lo, hi, sub = av
        inner = _seq(sub.data)
        if inner is None:
            return "" if lo == 0 else None
        return f"(?:{inner}){_bounds(lo, hi)}"
    if op is C.GROUPREF:
        return r"\w*"  # whatever the group held
    raise Unsupported(str(op))


def _seq(data: list[tuple[Any, Any]]) -> str | None:
    parts = []
    for op, av in data:
        part = _item(op, av)
        if part is None:
            return None
        parts.append(part)
    return "".join(parts)


def _breaks(data: list[tuple[Any, Any]]) -> str | None:
    """The strings of word characters the sequence can read and then read a non-word
    character: a break within its first item, or all of the first item and a break within
    the rest. Written so that most branches open with a character (the regex engine skips
    such a branch on the first character)."""
    if not data:
        return None
    (op, av), rest = data[0], data[1:]
    whole, own = _item(op, av), _item_breaks(op, av)
    after = None if whole is None else _breaks(rest)
    parts = [] if own is None else [own]
    if after is not None and whole is not None:
        lo, hi, sub = av if op in _REPEATS else (1, 1, None)
        one = _seq(sub.data) if sub is not None else None
        if (lo, hi) == (0, 1) and one and len(after) < _DUPLICATE:
            parts += [f"{one}(?:{after})", after]  # `[وف]?`: each branch opens with a class
        else:
            parts.append(f"{whole}(?:{after})")
    return "|".join(parts) if parts else None


def _item_breaks(op: Any, av: Any) -> str | None:
    if op in _ZERO_WIDTH:
        return None
    if op is C.LITERAL:
        return None if _WORD.match(chr(av)) else ""
    if op is C.IN:
        return None if all(_word_only(o, a) for o, a in av) else ""
    if op in (C.NOT_LITERAL, C.ANY):
        return ""
    if op is C.SUBPATTERN:
        return _breaks(av[3].data)
    if op is C.BRANCH:
        alts = [a for a in (_breaks(alt.data) for alt in av[1]) if a is not None]
        return "|".join(alts) if alts else None
    if op in _REPEATS:
        _, hi, sub = av
        inner, own = _seq(sub.data), _breaks(sub.data)
        if hi == 0 or own is None:
            return None
        if not inner:
            return own  # no whole copy fits in a word (or it is empty): a break in the first
        more = _bounds(0, hi if hi >= C.MAXREPEAT else hi - 1)
        return f"(?:{inner}){more}(?:{own})" if more != "{0,0}" else own
    if op is C.GROUPREF:
        return r"\w*"
    raise Unsupported(str(op))


def _bounds(lo: int, hi: int) -> str:
    return f"{{{lo},}}" if hi >= C.MAXREPEAT else f"{{{lo},{hi}}}"


def _first(data: list[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]], bool]:
    """The class items a sequence's match can begin with, and whether it can be empty."""
    out: list[tuple[Any, Any]] = []
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return [*out, (op, av)], False
        if op is C.IN and not any(o is C.NEGATE for o, _ in av):
            return [*out, *av], False
        if op is C.SUBPATTERN:
            items, empty = _first(av[3].data)
        elif op is C.BRANCH:
            firsts = [_first(alt.data) for alt in av[1]]
            items = [i for f, _ in firsts for i in f]
            empty = any(e for _, e in firsts)
        elif op in _REPEATS:
            items, empty = _first(av[2].data)
            empty = empty or av[0] == 0
        else:
            raise Unsupported(str(op))  # any character, a backreference...
        out += items
        if not empty:
            return out, False
    return out, True


def _class_item(item: tuple[Any, Any]) -> str:
    op, av = item
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return str(_CATEGORIES[av])
    if op is C.NEGATE:
        return "^"
    raise Unsupported(str(op))


def _non_word(op: Any, av: Any) -> bool:
    """The class item holds no word character."""
    if op is C.LITERAL:
        return not _WORD.match(chr(av))
    return op is C.CATEGORY and av in _NON_WORD


def _word_only(op: Any, av: Any) -> bool:
    """The class item holds only word characters."""
    if op is C.LITERAL:
        return bool(_WORD.match(chr(av)))
    return op is C.CATEGORY and av in (C.CATEGORY_DIGIT, C.CATEGORY_WORD)
