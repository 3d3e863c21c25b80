"""Rule tables for the shared helpers: written date forms, phrase matching, clause trimming."""

from __future__ import annotations

import pytest

from studykit.generate.clauses import starts_fragment, trim_clause
from studykit.generate.dates import other_forms, parse_written, shifted
from studykit.generate.distractors import number_shape, shifted_number
from studykit.generate.text import contains_phrase, find_phrase


@pytest.mark.parametrize(("text", "shape"), [
    ("29 مارس الجاري", "D M الجاري"),
    ("19 يناير 2022", "D M Y"),
    ("أغسطس 2021", "M Y"),
    ("عام 2015", "عام Y"),
    ("فبراير من العام الماضي", "M من العام الماضي"),
    ("٢٩ آذار ٢٠٢٣", "D M Y"),
    ("10 كانون الثاني 2020", "D M Y"),
    ("العام الماضي", "العام الماضي"),
])
def test_written_shape(text: str, shape: str) -> None:
    assert parse_written(text).shape == shape


@pytest.mark.parametrize(("text", "relative", "expected"), [
    # A relative day keeps its month: `يناير الجاري` in a March article would be a giveaway.
    ("29 مارس الجاري", True, ["27 مارس الجاري", "22 مارس الجاري", "17 مارس الجاري"]),
    ("أغسطس الماضي", True, ["يوليو الماضي", "أكتوبر الماضي", "مايو الماضي"]),
    ("ديسمبر 2022", False, ["نوفمبر 2022", "فبراير 2023", "سبتمبر 2022"]),
    ("عام 2015", False, ["عام 2014", "عام 2017", "عام 2012"]),
    ("٢٩ آذار ٢٠٢٣", False, ["٢٩ شباط ٢٠٢٣", "٢٧ آذار ٢٠٢٣", "٢٩ أيار ٢٠٢٣"]),
])
def test_shifted_dates_keep_the_written_form(text: str, relative: bool,
                                             expected: list[str]) -> None:
    got = shifted(text, relative)
    assert got[:3] == expected
    assert text not in got
    assert all(parse_written(g).shape == parse_written(text).shape for g in got)


def test_relative_month_never_wraps_into_another_year() -> None:
    # `يناير الماضي` shifted back a month would silently be a different year.
    assert all("الماضي" in t for t in shifted("يناير الماضي", True))
    assert "ديسمبر الماضي" not in shifted("يناير الماضي", True)


def test_no_shift_for_a_date_without_digits_or_month() -> None:
    assert shifted("العام الماضي", True) == []


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("29 مارس الجاري", "2023-03-29", ["29 مارس 2023", "29 آذار 2023", "29/3/2023", "29 مارس"]),
    ("عام 2015", "2015", ["2015"]),
    ("أغسطس 2021", "2021-08", ["آب 2021", "8/2021"]),
    ("أمس", None, []),
])
def test_other_forms(text: str, value: str | None, expected: list[str]) -> None:
    assert other_forms(text, value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("20 عامًا", ["25 عامًا", "15 عامًا", "30 عامًا"]),  # 11-99: singular noun kept
    ("5 سنوات", ["7 سنوات", "3 سنوات", "9 سنوات"]),  # 3-10: plural noun kept
    # Options as precise as the key: a lone unrounded key among round ones is a giveaway.
    ("1350 كيلومترًا", ["680 كيلومترًا", "2020 كيلومترًا", "2700 كيلومترًا"]),
    ("381 مهاجرًا", ["190 مهاجرًا", "572 مهاجرًا", "762 مهاجرًا"]),
    ("1.8 مليار دولار", ["1.4 مليار دولار", "2.2 مليار دولار", "1.1 مليار دولار"]),
    ("1.42 تريليون", ["1.06 تريليون", "1.77 تريليون", "0.85 تريليون"]),
    ("مئات الجنود", []),
])
def test_shifted_numbers(text: str, expected: list[str]) -> None:
    assert shifted_number(text)[:3] == expected


def test_number_shape() -> None:
    assert number_shape("1500 ميجاوات") == number_shape("٣٠٠٠ ميجاوات")
    assert number_shape("1500 ميجاوات") != number_shape("22 كيلومترًا")


