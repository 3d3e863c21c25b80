"""Typed-answer checking on folded Arabic, dates by value, near misses, rating suggestions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from studykit.review.grading import Check, check_answer, date_key, suggest_rating
from studykit.review.scheduler import CardInfo, CardState, Rating

from .conftest import NOW


@pytest.mark.parametrize(("expected", "given"), [
    ("موسكو", "موسكو"),
    ("موسكو", "  موسكو  "),
    ("موسكو", "وموسكو"),  # clitic و on a single word
    ("الاتفاق", "اتفاق"),  # article ال
    ("الإتفاقية", "الاتفاقيه"),  # hamza form, ta marbuta
    ("إبراهيم رئيسي", "ابراهيم رئيسى"),  # hamza, alif maqsura
    ("سَيرجي لافروف", "سيرجي لافروف"),  # diacritics
    ("سيرجي لافروف", "«سيرجي لافروف»"),  # quotes
    ("20 عامًا", "٢٠ عاما"),  # Arabic-Indic digits, tanween
    ("29 مارس 2023", "29/3/2023"),
    ("29 مارس 2023", "٢٩ آذار ٢٠٢٣"),
    ("29 مارس 2023", "2023-03-29"),
    ("٢٩ آذار ٢٠٢٣", "29.03.2023"),
    ("19 يناير 2022", "19 كانون الثاني 2022"),  # Levantine month of two words
    ("أغسطس 2021", "8/2021"),
    ("أغسطس 2021", "آب 2021"),
    ("29 مارس الجاري", "29 مارس"),  # relative month: same day
])
def test_accepted(expected: str, given: str) -> None:
    check = check_answer(given, expected)
    assert check.correct and not check.near_miss


@pytest.mark.parametrize(("expected", "given"), [
    ("29 مارس 2023", "28 مارس 2023"),
    ("29 مارس 2023", "29/4/2023"),
    ("2021", "2022"),  # a different number is wrong however close the spelling
    ("20 عامًا", "25 عامًا"),
    ("موسكو", "أنقرة"),
    ("موسكو", ""),
    ("سيرجي لافروف", "فلاديمير بوتين"),
])
def test_rejected(expected: str, given: str) -> None:
    assert not check_answer(given, expected).correct


@pytest.mark.parametrize(("expected", "given"), [
    ("لافروف", "لافرف"),
    ("عبد اللهيان", "عبد الليهان"),  # the source's own typo
    ("سيرجي لافروف", "سيرجى لافرووف"),
])
def test_near_miss_counts_right_but_flagged(expected: str, given: str) -> None:
    check = check_answer(given, expected)
    assert check.correct and check.near_miss and check.matched == expected
    assert 80 <= check.similarity < 100


def test_alternatives_are_accepted() -> None:
    check = check_answer("سيرغي لافروف", "سيرجي لافروف", ("لافروف", "سيرغي لافروف"))
    assert check.correct and not check.near_miss and check.matched == "سيرغي لافروف"
    assert check_answer("لافروف", "سيرجي لافروف", ("لافروف",)).correct


@pytest.mark.parametrize(("text", "key"), [
    ("29 مارس 2023", (2023, 3, 29)),
    ("٢٩ آذار ٢٠٢٣م", (2023, 3, 29)),
    ("29/3/2023", (2023, 3, 29)),
    ("2023-03-29", (2023, 3, 29)),
    ("مارس 2023", (2023, 3, None)),
    ("السابع عشر", None),
    ("مارس", None),  # a bare month name is also a verb
    ("31/13/2023", None),
])
def test_date_key(text: str, key: tuple[int | None, ...] | None) -> None:
    assert date_key(text) == key


def info(state: CardState, stability: float) -> CardInfo:
    return CardInfo(state, NOW + timedelta(days=1), stability, NOW)


@pytest.mark.parametrize(("check", "ms", "card", "rating"), [
    (Check(False, False, 10.0), 1000, None, Rating.AGAIN),
    (Check(True, False, 100.0), 3000, None, Rating.GOOD),
    (Check(True, True, 85.0), 3000, None, Rating.HARD),  # near miss
    (Check(True, False, 100.0), 40_000, None, Rating.HARD),  # slow
    (Check(True, False, 100.0), 2000, info(CardState.REVIEW, 30.0), Rating.EASY),  # fast, mature
    (Check(True, False, 100.0), 2000, info(CardState.REVIEW, 5.0), Rating.GOOD),  # not mature
    (Check(True, False, 100.0), 2000, info(CardState.LEARNING, 30.0), Rating.GOOD),
    (Check(True, True, 85.0), 2000, info(CardState.REVIEW, 30.0), Rating.HARD),
])
def test_suggested_rating(check: Check, ms: int, card: CardInfo | None, rating: Rating) -> None:
    assert suggest_rating(check, ms, card) is rating
