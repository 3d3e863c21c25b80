"""Checking a typed answer and suggesting an FSRS rating.

Answers are compared on folded Arabic (studykit.arabic: diacritics, hamza forms, ta marbuta,
alif maqsura, digits), word by word, a clitic (و، ال، بال ...) on a word not counting. Dates
compare by value (answerdates.py), so `29 مارس 2023`, `29/3/2023` and `٢٩ آذار ٢٠٢٣` are one
answer.

A spelling slip (one letter in a long word) is forgiven as a near miss, but never in the word
that tells one fact from another: a number, a short word, a nisba adjective (nationality,
ministry, agreement type: `الروسي`/`الأمريكي`, `الخارجية`/`الداخلية`, `الأمني`/`الاقتصادي`),
or a word that is itself another known place, nationality, month or title. Comparing the whole
string instead let `وزير الخارجية الأمريكي` pass for `وزير الخارجية الروسي` (ratio 86).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from studykit.arabic import strip_clitics
from studykit.review.answerdates import (
    date_accepts,
    fold_answer,
    merged,
    more_precise,
    parse_date,
)
from studykit.review.scheduler import CardInfo, Rating

__all__ = ["Check", "check_answer", "date_key", "fold_answer", "suggest_rating"]

# Response times (ms): slower than SLOW → Hard; faster than FAST on a mature card → Easy.
SLOW_MS = 20_000
FAST_MS = 6_000
# Letters a word needs before one slip in it is forgiven (`حسن`/`حسين` are two names).
MIN_SLIP_LEN = 5


@dataclass(frozen=True)
class Check:
    """The verdict on one typed answer."""

    correct: bool
    near_miss: bool
    similarity: float
    matched: str | None = None
    # A date more precise than the question's (`فبراير 2022` for `عام 2022`): accepted, and
    # the student is told the article gives only the coarser date.
    more_precise: bool = False


class _Match(Enum):
    NO = 0
    NEAR = 1
    EXACT = 2


def date_key(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) for a written date (day or year may be None), else None."""
    key = parse_date(text)
    if key is None or key.month is None or (key.year is None and key.day is None):
        return None
    return key.year, key.month, key.day


# Numbers in words (folded), so `عشرين عاما` is `20 عاما`; compounds `خمسه وعشرين` → 25.
_UNITS = {"واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
          "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6,
          "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9,
          "تسعه": 9, "عشر": 10, "عشره": 10}
_TENS = {f"{stem}{end}": 10 * n for n, stem in enumerate(
    ("عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"), start=2) for end in ("ون", "ين")}


