"""Dates in typed answers: what a student may write for a date blank, read as (year, month, day).

A date answer is marked by value, not spelling: `17 أغسطس`, `١٧ آب` and `السابع عشر من أغسطس`
are one answer. A question's accepted dates are its answer and alternatives read together, so a
relative answer (`الشهر الماضي`) takes the value the generator resolved it to (its alternative
`يوليو 2023`). Rules a teacher applies, and the tests hold:
- every part the student writes must be right (a wrong year is wrong, however close);
- the student must give every part the answer has, except a year the answer itself leaves to
  the sentence (`مايو (أيار) الماضي` → `مايو`); a more precise date is right (`فبراير 2022` for
  `عام 2022`);
- a relative word the student writes must be the answer's (`أغسطس المقبل` for `أغسطس الماضي` is
  wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from studykit.arabic import normalize

_PUNCT = re.compile(r"[^\w\s/.\-]|_")
_DECIMAL = re.compile(r"(?<=\d)[٫,](?=\d)")
_NUMERIC = re.compile(r"^(\d{1,4})\s*[/.\-]\s*(\d{1,4})(?:\s*[/.\-]\s*(\d{1,4}))?$")
# Relative words, folded, by what they point to (studykit.extract.dateresolve has the same).
_REL = {
    "past": ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفارط", "الفارطه"),
    "now": ("الجاري", "الجاريه", "الحالي", "الحاليه"),
    "next": ("المقبل", "المقبله", "القادم", "القادمه"),
}
_REL_CLASS = {w: cls for cls, words in _REL.items() for w in words}
_LEADING = ("في", "منذ", "يوم", "خلال", "بتاريخ", "تاريخ", "وفي")
_YEAR_WORDS = ("عام", "العام", "لعام", "سنه", "السنه", "لسنه")
# A relative phrase alone (`الشهر الماضي`, `قبل عامين`): a date with no written part.
_RELATIVE_ONLY = re.compile(
    rf"^(?:ال|هذا\s+ال)(?:شهر|عام|سنه)(?:\s+(?:{'|'.join(_REL_CLASS)}))?$"
    r"|^(?:قبل|منذ)\s+\D+$|^(?:امس|الامس|البارحه)$")


@dataclass(frozen=True)
class DateKey:
    """The parts a date answer writes; `rel` is the relative word's class, if any."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel: str | None = None

    @property
    def written(self) -> bool:
        return any(p is not None for p in (self.year, self.month, self.day))


def fold_answer(text: str) -> str:
    """The comparison key: folded, punctuation and quotes dropped, spaces collapsed; a decimal
    point written `٫` or `,` (`١٫٨`, `1,8`) becomes `.`."""
    folded = _DECIMAL.sub(".", normalize(text))
    return " ".join(_PUNCT.sub(" ", folded).split())


@cache
def _months() -> dict[str, int]:
    from studykit.extract.datewords import gregorian_months

    return gregorian_months()


@cache
def _day_words() -> dict[str, int]:
    from studykit.extract.datewords import DAY_WORDS

    return dict(DAY_WORDS)


def _take(words: list[str], i: int, table: dict[str, int]) -> tuple[int | None, int]:
    """The table entry of one or two words at i (two first: `كانون الثاني`, `السابع عشر`)."""
    for size in (3, 2, 1):
        if i + size <= len(words):
            value = table.get(" ".join(words[i:i + size]))
            if value is not None:
                return value, i + size
    return None, i


def parse_date(text: str) -> DateKey | None:
    """The date an answer writes, or None when it is not (only) a date.

    `29 مارس 2023`, `29/3/2023`, `2023-03-29`, `السابع عشر من أغسطس (آب) الحالي`, `مايو`,
    `عام 2022`, `فبراير من العام الماضي`; relative phrases alone (`الشهر الماضي`) give a key
    with no written part.
    """
    folded = re.sub(r"(?:(?<=\d)|\s)م$", "", fold_answer(text))
    if _RELATIVE_ONLY.match(folded):
        # `العام الحالي` = `العام الجاري` = `هذا العام`: the unit and what the word points to.
        words = folded.split()
        unit = next((w.removeprefix("ال") for w in words if w.removeprefix("ال") in (
            "شهر", "عام", "سنه")), "")
        cls = "now" if words[0] == "هذا" else _REL_CLASS.get(words[-1], "other")
        unit = "عام" if unit == "سنه" else unit
        return DateKey(rel=f"{unit}-{cls}" if unit and cls != "other" else "other:" + folded)
    words = folded.split()
    while words and words[0] in _LEADING:
        words = words[1:]
    if not words:
        return None
    folded = " ".join(words)
    numeric = _numeric(folded)
    if numeric is not None or _NUMERIC.match(folded):
        return numeric
    return _words(words)


