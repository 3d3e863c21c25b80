"""Places: news conventions added after the held-out evaluation, one row per convention.

Sentences written for this file (none from the seed, dev or held-out articles).
"""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def places(text: str) -> dict[str, Fact]:
    return {f.value or "": f for f in extract(text) if f.kind.value == "place"}


@pytest.mark.parametrize(("text", "value", "subkind", "country"), [
    # a capital named like its country, told apart by العاصمة after it
    ("وصل الوفد إلى الكويت العاصمة مساء أمس.", "الكويت العاصمة", "city", "الكويت"),
    ("وانطلقت المسيرة من تونس العاصمة نحو الجنوب.", "تونس العاصمة", "city", "تونس"),
    # Amman (عمّان, shadda on the mim) and Oman (عُمان, سلطنة عمان) fold alike
    ("وتوجه الوزير إلى عمّان للقاء نظيره.", "عمّان", "city", "الأردن"),
    ("وعُقد الاجتماع في عمان، العاصمة الأردنية، بحضور الطرفين.", "عمّان", "city", "الأردن"),
    ("وزار المبعوث سلطنة عمان الأسبوع الماضي.", "عُمان", "country", ""),
    ("وتربط عُمان علاقات متوازنة بجيرانها.", "عُمان", "country", ""),
    # cities from the extended curated list
    ("وعُقدت الجولة الثالثة في كيغالي برعاية أفريقية.", "كيغالي", "city", "رواندا"),
    ("وتعرضت منشآت في ورقلة لعاصفة رملية.", "ورقلة", "city", "الجزائر"),
    ("ووصلت القافلة إلى زحلة صباح اليوم.", "زحلة", "city", "لبنان"),
    # named sites after a site word: a crossing, a port, a field
    ("وأعيد فتح معبر جابر الحدودي أمام الشاحنات.", "معبر جابر", "site", ""),
    ("ورست السفينة في ميناء جيهان التركي.", "جيهان", "site", ""),
    ("وبدأ الإنتاج من حقل ليفياثان للغاز.", "ليفياثان", "site", ""),
    ("ووصلت الشاحنات إلى معبر كرم أبو سالم صباحا.", "معبر كرم أبو سالم", "site", ""),
    # crossings and camps keep their word, even before a known town (`معبر رفح` is no `رفح`)
    ("وأغلقت مصر معبر رفح أمام المسافرين.", "معبر رفح", "site", ""),
    ("ونزح السكان نحو مخيم النصيرات وسط القطاع.", "مخيم النصيرات", "city", ""),
    ("وتفقد الوفد بمخيم عين الحلوة أوضاع السكان.", "مخيم عين الحلوة", "city", ""),
    ("وتظاهر المئات في مخيم الدهيشة جنوب بيت لحم.", "مخيم الدهيشة", "city", ""),
    # towns, districts and regions a general reader knows (curated list, round 4)
    ("واندلعت مواجهات في حي الشجاعية شرق المدينة.", "الشجاعية", "city", "فلسطين"),
    ("وتفقد الوزير مشروعا في شقلاوة شمال أربيل.", "شقلاوة", "city", "العراق"),
    ("وافتتح ملعب جديد في الوكرة جنوب الدوحة.", "الوكرة", "city", "قطر"),
    ("وتتواصل أشغال الطريق بين تيزنيت وطرفاية.", "طرفاية", "city", "المغرب"),
    ("وأعلنت جهة كلميم واد نون عن مشاريع جديدة.", "كلميم واد نون", "region", ""),
    ("وشنت القوات هجوما على الحويجة غرب كركوك.", "الحويجة", "city", "العراق"),
    ("وتراجعت الهجمات في الأنبار خلال العام.", "الأنبار", "region", ""),
    # a city that is also a word, taken with a place cue: a preposition, a place word or a
    # neighbouring place
    ("وحل الملك بالعيون أمس في زيارة رسمية.", "العيون", "city", "المغرب"),
    ("وعقد المنتدى بمدينة الداخلة جنوب المملكة.", "الداخلة", "city", "المغرب"),
    ("وتقع الملاعب في لوسيل والريان شمال العاصمة.", "الريان", "city", "قطر"),
    # GeoNames cities (data/geonames_cities.tsv) behind the curated list
    ("وافتتح الوزير مصنعا جديدا في سطات الأسبوع الماضي.", "سطات", "city", "المغرب"),
    ("وشهدت بلبيس احتجاجات على انقطاع المياه.", "بلبيس", "city", "مصر"),
    ("وتوقف القطار في نواذيبو قبل أن يواصل رحلته.", "نواذيبو", "city", "موريتانيا"),
    # GeoNames' `الجزائر العاصمة` (a city named like its country) leaves العاصمة to decide
    ("ونظمت مسيرة في الجزائر العاصمة أمس.", "الجزائر العاصمة", "city", "الجزائر"),
    # a curated spelling wins over GeoNames' other spelling of one city
    ("وحطت الطائرة في مطار أكادير صباح اليوم.", "أغادير", "city", "المغرب"),
    # a definite name in ـية after an indefinite place word (`منطقة حدودية` is no place)
    ("وسقطت قذيفة على منطقة الكرخية شمال المدينة.", "الكرخية", "region", ""),
    ("ونقل الجرحى إلى مستشفى في بلدة العباسية.", "العباسية", "city", ""),
    # two-word names opened by a construct word after a place word
    ("وزار المحافظ قضاء ذي الكفل وناحية أخرى.", "ذي الكفل", "region", ""),
    ("وتدفقت المياه في ولاية أعالي البحيرات بعد الأمطار.", "أعالي البحيرات", "region", ""),
    ("وشيعت جنازة الشاب في قرية بيت أمر جنوبا.", "بيت أمر", "city", ""),
    # a dual place word names two places
    ("وتتقاسم الشركتان إنتاج حقلي الأحدب والحلفاية منذ سنوات.", "الأحدب", "site", ""),
    ("وتتقاسم الشركتان إنتاج حقلي الأحدب والحلفاية منذ سنوات.", "الحلفاية", "site", ""),
    # a town told by the nationality adjective after it
    ("ووقع الطرفان الاتفاق في أروشا التنزانية عام 1993.", "أروشا", "city", "تنزانيا"),
    # a route joins two places with a dash
    ("وأعيد فتح طريق حسياء – حمص أمام المدنيين.", "حسياء", "city", ""),
    ("وأعيد فتح طريق تلكلخ – حمص أمام المدنيين.", "تلكلخ", "city", "سوريا"),
    # a place located in a region
    ("ونقلت القطع الأثرية من أوروك في محافظة المثنى إلى بغداد.", "أوروك", "city", ""),
    # a historical region
    ("وتعد حضارات بلاد الرافدين من أقدم الحضارات.", "بلاد الرافدين", "region", ""),
])
def test_place_conventions(text: str, value: str, subkind: str, country: str) -> None:
    found = places(text)
    assert value in found, list(found)
    assert found[value].subkind == subkind
    assert found[value].attrs.get("country", "") == country


