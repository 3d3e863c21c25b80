"""Agreement names, alias merging and attributes, in sentences written for these tests."""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def deals(text: str) -> list[Fact]:
    return [f for f in extract(text) if f.kind.value == "agreement"]


def names(fact: Fact) -> set[str]:
    return {fact.value or "", fact.text, *fact.aliases}


@pytest.mark.parametrize(("text", "name"), [
    # Coordinated name nouns belong to the name (heldout3's annotator: `معاهدة الصداقة وحسن
    # الجوار والتعاون`); this row said `معاهدة الصداقة` before round 3.
    ("وقّع البلدان معاهدة الصداقة والتعاون في العاصمة.", "معاهدة الصداقة والتعاون"),
    ("دخلت اتفاقية التجارة الحرة حيز التنفيذ مطلع العام.", "اتفاقية التجارة الحرة"),
    ("وقّعت الوزارة مذكرة تفاهم مع شركة أجنبية لتطوير الميناء.", "مذكرة تفاهم"),
    ("أعادت القمة التأكيد على مبادرة السلام العربية كأساس للحل.", "مبادرة السلام العربية"),
    ("انسحبت واشنطن من الاتفاق النووي عام 2018.", "الاتفاق النووي"),
    ("أُعلن اتفاق وقف إطلاق النار بعد أسابيع من القتال.", "اتفاق وقف إطلاق النار"),
    ("يتمسك الطرفان باتفاقية أوسلو رغم الخلافات.", "اتفاقية أوسلو"),
    ("رحّبت الدول بالمبادرة الصينية لحل الأزمة.", "المبادرة الصينية"),
    ("تعمل الدول على تنفيذ اتفاق باريس للمناخ.", "اتفاق باريس"),
    ("شهد الزعيمان توقيع اتفاقية قرض بقيمة 300 مليون دولار.", "اتفاقية قرض"),
    ("وقّع الجانبان مذكرة تفاهم في مجال الطاقة الخضراء.",
     "مذكرة تفاهم في مجال الطاقة الخضراء"),
    ("أنهى اتفاق الطائف الموقع عام 1989 الحرب الأهلية.", "اتفاق الطائف"),
    ("وافق الطرفان على هدنة إنسانية لمدة 72 ساعة.", "هدنة إنسانية"),
    ("جاء ذلك استجابة لمبادرة سعودية أمريكية مشتركة.", "مبادرة سعودية أمريكية مشتركة"),
    ('انتهت الجولة بتوقيع "إعلان جدة" لحماية المدنيين.', "إعلان جدة"),
    ("تسعى الدوحة إلى صفقة لتبادل الأسرى بين الطرفين.", "صفقة لتبادل الأسرى"),
    ("بحث الجانبان خارطة الطريق الأممية لإنهاء الحرب.", "خارطة الطريق الأممية"),
    ("فشلت اتفاقيات مينسك في وقف القتال في دونباس.", "اتفاقيات مينسك"),
    ("وقعت تونس مذكرة تفاهم حول الشراكة الاستراتيجية الشاملة مع الاتحاد الأوروبي.",
     "مذكرة تفاهم حول الشراكة الاستراتيجية الشاملة"),
    ("وافق المجلس على اتفاقية لتجنب الازدواج الضريبي مع الهند.",
     "اتفاقية لتجنب الازدواج الضريبي"),
])
def test_named_agreements(text: str, name: str) -> None:
    found = deals(text)
    assert any(name in names(f) for f in found), [names(f) for f in found]


@pytest.mark.parametrize("text", [
    "أكد الوزير أن الاتفاق يصب في مصلحة البلدين.",  # bare head: not a name
    "نقل المراسل إعلان الحكومة عن الموازنة.",  # إعلان: an announcement
    "وضعت الوزارة خطة لتطوير التعليم.",  # خطة: a plan
    "تكتسب هذه الاتفاقية أهمية خاصة للطرفين.",
    "وقّعت الدولتان اتفاقيات اقتصادية أخرى.",  # a plural is no name
])
def test_not_agreements(text: str) -> None:
    assert deals(text) == []


def test_quoted_name_after_a_head() -> None:
    [fact] = deals('أكد المجلس دعم المملكة لمبادرة "الشرق الأوسط الأخضر" التي أطلقتها.')
    assert fact.value == 'مبادرة "الشرق الأوسط الأخضر"'
    assert "status" not in fact.attrs
    assert [f for f in extract('دعم مبادرة "الشرق الأوسط الأخضر" واضح.')
            if f.kind.value == "quote"] == []


def test_bracket_gloss_merges_aliases() -> None:
    text = ("ناقش الطرفان خطة العمل الشاملة المشتركة (الاتفاق النووي لعام 2015) مطولًا. "
            "وقال إن الاتفاق النووي ما زال قائمًا.")
    [fact] = deals(text)
    assert fact.value == "الاتفاق النووي"
    assert {"خطة العمل الشاملة المشتركة", "الاتفاق النووي لعام 2015"} <= names(fact)
    assert fact.attrs["date"] == "2015"


def test_same_duration_merges_and_is_recorded() -> None:
    text = ("تسعى الدولتان إلى اتفاقية شراكة شاملة لمدة 25 عامًا. "
            "وتتضمن اتفاقية الـ 25 عامًا استثمارات ضخمة.")
    [fact] = deals(text)
    assert fact.attrs["duration"] == "25 عامًا"
    assert len(fact.mentions) == 2


@pytest.mark.parametrize(("text", "status"), [
    ("وقّع الجانبان اتفاقية تعاون عسكري في الرياض.", "signed"),
    ("أعدّ الطرفان مسودة اتفاقية تجارية بين البلدين.", "draft"),
    ("تعثرت اتفاقية التجارة الحرة بسبب الخلافات.", "stalled"),
    ("اقترب البلدان من توقيع اتفاق تعاون استراتيجي.", "pending"),
])
def test_status(text: str, status: str) -> None:
    [fact] = deals(text)
    assert fact.attrs["status"] == status


def test_parties_from_nationality_adjectives() -> None:
    [fact] = deals("رحّب المجلس بالاتفاق المصري القطري الأخير.")
    assert fact.attrs["parties"] == "مصر، قطر"
    assert fact.value == "الاتفاق المصري القطري"


def test_distinct_agreements_stay_apart() -> None:
    text = "وقّع البلدان اتفاقية تعاون سيبراني واتفاقية تعاون زراعي في اليوم نفسه."
    assert len(deals(text)) == 2
