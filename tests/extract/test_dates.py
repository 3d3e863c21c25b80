"""Date conventions of Arabic news, one parametrized row per form (several sentences each).

Sentences are written for these tests in the style of Reuters Arabic, Al Jazeera, Hespress,
Al-Ahram and Asharq Al-Awsat; none comes from the seed article.
"""

from __future__ import annotations

from datetime import date

import pytest

from studykit.extract import extract
from studykit.models import Fact

PUB = date(2024, 5, 15)  # a Wednesday


def dates(text: str, published: date | None = PUB) -> list[Fact]:
    return [f for f in extract(text, published) if f.kind.value == "date"]


def values(text: str, published: date | None = PUB) -> set[str | None]:
    return {f.value for f in dates(text, published)}


@pytest.mark.parametrize(("text", "expected"), [
    # day month year, Egyptian/Gulf month names
    ("وقّع الطرفان الاتفاق في 12 فبراير 2019 بالعاصمة المصرية.", "2019-02-12"),
    ("أعلنت الوزارة يوم 3 يونيو 2020 عن حزمة إجراءات جديدة.", "2020-06-03"),
    ("انطلقت القمة الأحد 5 نوفمبر 2023 بمشاركة عشرين دولة.", "2023-11-05"),
    ("صدر المرسوم بتاريخ 1 يوليو 2021م وبدأ العمل به فورًا.", "2021-07-01"),
    ("وفي 30 سبتمبر، 2015 أعلنت موسكو بدء عملياتها الجوية.", "2015-09-30"),
    # Egyptian spellings يونية/يوليه and إبريل
    ("تُجرى الانتخابات في 20 يونية 2018 وفق الجدول المعلن.", "2018-06-20"),
    ("افتتح المشروع في 23 يوليه 2022 بحضور الرئيس.", "2022-07-23"),
    ("ألقى خطابه في 7 إبريل 2017 أمام البرلمان.", "2017-04-07"),
    # Levantine month names
    ("اندلعت الاحتجاجات في 17 تشرين الأول 2019 في بيروت.", "2019-10-17"),
    ("عُقد المؤتمر في 9 كانون الثاني 2020 في دمشق.", "2020-01-09"),
    ("صدر القرار في 4 آب 2020 بعد انفجار المرفأ.", "2020-08-04"),
    ("أُعلنت الهدنة في 2 نيسان 2022 لمدة شهرين.", "2022-04-02"),
    ("جرت الانتخابات في 15 أيار 2022 في لبنان.", "2022-05-15"),
    ("وقعت الهزة في 6 شباط 2023 وضربت جنوب تركيا.", "2023-02-06"),
    # Maghrebi month names
    ("أجريت الانتخابات التشريعية يوم 8 شتنبر 2021 في المغرب.", "2021-09-08"),
    ("انعقد المجلس الحكومي يوم 14 دجنبر 2023 بالرباط.", "2023-12-14"),
    ("حلّ عيد الاستقلال يوم 18 نونبر 2022 وسط احتفالات.", "2022-11-18"),
    ("صادق البرلمان على القانون في 25 جويلية 2022 بتونس.", "2022-07-25"),
    ("انطلق الحراك في 22 فيفري 2019 في الجزائر.", "2019-02-22"),
    ("تنطلق الدورة في 5 أوت 2024 بمشاركة واسعة.", "2024-08-05"),
    # glossed pairs
    ("وصل الوفد يوم 14 أغسطس (آب) 2023 إلى العاصمة.", "2023-08-14"),
    ("انتهت المهلة في 21 آذار/مارس 2024 دون اتفاق.", "2024-03-21"),
    ("في 10 حزيران (يونيو) 2021 أعلنت الحكومة خطتها.", "2021-06-10"),
    # days in words
    ("في السابع عشر من أغسطس 2021 سيطرت الحركة على العاصمة.", "2021-08-17"),
    ("وُلد في الحادي والعشرين من مارس 1960 في القاهرة.", "1960-03-21"),
    ("بدأت العملية في الأول من سبتمبر 2022.", "2022-09-01"),
    ("يحتفل البلد في الثلاثين من يونيو 2023 بذكرى الاستقلال.", "2023-06-30"),
    # Arabic-Indic and Persian digits
    ("أُعلن الاتفاق في ١٥ مايو ٢٠٢٣ بعد مفاوضات طويلة.", "2023-05-15"),
    ("وقعت الحادثة في ٣ يناير ٢٠٢٠ قرب المطار.", "2020-01-03"),
    ("نُشر التقرير في ۲۸ ژوئن".replace(" ژوئن", " أكتوبر ۲۰۲۲"), "2022-10-28"),
])
def test_day_month_year(text: str, expected: str) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("تنعقد القمة العربية الطارئة في الرياض يوم 11/11/2023 بحضور القادة.", "2023-11-11"),
    ("صدر القرار بتاريخ 5-3-2024 وبدأ تطبيقه فورًا.", "2024-03-05"),
    ("نُشر التقرير في 2022-10-28 على موقع الوزارة.", "2022-10-28"),
    ("انتهت المهلة في ٣١/١٢/٢٠٢٢ دون تمديد.", "2022-12-31"),
])
def test_numeric_dates_day_first(text: str, expected: str) -> None:
    assert values(text) == {expected}


