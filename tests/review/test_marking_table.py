"""The marking table: (expected, given) pairs a teacher would mark, half right, half wrong.

Each row's alternatives are what the generator gives the question: `BANK` takes them from the
bundled deck's question with that answer (decks/iran-russia-2023), an ISO value makes them the
way the generator does for a date fact (studykit.generate.dates.other_forms), a tuple lists them.
The wrong half holds the word a question tests (nationality, ministry, office, agreement type,
number, year, relative word): none of it may be accepted, not even as a near miss.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from studykit.bank import load_bank
from studykit.defaults import default_bank_path
from studykit.generate.dates import other_forms
from studykit.models import Bank
from studykit.pipeline import build_bank
from studykit.review.grading import check_answer
from studykit.sources import read_article

BANK = "bank"
# A second article, built here: tests/data/egypt-saudi-power-link-2024.ar.txt.
EGYPT = "egypt"
Source = str | tuple[str, ...] | None

# (expected, where its alternatives come from, given)
RIGHT: list[tuple[str, Source, str]] = [
    # The natural right answers.
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "17 أغسطس"),
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "١٧ آب"),
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "17/8/2023"),
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "السابع عشر من أغسطس"),
    ("مايو (أيار) الماضي", "2023-05", "مايو"),
    ("مايو (أيار) الماضي", "2023-05", "أيار الماضي"),
    ("الشهر الماضي", "2023-07", "يوليو"),
    ("الشهر الماضي", "2023-07", "تموز 2023"),
    ("عام 2022", BANK, "فبراير 2022"),  # more precise than asked
    ("عام 2022", BANK, "2022"),
    ("عام 2022", BANK, "العام الماضي"),
    ("سيرجي لافروف", BANK, "لافروف"),  # a surname is what a teacher accepts
    ("شهر أغسطس الماضي", BANK, "أغسطس الماضي"),  # no شهر: not a spelling slip
    ("شهر أغسطس الماضي", BANK, "اغسطس"),
    ("شهر أغسطس الماضي", BANK, "آب ٢٠٢٢"),
    # From the bundled article: dates.
    ("أغسطس 2021", BANK, "اغسطس ٢٠٢١"),
    ("أغسطس 2021", BANK, "8/2021"),
    ("29 مارس الجاري", BANK, "29 مارس"),
    ("29 مارس الجاري", BANK, "٢٩ آذار ٢٠٢٣"),
    ("29 مارس 2023", BANK, "29 مارس الجاري"),
    ("29 مارس 2023", BANK, "2023-03-29"),
    ("فبراير من العام الماضي", BANK, "شباط 2022"),
    ("قبل عامين", BANK, "2021"),
    ("قبل عامين", BANK, "عام 2021"),
    ("الشهر الجاري", BANK, "مارس 2023"),
    ("الشهر الجاري", BANK, "آذار"),
    ("19 يناير 2022", BANK, "19 كانون الثاني 2022"),
    ("2015", BANK, "عام ٢٠١٥"),
    ("2015", BANK, "في عام 2015"),
    ("شهر يونيو الماضي", BANK, "حزيران"),
    # People: hamza, alif maqsura, clitics, joined عبد, one slip in a long name.
    ("إبراهيم رئيسي", BANK, "ابراهيم رئيسى"),
    ("إبراهيم رئيسي", BANK, "رئيسي"),
    ("حسين أمير عبد اللهيان", BANK, "عبداللهيان"),
    ("حسين أمير عبد اللهيان", BANK, "عبد الليهان"),
    ("جيهون بيراموف", BANK, "بيرموف"),
    ("فلاديمير بوتين", BANK, "بوتين"),
    ("سيرجي لافروف", BANK, "سيرغي لافروف"),
    ("سيرجي لافروف", BANK, "لافرف"),
    # Offices and nationalities, spelled differently or said with the country.
    ("وزير الخارجية الروسي", BANK, "وزير الخارجيه الروسى"),
    ("وزير الخارجية الروسي", BANK, "وزير خارجية روسيا"),
    ("وزير الخارجية الإيراني", BANK, "وزير الخارجية الايراني"),
    ("الرئيس الإيراني", BANK, "الرئيس الايراني"),
    ("وزير الخارجية الإسرائيلي", BANK, "وزير خارجية إسرائيل"),
    # Places and agreements: clitics, digits, hamza, a capital for its country.
    ("النمسا", BANK, "والنمسا"),
    ("النمسا", BANK, "فيينا"),
    ("أنقرة", BANK, "انقره"),
    ("جنوب القوقاز", BANK, "جنوب القوقاز"),
    ("اتفاقية الـ 20 عامًا", BANK, "اتفاقية ال٢٠ عاما"),
    ("20 عامًا", BANK, "٢٠ عاماً"),
    ("20 عامًا", BANK, "عشرين عاماً"),
    ("الاتفاق النووي لعام 2015", BANK, "الاتفاق النووي"),
    ("للحرس الثوري الإيراني", BANK, "الحرس الثوري الايراني"),
    ("وول ستريت جورنال", BANK, "وول ستريت جورنل"),
    # A second article (Egypt-Saudi power link).
    ("وزير الكهرباء والطاقة المتجددة المصري", EGYPT, "وزير الكهرباء والطاقه المتجدده المصرى"),
    ("وزير الطاقة السعودي", EGYPT, "وزير الطاقه السعودي"),
    ("سبتمبر المقبل", EGYPT, "أيلول المقبل"),
    ("سبتمبر المقبل", EGYPT, "سبتمبر ٢٠٢٤"),
    ("الشهر الماضي", EGYPT, "نيسان"),
    ("العام الجاري", EGYPT, "2024"),
    ("1.8 مليار دولار", EGYPT, "١٫٨ مليار دولار"),
    ("1500 ميجاوات", EGYPT, "1500 ميغاواط"),
    ("عبد الفتاح السيسي", EGYPT, "السيسي"),
    ("الرياض", EGYPT, "المملكة العربية السعودية"),
    ("العام الجاري", EGYPT, "العام الحالي"),  # the same relative date in other words
    ("الشهر الجاري", BANK, "هذا الشهر"),
    ("النمسا", BANK, "في النمسا"),  # a preposition before the blank's word
]

WRONG: list[tuple[str, Source, str]] = [
    # The false accepts: the word the question tests.
    ("وزير الخارجية الروسي", BANK, "وزير الخارجية الأمريكي"),
    ("وزير الخارجية الروسي", BANK, "وزير الخارجية الإيراني"),
    ("وزير الخارجية الروسي", BANK, "وزير الخارجية التركي"),
    ("الرئيس الإيراني", BANK, "الرئيس الأمريكي"),
    ("وزير الخارجية السعودي", None, "وزير الداخلية السعودي"),
    ("اتفاقية التعاون الأمني", None, "اتفاقية التعاون الاقتصادي"),
    # Nationalities one letter apart, offices, ministries.
    ("وزير الخارجية الأرمني", None, "وزير الخارجية الأردني"),
    ("وزير الخارجية الأذربيجاني", BANK, "وزير الخارجية الإسرائيلي"),
    ("وزير الخارجية الإسرائيلي", BANK, "وزير خارجية إيران"),
    ("وزير الخارجية الروسي", BANK, "وزير الخارجية"),
    ("الرئيس الإيراني", BANK, "الرئيس"),
    ("الرئيس الإيراني", BANK, "رئيس الوزراء الإيراني"),
    ("وزير الدفاع الروسي", None, "وزير الداخلية الروسي"),
    ("المتحدث باسم مجلس الأمن القومي بالبيت الأبيض الأمريكي", BANK,
     "المتحدث باسم مجلس الأمن القومي بالبيت الأبيض الروسي"),
    ("مجلس الأمن القومي", BANK, "مجلس الأمن الدولي"),
    # Agreement types and their numbers and years.
    ("اتفاقية تعاون سيبراني", BANK, "اتفاقية تعاون عسكري"),
    ("الاتفاق الإيراني السعودي", BANK, "الاتفاق الإيراني الروسي"),
    ("الاتفاق النووي لعام 2015", BANK, "الاتفاق النووي لعام 2016"),
    ("اتفاقية الـ 20 عامًا", BANK, "اتفاقية الـ 25 عامًا"),
    ("20 عامًا", BANK, "25 عامًا"),
    ("20 عامًا", BANK, "20 شهرا"),
    ("20 عامًا", BANK, "ثلاثين عاما"),
    ("اتفاقية الـ 20 عامًا", BANK, "اتفاقية الخمسة والعشرين عاما"),
    # Dates: a different day, month, year or relative word; less precise than asked.
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "18 أغسطس"),
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "أغسطس"),
    ("السابع عشر من أغسطس (آب) الحالي", "2023-08-17", "17 أغسطس 2022"),
    ("مايو (أيار) الماضي", "2023-05", "مارس"),
    ("مايو (أيار) الماضي", "2023-05", "مايو 2022"),
    ("الشهر الماضي", "2023-07", "يونيو"),
    ("عام 2022", BANK, "2021"),
    ("عام 2022", BANK, "فبراير 2021"),
    ("عام 2022", BANK, "فبراير"),
    ("شهر أغسطس الماضي", BANK, "أغسطس المقبل"),
    ("شهر أغسطس الماضي", BANK, "أغسطس 2021"),
    ("أغسطس 2021", BANK, "أغسطس 2022"),
    ("أغسطس 2021", BANK, "2021"),
    ("أغسطس 2021", BANK, "أغسطس"),
    ("29 مارس 2023", BANK, "28 مارس 2023"),
    ("29 مارس 2023", BANK, "29 مايو 2023"),
    ("29 مارس الجاري", BANK, "29 مارس الماضي"),
    ("فبراير من العام الماضي", BANK, "فبراير 2023"),
    ("قبل عامين", BANK, "2022"),
    ("2015", BANK, "2005"),
    # Other people, other places.
    ("سيرجي لافروف", BANK, "فلاديمير بوتين"),
    ("حسين أمير عبد اللهيان", BANK, "إبراهيم رئيسي"),
    ("حسين", None, "حسن"),
    ("إيلي كوهين", BANK, "إيلي كوهن"),
    ("جنوب القوقاز", BANK, "شمال القوقاز"),
    ("أمريكا اللاتينية", BANK, "أمريكا الشمالية"),
    ("أرمينيا", BANK, "أذربيجان"),
    ("أرمينيا", BANK, "ألبانيا"),
    ("النمسا", BANK, "روسيا"),
    ("الحسكة", BANK, "دير الزور"),
    ("جهاز أمن الدولة", BANK, "جهاز الأمن الوطني"),
    # A second article (Egypt-Saudi power link).
    ("وزير الطاقة السعودي", EGYPT, "وزير الكهرباء السعودي"),
    ("وزير الطاقة السعودي", EGYPT, "وزير الطاقة المصري"),
    ("وزير الكهرباء والطاقة المتجددة المصري", EGYPT, "وزير الكهرباء والطاقة المتجددة السعودي"),
    ("1500 ميجاوات", EGYPT, "3000 ميجاوات"),
    ("59 ألف ميجاوات", EGYPT, "35 ألف ميجاوات"),
    ("1.8 مليار دولار", EGYPT, "1.8 مليون دولار"),
    ("1.8 مليار دولار", EGYPT, "18 مليار دولار"),
    ("مركز التحكم القومي", EGYPT, "مركز التحكم الوطني"),
    ("سبتمبر المقبل", EGYPT, "سبتمبر الماضي"),
    ("الشهر الماضي", EGYPT, "مايو"),
    ("عبد العزيز بن سلمان", EGYPT, "محمد بن سلمان"),
    ("المدينة المنورة", EGYPT, "تبوك"),
    ("يونيو 2012", EGYPT, "يونيو 2021"),
    ("العام الجاري", EGYPT, "العام الماضي"),
    ("الشهر الجاري", BANK, "الشهر الماضي"),
    ("النمسا", BANK, "في روسيا"),
]


@cache
def _bank_alternatives(which: str) -> dict[str, tuple[str, ...]]:
    bank = load_bank(default_bank_path()) if which == BANK else _built(which)
    out: dict[str, tuple[str, ...]] = {}
    for q in bank.questions:
        if q.type.value in ("cloze", "short_answer"):
            out.setdefault(q.shown_answer, q.shown_alternatives)
    return out


def alternatives(expected: str, source: Source) -> tuple[str, ...]:
    if source in (BANK, EGYPT):
        table = _bank_alternatives(str(source))
        assert expected in table, f"no cloze/short answer «{expected}» in the {source} bank"
        return table[expected]
    if isinstance(source, str):
        return tuple(other_forms(expected, source))
    return source or ()


@pytest.mark.parametrize(("expected", "source", "given"), RIGHT)
def test_right_answers_are_accepted(expected: str, source: Source, given: str) -> None:
    assert check_answer(given, expected, alternatives(expected, source)).correct


@pytest.mark.parametrize(("expected", "source", "given"), WRONG)
def test_wrong_word_is_never_accepted(expected: str, source: Source, given: str) -> None:
    check = check_answer(given, expected, alternatives(expected, source))
    assert not check.correct, f"accepted as «{check.matched}» (near miss: {check.near_miss})"


def test_the_table_is_big_enough() -> None:
    assert len(RIGHT) + len(WRONG) >= 60 and len(WRONG) >= 30


@pytest.mark.parametrize("which", [BANK, EGYPT])
def test_no_distractor_is_accepted(which: str) -> None:
    """Every wrong option of every MCQ, typed as the answer, is marked wrong: the generator
    picks distractors that look like the answer (same kind, same shape), the hardest test."""
    bank = load_bank(default_bank_path()) if which == BANK else _built(which)
    tried = 0
    for q in bank.questions:
        if q.type.value != "mcq":
            continue
        for option in q.shown_options:
            if option != q.shown_answer:
                tried += 1
                check = check_answer(option, q.shown_answer, q.shown_alternatives)
                assert not check.correct, (option, q.shown_answer)
    assert tried >= 30


@pytest.mark.parametrize("which", [BANK, EGYPT])
def test_every_accepted_spelling_is_accepted(which: str) -> None:
    """The answer and its alternatives, as written and as students type them (the forms the
    Moodle export lists), are all marked right."""
    from studykit.arabic import typing_variants

    bank = load_bank(default_bank_path()) if which == BANK else _built(which)
    for q in bank.questions:
        if q.type.value in ("cloze", "short_answer", "mcq"):
            for accepted in (q.shown_answer, *q.shown_alternatives):
                for form in typing_variants(accepted):
                    assert check_answer(form, q.shown_answer, q.shown_alternatives).correct, form


@cache
def _built(which: str) -> Bank:
    article = Path(__file__).resolve().parents[1] / "data" / "egypt-saudi-power-link-2024.ar.txt"
    return build_bank([read_article(article)], which, which)


def test_more_precise_date_is_accepted_with_a_note() -> None:
    check = check_answer("فبراير 2022", "عام 2022", alternatives("عام 2022", BANK))
    assert check.correct and check.more_precise and not check.near_miss
    assert not check_answer("2022", "عام 2022", alternatives("عام 2022", BANK)).more_precise


@pytest.mark.parametrize("which", [BANK, EGYPT])
def test_no_answer_of_one_question_passes_for_another(which: str) -> None:
    """Every cloze/short answer of the bank typed for every other one (thousands of pairs of
    real wrong answers: other people, places, offices, dates). None is accepted, except a date
    more precise than the question's year or month (`19 يناير 2022` for `عام 2022`), which is
    accepted with a note that the article gives only the year."""
    from studykit.arabic import normalize

    bank = load_bank(default_bank_path()) if which == BANK else _built(which)
    answers: dict[str, tuple[str, ...]] = {}
    for q in bank.questions:
        if q.type.value in ("cloze", "short_answer"):
            answers.setdefault(q.shown_answer, q.shown_alternatives)
    tried = 0
    for right, alts in answers.items():
        same = {normalize(a) for a in (right, *alts)}
        for other, other_alts in answers.items():
            if normalize(other) in same or normalize(right) in map(normalize, other_alts):
                continue  # the same fact in another form (a capital for its country)
            tried += 1
            check = check_answer(other, right, alts)
            assert not check.correct or check.more_precise, (other, right)
    assert tried > 1000
