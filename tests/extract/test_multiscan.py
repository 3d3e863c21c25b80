"""One scan for many regexes (studykit.extract.multiscan) gives each regex its own finditer."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from studykit.extract.context import Context
from studykit.extract.dates import _patterns
from studykit.extract.multiscan import MultiScan

DATA = Path(__file__).parent.parent / "data"

# Shapes the gate must handle: a shared word start, a top-level alternation after it (only
# its first branch has the word start), a backreference, a pattern that can match nothing
# (left to its own finditer), lookbehinds of their own, overlapping patterns, a flag.
_ODD = [r"(?<!\w)ab+", r"(?<!\w)a|b", r"(\d)-\1", r"x*", r"(?<![\d.])\d{1,2}(?!\d)",
        r"(?<!\w)(?P<n>\d+)\s*(?P<u>ab|ba)", r"a(?=b)", r"(?<=b)a+", r"(?i:AB)",
        re.compile(r"ab", re.IGNORECASE),
        # Word-start patterns read word by word (wordheads.py): a start at a non-word
        # character, repeats of groups that leave the word, a backreference, any character,
        # a negated class, lazy and bounded repeats, a lookahead inside, inline flags.
        r"(?<!\w)\s*\d-?", r"(?<!\w)(?:ab\s)+x", r"(?<!\w)(?:a|b\s)?x", r"(?<!\w)(\w)\1b",
        r"(?<!\w).b", r"(?<!\w)[^a\s]b", r"(?<!\w)(?:x{0,2}?1)+?2", r"(?<!\w)a(?=b)b?",
        r"(?<!\w)(?i:ab)", r"(?<!\w)[-.]?\d{1,2}(?:\.\d)?(?!\w)"]


def _check(patterns: list[re.Pattern[str]], text: str) -> None:
    scan = MultiScan(patterns)
    starts = scan.candidates(text)
    for k, pattern in enumerate(patterns):
        got = [(m.span(), m.groups()) for m in scan.finditer(k, text, starts[k])]
        assert got == [(m.span(), m.groups()) for m in pattern.finditer(text)], pattern


def test_odd_patterns_on_random_text() -> None:
    patterns = [p if isinstance(p, re.Pattern) else re.compile(p) for p in _ODD]
    rnd = random.Random(13)
    for _ in range(3000):
        text = "".join(rnd.choice("ab 1-2.x\nAB٣") for _ in range(rnd.randint(0, 30)))
        _check(patterns, text)


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.ar.txt")), ids=lambda p: p.name)
def test_date_patterns_on_the_test_articles(path: Path) -> None:
    text = Context(text=path.read_text(encoding="utf-8")).folded
    _check([p for _, p in _patterns()], text)


def test_date_patterns_on_shuffled_date_words() -> None:
    # Date words, digits and punctuation thrown together: many near misses, many matches.
    words = ["في", "يوم", "بين", "من", "حتي", "منذ", "عام", "العام", "سنه", "الماضي", "المقبل",
             "الجاري", "الشهر", "شهر", "مارس", "اذار", "فبراير", "رمضان", "الاثنين", "الجمعه",
             "امس", "غدا", "قبل", "عامين", "اواخر", "صيف", "ه", "هجري", "و", "2023", "12", "3",
             "1445", "2021-2025", "11/11/2023", "،", ",", "(", ")", "/", "-", "."]
    patterns = [p for _, p in _patterns()]
    rnd = random.Random(7)
    for _ in range(300):
        pieces = [rnd.choice(words) for _ in range(rnd.randint(1, 40))]
        text = "".join(p + rnd.choice([" ", " ", "", "\n", "  "]) for p in pieces)
        _check(patterns, text)
