"""Round-3 rule families, each tested on members OTHER than the ones heldout3 showed.

heldout3 (tests/data/heldout3/) exposed `سيعقد` after a name, `اللاعب`/`الطبيب`/`المدرب`
before one, `أيمن الصاوي` with no title, `الدرزي`/`الجنوبي` taken for names, `حاسما` after a
name, `وحسن الجوار والتعاون` and `بشأن عدم الاعتداء` cut from agreement names, `سردينيا`,
`بني صاف`, `جنوب كردفان` missed, `زواره`/`رقة`/`الرباط` (ligament) taken for places, and
`بين 2022 و2026`. Every sentence below was written for this file and uses other verbs,
occupations, given names, adjectives, nouns, towns and years of the same family, so that the
rules are shown to cover the family rather than the phrasing.
"""

from __future__ import annotations

from datetime import date

import pytest

from studykit.extract import extract
from studykit.models import Fact

PUBLISHED = date(2024, 5, 1)


def found(text: str, kind: str) -> dict[str, Fact]:
    return {f.value or "": f for f in extract(text, PUBLISHED) if f.kind.value == kind}


# Family 1: a future verb (س + ي/ت/ن + stem) ends a name; names opened by سي/ست survive.
@pytest.mark.parametrize(("text", "name"), [
    ("أعلن الناطق باسم الحكومة أن رئيس الوزراء فوميو كيشيدا سيزور القاهرة الشهر المقبل.",
     "فوميو كيشيدا"),
    ("وقالت الخارجية إن الوزيرة أنالينا بيربوك ستلتقي نظيرها في عمان.", "أنالينا بيربوك"),
    ("وأضاف أن الرئيس عبد المجيد تبون سيوقع المرسوم قريبا.", "عبد المجيد تبون"),
    ("وذكر البيان أن المبعوث الأممي هانس غروندبرغ سيناقش الملف مع الأطراف.", "هانس غروندبرغ"),
    ("ورجحت المصادر أن الرئيس رجب طيب أردوغان سيعلن ترشحه.", "رجب طيب أردوغان"),
    ("وأكد أن وزير الخارجية سامح شكري ستبحث حكومته المقترح.", "سامح شكري"),
    # names that open with سي/ست are not verbs
    ("وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة.", "سيرغي لافروف"),
    ("وقال المبعوث الأمريكي ستيفن هادلي إن واشنطن تدعم الحوار.", "ستيفن هادلي"),
])
def test_future_verb_ends_name(text: str, name: str) -> None:
    people = found(text, "person")
    assert name in people, list(people)


@pytest.mark.parametrize("text", [
    "وأوضح الطبيب أن اللاعب سيغيب عن الملاعب ثلاثة أسابيع.",
    "وقال المدرب إن الفريق سيواجه خصما قويا.",
])
def test_future_verb_is_no_name(text: str) -> None:
    assert found(text, "person") == {}


# Family 2a: occupation and party-role nouns introduce a name.
@pytest.mark.parametrize(("text", "name", "role"), [
    ("وقال الكاتب إلياس خوري إن الرواية تعكس الحرب.", "إلياس خوري", "الكاتب"),
    ("وانتقد الصحفي عمرو أديب القرار في برنامجه.", "عمرو أديب", "الصحفي"),
    ("وغنت الفنانة أنغام في افتتاح المهرجان مع الفنان محمد منير.", "محمد منير", "الفنان"),
    ("وقال المخرج يسري نصر الله إن الفيلم جاهز.", "يسري نصر الله", "المخرج"),
    ("وأكد المدرب حسام حسن أن المنتخب جاهز.", "حسام حسن", "المدرب"),
    ("وأعلن اللاعب محمد صلاح اعتزاله اللعب الدولي.", "محمد صلاح", "اللاعب"),
    ("وقالت المفوضة الأوروبية للشؤون الداخلية، إيلفا يوهانسون، إن الاتحاد سيتحرك.",
     "إيلفا يوهانسون", "المفوضة الأوروبية للشؤون الداخلية"),
    ("ورد رئيس تيار \"المستقبل\" سعد الحريري على الاتهامات.", "سعد الحريري",
     "رئيس تيار \"المستقبل"),
    ("وقال رجل الأعمال نجيب ساويرس إن الاستثمار سيزيد.", "نجيب ساويرس", "رجل الأعمال"),
    ("وقال الناشط الحقوقي جمال عيد إن المحاكمة غير عادلة.", "جمال عيد", "الناشط الحقوقي"),
    # a body's one-word name closing a title before a comma
    ("وقال الرئيس التنفيذي لأرامكو، أمين الناصر، إن الطلب سيرتفع.", "أمين الناصر",
     "الرئيس التنفيذي لأرامكو"),
    # a quoted party after a party role
    ("وقال رئيس حزب \"الكتائب\" سامي الجميل إن الجلسة باطلة.", "سامي الجميل",
     "رئيس حزب \"الكتائب"),
])
def test_occupation_introduces_name(text: str, name: str, role: str) -> None:
    people = found(text, "person")
    assert name in people, list(people)
    assert (people[name].role or "").startswith(role), people[name].role