def _numbers(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        tens = words[i + 1][1:] if i + 1 < len(words) and words[i + 1][:1] == "و" else ""
        if word in _UNITS and _UNITS[word] < 10 and tens in _TENS:
            out.append(str(_UNITS[word] + _TENS[tens]))
            i += 2
            continue
        number = _TENS.get(word) or _UNITS.get(word)
        out.append(str(number) if number else word)
        i += 1
    return out


def _words(folded: str) -> list[str]:
    # `الـ 20` folds to `ال 20`, `ال20` when typed together: the article is no word of its own.
    return _numbers(re.sub(r"(?<!\w)ال\s*(?=\d)", "", folded).split())


@cache
def _known_words() -> frozenset[str]:
    """Single words that name something a question can test: places, nationalities, months,
    titles, ministries (folded, without ال). A slip that spells one of them is another fact."""
    from studykit.extract import datewords, lexicon

    words = {w for key in lexicon.places() for w in key}
    words |= set(lexicon.nationalities())
    words |= {w for m in datewords.gregorian_months() for w in m.split()}
    words |= {w for key, _ in lexicon.titles() for w in key}
    words |= set(lexicon.ministries())
    return frozenset(_stem(w) for w in words)


def _stem(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _nisba(word: str) -> bool:
    """`الروسي`, `الخارجيه`, `الامنيه`, `الايرانيين`: adjectives that tell facts apart."""
    return word.startswith(("ال", "وال", "بال", "لل")) and word.endswith(
        ("ي", "يه", "يين", "يون"))


def _protected(word: str) -> bool:
    return (any(ch.isdigit() for ch in word) or len(word) < MIN_SLIP_LEN
            or len(_stem(word)) < MIN_SLIP_LEN - 1 or _nisba(word))


def _country(word: str) -> str | None:
    """The country a word names: itself (`روسيا`) or as a nationality (`الروسية` → روسيا)."""
    from studykit.arabic import normalize
    from studykit.extract import lexicon

    country = lexicon.nationality(strip_clitics(word) if not word.startswith("ال") else word)
    if country:
        return normalize(country)
    entry = lexicon.places().get((word,)) or lexicon.places().get((strip_clitics(word),))
    return normalize(entry.value) if entry is not None and entry.subkind == "country" else None


def _same_word(given: str, want: str) -> bool:
    if given == want or strip_clitics(given) == strip_clitics(want):
        return True
    # `وزير خارجية روسيا` for `وزير الخارجية الروسي`; `الروسية` for `الروسي`.
    if _nisba(given) or _nisba(want):
        mine, theirs = _country(given), _country(want)
        return mine is not None and mine == theirs
    return False


def _slip(given: str, want: str) -> bool:
    """One letter wrong, missing, extra or swapped in a long word that names nothing else."""
    from rapidfuzz.distance import OSA

    if _protected(given) or _protected(want):
        return False
    if _stem(strip_clitics(given)) in _known_words():
        return False  # a real word for something else (`ارمينيا` typed for `البانيا`)
    # ج and غ both write a foreign hard g (`سيرجي`/`سيرغي`, `ميجاوات`/`ميغاواط`).
    a = strip_clitics(given).replace("غ", "ج")
    b = strip_clitics(want).replace("غ", "ج")
    return OSA.distance(a, b) <= (1 if max(len(a), len(b)) < 8 else 2)


# Prepositions a student may put before a place or date blank (`في موسكو` for `موسكو`).
_LEADING = ("في", "الي", "من", "منذ", "عند")


def _compare(answer: str, key: str) -> _Match:
    given, want = _words(answer), _words(key)
    if len(given) > 1 and given[0] in _LEADING and (not want or want[0] != given[0]):
        given = given[1:]
    if answer == key or "".join(given) == "".join(want):
        return _Match.EXACT
    if given == want:
        return _Match.EXACT
    if len(given) == len(want):
        pairs = list(zip(given, want, strict=True))
        if all(_same_word(g, w) for g, w in pairs):
            return _Match.EXACT
        if all(_same_word(g, w) or _slip(g, w) for g, w in pairs):
            return _Match.NEAR
        return _Match.NO
    # Words run together or split (`عبد الليهان` for `عبداللهيان`): one slip in the whole,
    # and every protected word the same.
    from rapidfuzz.distance import OSA

    protected = sorted(w for w in want if _protected(w))
    if sorted(w for w in given if _protected(w)) != protected:
        return _Match.NO
    a, b = "".join(given), "".join(want)
    if min(len(a), len(b)) >= 8 and OSA.distance(a, b) <= 1:
        return _Match.NEAR
    return _Match.NO


def _date_check(given: str, targets: tuple[str, ...]) -> Check | None:
    """The verdict for a date answer to a date question, None when either is no date."""
    mine = parse_date(given)
    keys = [parse_date(t) for t in targets]
    if mine is not None and not mine.written and mine.rel:
        # A relative phrase alone: right when an accepted form says the same in other words.
        same = next((t for t, k in zip(targets, keys, strict=True)
                     if k is not None and not k.written and k.rel == mine.rel), None)
        if same is not None:
            return Check(True, False, 100.0, same)
    dated = [k for k in keys if k is not None]
    full = merged(dated)
    if mine is None or not mine.written or full is None:
        return None
    for target, key in zip(targets, keys, strict=True):
        if key is not None and date_accepts(mine, key, full):
            return Check(True, False, 100.0, target, more_precise(mine, full))
    return Check(False, False, 0.0)


def check_answer(given: str, expected: str, alternatives: tuple[str, ...] = ()) -> Check:
    """Compare a typed answer with the expected one and its alternatives."""
    from rapidfuzz import fuzz

    answer = fold_answer(given)
    if not answer:
        return Check(False, False, 0.0)
    targets = (expected, *alternatives)
    best = Check(False, False, 0.0)
    for target in targets:
        if _compare(answer, fold_answer(target)) is _Match.EXACT:
            return Check(True, False, 100.0, target)
    dated = _date_check(given, targets)
    if dated is not None and (dated.correct or parse_date(expected) is not None):
        return dated
    for target in targets:
        key = fold_answer(target)
        verdict = _compare(answer, key)
        score = float(fuzz.ratio(answer, key))
        # A date is right or wrong by value: no near miss on its spelling.
        near = verdict is _Match.NEAR and parse_date(target) is None
        if near and not best.near_miss:
            best = Check(True, True, score, target)
        elif not best.near_miss and score > best.similarity:
            best = Check(False, False, score)
    return best


def suggest_rating(check: Check, duration_ms: int, card: CardInfo | None) -> Rating:
    """Wrong → Again; right → Good, Hard when slow or a near miss, Easy when fast and mature."""
    if not check.correct:
        return Rating.AGAIN
    if check.near_miss or duration_ms > SLOW_MS:
        return Rating.HARD
    if card is not None and card.mature and duration_ms < FAST_MS:
        return Rating.EASY
    return Rating.GOOD
