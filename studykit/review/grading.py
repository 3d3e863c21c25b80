"""Checking a typed answer and suggesting an FSRS rating.

Answers are compared on folded Arabic (studykit.arabic: diacritics, hamza forms, ta marbuta,
alif maqsura, digits), with a leading clitic (و، ال، بال ...) dropped on one-word answers, then
with rapidfuzz on that folded text so a one-letter slip counts as a near miss. Dates compare by
value, so `29 مارس 2023`, `29/3/2023` and `٢٩ آذار ٢٠٢٣` are the same answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studykit.arabic import normalize, strip_clitics
from studykit.review.scheduler import CardInfo, Rating

# Similarity (0-100, rapidfuzz ratio on folded text) from which a wrong spelling is a near miss.
NEAR_MISS = 80.0
# Response times (ms): slower than SLOW → Hard; faster than FAST on a mature card → Easy.
SLOW_MS = 20_000
FAST_MS = 6_000

# Month names folded (studykit.arabic.normalize): Egyptian/Gulf, Levantine, Maghrebi, Algerian.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "يناير كانون-الثاني جانفي", "فبراير شباط فيفري", "مارس اذار", "ابريل نيسان افريل",
    "مايو ايار ماي", "يونيو حزيران جوان", "يوليو تموز يوليوز جويليه", "اغسطس اب غشت اوت",
    "سبتمبر ايلول شتنبر", "اكتوبر تشرين-الاول", "نوفمبر تشرين-الثاني نونبر",
    "ديسمبر كانون-الاول دجنبر",
), start=1):
    for _name in _names.split():
        _MONTHS[_name.replace("-", " ")] = _number
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TEXT_DATE = re.compile(rf"^(?:(\d{{1,2}})\s+)?(?:من\s+)?(?:شهر\s+)?({_MONTH_RE})"
                        rf"(?:\s*[/(]\s*(?:{_MONTH_RE})\s*\)?)?\s*(?:عام\s+|سنه\s+)?(\d{{4}})?$")
_NUM_DATE = re.compile(r"^(\d{1,4})\s*[/.\-]\s*(\d{1,4})(?:\s*[/.\-]\s*(\d{1,4}))?$")
_PUNCT = re.compile(r"[^\w\s/.\-]|_")


@dataclass(frozen=True)
class Check:
    """The verdict on one typed answer."""

    correct: bool
    near_miss: bool
    similarity: float
    matched: str | None = None


def fold_answer(text: str) -> str:
    """The comparison key: folded, punctuation and quotes dropped, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


def date_key(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) for a written date (day or year may be None), else None."""
    folded = fold_answer(text)
    folded = re.sub(r"\s*(?:م|مـ)$", "", folded)  # trailing م for ميلادي
    # A relative month (29 مارس الجاري, "29 March this year") names the same day.
    folded = re.sub(r"\s+(?:الجاري|الماضي|المقبل|القادم)$", "", folded)
    match = _TEXT_DATE.match(folded)
    if match and (match.group(1) or match.group(3)):
        day = int(match.group(1)) if match.group(1) else None
        year = int(match.group(3)) if match.group(3) else None
        return year, _MONTHS[match.group(2)], day
    match = _NUM_DATE.match(folded)
    if match:
        a, b, c = match.group(1), match.group(2), match.group(3)
        if c is None:  # 3/2023 (month/year) or 29/3 (day/month)
            if len(b) == 4:
                return (int(b), int(a), None) if 1 <= int(a) <= 12 else None
            return (None, int(b), int(a)) if 1 <= int(b) <= 12 and 1 <= int(a) <= 31 else None
        if len(a) == 4:  # 2023-03-29
            year, month, day = int(a), int(b), int(c)
        else:  # 29/3/2023, day first as written in Arabic news
            day, month, year = int(a), int(b), int(c)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return year, month, day
    return None


def _single_word(text: str) -> str:
    return strip_clitics(text) if " " not in text else text


def check_answer(given: str, expected: str, alternatives: tuple[str, ...] = ()) -> Check:
    """Compare a typed answer with the expected one and its alternatives."""
    from rapidfuzz import fuzz

    answer = fold_answer(given)
    if not answer:
        return Check(False, False, 0.0)
    best = Check(False, False, 0.0)
    given_date = date_key(given)
    for target in (expected, *alternatives):
        key = fold_answer(target)
        if answer == key or _single_word(answer) == _single_word(key):
            return Check(True, False, 100.0, target)
        target_date = date_key(target)
        if given_date is not None and given_date == target_date:
            return Check(True, False, 100.0, target)
        score = float(fuzz.ratio(_single_word(answer), _single_word(key)))
        # A different number is a different fact, however similar the spelling.
        digits_differ = re.findall(r"\d+", answer) != re.findall(r"\d+", key)
        near = score >= NEAR_MISS and not digits_differ and target_date is None
        if score > best.similarity or (near and not best.near_miss):
            best = Check(near, near, score, target if near else None)
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
