"""Title patterns for people in Arabic news, one parametrized row per convention.

Each row: a sentence written for this test, the expected canonical name, the role as written
and the rank. None of these sentences comes from the seed article.
"""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def people(text: str) -> list[Fact]:
    return [f for f in extract(text) if f.kind.value == "person"]


def person(text: str, name: str) -> Fact:
    found = {f.value: f for f in people(text)}
    assert name in found, list(found)
    return found[name]


@pytest.mark.parametrize(("text", "name", "role", "rank"), [
    # minister of X + nationality, name directly after
    ("قال وزير الخارجية الأمريكي أنتوني بلينكن إن واشنطن تدعم الحل.", "أنتوني بلينكن",
     "وزير الخارجية الأمريكي", "foreign_minister"),
    ("أكد وزير الدفاع الإسرائيلي يوآف غالانت أمس أن العملية مستمرة.", "يوآف غالانت",
     "وزير الدفاع الإسرائيلي", "defense_minister"),
    ("وصل وزير الخارجية السعودي الأمير فيصل بن فرحان إلى طهران.", "فيصل بن فرحان",
     "وزير الخارجية السعودي", "foreign_minister"),
    ("التقت وزيرة الخارجية الألمانية أنالينا بيربوك نظيرها المصري.", "أنالينا بيربوك",
     "وزيرة الخارجية الألمانية", "foreign_minister"),
    # appositive between commas
    ("وقال الرئيس التركي، رجب طيب أردوغان، إن بلاده لن تتراجع.", "رجب طيب أردوغان",
     "الرئيس التركي", "president"),
    ("وأعلن رئيس الوزراء العراقي، محمد شياع السوداني، بدء المرحلة الثانية.",
     "محمد شياع السوداني", "رئيس الوزراء العراقي", "prime_minister"),
    # president + name
    ("استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة.", "عبد الفتاح السيسي",
     "الرئيس المصري", "president"),
    ("أجرى الرئيس الأمريكي جو بايدن اتصالًا هاتفيًا بأمير قطر.", "جو بايدن",
     "الرئيس الأمريكي", "president"),
    # spokesman for X
    ("وقال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن طهران ترحب بالخطوة.",
     "ناصر كنعاني", "المتحدث باسم وزارة الخارجية الإيرانية", "spokesman"),
    ("أوضح المتحدث باسم الكرملين، دميتري بيسكوف، أن موسكو لم تتلق أي عرض.", "دميتري بيسكوف",
     "المتحدث باسم الكرملين", "spokesman"),
    # ambassador
    ("قال السفير الروسي لدى الولايات المتحدة أناتولي أنطونوف إن العلاقات في أسوأ حالاتها.",
     "أناتولي أنطونوف", "السفير الروسي لدى الولايات المتحدة", "ambassador"),
    # counterpart
    ("بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي التطورات.",
     "أيمن الصفدي", "نظيره الأردني", "foreign_minister"),
    # secretary general, prime minister, king, crown prince
    ("دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري لإطلاق النار.",
     "أنطونيو غوتيريش", "الأمين العام للأمم المتحدة", "secretary_general"),
    ("زار رئيس الوزراء الهندي ناريندرا مودي الإمارات يوم السبت.", "ناريندرا مودي",
     "رئيس الوزراء الهندي", "prime_minister"),
    ("استقبل العاهل الأردني الملك عبد الله الثاني وفدًا أمريكيًا.", "عبد الله الثاني",
     "العاهل الأردني الملك", "king"),
    ("التقى ولي العهد السعودي الأمير محمد بن سلمان بالرئيس الفرنسي.", "محمد بن سلمان",
     "ولي العهد السعودي", "crown_prince"),
    # head of delegation, envoy
    ("وصل رئيس الوفد الإيراني علي باقري كني إلى فيينا.", "علي باقري كني",
     "رئيس الوفد الإيراني", "head_of_delegation"),
    ("التقى المبعوث الأمريكي الخاص آموس هوكشتاين مسؤولين لبنانيين.", "آموس هوكشتاين",
     "المبعوث الأمريكي الخاص", "envoy"),
    # an idafa chain inside the title
    ("أعلن رئيس حكومة تصريف الأعمال اللبنانية نجيب ميقاتي أن الحكومة ستجتمع.", "نجيب ميقاتي",
     "رئيس حكومة تصريف الأعمال اللبنانية", "prime_minister"),
    ("قال الأمين العام لحزب الله حسن نصر الله إن الجبهة مفتوحة.", "حسن نصر الله",
     "الأمين العام لحزب الله", "secretary_general"),
    # a country after an indefinite head
    ("استقبل الرئيس رئيس وزراء اليابان فوميو كيشيدا بقصر الاتحادية.", "فوميو كيشيدا",
     "رئيس وزراء اليابان", "prime_minister"),
    ("هنأ أمير قطر الشيخ تميم بن حمد آل ثاني الفائزين.", "تميم بن حمد آل ثاني",
     "أمير قطر", "emir"),
    # the name before its title (Egyptian style)
    ("بحضور الدكتور مصطفى مدبولي رئيس مجلس الوزراء، افتتح المشروع.", "مصطفى مدبولي",
     "رئيس مجلس الوزراء", "prime_minister"),
    ("شارك في اللقاء اللواء عباس كامل، وسامح شكري وزير الخارجية.", "سامح شكري",
     "وزير الخارجية", "foreign_minister"),
    # an ال-surname right after the title
    ("وأكد الرئيس السيسي ضرورة التوصل إلى وقف فوري لإطلاق النار.", "السيسي", "الرئيس",
     "president"),
    # foreign names ending in يه (Séjourné)
    ("التقى وزير الخارجية الفرنسي ستيفان سيجورنيه نظيره اللبناني في بيروت.", "ستيفان سيجورنيه",
     "وزير الخارجية الفرنسي", "foreign_minister"),
])
def test_title_anchored_people(text: str, name: str, role: str, rank: str) -> None:
    fact = person(text, name)
    assert fact.role == role
    assert fact.attrs.get("rank") == rank


