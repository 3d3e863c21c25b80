"""Arabic text helpers: folding for matching (with an offset map back), sentences, tokens.

Folding is for matching only: stored text is never changed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# Tashkeel, superscript alef, Quranic marks and tatweel: dropped when folding.
_DROP = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
_DROP |= set(chr(c) for c in range(0x06D6, 0x06EE))
_DROP |= {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ھ": "ه",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)


# One str.translate table does the folding: dropped marks map to None, the rest 1:1.
_FOLD_TABLE: dict[int, str | None] = {ord(k): v for k, v in _MAP.items()}
_FOLD_TABLE.update({ord(ch): None for ch in _DROP})
_LATIN_DIGITS = {ord(k): v for k, v in _MAP.items() if v.isdigit()}


class Folded:
    """Folded text plus, for each folded character, its index in the original text.

    The index is built only when asked for (most callers want the text alone), and as a
    `range` when nothing was dropped (the usual case: no diacritics), not a list of ints.
    """

    __slots__ = ("_index", "_source", "text")

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self._source = source
        self._index: Sequence[int] | None = None

    @property
    def index(self) -> Sequence[int]:
        if self._index is None:
            source = self._source
            if len(self.text) == len(source):  # every character kept: offsets unchanged
                self._index = range(len(source))
            else:
                self._index = tuple(i for i, ch in enumerate(source) if ch not in _DROP)
        return self._index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) span back to original offsets."""
        index = self.index
        if start >= len(index):
            return (index[-1] + 1, index[-1] + 1) if index else (0, 0)
        return index[start], index[end - 1] + 1 if end > start else index[start]


def fold(text: str) -> Folded:
    """Fold for matching: no diacritics or tatweel, one alef, ي for ى, ه for ة, Latin digits."""
    return Folded(text.translate(_FOLD_TABLE), text)


def normalize(text: str) -> str:
    """Folded text with collapsed whitespace: the key for comparing Arabic strings."""
    return " ".join(text.translate(_FOLD_TABLE).split())


def to_latin_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9, everything else unchanged."""
    return text.translate(_LATIN_DIGITS)


_HAMZA_LESS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_LOOSE = str.maketrans({"ى": "ي", "ة": "ه"})
_TO_INDIC = str.maketrans({str(i): d for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")})


def typing_variants(text: str) -> list[str]:
    """How students type `text` on a phone or a keyboard without hamza: no diacritics,
    hamza-less alifs, ه for ة and ي for ى, Arabic-Indic or Latin digits. For platforms that
    match short answers exactly (Moodle, GIFT), which the quiz's own folding makes equal.
    The text itself comes first; no form twice."""
    bare = "".join(ch for ch in text if ch not in _DROP)
    forms = [text, bare, bare.translate(_HAMZA_LESS), bare.translate(_HAMZA_LESS).translate(
        _LOOSE)]
    if any(ch.isdigit() for ch in text):
        forms += [to_latin_digits(f) for f in forms] + [
            to_latin_digits(f).translate(_TO_INDIC) for f in forms]
    return [f for f in dict.fromkeys(" ".join(f.split()) for f in forms) if f]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# A sentence ends at . ؟ ? ! or a line break; `؛` and `;` join clauses, not sentences.
_SENTENCE_END = re.compile(r"[.؟?!]+(?=\s|$|[”»\"])[”»\"]?|\n+")


def sentences(text: str) -> list[Span]:
    """Split into sentences, offsets into `text`; blank stretches are skipped."""
    return [Span(start, end, text[start:end]) for start, end in _sentence_bounds(text)]


def sentence_starts(text: str) -> array[int]:
    """The start offset of each of `sentences(text)`, without copying their text."""
    return array("i", (start for start, _ in _sentence_bounds(text)))


def _sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _abbreviation(text, match.start()):
            continue
        bounds = _strip_span(text, start, match.end())
        if bounds is not None:
            yield bounds
        start = match.end()
    bounds = _strip_span(text, start, len(text))
    if bounds is not None:
        yield bounds


def _abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends a dotted abbreviation (`إذاعة آر.تي.إي. إن`, `أ.ف.ب.`) and is
    followed by more of the sentence, not a sentence end."""
    if text[dot:dot + 1] != "." or text[dot + 1:dot + 2] == ".":
        return False
    word_start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    word = text[word_start:dot]
    rest = text[dot + 1:dot + 40].lstrip(" ")
    if not rest or rest[0] == "\n":
        return False
    letter = word.lstrip("(«\"“")
    if len(letter) == 1 and "\u0621" <= letter <= "\u064a":
        # `م. جديع القحطاني` (engineer), `(د. ب. أ)`: one Arabic letter and a dot is an
        # abbreviation, unless it marks a year (`عام 2015 م.`).
        before = text[:word_start].rstrip()
        return not before[-1:].isdigit()
    if "." not in word or not all(len(part) <= 3 for part in word.split(".")):
        return False
    return not rest[0].isupper()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def sentence_index(spans: list[Span], offset: int) -> int:
    """Index of the sentence holding `offset` (the nearest one before it if between)."""
    lo, hi = 0, len(spans) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Word tokens of folded text (folding first, so diacritics do not split words)."""
    return _TOKEN.findall(fold(text).text)


_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


def strip_clitics(word: str) -> str:
    """Drop a leading conjunction/preposition and article from one folded word (`وبموسكو`)."""
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word
