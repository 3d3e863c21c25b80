"""Resolving dates: Hijri to Gregorian, `قبل عامين` and `20 الشهر الجاري` against the
publication date, and the relative words (الماضي، الجاري، المقبل) the date patterns share.

Split from studykit.extract.dates, which matches the patterns; these functions turn a match's
groups into an ISO value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from studykit.extract import datewords as W
from studykit.extract.context import Found

PAST = r"الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفايت|الفارط|الفارطه"
NOW = r"الجاري|الحالي|الحاليه"
NEXT = r"المقبل|المقبله|القادم|القادمه"


def month_days(g: dict[str, str | None], pub: date | None) -> Found | None:
    """`20 الشهر الجاري`: a day of the publication month (or the one before or after)."""
    if pub is None:
        return Found(None, 0, 0, relative=True, subkind="day")
    y, m = divmod(pub.year * 12 + pub.month - 1 + year_offset(squash(g["rel"])), 12)
    try:
        item = Found(date(y, m + 1, int(g["d"] or 0)).isoformat(), 0, 0, relative=True,
                     subkind="day")
        if g.get("d1"):
            item.attrs["end"] = item.value or ""
            item.value = date(y, m + 1, int(g["d1"] or 0)).isoformat()
    except ValueError:
        return None
    return item


def year_offset(word: str) -> int:
    if re.fullmatch(PAST, word):
        return -1
    return 1 if re.fullmatch(NEXT, word) else 0


def hijri(g: dict[str, str | None]) -> Found | None:
    from hijridate import Hijri

    month = W.hijri_months()[squash(g["hm"])]
    year = int(g["y"] or 0)
    day = int(g["d"] or 0) if g.get("d") else W.DAY_WORDS.get(squash(g.get("dw") or ""), 0)
    try:
        greg = Hijri(year, month, day or 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if day:
        return Found(greg.isoformat(), 0, 0, subkind="day", attrs={"calendar": "hijri"})
    return Found(f"{greg.year:04d}-{greg.month:02d}", 0, 0, subkind="month",
                 attrs={"calendar": "hijri"})


def ago_subkind(unit: str) -> str:
    if unit in ("عامين", "سنتين", "عام", "سنه", "اعوام", "سنوات", "سنين"):
        return "year"
    return "month" if unit in ("شهرين", "شهر", "اشهر", "شهور") else "day"


def ago(g: dict[str, str | None], pub: date) -> str | None:
    unit = squash(g["unit"] or "")
    n_raw = squash(g.get("n") or "")
    if unit in ("عامين", "سنتين", "شهرين", "يومين", "اسبوعين"):
        n = 2
    elif n_raw:
        n = int(n_raw) if n_raw.isdigit() else W.COUNT_WORDS[n_raw]
    elif unit in ("عام", "سنه", "شهر", "اسبوع"):
        n = 1
    else:
        return None  # `منذ سنوات`: too vague to date
    kind = ago_subkind(unit)
    if kind == "year":
        return f"{pub.year - n:04d}"
    if kind == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return f"{y:04d}-{m + 1:02d}"
    days = n * 7 if unit.startswith("اسب") else n
    return (pub - timedelta(days=days)).isoformat()


def squash(text: str | None) -> str:
    return " ".join((text or "").split())
