"""Organisations and media, numbers with what they count, quotes with their speaker."""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def kind(text: str, name: str) -> list[Fact]:
    return [f for f in extract(text) if f.kind.value == name]


@pytest.mark.parametrize(("text", "value", "subkind"), [
    ("أعلن الحرس الثوري إسقاط طائرة مسيرة.", "الحرس الثوري", "organization"),
    ("دعا مجلس الأمن الدولي إلى ضبط النفس.", "مجلس الأمن الدولي", "organization"),
    ("أصدرت وزارة الخارجية الفرنسية بيانًا.", "وزارة الخارجية الفرنسية", "organization"),
    ("قال جهاز الأمن الداخلي إنه أحبط هجومًا.", "جهاز الأمن الداخلي", "organization"),
    ("طالب حلف شمال الأطلسي بمزيد من الإنفاق.", "حلف شمال الأطلسي", "organization"),
    ("ذكرت صحيفة “نيويورك تايمز” أن المحادثات تعثرت.", "نيويورك تايمز", "media"),
    ("نقلت وكالة رويترز عن مصادر أن الصفقة اكتملت.", "وكالة رويترز", "media"),
    ("قالت قناة «الجزيرة» إن الاشتباكات تجددت.", "الجزيرة", "media"),
])
def test_organizations_and_media(text: str, value: str, subkind: str) -> None:
    found = {f.value: f for f in kind(text, "organization")}
    assert value in found, list(found)
    assert found[value].subkind == subkind


def test_ordinary_word_media_need_context() -> None:
    assert kind("عاد الصيادون إلى الجزيرة مساءً.", "organization") == []
    assert kind("أعيد فتح السفارتين في غضون أشهر.", "organization") == []
    [paper] = kind('قال دبلوماسي تحدث لـ"الشرق الأوسط" إن الاتفاق صامد.', "organization")
    assert (paper.value, paper.subkind) == ("الشرق الأوسط", "media")


@pytest.mark.parametrize(("text", "value", "counts"), [
    ("قُتل 12 شخصًا في الهجوم.", "12", "شخصًا"),
    ("بلغت قيمة الصفقة 5 مليارات دولار.", "5000000000", "دولار"),
    ("ارتفع التضخم إلى 7.5% في أبريل.", "7.5", "%"),
    ("شارك ١٥٠ جنديًا في المناورات.", "150", "جنديًا"),
    ("يبلغ عدد السكان 1,200,000 نسمة.", "1200000", "نسمة"),
])
def test_numbers(text: str, value: str, counts: str) -> None:
    found = {f.value: f for f in kind(text, "number")}
    assert value in found, list(found)
    assert found[value].attrs["counts"] == counts


def test_list_item_numbers_are_not_numbers() -> None:
    """Blind round 6: blanks on `١-` and true/false statements "renumbered" tested nothing."""
    text = ("وأوضح التقرير ما يلي:\n١-أن النسبة الموزونة للطالبة 91.54.\n2- لم يثبت للجنة أي خطأ.\n"
            "3) أن الطالبة قبلت.\n12.5 مليون ريال قيمة المشروع.")
    assert sorted(f.value for f in kind(text, "number")) == ["12500000", "91.54"]


def test_numbers_inside_dates_are_not_numbers() -> None:
    assert kind("وقع الانفجار في 4 أغسطس 2020 في المرفأ.", "number") == []


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن “الدبلوماسية هي الطريق الوحيد”.",
     "الدبلوماسية هي الطريق الوحيد", "أنتوني بلينكن"),
    ("أكد الرئيس التركي رجب طيب أردوغان أن «تركيا لن تسمح بأي تهديد لحدودها».",
     "تركيا لن تسمح بأي تهديد لحدودها", "رجب طيب أردوغان"),
    ("أعلن الرئيس الفرنسي إيمانويل ماكرون خلال لقاء مع نظيره المصري عبد الفتاح السيسي "
     "أن “باريس ستدعم المبادرة بكل قوة”.", "باريس ستدعم المبادرة بكل قوة", "إيمانويل ماكرون"),
])
def test_quotes_with_speaker(text: str, quote: str, speaker: str) -> None:
    [fact] = kind(text, "quote")
    assert fact.value == quote
    assert fact.attrs["speaker_name"] == speaker
    assert fact.attrs["speaker"] == f"person:{speaker.replace(' ', '-')}"
    m = fact.mentions[0]
    assert text[m.start:m.end] == quote


def test_scare_quotes_and_quoted_names_are_not_quotes() -> None:
    text = "وصف المسؤول الخطوة بـ”الشراكة العسكرية”، ونقلت صحيفة “وول ستريت جورنال” ذلك."
    assert kind(text, "quote") == []


def test_quote_without_a_named_speaker_has_no_speaker() -> None:
    [fact] = kind("قالت الصحيفة إن “المفاوضات وصلت إلى طريق مسدود تمامًا”.", "quote")
    assert "speaker" not in fact.attrs
