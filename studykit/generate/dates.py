"""Written Arabic date forms: their shape, other renderings, and plausible shifted variants.

A distractor for `19 يناير 2022` must look like `19 يناير 2022` (day, month name, year), not
like `2022-01`; a distractor for `أغسطس الماضي` must keep `الماضي`. We work on the text as
written, replacing only its digits and month name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from studykit.arabic import fold, to_latin_digits

# Month names as written in Egypt/Gulf news (transliterated) and in the Levant (Syriac).
MONTHS: dict[str, tuple[str, ...]] = {
    "eg": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
    "lev": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
            "تشرين الأول", "تشرين الثاني", "كانون الأول"),
}
_VARIANTS = {"ابريل": 4, "إبريل": 4, "يوليه": 7, "اغسطس": 8, "أغسطس": 8, "اكتوبر": 10}

_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def _month_table() -> list[tuple[str, str, int]]:
    rows = [(name, style, i + 1) for style, names in MONTHS.items()
            for i, name in enumerate(names)]
    rows += [(name, "eg", m) for name, m in _VARIANTS.items()]
    # Longest first so `كانون الثاني` wins over a shorter overlapping name.
    return sorted(rows, key=lambda r: -len(r[0]))


_TABLE = _month_table()


@dataclass(frozen=True)
class Written:
    """Where the parts of a written date sit in its text."""

    text: str
    month: tuple[int, int, str, int] | None  # start, end, style, month number
    day: tuple[int, int] | None
    year: tuple[int, int] | None

    @property
    def shape(self) -> str:
        """The text with digits and month name abstracted: `D M Y`, `M الماضي`..."""
        parts = sorted(
            [(s, e, tag) for s, e, tag in (
                (*(self.month[:2] if self.month else (0, 0)), "M"),
                (*(self.day or (0, 0)), "D"),
                (*(self.year or (0, 0)), "Y"),
            ) if e > s],
        )
        out, last = [], 0
        for s, e, tag in parts:
            out.append(fold(self.text[last:s]).text)
            out.append(tag)
            last = e
        out.append(fold(self.text[last:]).text)
        return " ".join("".join(out).split())


def parse_written(text: str) -> Written:
    """Find the month name, the day number (1-31 before the month) and a 4-digit year."""
    month = None
    folded = fold(text).text
    for name, style, number in _TABLE:
        at = _word_find(folded, fold(name).text)
        if at is not None:
            span = fold(text).span(at, at + len(fold(name).text))
            month = (span[0], span[1], style, number)
            break
    day = year = None
    latin = to_latin_digits(text)
    for m in re.finditer(r"\d+", latin):
        value = int(m.group())
        if len(m.group()) == 4 and year is None:
            year = (m.start(), m.end())
        elif 1 <= value <= 31 and day is None and month and m.end() <= month[0]:
            day = (m.start(), m.end())
    return Written(text=text, month=month, day=day, year=year)


def _word_find(hay: str, needle: str) -> int | None:
    pos = hay.find(needle)
    while pos != -1:
        before_ok = pos == 0 or not hay[pos - 1].isalpha()
        end = pos + len(needle)
        after_ok = end >= len(hay) or not hay[end].isalpha()
        if before_ok and after_ok:
            return pos
        pos = hay.find(needle, pos + 1)
    return None


def _twin_months(text: str, taken: tuple[int, int], number: int,
                 new: int) -> list[tuple[int, int, str]]:
    """`أيار/مايو`: the same month written again in the other style moves with the first."""
    out = []
    folded = fold(text)
    for name, style, month in _TABLE:
        if month != number:
            continue
        at = _word_find(folded.text, fold(name).text)
        if at is None:
            continue
        span = folded.span(at, at + len(fold(name).text))
        if span[1] <= taken[0] or span[0] >= taken[1]:
            out.append((span[0], span[1], MONTHS[style][new - 1]))
            break
    return out


def _digits_like(new: int, old: str) -> str:
    """`new` written with the digit set of `old` (Arabic-Indic stays Arabic-Indic)."""
    text = str(new)
    if any(ch in _ARABIC_DIGITS for ch in old):
        text = "".join(_ARABIC_DIGITS[int(ch)] for ch in text)
    return text


def _replace(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def shifted(text: str, relative: bool) -> list[str]:
    """Plausible wrong dates in the same written form, nearest first.

    Days move by a few days (kept 1-28), months by one to three months (the year follows when
    written), bare years by one to three years. A relative day (`29 مارس الجاري`) keeps its
    month: `يناير الجاري` in a March article would be a giveaway.
    """
    w = parse_written(text)
    days: list[str] = []
    months: list[str] = []
    years: list[str] = []
    if w.day and w.month:
        day = int(to_latin_digits(text[w.day[0]:w.day[1]]))
        for step in (-2, 5, -7, 9, -12, 3):
            new = day + step
            if 1 <= new <= 28 and new != day:
                days.append(_replace(text, [(*w.day, _digits_like(new, text[w.day[0]:w.day[1]]))]))
    if w.month and not (relative and w.day):
        start, end, style, number = w.month
        for step in (-1, 2, -3, 4, 1, -2):
            month = number + step
            year_step = (month - 1) // 12
            month = (month - 1) % 12 + 1
            spans = [(start, end, MONTHS[style][month - 1]),
                     *_twin_months(text, (start, end), number, month)]
            if year_step and w.year:
                old = text[w.year[0]:w.year[1]]
                spans.append((*w.year, _digits_like(int(to_latin_digits(old)) + year_step, old)))
            elif year_step and relative:
                continue  # `يناير الماضي` from `ديسمبر الماضي` would change the year silently
            months.append(_replace(text, spans))
    if w.year and not w.month:
        old = text[w.year[0]:w.year[1]]
        for step in (-1, 2, -3, 1, -2):
            years.append(_replace(text, [(*w.year, _digits_like(int(to_latin_digits(old)) + step,
                                                                old))]))
    # Alternate the kinds of shift so three distractors do not all differ by the day alone.
    out = [t for group in zip_longest(months, days, years) for t in group if t]
    return [t for t in dict.fromkeys(out) if t != text]


def other_forms(text: str, value: str | None) -> list[str]:
    """Other accepted ways to write the same date: `29 مارس 2023`, `29/3/2023`, `2023`."""
    if not value:
        return []
    parts = value.split("-")
    forms: list[str] = []
    year = parts[0]
    if len(parts) == 1:
        forms = [year, f"عام {year}"]
    elif len(parts) >= 2:
        month = int(parts[1])
        names = [MONTHS["eg"][month - 1], MONTHS["lev"][month - 1]]
        if len(parts) == 3:
            day = int(parts[2])
            forms = [f"{day} {n} {year}" for n in names] + [f"{day}/{month}/{year}"]
        else:
            forms = [f"{n} {year}" for n in names] + [f"{month}/{year}"]
    core = bare_relative(text)
    if core:
        forms.append(core)
    return [f for f in dict.fromkeys(forms) if fold(f).text != fold(text).text]


_RELATIVE_WORDS = ("الماضي", "الماضية", "الجاري", "الجارية", "الحالي", "الحالية", "المقبل",
                   "المقبلة", "القادم", "القادمة", "الفارط")


def bare_relative(text: str) -> str | None:
    """`شهر أغسطس الماضي` → `أغسطس`, `29 مارس الجاري` → `29 مارس`: what a student types for a
    blank whose sentence already says which year (the words around the blank do)."""
    words = text.split()
    if len(words) < 2 or words[-1] not in _RELATIVE_WORDS:
        return None
    core = words[1:-1] if words[0] in ("شهر", "عام", "العام", "الشهر") else words[:-1]
    if not core or not any(ch.isalpha() for w in core for ch in w):
        return None  # `الشهر الجاري`, `العام الماضي`: nothing left to type
    return " ".join(core)


def absolute_form(text: str, value: str | None, relative: bool) -> str:
    """The answer to ask for: a relative date as written (`29 مارس الجاري`) becomes its
    absolute form (`29 مارس 2023`), since "the current month" means nothing a year later."""
    if not relative or not value:
        return text
    forms = other_forms(text, value)
    return forms[0] if forms else text
