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
    ("أكد الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ أن الحلف موحد.", "ينس ستولتنبرغ",
     "الأمين العام لحلف شمال الأطلسي", "secretary_general"),
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
    # honorific chains and a long name with connectors before a closed title (Saudi style)
    ("رأس صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد الجلسة.",
     "محمد بن سلمان بن عبدالعزيز آل سعود", "ولي العهد", "crown_prince"),
    ("تلقى الرئيس اتصالًا من رئيس وزراء المملكة المتحدة كير ستارمر مساء أمس.", "كير ستارمر",
     "رئيس وزراء المملكة المتحدة", "prime_minister"),
    # coordinated portfolios (Moroccan style)
    ("قال وزير الشؤون الخارجية والتعاون الإفريقي ناصر بوريطة إن المملكة ماضية في خطتها.",
     "ناصر بوريطة", "وزير الشؤون الخارجية والتعاون الإفريقي", "foreign_minister"),
    ("ترأس الملك محمد السادس مجلسًا وزاريًا بالقصر الملكي.", "محمد السادس", "الملك", "king"),
    # an expert with an affiliation, between commas
    ("ويقول الباحث في مركز كارنيغي للشرق الأوسط، يزيد صايغ، إن التهدئة تكتيكية.", "يزيد صايغ",
     "الباحث في مركز كارنيغي للشرق الأوسط", "expert"),
    # a complement after the nationality: the late president
    ("جاءت زيارة الرئيس الإيراني الراحل إبراهيم رئيسي إلى الرياض في نوفمبر.", "إبراهيم رئيسي",
     "الرئيس الإيراني الراحل", "president"),
    # two titles in a row, a military honorific
    ("لم يصدر تعليق من رئيس مجلس السيادة قائد الجيش الفريق أول عبد الفتاح البرهان.",
     "عبد الفتاح البرهان", "قائد الجيش", "commander"),
    # a posting after the title
    ("قال المبعوث الأممي إلى السودان رمطان لعمامرة إن الوضع كارثي.", "رمطان لعمامرة",
     "المبعوث الأممي إلى السودان", "envoy"),
    # a name whose folded form starts with ال: إلهام
    ("التقى الرئيس التركي نظيره الأذربيجاني إلهام علييف في نخجوان.", "إلهام علييف",
     "نظيره الأذربيجاني", "president"),
    # a past verb after the name ends it
    ("أجرى مباحثات مع نظيره جيحون بيراموف تناولت تنفيذ الاتفاق.", "جيحون بيراموف",
     "نظيره", "counterpart"),
    # a nisba surname that is also a nationality, after a title that names none
    ("وصل رئيس مجلس الوزراء محمد شياع السوداني إلى طهران.", "محمد شياع السوداني",
     "رئيس مجلس الوزراء", "prime_minister"),
    # coordinated portfolios with an indefinite noun (Jordanian style)
    ("أكد وزير الخارجية وشؤون المغتربين أيمن الصفدي ضرورة وقف الحرب.", "أيمن الصفدي",
     "وزير الخارجية وشؤون المغتربين", "foreign_minister"),
    # a nisba surname of another country than the title's
    ("قال المحلل السياسي الفلسطيني هاني المصري، إن الاتفاق هش.", "هاني المصري",
     "المحلل السياسي الفلسطيني", "expert"),
    # رئيس + a body, not a state
    ("وصل وفد برئاسة رئيس الموساد ديفيد برنيع إلى الدوحة.", "ديفيد برنيع", "رئيس الموساد",
     "head"),
    # a bracketed gloss inside the title, then a military honorific
    ("أعلن المتحدث العسكري باسم جماعة أنصار الله (الحوثيين) العميد يحيى سريع استهداف سفينة.",
     "يحيى سريع", "المتحدث العسكري باسم جماعة أنصار الله (الحوثيين)", "spokesman"),
    ("حذر نائب رئيس دولة فلسطين حسين الشيخ من خطورة التصعيد.", "حسين الشيخ",
     "نائب رئيس دولة فلسطين", "vice_president"),
    ("قال مستشار الرئيس الروسي للشؤون الخارجية يوري أوشاكوف للصحفيين إن الاتفاق ممكن.",
     "يوري أوشاكوف", "مستشار الرئيس الروسي للشؤون الخارجية", "adviser"),
    # a preposition glued to a particle ends the name
    ("رحب الرئيس الأوكراني فولوديمير زيلينسكي بأي خطوة نحو السلام.", "فولوديمير زيلينسكي",
     "الرئيس الأوكراني", "president"),
    # a head with a possessive pronoun
    ("وفق ما صرح به رئيسها فاروق بوعسكر خلال ندوة صحفية.", "فاروق بوعسكر", "رئيسها",
     "president"),
    # the outgoing president; a preposition after a two-word name ends it
    ("تقدم الرئيس المنتهية ولايته قيس سعيد بفارق كبير على منافسيه.", "قيس سعيد",
     "الرئيس المنتهية ولايته", "president"),
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
    "تبادل البلدان زيارات، أبرزها زيارة الرئيس الإيراني إلى الرياض.",  # nouns, not a name
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


def test_nickname_in_brackets_is_an_alias() -> None:
    text = "أعلن قائد قوات الدعم السريع محمد حمدان دقلو (حميدتي) موافقته على الهدنة."
    [fact] = people(text)
    assert fact.value == "محمد حمدان دقلو" and fact.aliases == ("حميدتي",)


def test_counterpart_takes_the_rank_of_the_person_it_answers() -> None:
    text = ("قال وزير الخارجية المغربي ناصر بوريطة إن الحوار مستمر. وكان بوريطة قد استقبل، "
            "الأربعاء، نظيره الموريتاني محمد سالم ولد مرزوك.")
    found = {f.value: f for f in people(text)}
    assert found["محمد سالم ولد مرزوك"].attrs == {"rank": "foreign_minister",
                                                 "country": "موريتانيا"}


def test_a_closed_title_does_not_swallow_the_object() -> None:
    text = "أطلع سمو ولي العهد المجلس على نتائج الزيارة."
    assert people(text) == []


def test_name_stops_at_time_word_and_preposition() -> None:
    text = "التقى رئيس الوزراء البريطاني ريشي سوناك أمس في لندن بزعماء أوروبيين."
    assert [f.value for f in people(text)] == ["ريشي سوناك"]


def test_value_is_fullest_form_and_text_matches() -> None:
    text = "وقال بلينكن إن الحل قريب. وأكد وزير الخارجية الأمريكي أنتوني بلينكن ذلك."
    [fact] = people(text)
    assert fact.value == fact.text == "أنتوني بلينكن"
    assert fact.aliases == ("بلينكن",)
    assert [text[m.start:m.end] for m in fact.mentions] == ["بلينكن", "أنتوني بلينكن"]
