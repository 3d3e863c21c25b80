"""Word tables for dates: month names (CLDR via babel + curated), ordinals, weekdays.

All names are stored folded (studykit.arabic.normalize) because dates are matched on the
folded text. Tables are built once and cached: babel is imported lazily, only here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from studykit.arabic import normalize

DATA = Path(__file__).parent / "data"

# CLDR locales whose month names Arabic news uses: Egyptian/Gulf (ar), Levantine and Iraqi
# (ar_SY), Moroccan (ar_MA), Tunisian/Algerian (ar_TN).
_LOCALES = ("ar", "ar_SY", "ar_MA", "ar_TN")

# Day ordinals as written in dates (`السابع عشر من أغسطس`), masculine, folded.
_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع"]
_DAY_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
_DAY_WORDS["العاشر"] = 10
_DAY_WORDS["الحادي عشر"] = 11
for _i, _w in enumerate(_UNITS[1:], start=12):
    _DAY_WORDS[f"{_w} عشر"] = _i
_DAY_WORDS["العشرين"] = 20
_DAY_WORDS["الثلاثين"] = 30
for _i, _w in enumerate(["الحادي", *_UNITS[1:]], start=1):
    _DAY_WORDS[f"{_w} والعشرين"] = 20 + _i
_DAY_WORDS["الحادي والثلاثين"] = 31
_DAY_WORDS["الواحد والعشرين"] = 21
_DAY_WORDS["الواحد والثلاثين"] = 31
_DAY_WORDS["الفاتح"] = 1  # Maghrebi "the first": `الفاتح من نوفمبر`
DAY_WORDS = _DAY_WORDS

# Counts in words for `قبل ثلاث سنوات`; dual forms are handled by the pattern.
COUNT_WORDS = {
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
            "السبت": 5, "الاحد": 6}
# Weekday names that are also ordinary words: الاثنين (the two), الجمعة (the congregation).
AMBIGUOUS_WEEKDAYS = frozenset({"الاثنين", "الجمعه"})


@cache
def _yaml(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_data(name: str) -> Any:
    """A YAML data file of studykit/extract/data, parsed (for the generator's lists)."""
    return _yaml(name)


@cache
def gregorian_months() -> dict[str, int]:
    """Folded month name → month number, from CLDR plus the curated extras."""
    from babel import Locale

    names: dict[str, int] = {}
    for code in _LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context]["wide"].items():
                names[normalize(name)] = int(number)
    for number, extra in _yaml("months.yaml")["gregorian"].items():
        for name in extra:
            names[normalize(name)] = int(number)
    return names


@cache
def hijri_months() -> dict[str, int]:
    return {normalize(n): int(k) for k, v in _yaml("months.yaml")["hijri"].items() for n in v}


@cache
def ambiguous_months() -> frozenset[str]:
    return frozenset(normalize(n) for n in _yaml("months.yaml")["ambiguous"])


def alternation(words: object) -> str:
    """A regex alternation of words, longest first so `تشرين الاول` beats `تشرين`."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def month_words() -> frozenset[str]:
    """Every single-word Gregorian and Hijri month name, folded (`رمضان`, `ايار`)."""
    names = [*gregorian_months(), *hijri_months()]
    return frozenset(n for n in names if " " not in n)