def test_impossible_numeric_date_is_ignored() -> None:
    assert values("رقم الملف 31/02/2023 في الأرشيف.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("تولى منصبه في أغسطس 2021 خلفًا لسلفه.", "2021-08"),
    ("تراجعت الصادرات في ديسمبر 2019 بنسبة كبيرة.", "2019-12"),
    ("في شهر مارس من عام 2020 أُغلقت الحدود.", "2020-03"),
    ("ارتفع التضخم في تشرين الثاني 2022 إلى مستوى قياسي.", "2022-11"),
    ("بدأ العمل بالقانون في يناير من العام 2018.", "2018-01"),
])
def test_month_year(text: str, expected: str) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("أُبرم الاتفاق النووي عام 2015 بين إيران والقوى الكبرى.", "2015"),
    ("وفقًا لإحصاءات لعام 2022 تضاعف عدد اللاجئين.", "2022"),
    ("تأسست الشركة سنة 1998 في دبي.", "1998"),
    ("ما زالت آثار الأزمة المالية منذ 2008 واضحة.", "2008"),
    ("نجحت الخطة في العام 2019 في خفض العجز.", "2019"),
])
def test_year_that_dates_an_event(text: str, expected: str) -> None:
    assert expected in values(text)


def test_hijri_date_and_its_gregorian_equivalent_are_one_fact() -> None:
    text = "عقد المجلس جلسته يوم الثلاثاء 7 ربيع الآخر 1446هـ الموافق 10 أكتوبر 2024م في الرياض."
    facts = [f for f in dates(text) if f.value == "2024-10-10"]
    assert len(facts) == 1 and len(facts[0].mentions) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("توفي في 12 رمضان 1444 هـ بعد صراع مع المرض.", "2023-04-03"),
    ("صدر الأمر الملكي في 1 محرم 1445هـ.", "2023-07-19"),
    ("أقيم الحفل يوم 10 ذو الحجة 1443 هـ في مكة.", "2022-07-09"),
])
def test_hijri_dates_are_converted(text: str, expected: str) -> None:
    facts = dates(text)
    assert expected in {f.value for f in facts}
    assert any(f.attrs.get("calendar") == "hijri" for f in facts)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("تُعقد الدورة بين 6 و18 نوفمبر 2022 في شرم الشيخ.", "2022-11-06", "2022-11-18"),
    ("يستمر المعرض من 3 إلى 9 مارس 2024 في الرياض.", "2024-03-03", "2024-03-09"),
    ("تمت الدراسة بين عامي 2015 و2020 على عينة كبيرة.", "2015", "2020"),
])
def test_ranges(text: str, start: str, end: str) -> None:
    fact = next(f for f in dates(text) if f.value == start)
    assert fact.attrs["end"] == end


@pytest.mark.parametrize(("text", "expected"), [
    ("يزور الوزير باريس في 29 مايو الجاري لبحث الملف.", "2024-05-29"),
    ("قُتل ثلاثة جنود في هجوم وقع في 2 مايو الحالي.", "2024-05-02"),
    ("توقفت المفاوضات في أغسطس الماضي دون نتيجة.", "2023-08"),
    ("أعلنت الحكومة في فبراير الماضي خطة تقشف.", "2024-02"),
    ("تنطلق الانتخابات في سبتمبر المقبل وسط توتر.", "2024-09"),
    ("اندلعت الحرب في فبراير من العام الماضي.", "2023-02"),
    ("ستفتتح المحطة في يناير من العام المقبل.", "2025-01"),
    ("تراجع النمو العام الماضي إلى أدنى مستوياته.", "2023"),
    ("تتوقع الحكومة نموًا أكبر خلال العام الجاري.", "2024"),
    ("وقعت اشتباكات خلال الشهر الجاري في المنطقة.", "2024-05"),
    ("ارتفعت الأسعار الشهر الماضي بنسبة 3%.", "2024-04"),
    ("وقّع البلدان اتفاقية تعاون قبل عامين.", "2022"),
    ("غادر البلاد قبل ثلاث سنوات ولم يعد.", "2021"),
    ("أعلن المتحدث أمس أن المحادثات ستستأنف.", "2024-05-14"),
    ("التقى الرئيس وفدًا برلمانيًا يوم الأحد في القصر.", "2024-05-12"),
    ("ستعقد القمة الخميس المقبل في العاصمة.", "2024-05-16"),
    ("وصل الوفد يوم الاثنين إلى المطار.", "2024-05-13"),
    ("وصل الوزير إلى بيروت مساء الاثنين قادمًا من باريس.", "2024-05-13"),
    ("وصل الضيف مساء أمس السبت إلى القاهرة.", "2024-05-11"),
    ("التقى الرئيس، الجمعة، وفدًا من رجال الأعمال.", "2024-05-10"),  # between commas
    ("استقبل رئيس الجمهورية، اليوم الاثنين، السفيرة الأمريكية.", "2024-05-13"),
    ("أعلن موافقته على هدنة تبدأ صباح السبت المقبل.", "2024-05-18"),
    ("أعلن موافقته على هدنة تبدأ صباح السبت.", "2024-05-18"),  # a future verb before it
    ("قال الكرملين إن الرئيس سيزور بكين يوم الخميس.", "2024-05-16"),
])
def test_relative_dates_resolve_against_publication(text: str, expected: str) -> None:
    facts = dates(text)
    fact = next((f for f in facts if f.value == expected), None)
    assert fact is not None, [(f.text, f.value) for f in facts]
    assert fact.relative


