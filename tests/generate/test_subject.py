"""Clauses whose subject is only implied cannot be prompts (blind review of real news: 89 of
156 failed questions). Cases from the failures, with the near misses that must stay usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.generate.numbers import approximate, number_bound
from studykit.generate.subject import implied_subject, needs_subject
from studykit.models import Fact, FactKind


@pytest.mark.parametrize("clause", [
    "وأشار إلى ارتفاع إنتاج الولايات المتحدة الأمريكية من النفط الصخري بنحو 7.6% سنويًا",
    "وبين أن الإنتاج الأمريكي سيبدأ في الانخفاض بنحو 500 ألف برميل يوميًا",
    "وبيّن أن النفط الأحفوري المستخرج من الأراضي اليابسة",
    "وتابع \"30 في المئة فقط من الشركات المدرجة لديها أسهم",
    "وأوضح أن الغارات جاءت ردا على هجوم نفذه مسلحون",
    "وأظهرت الدراسة أن تكلفة إنتاج النفط في السعودية تتراوح بين 3 و 14 دولارًا",
    "وقال البيان الذي صدر أمس إن ستا من ثماني غارات جرت في سورية",
    "ووفقا لحسابات الشركة في العام المالي الذي انتهى في يونيو",
    "فقد ارتفعت إيراداتها بنسبة 42 في المائة",
    "إنها خدمة بث الموسيقى الأكبر في العالم",
    "إلا أنها بدأت تحاول تحقيق أرباح العام الماضي فقط",
    "وذلك بعد أربعة أيام على تفجير انتحاري دام استهدف مدينة سوروتش",
    "ويفصل بين البلدتين شريط حدودي مع تركيا يمتد على نحو 70 كيلومترا",
])
def test_implied_subjects_are_caught(clause: str) -> None:
    assert needs_subject(clause)


@pytest.mark.parametrize("clause", [
    "وقال وزير الخارجية السعودي عادل الجبير إن المملكة ستدعم الاتفاق",
    "أعلنت شركة أرامكو السعودية أن أرباحها ارتفعت",
    "وفي هذا العام ارتفعت الأسعار في الأسواق العالمية",
    "وأكد الرئيس الأمريكي باراك أوباما أن الاتفاق تاريخي",
    "وارتفعت أسعار النفط أمس بنسبة 3 في المئة",
    "وتقع مدينة جدة على ساحل البحر الأحمر",
    "صرّح المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي بأن روسيا تسعى",
])
def test_named_subjects_stand_alone(clause: str) -> None:
    assert not needs_subject(clause)


def test_a_demonstrative_needs_its_referent_but_is_not_widened_blindly() -> None:
    # `هذا الفنان` points back: no prompt; widening is decided by points_to, not here.
    clause = "وإن نجح هذا الفنان في شد الجمهور الذي شاركه الغناء"
    assert needs_subject(clause) and not implied_subject(clause)


def _number(text: str) -> Fact:
    return Fact(id=f"number:{text}", kind=FactKind.NUMBER, text=text, value=text)


@pytest.mark.parametrize(("before", "kind"), [
    ("تم تنزيل التطبيق أكثر من ", "more"), ("بما يزيد على ", "more"),
    ("بأقل من ", "less"), ("يمتد على نحو ", "about"), ("بلغ ", None),
])
def test_bounds_and_estimates(before: str, kind: str | None) -> None:
    assert approximate(before) == kind


def test_only_larger_options_after_more_than() -> None:
    fact = _number("500 مليون مرة")
    ok = number_bound("تم تنزيل التطبيق أكثر من 500 مليون مرة", fact)
    assert ok is not None
    assert ok("1000 مليون مرة") and not ok("250 مليون مرة")


def test_office_holders_of_the_articles_time() -> None:
    from studykit.generate.tenures import fits, tenures

    assert tenures()["دميتري ميدفيديف"] == (2008, 2020)  # president, then prime minister
    assert not fits("ريشي سوناك", 2015) and not fits("إبراهيم رئيسي", 2015)
    assert fits("حسن روحاني", 2015) and fits("جون كيري", 2015)
    assert fits("حسن روحاني", 2023) and not fits("عباس عراقجي", 2023)
    assert fits("ريشي سوناك", None)  # no publication date: nothing to go by


def test_a_surname_blank_gets_surname_options(tmp_path: Path) -> None:
    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2015-08-05\n---\n"
        "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في الدوحة أمس.\n\n"
        "وقال كيري إن المحادثات مع الجانب الروسي كانت صريحة ومفيدة للطرفين في ملف سوريا.\n",
        encoding="utf-8")
    bank = build_bank([read_article(article)], "b", "b")
    surname_mcqs = [q for q in bank.questions if q.type.value == "mcq" and q.answer == "كيري"]
    for q in surname_mcqs:
        # Surnames only (`جاويش أوغلو` is one); never a full name beside the bare surname.
        assert "سيرغي لافروف" not in q.options and "جون كيري" not in q.options, q.options
        assert all(len(o.split()) <= 2 for o in q.options), q.options


@pytest.mark.parametrize("clause", [
    "فقد تراجعت خلال يونيو 2015 بنسبة 8 في المائة",
    "ارتفعت على أساس سنوي بنسبة 6 في المائة",
])
def test_any_verb_opening_on_a_preposition_has_no_subject(clause: str) -> None:
    assert needs_subject(clause)


def test_a_number_the_sentence_adds_up_is_given_away() -> None:
    from studykit.generate.numbers import computable

    text = "ارتفعت بنحو 4.1 مليار لتبلغ 81.6 مليار ريال، مقابل 77.5 مليار ريال"
    at = text.find("4.1")
    assert computable(text, at, at + 3)
    text = "بلغت الأرباح 100 مليون ريال مقابل 50 مليون في العام السابق"
    at = text.find("100")
    assert not computable(text, at, at + 3)


@pytest.mark.parametrize("clause", [
    'وأعلنت "مايكروسوفت" عن نيتها توفير "ويندوز 10" للمستخدمين في 29 من يوليو',
    "وكان ضم حارس مرمى بمثل هذه المكانة خاصة من منافس كبير ضربة موفقة للمدرب",
])
def test_a_quoted_subject_and_a_late_demonstrative_are_fine(clause: str) -> None:
    assert not needs_subject(clause)


@pytest.mark.parametrize(("clause", "implied"), [
    ("تراجعت عام 2009 إلى 15.7 مليار ريال بنسبة 7 في المائة", True),
    ("ذكرت وكالة الأنباء العمانية، أن هذه المخاوف دفعت المؤشر إلى الإغلاق", True),
    ("نجد بأن هناك سيارة كبيرة تنتظرهم لنقلهم إلى موقع السكن", True),
    ("لن نتخلى عن الصدارة وسنعبر تونس اليوم", True),
    ("وقال الوزير أحمد إن هذا العام سيشهد نموا في الصادرات", False),
    ("نسبة النمو بلغت 5 في المائة خلال العام", False),
])
def test_round_four_families(clause: str, implied: bool) -> None:
    assert needs_subject(clause) is implied


@pytest.mark.parametrize(("clause", "implied"), [
    # Round five (blind review): the subject went with the sentence before.
    ("كما تتميز بكونها أفضل شركة طيران إقليمية في أوروبا", True),
    ("كما قامت بتوليد مصادر دخل متعددة من خلال أخذ عمولة", True),
    ("جاء ذلك خلال زيارة الضويلع لمجمع الأمل والصحة النفسية بالدمام", True),
    ("ويأتي هذا بعد أسبوع من الاجتماع الأول", True),
    ("كان قبل شهر يباع بـ5 ريالات", True),
    # ... and a name after the verb that happens to begin with ب is a subject.
    ("ويأمل بلاتر في أن تخرج مجموعة العمل بحزمة من الإصلاحات", False),
    ("احتلت بريطانيا في عام 1824م ميانمار", False),
    ("وتعاني بورصة الدار البيضاء من تداعيات أزمة منطقة اليورو", False),
    ("وكانت بنغلادش أعطت موافقتها على هذا الاتفاق منذ 1974", False),
    ("وجاء الإعلان بعد اجتماع مجلس الوزراء", False),
])
def test_round_five_families(clause: str, implied: bool) -> None:
    assert implied_subject(clause) is implied


@pytest.mark.parametrize(("text", "count"), [
    ("وقال المتحدث الرسمي للانتخابات البلدية م. جديع القحطاني أن المراكز جاهزة. وأضاف.", 2),
    ("وقالت وكالة الأنباء الألمانية (د. ب. أ) إنه يجري التحري. ثم انتهى.", 2),
    ("تأسست الشركة عام 2015 م. وفي العام التالي توسعت.", 2),
])
def test_one_letter_abbreviations_do_not_end_a_sentence(text: str, count: int) -> None:
    """Blind round 6: prompts cut at «م.» (engineer) and inside «(د. ب. أ)»."""
    from studykit.arabic import sentences

    assert len(sentences(text)) == count


def test_an_outlet_is_asked_among_outlets_of_its_kind(tmp_path: Path) -> None:
    """Blind round 6: «لشبكة "[...]"» had newspapers among its options."""
    from studykit.generate.media import media_kind
    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2015-07-21\n---\n"
        "وقال السيناتور الأمريكي جون ماكين لشبكة \"سي إن إن\" أمس إن على المرشح الاعتذار "
        "لعائلات الجنود الذين قدموا تضحيات كبيرة في الحرب.\n\n"
        "وذكرت صحيفة \"واشنطن بوست\" أن غالبية المستطلعين أدلوا بآرائهم قبل التصريحات "
        "التي أثارت جدلا واسعا في الولايات المتحدة.\n",
        encoding="utf-8")
    bank = build_bank([read_article(article)], "b", "b")
    asked = {q.answer: q.options for q in bank.questions
             if q.type.value == "mcq" and q.answer in ("سي إن إن", "واشنطن بوست")}
    assert asked, [q.prompt for q in bank.questions]
    for answer, options in asked.items():
        assert {media_kind(o) for o in options} == {media_kind(answer)}, options


@pytest.mark.parametrize(("sentence", "answer", "kind", "away"), [
    ("تلقت وكالة الأنباء الكويتية (كونا) نسخة منه", "وكالة الأنباء الكويتية", "organization",
     True),
    ("اعتقال 41 عنصرا من تنظيم الدولة الإسلامية (داعش) في بغداد", "داعش", "organization", True),
    ("وفي شباط - فبراير الماضي أعلنت الشرطة", "فبراير الماضي", "date", True),
    ("وقال جون ماكين (78 عاما) إن على ترامب الاعتذار", "جون ماكين", "person", False),
    ("أعلن مدرب الأهلي كريستيان جروس (سويسري) في تصريحات", "كريستيان جروس", "person", False),
    ("وفي فبراير الماضي أعلنت الشرطة", "فبراير الماضي", "date", False),
])
def test_words_beside_the_blank_that_name_it_again(sentence: str, answer: str, kind: str,
                                                    away: bool) -> None:
    """Blind round 6: «تلقت [...] (كونا)», «تنظيم الدولة الإسلامية ([...])», «شباط - [...]»."""
    from studykit.generate.giveaway import beside_the_blank

    fact = Fact(id="f", kind=FactKind(kind), text=answer, value=answer)
    at = sentence.index(answer)
    assert beside_the_blank(fact, sentence, at, at + len(answer)) is away


@pytest.mark.parametrize(("clause", "implied"), [
    # Round six (blind review): generic institutions. (A possessive «ـه», `اصيبت طائرته`,
    # is left: the rule also took clauses of the bundled article that name their subject.)
    ("وذكرت الخلية انه تم ضبط 30 سيارة بحوزة تلك الشبكة", True),
    ("أفادت الجامعة بأن درجات الطالبة تؤهلها للالتحاق بكلية الطب", True),
    ("وأعلنت جامعة الدمام أن التسجيل يبدأ الأحد", False),
    ("وحول توقعاته المستقبلية يرى تايرمان أن الذهب سيواصل الانخفاض", False),
    ("وقتل ستة أشخاص في الهجوم على السوق", False),
])
def test_round_six_families(clause: str, implied: bool) -> None:
    assert implied_subject(clause) is implied


def test_an_outlets_acronym_is_no_wrong_option_and_is_accepted(tmp_path: Path) -> None:
    """Blind round 7: «واس» was a wrong option for «وكالة الأنباء السعودية»."""
    from studykit.check import question_violations
    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2015-07-22\n---\n"
        "الرياض - واس\n\n"
        "ونقلت وكالة الأنباء السعودية عن مصدر مسؤول أن عدد العمليات ارتفع بنسبة كبيرة "
        "خلال العام الماضي مقارنة بالعام الذي سبقه في جميع مناطق المملكة.\n\n"
        "وذكرت وكالة الأنباء القطرية أن الاجتماع المقبل سيعقد في الدوحة خلال الشهر المقبل "
        "بمشاركة وزراء المالية في دول مجلس التعاون الخليجي.\n",
        encoding="utf-8")
    bank = build_bank([read_article(article)], "b", "b")
    asked = [q for q in bank.questions if q.answer == "وكالة الأنباء السعودية"]
    assert asked, [q.prompt for q in bank.questions]
    qatar = [q for q in bank.questions if q.type.value == "mcq"
             and q.answer == "وكالة الأنباء القطرية"]
    for q in qatar:  # never one outlet twice among the options
        assert not {"واس", "وكالة الأنباء السعودية"} <= set(q.options), q.options
    for q in asked:
        assert "واس" not in q.options, q.options
        if q.type.value == "cloze":
            assert "واس" in q.alternatives
        assert question_violations(q, bank) == [], question_violations(q, bank)


@pytest.mark.parametrize(("clause", "implied"), [
    # Round seven (blind review): an institution after the opening verb, not said which.
    ("وحددت الوزارة مواعيد التقدم على الوظائف إلكترونياً للرجال", True),
    ("وقالت الأمانة عبر حسابها في تويتر إن الطول الإجمالي للمسار يبلغ 2117 كم", True),
    ("ولكن المجلس أوقف العمل بنظام الشبكة الوطنية", True),
    ("وأعلنت الوزارة السعودية أن التسجيل يبدأ الأحد", False),
    ("وأعلنت وزارة الخدمة المدنية مواعيد التقدم", False),
])
def test_round_seven_institutions(clause: str, implied: bool) -> None:
    assert implied_subject(clause) is implied
