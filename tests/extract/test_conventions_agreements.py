"""Agreements: news conventions added after the held-out evaluation, one row per convention.

Sentences written for this file (none from the seed, dev or held-out articles).
"""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def deals(text: str) -> list[Fact]:
    return [f for f in extract(text) if f.kind.value == "agreement"]


@pytest.mark.parametrize(("text", "name"), [
    # an organisation's name, then its complement (ل + verbal noun + definite noun)
    ("وانضمت البلاد إلى اتفاقية الأمم المتحدة لمكافحة الفساد قبل عقدين.",
     "اتفاقية الأمم المتحدة لمكافحة الفساد"),
    # ... followed by `لعام YYYY`, kept out of the name and recorded as the date
    ("وتستند المطالب إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة لعام 2000.",
     "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة"),
    # an indefinite head with a purpose of several words
    ("ووقع البلدان اتفاقية لتطوير شبكات النقل البحري في المنطقة.",
     "اتفاقية لتطوير شبكات النقل البحري"),
    # a plain-word head (مبادرة) with a nisba adjective and a purpose, ل before a verb form
    ("وأطلقت الوزارة مبادرة وطنية لدعم المزارعين الصغار في الجنوب.",
     "مبادرة وطنية لدعم المزارعين الصغار"),
    # an accusative head with alif (إعلانًا) and a topic after بشأن
    ("وأصدر المجتمعون إعلانا بشأن الأمن الغذائي في ختام القمة.", "إعلانا بشأن الأمن الغذائي"),
    # a named initiative whose name holds a place of several words
    ("ويندرج المشروع ضمن مبادرة البحر الأحمر النظيف التي أعلنت أمس.",
     "مبادرة البحر الأحمر النظيف"),
    # inside «» quotes, a form-II verbal noun governed by the head (تصدير, not a verb)
    ("ودعا الوزير إلى «تفعيل اتفاقية تصدير الغاز الموقعة عام 2015» دون تأخير.",
     "اتفاقية تصدير الغاز"),
    ("وتنص اتفاقية تعيين الحدود البحرية على تقاسم الموارد.", "اتفاقية تعيين الحدود البحرية"),
    # an active participle's complement with لل belongs to the name
    ("ووقعت الدول الثلاث اتفاقية الربط الكهربائي العابر للحدود.",
     "اتفاقية الربط الكهربائي العابر للحدود"),
    ("وأعلنت الشركتان خطة العمل المشتركة العابرة للقارات.",
     "خطة العمل المشتركة العابرة للقارات"),
    # plural memoranda with no name of their own are named by whom they were signed with
    ("ودعا المجلس إلى تفعيل مذكرات التفاهم الموقعة مع اليابان العام الماضي.",
     "مذكرات التفاهم الموقعة مع اليابان"),
    # `الخاصة ب...` says what the text is about, an improper idafa included
    ("وتنص الاتفاقية الخاصة بالنقل البحري السريع على خفض الرسوم.",
     "الاتفاقية الخاصة بالنقل البحري السريع"),
    ("وعدلت مذكرة التفاهم الخاصة بالقطار عالي السرعة العام الماضي.",
     "مذكرة التفاهم الخاصة بالقطار عالي السرعة"),
    # two coordinated verbal nouns in a purpose
    ("ووقعت الوزارة اتفاقية لتطوير وتحديث الموانئ مع شركة صينية.",
     "اتفاقية لتطوير وتحديث الموانئ"),
    # an implementation matrix is a signed text of its own
    ("واتفق الجانبان على مصفوفة تنفيذ الترتيبات الأمنية خلال شهر.",
     "مصفوفة تنفيذ الترتيبات الأمنية"),
    # a definite cardinal counts a set of texts
    ("وتعثر تنفيذ الاتفاقيات الاقتصادية الخمس بسبب الخلافات.", "الاتفاقيات الاقتصادية الخمس"),
    # an indefinite participle adjective after an indefinite name
    ("ويسعى الوسطاء إلى اتفاق نووي مؤقت قبل نهاية العام.", "اتفاق نووي مؤقت"),
    # ... but not one that only comments on it (`مرتقب`, whose definite form closes names)
    ("ويتوقع المراقبون اتفاق تهدئة مرتقب خلال أيام.", "اتفاق تهدئة"),
    # a purpose inside the purpose (ل + verbal noun + noun + ل + verbal noun + ...), then
    # the known place after ب that locates it
    ("ووقع الطرفان اتفاقية شراكة لإنشاء مصنع لإنتاج الأسمدة بأسوان أمس.",
     "اتفاقية شراكة لإنشاء مصنع لإنتاج الأسمدة بأسوان"),
    ("وأبرمت الحكومة اتفاقية لتطوير ميناء لتصدير الفوسفات في الجنوب.",
     "اتفاقية لتطوير ميناء لتصدير الفوسفات"),
])
def test_agreement_names(text: str, name: str) -> None:
    found = {f.value for f in deals(text)}
    assert name in found, found


def test_parties_between_head_and_purpose() -> None:
    # the cabinet-decision style: `اتفاقية بين حكومة ... وحكومة ... لـ...`
    [deal] = deals("ووافق المجلس على اتفاقية بين حكومة المملكة الأردنية الهاشمية وحكومة "
                   "جمهورية العراق لتشجيع الاستثمارات المتبادلة.")
    assert deal.value == "اتفاقية لتشجيع الاستثمارات المتبادلة"
    assert deal.attrs["parties"] == "الأردن، العراق"


def test_parties_places_stay_places() -> None:
    places = {f.value for f in extract("ووافق المجلس على اتفاقية بين حكومة المملكة الأردنية "
                                       "وحكومة جمهورية العراق للتعاون الجمركي.")
              if f.kind.value == "place"}
    assert {"الأردن", "العراق"} <= places


def test_generic_names_with_different_partners_stay_apart() -> None:
    found = deals("ووقعت تونس مذكرة تفاهم مع الجانب الإيطالي في مجال الطاقة. كما وقعت مذكرة "
                  "تفاهم مع الجزائر لنقل الكهرباء. وتنص مذكرة تفاهم على تبادل الخبرات.")
    assert [f.value for f in found] == ["مذكرة تفاهم", "مذكرة تفاهم"]
    assert [f.attrs.get("parties") for f in found] == ["إيطاليا", "الجزائر"]
    assert found[0].id != found[1].id
    assert [len(f.mentions) for f in found] == [1, 2]  # the last, naming no one, joins the last


def test_a_shared_word_does_not_merge_different_heads() -> None:
    found = deals("وأقرت القمة إعلانا بشأن التصحر. وطرحت المملكة مبادرة دولية لمكافحة التصحر.")
    assert len(found) == 2


def test_the_partner_of_named_memoranda_stays_a_place() -> None:
    text = "وطالب النائب بتنفيذ مذكرات التفاهم الموقعة مع اليابان."
    assert [f.attrs.get("parties") for f in deals(text)] == ["اليابان"]
    assert "اليابان" in {f.value for f in extract(text) if f.kind.value == "place"}


@pytest.mark.parametrize("text", [
    "قدّم الوزير إعلانا عن المناقصة الجديدة.",
    "وبحث الجانبان خطة عاجلة لإعادة الإعمار.",
    "ووقع الجانبان اتفاقية بين وزارتي الصحة في البلدين.",
    # a truce described as in force (`السارية`) has no name
    "ورحب المجلس بتمديد الهدنة السارية في البلاد.",
])
def test_not_agreements(text: str) -> None:
    assert deals(text) == []