@pytest.mark.parametrize("text", [
    "توقفت المفاوضات في أغسطس الماضي دون نتيجة.",
    "وقّع البلدان اتفاقية تعاون قبل عامين.",
    "أعلن المتحدث أمس أن المحادثات ستستأنف.",
])
def test_relative_dates_without_publication_have_no_value(text: str) -> None:
    facts = dates(text, published=None)
    assert facts and all(f.value is None and f.relative for f in facts)
    assert all(f.id.startswith("date:") for f in facts)


@pytest.mark.parametrize("text", [
    "مارس الضغوط على خصومه طوال الحملة.",  # مارس is a verb here
    "زار قبر آب له في القرية.",  # آب: father
    "اشترى سيارة نيسان جديدة الأسبوع الماضي.".replace(" الأسبوع الماضي", ""),  # a car
    "كان الاثنان في الجمعة الماضية يتحدثان عن الأمر.".replace(" الماضية", ""),
    "قال إن الاثنين اتفقا على الخطوط العريضة.",  # الاثنين: the two
    "بلغ عدد الضحايا 2015 شخصًا.",  # a count, not a year
    "منذ سنوات والوضع على حاله.",  # too vague to date
    "خلال الأشهر الماضية تراجعت الاستثمارات.",
])
def test_ordinary_words_and_vague_phrases_are_not_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize("text", [
    "افتتح المعرض في أغسطس دون ضجة.",  # no year, no relative word
    "وصلت الشحنة في شهر سبتمبر.",
])
def test_a_month_without_year_or_publication_date_is_no_date(text: str) -> None:
    assert dates(text, published=None) == []


@pytest.mark.parametrize(("text", "expected"), [
    # No year in the story: the latest such month not after publication (PUB: 15 May 2024).
    ("افتتح المعرض في أغسطس دون ضجة.", {"2023-08"}),
    ("وصلت الشحنة في شهر فبراير.", {"2024-02"}),
    ("افتتح المطعم أبوابه في أبريل (نيسان) بالمباشرة.", {"2024-04"}),
    # The story gives the month's year elsewhere: that year, not the publication's.
    ("يغادر منصبه في 26 شباط (فبراير) 2016. ويرغب في مغادرة المنصب في فبراير.",
     {"2016-02-26", "2016-02"}),
    # A month the sentence counts, not a date: no preposition, no gloss.
    ("قال إن أغسطس شهر حار.", set()),
])
def test_a_bare_month_takes_its_year_from_the_story(text: str, expected: set[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("بدأ الغزو في 24 فبراير 2022، وجرت مفاوضات في مارس/آذار من العام نفسه.", "2022-03"),
    ("تأسست الرابطة عام 1945، وانضمت إليها مصر في العام نفسه.", "1945"),
])
def test_same_year_takes_the_year_written_before(text: str, expected: str) -> None:
    for published in (PUB, None):
        fact = next(f for f in dates(text, published) if f.value == expected)
        assert len(fact.mentions) >= 1


def test_day_month_without_year_resolves_to_the_nearest_occurrence() -> None:
    fact = dates("بدأت المحادثات في 2 مايو في الدوحة.")[0]
    assert (fact.value, fact.relative) == ("2024-05-02", True)
    assert dates("بدأت المحادثات في 2 مايو في الدوحة.", published=None)[0].value is None


def test_one_fact_per_value_with_every_mention() -> None:
    text = "في 10 مارس 2023 اتفقا. وفي 10 مارس 2023 أيضًا أُعلن البيان."
    [fact] = dates(text)
    assert len(fact.mentions) == 2
    assert [text[m.start:m.end] for m in fact.mentions] == ["10 مارس 2023"] * 2
    assert fact.subkind == "day"


def test_surface_excludes_clitic_and_keeps_diacritics() -> None:
    text = "الاتفاق النووي لعام 2015 ما زال قائمًا."
    [fact] = dates(text)
    assert fact.text == "عام 2015"