# Family 2b: a common given name opens a person with no title.
@pytest.mark.parametrize(("text", "name"), [
    ("وقال هشام عبد الغفار في تصريح للصحفيين إن الوضع مستقر.", "هشام عبد الغفار"),
    ("وأوضحت رانيا المشاط أن التمويل تم توفيره.", "رانيا المشاط"),
    ("وأشار طارق عامر إلى أن الاحتياطي ارتفع.", "طارق عامر"),
    ("وقال جون بولتون في مقال نشره أمس إن الاتفاق سيئ.", "جون بولتون"),
    ("ورد وائل الدحدوح على الأسئلة.", "وائل الدحدوح"),
])
def test_given_name_opens_person(text: str, name: str) -> None:
    people = found(text, "person")
    assert name in people, list(people)
    assert people[name].role in ("", None)


@pytest.mark.parametrize("text", [
    "أقيم الحفل في جامعة محمد الخامس بالرباط.",  # a thing named after a person
    "انعقد المؤتمر في القاعة الكبرى للمعارض محمد السادس.",  # a definite noun before the name
    "هبطت الطائرة في مطار إسلام آباد الدولي.",  # a place
    "وقال إن جمال الطبيعة يجذب السياح.",  # جمال (beauty) is kept out of the list
    "وأكد أن حسن الجوار أساس العلاقة.",  # حسن (good) is kept out of the list
])
def test_given_name_is_no_person(text: str) -> None:
    assert found(text, "person") == {}, list(found(text, "person"))


# Family 3: sect/region adjectives, group nouns, و + place and accusative participles are
# not names or parts of names.
@pytest.mark.parametrize(("text", "name"), [
    # a region adjective after a counterpart, a plural one after a role
    ("وقع وزير الخارجية المصري ونظيره الشمالي علي يوسف الاتفاق.", "علي يوسف"),
    ("وقال كبير المفاوضين الشماليين إدريس عبد القادر إن الجولة انتهت.", "إدريس عبد القادر"),
    # coordinated places inside a posting
    ("وقال المبعوث الخاص إلى سوريا ولبنان جير بيدرسون إن الحل سياسي.", "جير بيدرسون"),
    # an accusative participle after a name
    ("ووصل الرئيس إيمانويل ماكرون قادما من باريس.", "إيمانويل ماكرون"),
    ("وغادر الوزير فؤاد حسين متوجها إلى أنقرة.", "فؤاد حسين"),
    ("وبقي موقف النائب سامي فتفت واضحا في الجلسة.", "سامي فتفت"),
])
def test_name_without_trailing_word(text: str, name: str) -> None:
    people = found(text, "person")
    assert name in people, list(people)


@pytest.mark.parametrize("text", [
    "وقال الزعيم الشيعي إن الحزب لن يشارك.",
    "وأكد الزعيم الكردي أن الإقليم سيصوت.",
    "وقال رئيس فريق التحقيق إن التقرير جاهز.",
    "وقال رئيس تيار المردة إن الترشيح قائم.",
])
def test_not_a_person(text: str) -> None:
    assert found(text, "person") == {}, list(found(text, "person"))


