"""Dates: news conventions added after the held-out evaluation, one row per convention.

Sentences written for this file; publication date 30 March 2023 unless a row says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from studykit.models import Fact

from .conftest import facts_of


def dates(text: str, published: date | None = date(2023, 3, 30)) -> dict[str, Fact]:
    return {f.value or f.text: f for f in facts_of(text, "date", published)}


@pytest.mark.parametrize(("text", "value", "surface", "relative"), [
    # a position word + a bare month: the publication year, flagged relative
    ("وتبدأ أعمال الصيانة أواخر يناير وتستمر شهرين.", "2023-01", "أواخر يناير", True),
    ("ويُنتظر وصول الشحنة الأولى مطلع أكتوبر.", "2023-10", "مطلع أكتوبر", True),
    ("وعُقدت الجولة السابقة منتصف شهر فبراير.", "2023-02", "منتصف شهر فبراير", True),
    # with a relative word the usual past/next rule applies, the position word in the span
    ("وكانت الأسعار قد ارتفعت أوائل مايو الماضي.", "2022-05", "أوائل مايو الماضي", True),
    ("وتنطلق المرحلة الثانية نهاية جوان المقبل.", "2023-06", "نهاية جوان المقبل", True),
    # with a year: an absolute month
    ("وسُلّمت الدفعة الأخيرة بداية نوفمبر 2021.", "2021-11", "بداية نوفمبر 2021", False),
    # a month name that is also a word (مارس "practise") counts after a position word
    ("وتُستأنف المفاوضات منتصف مارس.", "2023-03", "منتصف مارس", True),
])
def test_part_of_a_month(text: str, value: str, surface: str, relative: bool) -> None:
    found = dates(text)
    assert value in found, list(found)
    assert found[value].text == surface
    assert found[value].relative is relative


def test_part_of_a_month_without_publication_has_no_value() -> None:
    found = facts_of("وتبدأ الأشغال أواخر يناير.", "date", None)
    assert [(f.value, f.relative) for f in found] == [(None, True)]


@pytest.mark.parametrize(("text", "value"), [
    # a numeric date closing the sentence (the full stop is not part of it)
    ("وصدر القرار بتاريخ 05/01/2022.", "2022-01-05"),
    ("ودخل الاتفاق حيز التنفيذ يوم 9-12-2020.", "2020-12-09"),
    # a season or a part of a year before a year
    ("وأُنجزت الدراسة في صيف 2018 قبل عرضها.", "2018"),
    ("وتراجعت الصادرات خلال النصف الأول من 2021.", "2021"),
    ("وارتفع الإنتاج في الربع الثالث من عام 2022.", "2022"),
    ("ومن المقرر تسليم المحطة مطلع 2026.", "2026"),
    ("وتوقف المشروع في شتاء 2015.", "2015"),
])
def test_numeric_and_part_of_year(text: str, value: str) -> None:
    assert value in dates(text), list(dates(text))


def test_decimal_after_a_date_is_not_a_sentence_end() -> None:
    assert "2021-03-12" not in dates("وبلغت النسبة 12.3.2021.5 في التقرير.")


@pytest.mark.parametrize(("text", "value", "surface"), [
    # الفارط (Maghrebi "past") is a relative word like الماضي and belongs to the span
    ("وكان الاتفاق قد وُقّع في 14 ماي الفارط.", "2022-05-14", "14 ماي الفارط"),
    ("وانطلقت الحملة في جانفي الفارط.", "2023-01", "جانفي الفارط"),
])
def test_farit_is_past(text: str, value: str, surface: str) -> None:
    found = dates(text)
    assert value in found, list(found)
    assert found[value].text == surface


@pytest.mark.parametrize(("text", "start", "end"), [
    # a range with a relative word: one fact, the end in attrs
    ("وتُعقد الدورة بين 3 و9 يونيو المقبل في الرباط.", "2023-06-03", "2023-06-09"),
    ("وزار الوفد الجزائر في 21 و22 جانفي الماضي.", "2023-01-21", "2023-01-22"),
])
def test_relative_ranges_keep_one_fact_with_an_end(text: str, start: str, end: str) -> None:
    found = dates(text)
    assert list(found) == [start]
    assert found[start].attrs["end"] == end


@pytest.mark.parametrize(("text", "value", "end"), [
    # a day (or days) of a relative month, after a preposition
    ("ويتوقف المعمل بين 20 و25 الشهر الجاري للصيانة.", "2023-03-20", "2023-03-25"),
    ("وانتهت المهلة في 3 من الشهر الماضي.", "2023-02-03", None),
    ("وتبدأ المرحلة الثانية في 15 الشهر المقبل.", "2023-04-15", None),
    ("وتنطلق الحملة في الـ10 من الشهر الجاري.", "2023-03-10", None),
    # after a weekday the month may go unsaid: `يوم الخميس 30 الجاري`
    ("وتعقد اللجنة اجتماعها يوم الخميس 30 الجاري في مقرها.", "2023-03-30", None),
    ("ويصل الوفد الإثنين، 3 المقبل، إلى العاصمة.", "2023-04-03", None),
])
def test_days_of_a_relative_month(text: str, value: str, end: str | None) -> None:
    found = dates(text)
    assert list(found) == [value]
    assert found[value].attrs.get("end") == end
    assert found[value].relative


def test_a_count_before_a_relative_month_is_no_day() -> None:
    # `ارتفع العدد إلى 20 الشهر الماضي`: twenty, last month
    assert list(dates("وارتفع عدد المصابين إلى 20 الشهر الماضي.")) == ["2023-02"]


def test_fatih_is_the_first_day() -> None:
    # Maghrebi `الفاتح من` ("the first of")
    assert "1954-11-01" in dates("واحتفل الجزائريون بذكرى الفاتح من نوفمبر 1954.")


@pytest.mark.parametrize(("text", "value"), [
    # a deadline year after قبل / بحلول / Moroccan متم (the end of)
    ("ويتوقع إنجاز الطريق قبل متم 2026 حسب الوزارة.", "2026"),
    ("وتعهدت الحكومة بخفض الانبعاثات بحلول 2030.", "2030"),
    ("ويجب تسليم المحطة قبل 2025 وفق العقد.", "2025"),
])
def test_deadline_years(text: str, value: str) -> None:
    assert value in dates(text), list(dates(text))


def test_plan_period_with_a_dash() -> None:
    found = dates("وأقر البرلمان خطة التنمية للفترة 2024-2028 بالإجماع.")
    assert found["2024"].attrs["end"] == "2028", list(found)


@pytest.mark.parametrize("text", [
    # an amount or a count after قبل is no year
    ("وأنفقت الشركة قبل 2000 مليون دولار على المشروع."),
    ("وقتل قبل 1990 شخصا في المواجهات."),
])
def test_counts_after_before_are_no_years(text: str) -> None:
    found = dates(text)
    assert "2000" not in found and "1990" not in found, list(found)