@pytest.mark.parametrize(("text", "name", "alias"), [
    # surname alone later
    ("قال وزير الخارجية الأمريكي أنتوني بلينكن إن الحل قريب. وأضاف بلينكن أن الوقت ينفد.",
     "أنتوني بلينكن", "بلينكن"),
    # another transliteration: غ / ج
    ("أكد وزير الخارجية الروسي سيرغي لافروف دعم بلاده. وقال سيرجي لافروف إن الغرب يماطل.",
     "سيرغي لافروف", "سيرجي لافروف"),
    # a misspelling that drops a long vowel
    ("قال الرئيس الفرنسي إيمانويل ماكرون إن أوروبا موحدة. وأضاف ماكرن أن الدعم مستمر.",
     "إيمانويل ماكرون", "ماكرن"),
    # with a clitic: لـ، بـ
    ("قال الرئيس الأمريكي جو بايدن إن الاتفاق مهم. وفي تصريحات لبايدن أكد التزامه.",
     "جو بايدن", "بايدن"),
])
def test_later_mentions_merge_into_one_person(text: str, name: str, alias: str) -> None:
    [fact] = [f for f in people(text) if f.value == name]
    assert alias in fact.aliases
    assert len(fact.mentions) == 2
    assert all(not text[m.start:m.end].startswith(("ل", "ب")) or text[m.start:m.end] == alias
               for m in fact.mentions[1:])


@pytest.mark.parametrize("text", [
    # nationality adjectives and verbs are not names
    "وقال وزير الخارجية الإيراني إن المحادثات بناءة.",
    "أعلن الرئيس الفرنسي خلال مؤتمر صحفي عن خطة جديدة.",
    "أشار المتحدث باسم الوزارة إلى أن الحوار مستمر.",
    "حوّل وزير الخارجية الإيرانية وجهته إلى أنقرة.",
    "اتصل رئيس الأركان الأمريكي ونظيره الإسرائيلي لبحث التطورات.",
    "دعا وزير الخارجية الروسي للعودة إلى طاولة المفاوضات.",
    "قال الوزير في تصريحات صحفية إن الأمر محسوم.",
])
def test_titles_without_a_name_make_no_person(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الرئيس السوري بشار الأسد في كلمة متلفزة إن الحرب انتهت.", "بشار الأسد"),
    ("أكد الأمين العام لحزب الله حسن نصر الله أن المقاومة جاهزة.", "حسن نصر الله"),
    ("قال زعيم الحوثيين عبد الملك الحوثي إن الهجمات ستستمر.", "عبد الملك الحوثي"),
])
def test_names_that_contain_al_keep_it(text: str, name: str) -> None:
    assert name in {f.value for f in people(text)}


def test_name_stops_at_time_word_and_preposition() -> None:
    text = "التقى رئيس الوزراء البريطاني ريشي سوناك أمس في لندن بزعماء أوروبيين."
    assert [f.value for f in people(text)] == ["ريشي سوناك"]


def test_value_is_fullest_form_and_text_matches() -> None:
    text = "وقال بلينكن إن الحل قريب. وأكد وزير الخارجية الأمريكي أنتوني بلينكن ذلك."
    [fact] = people(text)
    assert fact.value == fact.text == "أنتوني بلينكن"
    assert fact.aliases == ("بلينكن",)
    assert [text[m.start:m.end] for m in fact.mentions] == ["بلينكن", "أنتوني بلينكن"]
