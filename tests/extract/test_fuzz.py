"""Hypothesis: whatever the text, extraction never crashes and every mention indexes it."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.extract import extract

ARABIC_NEWS_ALPHABET = st.sampled_from([
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789 \n،.؟!:؛“”«»\"()/-",
    "وزير الخارجية ", "الرئيس ", " مارس ", " 2023 ", "عام ", " الماضي", "اتفاقية ",
    "نظيره الروسي ", "، ", "هـ", " قبل عامين", "أمس ", "يوم الأحد ", "بين 6 و", "الـ "])


def _check(text: str, published: date | None) -> None:
    for fact in extract(text, published, source="fuzz"):
        assert fact.mentions
        for m in fact.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert m.source == "fuzz"
        if fact.value is not None:
            assert fact.id.startswith(fact.kind.value + ":")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_random_unicode(text: str, published: date | None) -> None:
    _check(text, published)


@settings(max_examples=200, deadline=None)
@given(st.lists(ARABIC_NEWS_ALPHABET, max_size=120).map("".join),
       st.one_of(st.none(), st.dates(min_value=date(1, 3, 1), max_value=date(9998, 10, 1))))
def test_news_like_soup(text: str, published: date | None) -> None:
    _check(text, published)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".,،؛:!?؟()[]{}«»“”\"'-–—/\\ \n*&#%")), max_size=500))
def test_only_punctuation(text: str) -> None:
    assert [f for f in extract(text, date(2024, 1, 1)) if f.kind.value != "number"] == []


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳ \n")), max_size=500))
def test_only_digits(text: str) -> None:
    for fact in extract(text, date(2024, 1, 1)):
        assert fact.kind.value == "number"


def test_very_long_line() -> None:
    line = ("قال وزير الخارجية الإيراني حسين أمير عبد اللهيان في موسكو يوم 29 مارس 2023 إن "
            "“الاتفاق النووي لعام 2015 مهم”، ") * 2000
    facts = extract(line, date(2023, 3, 30))
    person = next(f for f in facts if f.kind.value == "person")
    assert len(person.mentions) == 2000


def test_empty_and_blank() -> None:
    assert extract("") == []
    assert extract(" \n\t ") == []
