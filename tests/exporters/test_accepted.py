"""Accepted spellings for exact-match platforms: what the quiz grader accepts, nothing more."""

from __future__ import annotations

import pytest

from studykit.exporters.accepted import MAX_FORMS, forms_for
from studykit.review.grading import check_answer


@pytest.mark.parametrize(("answer", "alternatives", "must_have"), [
    ("29 مارس 2023", ("29/3/2023",), ("٢٩ مارس ٢٠٢٣", "29 آذار 2023", "29 اذار 2023",
                                      "٢٩/٣/٢٠٢٣", "2023-03-29")),
    ("أغسطس 2021", (), ("اغسطس 2021", "اغسطس ٢٠٢١", "آب 2021", "8/2021")),
    ("2015", ("عام 2015",), ("٢٠١٥", "عام ٢٠١٥")),
    ("حسين أمير عبد اللهيان", (), ("حسين امير عبد اللهيان",)),
    ("إسرائيل", (), ("اسرائيل",)),
    ("أُسامة", (), ("أسامة", "اسامة")),  # diacritics dropped, with and without hamza
])
def test_forms_include_the_spellings_students_type(answer: str, alternatives: tuple[str, ...],
                                                   must_have: tuple[str, ...]) -> None:
    forms = forms_for(answer, alternatives)
    assert forms[:1 + len(alternatives)] == [answer, *alternatives]
    for form in must_have:
        assert form in forms
    assert len(forms) == len(set(forms)) <= MAX_FORMS


@pytest.mark.parametrize("answer", ["29 مارس 2023", "جون كيربي", "مارس 2021", "النمسا", "1.5"])
def test_every_form_passes_the_grader_exactly(answer: str) -> None:
    for form in forms_for(answer):
        verdict = check_answer(form, answer)
        assert verdict.correct and not verdict.near_miss, form


def test_a_different_date_is_never_a_form() -> None:
    forms = forms_for("29 مارس 2023")
    assert not any("28" in f or "2022" in f for f in forms)
