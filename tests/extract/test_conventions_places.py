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
    ("وأعيد فتح معبر جابر الحدودي أمام الشاحنات.", "جابر", "site", ""),
    ("ورست السفينة في ميناء جيهان التركي.", "جيهان", "site", ""),
    ("وبدأ الإنتاج من حقل ليفياثان للغاز.", "ليفياثان", "site", ""),
    ("ووصلت الشاحنات إلى معبر كرم أبو سالم صباحا.", "كرم أبو سالم", "site", ""),
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
])
def test_not_places(text: str, absent: str) -> None:
    assert absent not in places(text)