@pytest.mark.parametrize(("text", "absent"), [
    # a site word before a common noun, an adjective or a direction names nothing
    ("ويعد هذا أكبر حقل غاز في المنطقة.", "غاز"),
    ("وأغلقت السلطات معبر حدودي في الشمال.", "حدودي"),
    ("وطالب بتفعيل ممر شمال-جنوب التجاري.", "شمال"),
    # a country not followed by العاصمة stays the country
    ("وزار الوزير الكويت أمس.", "الكويت العاصمة"),
    # GeoNames names that are also words or given names are filtered out
    ("وأكد بشار أن الموقف لم يتغير.", "بشار"),
    # a city that is also a word, without a place cue
    ("ودمعت العيون حين أعلن الخبر.", "العيون"),
    ("وارتفعت أسعار السلع الداخلة إلى السوق.", "الداخلة"),
    ("وقال الريان إن الفريق مستعد.", "الريان"),
    ("وقال القائم بأعمال السفير إن السفارة مفتوحة.", "القائم"),
    # a camp word before a common noun or a pronoun-suffixed word names nothing
    ("ويعيش الآلاف في مخيمات اللاجئين منذ عقود.", "اللاجئين"),
    ("وتضم المحافظة ثمانية مخيمات أكبرها مخيم جباليا.", "أكبرها"),
    ("وأقيم مخيم النازحين قرب الحدود.", "مخيم النازحين"),
    ("وقال جمال إن الاتفاق قريب.", "جمال"),
    ("ويرى المحلل أن الأزمة ينبع من غياب الثقة.", "ينبع"),
    ("وأعلن البيت الأبيض أمس موقفه.", "الأبيض"),
    # an indefinite adjective after a place word, and a dual of common nouns
    ("وأقامت القوات منطقة عازلة على الحدود.", "عازلة"),
    ("ويشمل العقد تطوير حقلي النفط والغاز.", "النفط"),
    # a nationality adjective after a common noun, not a town
    ("وشارك في الحكومة الكينية ممثلون عن المعارضة.", "الحكومة"),
])
def test_not_places(text: str, absent: str) -> None:
    assert absent not in places(text)
