"""People: news conventions added after the held-out evaluation, one row per convention.

Every sentence was written for this file (none comes from the seed, the dev or the held-out
articles); names are real or plausible, the sentences are not quotations.
"""

from __future__ import annotations

import pytest

from studykit.extract import extract
from studykit.models import Fact


def people(text: str) -> dict[str, Fact]:
    return {f.value or "": f for f in extract(text) if f.kind.value == "person"}


@pytest.mark.parametrize(("text", "name", "role"), [
    # a portfolio of coordinated parts (وال... وال...), then an honorific before the name
    ("وأكد وزير الشؤون البلدية والقروية والإسكان المهندس ماجد بن عبدالله الحقيل أن الخطة "
     "تمضي.", "ماجد بن عبدالله الحقيل", "وزير الشؤون البلدية والقروية والإسكان"),
    # ل + an organisation head + its one-word name inside the title
    ("وقال الرئيس التنفيذي لشركة أدنوك سلطان الجابر إن الإنتاج سيرتفع.", "سلطان الجابر",
     "الرئيس التنفيذي لشركة أدنوك"),
    # a facility and its name inside the title (`مدير مطار بيروت`)
    ("وقال مدير مطار بيروت فادي الحسن إن الرحلات منتظمة.", "فادي الحسن", "مدير مطار بيروت"),
    # a body named with a purpose phrase (ل + verbal noun + definite noun) inside the title
    ("وأوضح المدير التنفيذي لصندوق الأمم المتحدة لتنمية المرأة خوان سانتوس أن التمويل تضاعف.",
     "خوان سانتوس", "المدير التنفيذي لصندوق الأمم المتحدة لتنمية المرأة"),
    # a nationality adjective missing from the list (ال...ي between a title and a name)
    ("وصرّح وزير السياحة الليختنشتايني ماركوس فريك بأن الموسم واعد.", "ماركوس فريك",
     "وزير السياحة الليختنشتايني"),
    # an appositive title after the name and a comma is the role, not the form of address
    ("وقال السفير حسام زكي، الأمين العام المساعد لجامعة الدول العربية، إن القمة في موعدها.",
     "حسام زكي", "الأمين العام المساعد لجامعة الدول العربية"),
    # a definite title after a one-word definite title: the object's own title
    ("والتقى الوزير السفيرة البريطانية جين ماريوت في مكتبه.", "جين ماريوت",
     "السفيرة البريطانية"),
    # ... also with a preposition on the second title (`بالسفير`)
    ("واجتمع الوزير بالسفير الياباني لدى الأردن كازويا أوتسوكا في مكتبه.", "كازويا أوتسوكا",
     "السفير الياباني لدى الأردن"),
    # `باسم` ("on behalf of") once in a title; a second one is the given name Basim
    ("وأفاد المتحدث باسم الحكومة العراقية باسم العوادي بأن القرار نهائي.", "باسم العوادي",
     "المتحدث باسم الحكومة العراقية"),
    # a crown prince's or a deputy's second office chains into one role
    ("واستقبل نائب رئيس الوزراء وزير الخارجية فؤاد حسين الوفد الإيراني.", "فؤاد حسين",
     "نائب رئيس الوزراء وزير الخارجية"),
    ("وافتتح ولي العهد رئيس مجلس الوزراء الأمير سلمان بن حمد المعرض.", "سلمان بن حمد",
     "ولي العهد رئيس مجلس الوزراء"),
    # after another title the second is a different person, the verb's object
    ("واستقبل وزير الدفاع رئيس أركان الجيش الباكستاني عاصم منير في مكتبه.", "عاصم منير",
     "رئيس أركان الجيش الباكستاني"),
    # a transliterated third word opening with بي is no preposition (`بينغ`, `بيير`)
    ("والتقى المبعوث الصيني تشاي جون بينغ وزير الخارجية.", "تشاي جون بينغ", "المبعوث الصيني"),
])
def test_title_conventions(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, list(found)
    assert found[name].role == role


@pytest.mark.parametrize(("text", "name"), [
    # the surname used alone after a verb later shows where the full name ended
    ("وناقش رئيس البرلمان عادل ناصر قانون الانتخابات. وقال ناصر إن التصويت سيجري قريبا.",
     "عادل ناصر"),
    # a surname ending in ـها is no pronoun suffix when the text uses it alone after a verb
    ("وقال مدير الهيئة سمير بورقيها إن العمل مستمر. وأضاف بورقيها أن النتائج مشجعة.",
     "سمير بورقيها"),
    # a frequent verbal noun after a name (the verb's object) ends it
    ("وأعلن المدير العام لمجموعة ستيلانتس كارلوس تافاريس خفض الإنتاج.", "كارلوس تافاريس"),
    # a common noun with the article after a name (`الوفد`) ends it
    ("واستقبل رئيس الحكومة محمد بن عيسى الوفد الزائر.", "محمد بن عيسى"),
])
def test_name_boundaries(text: str, name: str) -> None:
    assert name in people(text), list(people(text))


@pytest.mark.parametrize(("text", "name"), [
    # without such evidence a ـها word after a name is still a noun with a pronoun
    ("وزار الرئيس أحمد سالم مصانعها في الشمال.", "أحمد سالم"),
    # an ال...ي surname before a noun phrase is still the surname
    ("وأكد الرئيس السنيوري ضرورة التهدئة.", "السنيوري"),
])
def test_boundaries_without_evidence_are_unchanged(text: str, name: str) -> None:
    assert name in people(text), list(people(text))


@pytest.mark.parametrize("text", [
    # state words (سلطنة، مملكة، جمهورية، إمارة) after a title are places, not names
    "وزار الوزير سلطنة عمان مطلع الشهر.",
    "وزار وزير الخارجية جمهورية مصر العربية.",
    "وتوجه الرئيس إلى إمارة دبي.",
    # a facility word after a title is no name (`مدير حقل الرميلة`)
    "وقال مدير حقل الرميلة إن الإنتاج مستقر.",
    # a counterpart after a definite title is another person, not a chained title
    "والتقى الرئيس التركي نظيره في أنقرة.",
])
def test_no_person_from_state_words(text: str) -> None:
    assert people(text) == {}


@pytest.mark.parametrize(("text", "name", "role"), [
    # an honorific alone opens a name of two or more words; it stands as the role, no rank
    ("وأعلنت الخارجية أن الأمير فيصل بن فرحان سيزور باريس.", "فيصل بن فرحان", "الأمير"),
    # ... but a degree or a form of address is no post: no role rather than «السيد»
    ("واستقبل الوزير في مكتبه السيد حسين إبراهيم طه.", "حسين إبراهيم طه", ""),
    ("بحضور وكيل الجامعة لشؤون الفروع الدكتور عادل العفالق.", "عادل العفالق", ""),
    # a military rank after the title is an honorific, not part of the role
    ("وبحث رئيس الجمهورية العماد ميشال عون ملف الكهرباء.", "ميشال عون", "رئيس الجمهورية"),
    # a Gulf ruling-family name strings ال-names after الشيخ
    ("وذكرت الوكالة أن ولي العهد الشيخ مشعل الأحمد الجابر الصباح استقبل الوفد.",
     "مشعل الأحمد الجابر الصباح", "ولي العهد"),
])
def test_honorifics(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, list(found)
    assert found[name].role == role
    if role in ("الأمير", "السيد"):
        assert "rank" not in found[name].attrs


@pytest.mark.parametrize("text", [
    # an honorific inside the name of a place or a prize is not a person
    "وصلى المصلون في مسجد الشيخ زايد الكبير.",
    "واقتحم المستوطنون حي الشيخ جراح أمس.",
    "وفاز الكتاب بجائزة الشيخ زايد للكتاب.",
])
def test_honorific_inside_a_place_name(text: str) -> None:
    assert people(text) == {}


@pytest.mark.parametrize(("text", "name", "role"), [
    # a member of parliament (النائب, النائبة) is a title
    ("وطالبت النائبة جنان بوشهري بمساءلة الوزير.", "جنان بوشهري", "النائبة"),
    ("وتقدم النائب مهند الساير باقتراح بقانون.", "مهند الساير", "النائب"),
    # a chargé d'affaires at an embassy: the embassy belongs to the title
    ("وقال القائم بالأعمال في السفارة البريطانية مارتن لونغدن إن الزيارة مثمرة.",
     "مارتن لونغدن", "القائم بالأعمال في السفارة البريطانية"),
    # a chief negotiator, conjoined to a first title
    ("وقال رئيس الوفد وكبير المفاوضين سعيد جليلي إن الجولة انتهت.", "سعيد جليلي",
     "كبير المفاوضين"),
    # `رفيعة المستوى` ("high-level") belongs to the title, not the name
    ("وقال رئيس اللجنة الوزارية رفيعة المستوى خالد عمر إن الحوار مستمر.", "خالد عمر",
     "رئيس اللجنة الوزارية رفيعة المستوى"),
    # a mediator is a title
    ("وقال الوسيط الأمريكي آموس هوكشتاين إن المحادثات بناءة.", "آموس هوكشتاين",
     "الوسيط الأمريكي"),
    # a compound given name with الدين keeps its surname
    ("واستقبل رئيس الوزراء نور الدين بدوي وفدا من المستثمرين.", "نور الدين بدوي",
     "رئيس الوزراء"),
    # a Gulf given name that is also a word (صباح "morning") after الشيخ
    ("وأكد وزير الخارجية الشيخ صباح الخالد الحمد الصباح دعم المبادرة.",
     "صباح الخالد الحمد الصباح", "وزير الخارجية"),
])
def test_more_titles(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, list(found)
    assert found[name].role == role


@pytest.mark.parametrize(("text", "name"), [
    # a verb in the future (س + imperfect) ends the name
    ("وأعلنت الخارجية أن المبعوث الخاص روبرت مالي سيتوجه إلى فيينا.", "روبرت مالي"),
    ("وذكرت الوكالة أن الوزير أحمد عطاف سيزور مدريد.", "أحمد عطاف"),
])
def test_future_verb_ends_a_name(text: str, name: str) -> None:
    assert set(people(text)) == {name}


def test_gulf_namesakes_stay_apart_and_short_forms_merge() -> None:
    """Two men of one ruling family share the family name but not the father's name; the
    first two names alone later refer back to the full name."""
    found = people("واستقبل الأمير الشيخ نواف الأحمد الجابر الصباح رئيس الوزراء الشيخ ناصر "
                   "المحمد الأحمد الصباح. وقال الشيخ ناصر المحمد إن الحكومة ستتعاون.")
    assert set(found) == {"نواف الأحمد الجابر الصباح", "ناصر المحمد الأحمد الصباح"}
    assert len(found["ناصر المحمد الأحمد الصباح"].mentions) == 2


@pytest.mark.parametrize("text", [
    # a host's guest after a title is a second title (`وضيفه`), not a name; nor is ب + a noun
    # the text also uses (`برحلة` ... `الرحلة`)
    "وقام الرئيس التونسي وضيفه الإيطالي بجولة في المدينة، وكانت الجولة قصيرة.",
])
def test_conjoined_title_is_no_name(text: str) -> None:
    assert people(text) == {}


def test_prothetic_alif_spelling_is_the_same_person() -> None:
    """`امبيكي` for `مبيكي`, `انغيما` for `نغيما`: an alif before an initial cluster."""
    found = people("وقال المبعوث الأممي ماثيو نغيما إن الحوار مستمر. والتقى الرئيس انغيما أمس.")
    assert set(found) == {"ماثيو نغيما"}
    assert len(found["ماثيو نغيما"].mentions) == 2


@pytest.mark.parametrize(("text", "name"), [
    # a title, its body's definite name, then a listed given name: the title holder
    ("ورأى النائب عن ائتلاف الوطنية علي السنيد أن القرار متسرع.", "علي السنيد"),
    ("وقال عضو المكتب السياسي لحركة فتح محمد اشتية إن الحوار مستمر.", "محمد اشتية"),
    # given names added in round 4 (a foreign and a Kurdish one)
    ("وأكد جوزيف عون أن الجيش جاهز.", "جوزيف عون"),
    ("وقال هوشيار زيباري إن بغداد تأخرت في الرد.", "هوشيار زيباري"),
])
def test_given_name_after_title_body(text: str, name: str) -> None:
    assert name in people(text), list(people(text))


@pytest.mark.parametrize(("text", "absent"), [
    # a thing named after a person keeps the guard when no title precedes it
    ("وعقد اللقاء في المركز الثقافي محمد الخامس بالمدينة.", "محمد الخامس"),
    # adjectives after a title, a headline verb, common nouns after a title
    ("واستقبل أمير البلاد المفدى الوفد في الديوان.", "المفدى"),
    ("وقال زعيم الحزب الديمقراطي الكوردستاني إن الاستفتاء قائم.", "الكوردستاني"),
    ("وقال الرئيس التنفيذي للبنك الأهلي إن الأرباح ارتفعت.", "الأهلي"),
    ("الرئيس يطلق مشروعا جديدا للطاقة.", "يطلق"),
    ("وتلقى الأمير اتصالات تهنئة من القادة.", "اتصالات تهنئة"),
    # ل + a common noun after a title's body (`لكرة القدم`)
    ("وأعلن رئيس الاتحاد الدولي لكرة القدم (فيفا) النتيجة مساء أمس.", "لكرة القدم"),
])
def test_round4_not_people(text: str, absent: str) -> None:
    assert absent not in people(text), list(people(text))


@pytest.mark.parametrize(("text", "name"), [
    # a kunya takes a word that is otherwise a common noun (`عودة` "return")
    ("وقالت الناشطة منى أبو عودة إن المساعدات توقفت.", "منى أبو عودة"),
    ("وأكد المتحدث باسم الحركة فوزي أبو زيارة أن الوفد وصل.", "فوزي أبو زيارة"),
    # a Gulf genealogy runs past five tokens when بن/آل link it
    ("واستقبل الشيخ تميم بن حمد بن خليفة آل ثاني الضيوف في الديوان.",
     "تميم بن حمد بن خليفة آل ثاني"),
])
def test_round4_name_spans(text: str, name: str) -> None:
    found = people(text)
    assert name in found, list(found)


def test_gulf_namesakes_told_apart_past_bin() -> None:
    text = ("واستقبل الشيخ حمد بن خليفة آل ثاني الوزير. وحضر الشيخ حمد بن جاسم بن جبر آل ثاني "
            "الاجتماع.")
    found = people(text)
    assert {"حمد بن خليفة آل ثاني", "حمد بن جاسم بن جبر آل ثاني"} <= set(found), list(found)


@pytest.mark.parametrize(("text", "name", "role"), [
    # a central bank's governor is a title
    ("وقال محافظ البنك المركزي أيمن الصفدي إن التضخم تراجع.", "أيمن الصفدي",
     "محافظ البنك المركزي"),
    ("وأكدت محافظة البنك المركزي رانيا المشاط أن الاحتياطي ارتفع.", "رانيا المشاط",
     "محافظة البنك المركزي"),
])
def test_central_bank_governor(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, list(found)
    assert found[name].role == role


def test_listed_people_with_titles_after_commas() -> None:
    # `name، title، وname، title`: the و opens the next person, who takes the next title
    found = people("وحضر اللقاء سامح شكري، وزير الخارجية، وعمرو طلعت، وزير الاتصالات، أمس.")
    assert "عمرو طلعت" in found, list(found)
    assert found["عمرو طلعت"].role == "وزير الاتصالات"
    assert not any(name.startswith("و") for name in found), list(found)
    # a given name spelled with و is no conjunction
    assert "وليد حسن" in people("وقال الرئيس اللبناني، وليد حسن، إن الأمر انتهى.")


@pytest.mark.parametrize(("text", "name", "role"), [
    # the bloc an MP sits for (النائب عن ...) is part of the title
    ("وقال النائب عن كتلة الأحرار جواد الحسناوي إن الحكومة فشلت.", "جواد الحسناوي",
     "النائب عن كتلة الأحرار"),
    ("وأكدت النائبة عن التحالف الكردستاني سروة عبد الواحد أن الاتفاق هش.",
     "سروة عبد الواحد", "النائبة عن التحالف الكردستاني"),
    # a body's secretary (أمين سر ...)
    ("وقال أمين سر حركة فتح جبريل الرجوب إن الانتخابات في موعدها.", "جبريل الرجوب",
     "أمين سر حركة فتح"),
])
def test_mp_bloc_and_secretary(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, list(found)
    assert found[name].role == role


def test_word_given_name_needs_its_surname_attested() -> None:
    # `حسن` ("good") opens a name when the surname later stands alone after a verb
    text = "ووقف إلى جانبه حسن الكعبي في المؤتمر. وأوضح الكعبي أن الملف جاهز."
    assert "حسن الكعبي" in people(text), list(people(text))
    # ... and not without that evidence
    assert "حسن الجوار" not in people("وأكد البيان أهمية حسن الجوار بين البلدين.")
    # Without it, the statistical tagger is the evidence (it reads حسن الكعبي as a name;
    # the rules alone held it back before the tagger existed).
    assert "حسن الكعبي" in people("ووقف إلى جانبه حسن الكعبي في المؤتمر.")
