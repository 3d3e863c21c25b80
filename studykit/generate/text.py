"""Phrase matching on folded Arabic text, shared by the generators and the checker.

Matching is token-based after folding and clitic stripping, so `الإيراني` does not count as
a mention of `إيران` but `وموسكو` does count as `موسكو`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from studykit.arabic import fold, normalize, strip_clitics

# Prefixes that may be glued to a phrase in running text (و+ال, ب+ال, ل+ال → لل ...).
_GLUE = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


# Word characters of folded text. (arabic.tokens' class also takes Arabic punctuation such as
# `،` U+060C, which glues a comma to the word before it.)
_WORD = re.compile(r"\w+")


def phrase_tokens(text: str) -> list[str]:
    """Folded tokens with a leading conjunction/preposition/article dropped from each."""
    return [strip_clitics(t) for t in _WORD.findall(fold(text).text)]


def _forms(word: str) -> set[str]:
    # `ليبيا` loses its `ل` to strip_clitics while `وليبيا` keeps it: compare every reading.
    return {word, strip_clitics(word)}


@lru_cache(maxsize=1 << 16)
def token_forms(text: str) -> tuple[frozenset[str], ...]:
    """Each word of `text`, folded, as the set of its readings (with and without a clitic)."""
    # Cached: the generators test the same sentences against many phrases.
    return tuple(frozenset(_forms(t)) for t in _WORD.findall(fold(text).text))


def contains_phrase(haystack: str, needle: str) -> bool:
    """True when `needle`'s tokens occur, contiguous and in order, in `haystack`."""
    want = token_forms(needle)
    have = token_forms(haystack)
    if not want:
        return False
    n = len(want)
    return any(all(have[i + k] & want[k] for k in range(n)) for i in range(len(have) - n + 1))


def same(a: str, b: str) -> bool:
    """Equal after Arabic normalization."""
    return normalize(a) == normalize(b)


def find_phrase(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets in `text` of the first whole-word occurrence of `phrase` (folded match).

    A glued prefix (`و`, `ب`, `ل`...) before the phrase is allowed and left out of the span.
    """
    folded = fold(text)
    target = normalize(phrase)
    if not target:
        return None
    hay = folded.text
    begin = bisect_left(folded.index, start)
    pos = hay.find(target, begin)
    while pos != -1:
        end = pos + len(target)
        word_start = pos
        while word_start > 0 and hay[word_start - 1].isalnum():
            word_start -= 1
        glued = hay[word_start:pos]
        if glued in _GLUE and (end >= len(hay) or not hay[end].isalnum()):
            first, last = folded.span(pos, end)
            # Keep the last letter's diacritics (`الروسيّ`) inside the span.
            while last < len(text) and (unicodedata.category(text[last]) == "Mn"
                                        or text[last] == "\u0640"):
                last += 1
            return first, last
        pos = hay.find(target, pos + 1)
    return None


def word_count(text: str) -> int:
    return len(text.split())