def _numeric(folded: str) -> DateKey | None:
    match = _NUMERIC.match(folded)
    if not match:
        return None
    a, b, c = match.group(1), match.group(2), match.group(3)
    if c is None:  # 3/2023 (month/year) or 29/3 (day/month)
        if len(b) == 4:
            return DateKey(int(b), int(a)) if 1 <= int(a) <= 12 else None
        ok = 1 <= int(b) <= 12 and 1 <= int(a) <= 31 and len(a) <= 2
        return DateKey(None, int(b), int(a)) if ok else None
    if len(a) == 4:  # 2023-03-29
        year, month, day = int(a), int(b), int(c)
    else:  # 29/3/2023, day first as Arabic news writes it
        day, month, year = int(a), int(b), int(c)
    if 1 <= month <= 12 and 1 <= day <= 31 and len(str(year)) == 4:
        return DateKey(year, month, day)
    return None


def _words(words: list[str]) -> DateKey | None:
    i, day, month, year, rel = 0, None, None, None, None
    if words[0].isdigit() and len(words) > 1 and 1 <= int(words[0]) <= 31:
        day, i = int(words[0]), 1
    else:
        day, i = _take(words, 0, _day_words())
    if day is not None and i < len(words) and words[i] == "من":
        i += 1
    if i < len(words) and words[i] in ("شهر", "الشهر"):
        i += 1
    month, i = _take(words, i, _months())
    if month is not None:
        gloss, after = _take(words, i, _months())  # `أغسطس (آب)`: the same month twice
        if gloss == month:
            i = after
    if i < len(words) and words[i] == "من" and month is not None:
        i += 1  # `فبراير من العام الماضي`
    if i < len(words) and words[i] in _YEAR_WORDS:
        i += 1
        if i < len(words) and words[i] in _REL_CLASS and month is not None:
            return _end(words, i + 1, DateKey(None, month, day, "year-" + _REL_CLASS[words[i]]))
    if i < len(words) and re.fullmatch(r"\d{4}", words[i]) and 1000 <= int(words[i]) <= 2199:
        year, i = int(words[i]), i + 1
    elif i < len(words) and words[i] in _REL_CLASS and month is not None:
        rel, i = _REL_CLASS[words[i]], i + 1
    if month is None and (day is not None or year is None):
        return None  # a bare number or ordinal is not a date
    return _end(words, i, DateKey(year, month, day, rel))


def _end(words: list[str], i: int, key: DateKey) -> DateKey | None:
    return key if i == len(words) else None


def merged(keys: list[DateKey]) -> DateKey | None:
    """One date from the answer and its alternatives (each may write only some parts), or
    None when they disagree or none is a date."""
    out = DateKey()
    for key in keys:
        for part in ("year", "month", "day"):
            mine, theirs = getattr(out, part), getattr(key, part)
            if theirs is not None:
                if mine is not None and mine != theirs:
                    return None
                out = replace(out, **{part: theirs})
    return out if out.written else None


def date_accepts(given: DateKey, target: DateKey, full: DateKey) -> bool:
    """Whether `given` is a right answer for `target` (one accepted form), `full` being the
    question's whole date (target's unwritten parts resolved)."""
    if not given.written:
        return False
    if given.rel is not None and given.rel != target.rel:
        return False
    want = DateKey(full.year, full.month, full.day, target.rel)
    for part in ("year", "month", "day"):
        mine, right = getattr(given, part), getattr(want, part)
        if mine is not None and right is not None and mine != right:
            return False
        # A part the answer has must be given, except a year the answer leaves unwritten.
        if mine is None and right is not None and not (part == "year" and target.year is None):
            return False
    # A more precise date than the answer needs the answer's year to be checked against.
    return not more_precise(given, want) or (want.year is not None and given.year == want.year)


def more_precise(given: DateKey, full: DateKey) -> bool:
    """The answer adds a month or day the question's date does not have (`فبراير 2022` for
    `عام 2022`): right by the article, but the extra part cannot be checked against it."""
    return bool((given.month and not full.month) or (given.day and not full.day))


def resolved_form(expected: str, alternatives: tuple[str, ...]) -> str | None:
    """The dated form to show beside a relative answer (`شهر أغسطس الماضي` → `أغسطس 2022`),
    taken from the alternatives the generator resolved; None when the answer is absolute."""
    own = parse_date(expected)
    if own is None or own.year is not None:
        return None
    keys = [own, *(k for k in map(parse_date, alternatives) if k is not None)]
    full = merged(keys)
    if full is None or full.year is None:
        return None
    for alt in alternatives:
        key = parse_date(alt)
        if key is not None and (key.year, key.month, key.day) == (full.year, full.month,
                                                                  full.day):
            return alt
    return None