# Family 4: agreement names continue through topics, fields and coordinated name nouns.
@pytest.mark.parametrize(("text", "name"), [
    ("ووقع البلدان معاهدة الأخوة وحسن الجوار في الرباط.", "معاهدة الأخوة وحسن الجوار"),
    ("وجدد الطرفان اتفاقية الصداقة والتعاون الموقعة عام 1998.", "اتفاقية الصداقة والتعاون"),
    ("ووقعت الوزارتان مذكرة تفاهم بشأن حماية الاستثمار والتعاون الموقعة أمس.",
     "مذكرة تفاهم بشأن حماية الاستثمار والتعاون"),
    ("وتندرج الزيارة في إطار مذكرة التفاهم حول التعاون الأمني في مجال مكافحة الإرهاب.",
     "مذكرة التفاهم حول التعاون الأمني في مجال مكافحة الإرهاب"),
    ("ووقع الجانبان برنامجا تنفيذيا، ثم البرنامج التنفيذي للتعاون في مجال التعليم.",
     "البرنامج التنفيذي للتعاون في مجال التعليم"),
    ("ووقعت الشركتان مذكرة تفاهم للتعاون في قطاع الطاقة.", "مذكرة تفاهم للتعاون في قطاع الطاقة"),
    ("وأعاد الحزبان التذكير بـ\"وثيقة التفاهم\" التي وقعاها قبل عامين.", "وثيقة التفاهم"),
    ("ووقع الطرفان إعلان نوايا لتطوير الموانئ.", "إعلان نوايا لتطوير الموانئ"),
])
def test_agreement_name_families(text: str, name: str) -> None:
    deals = found(text, "agreement")
    assert name in deals, list(deals)


@pytest.mark.parametrize("text", [
    "وشهدت الزيارة توقيع عدد من الاتفاقيات ومذكرات التفاهم.",
    "وبحث الجانبان تفعيل مذكرات تفاهم، وأكدا أهمية التعاون.",
    # a plain adjective before و opens a new phrase: no `الاتفاق النووي والتعاون`
])
def test_plural_heads_alone_are_no_name(text: str) -> None:
    assert found(text, "agreement") == {}, list(found(text, "agreement"))


def test_coordination_needs_a_name_noun_before() -> None:
    deals = found("وناقش الوزيران الاتفاق النووي والتعاون الاقتصادي.", "agreement")
    assert "الاتفاق النووي" in deals, list(deals)


# Family 5: towns and regions from the curated lists; ordinary words are no places.
@pytest.mark.parametrize(("text", "value", "country"), [
    ("وانطلقت القافلة من صفاقس نحو الحدود.", "صفاقس", "تونس"),
    ("وشهدت مدينة إربد احتجاجات.", "إربد", "الأردن"),
    ("وسيطرت القوات على مصراتة.", "مصراتة", "ليبيا"),
    ("وعقد الاجتماع في زحلة.", "زحلة", "لبنان"),
    ("وينطلق الأنبوب من حاسي مسعود.", "حاسي مسعود", "الجزائر"),
    ("ووصلت الشحنة إلى ميناء بورتسودان.", "بورتسودان", "السودان"),
    ("وزار الوفد الفاشر أمس.", "الفاشر", "السودان"),
    ("وافتتح المصنع في إشبيلية.", "إشبيلية", "إسبانيا"),
])
def test_curated_towns(text: str, value: str, country: str) -> None:
    places = found(text, "place")
    assert value in places, list(places)
    assert places[value].attrs.get("country") == country


@pytest.mark.parametrize("value", ["صقلية", "كورسيكا", "شمال دارفور", "غرب كردفان"])
def test_regions_kept_whole(value: str) -> None:
    places = found(f"وتمتد الأزمة إلى {value} منذ أشهر.", "place")
    assert value in places, list(places)


@pytest.mark.parametrize(("text", "word"), [
    ("وقدم الوفد ورقة عمل إلى المؤتمر.", "الرقة"),  # و + رقة is a noun, not Raqqa
    ("وطرح ورقته أمام اللجنة.", "الرقة"),
    ("وعانى اللاعب من إصابة في الرباط الداخلي للركبة.", "الرباط"),  # a ligament
    ("واستقبل زواره في منزله.", "زوارة"),  # his visitors
])
def test_ordinary_words_are_no_places(text: str, word: str) -> None:
    assert word not in found(text, "place")


# Family 6: a year range with bare بين gives both ends.
@pytest.mark.parametrize(("text", "start", "end"), [
    ("وتشمل الخطة الفترة بين 2019 و2021.", "2019", "2021"),
    ("وارتفعت الصادرات بين 1995 و 2005 بشكل كبير.", "1995", "2005"),
])
def test_year_range(text: str, start: str, end: str) -> None:
    dates = found(text, "date")
    assert start in dates, list(dates)
    assert dates[start].attrs.get("end") == end


def test_quantity_range_is_no_date() -> None:
    assert found("ويتراوح العمق بين 1900 و2000 متر.", "date") == {}