@pytest.mark.parametrize(("hay", "needle", "found"), [
    ("زيارة عبد اللهيان إلى موسكو", "موسكو", True),
    ("بين طهران وموسكو", "موسكو", True),  # glued conjunction
    ("لعبد اللهيان", "عبد اللهيان", True),
    ("وزير الخارجية الإيراني", "إيران", False),  # an adjective is not the country
    ("شرق القاهرة، وهي", "القاهرة", True),  # Arabic comma right after the word
    ("سيرغي لافروف", "سيرجي لافروف", False),
    ("الاتفاق النووي لعام 2015", "عام 2015", True),
    ("بشبكات الأردن وليبيا والسودان", "ليبيا", True),  # `ل` of ليبيا is not a clitic
    ("ليبيا", "وليبيا", True),
])
def test_contains_phrase(hay: str, needle: str, found: bool) -> None:
    assert contains_phrase(hay, needle) is found


def test_find_phrase_maps_back_through_diacritics() -> None:
    text = "أكد وزيرُ الخارجيةِ الروسيّ، سيرجي لافروف، أن"
    at = find_phrase(text, "وزير الخارجية الروسي")
    assert at is not None
    assert text[at[0]:at[1]] == "وزيرُ الخارجيةِ الروسيّ"
    assert find_phrase("وبموسكو أمس", "موسكو") == (2, 7)  # glued `وب` left out of the span
    assert find_phrase("الموسكوفي", "موسكو") is None  # not a whole word


SENTENCE = (
    "للمرة الرابعة منذ توليه مهام منصبه في أغسطس 2021، قام وزير الخارجية الإيراني حسين أمير "
    "عبد اللهيان بزيارة رسمية إلى العاصمة الروسية موسكو في 29 مارس الجاري، ليصبح تكرار رحلاته "
    "إلى هذا المقصد دليلًا واضحًا على مدى سعي إيران إلى تعميق علاقاتها مع روسيا على مختلف "
    "الأصعدة، خاصة في عهد حكومة المحافظين الإيرانية الحالية التي يقودها إبراهيم رئيسي."
)


@pytest.mark.parametrize(("answer", "clause_start", "clause_end"), [
    ("29 مارس الجاري", "قام وزير", "29 مارس الجاري"),
    ("إبراهيم رئيسي", "ليصبح", "إبراهيم رئيسي."),  # `خاصة` leans on the clause before it
])
def test_trim_clause(answer: str, clause_start: str, clause_end: str) -> None:
    a = SENTENCE.index(answer)
    start, end = trim_clause(SENTENCE, 0, len(SENTENCE), a, a + len(answer))
    clause = SENTENCE[start:end]
    assert clause.startswith(clause_start)
    assert clause.endswith(clause_end)
    assert start <= a and a + len(answer) <= end


def test_trim_clause_keeps_appositions_together() -> None:
    text = ("وخلال المحادثات في موسكو، دعا وزير الخارجية الروسي، سيرجي لافروف، إلى استئناف "
            "المفاوضات النووية الرامية إلى إحياء الاتفاق النووي لعام 2015 " * 2).strip()
    a = text.index("سيرجي")
    start, end = trim_clause(text, 0, len(text), a, a + 12)
    assert "وزير الخارجية الروسي، سيرجي لافروف،" in text[start:end]


@pytest.mark.parametrize(("clause", "fragment"), [
    ("خاصة في ظل تدهور علاقاتهما مع الغرب", True),
    ("قام وزير الخارجية بزيارة", False),
    ("“بعد توقفها في شهر أغسطس", True),
])
def test_starts_fragment(clause: str, fragment: bool) -> None:
    assert starts_fragment(clause) is fragment


@pytest.mark.parametrize(("a", "b", "inside"), [
    ("الشرق الأوسط", "آسيا", True),
    ("آسيا", "ناجورنو قرة باغ", True),  # through جنوب القوقاز and القوقاز
    ("أفريقيا", "آسيا", False),
    ("أمريكا اللاتينية", "أفريقيا", False),
])
def test_nested_regions_are_never_options_together(a: str, b: str, inside: bool) -> None:
    from studykit.generate.distractors import nested

    assert nested(a, b) is inside


@pytest.mark.parametrize("written, value, bare", [
    ("شهر أغسطس الماضي", "2022-08", "أغسطس"),
    ("29 مارس الجاري", "2023-03-29", "29 مارس"),
    ("يونيو المقبل", "2024-06", "يونيو"),
    ("أيلول الفارط", "2019-09", "أيلول"),
])
def test_a_relative_date_also_accepts_its_bare_form(written: str, value: str, bare: str) -> None:
    """The sentence around a blank says which year; a student types just the month/day."""
    from studykit.generate.dates import other_forms

    assert bare in other_forms(written, value)


@pytest.mark.parametrize("written", ["الشهر الجاري", "العام الماضي", "أغسطس 2021"])
def test_no_bare_form_when_nothing_would_be_left_or_nothing_is_relative(written: str) -> None:
    from studykit.generate.dates import bare_relative

    assert bare_relative(written) is None
