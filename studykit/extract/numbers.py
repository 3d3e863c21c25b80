"""Numbers and durations with what they count: `20 عامًا`, `الـ 20 عامًا`, `5 ملايين دولار`.

Digits (Latin, Arabic-Indic or Persian; matched folded) followed by a multiplier and the word
they count. Numbers inside dates are left to the date extractor.
"""

from __future__ import annotations

import re

from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.models import Fact, FactKind

_MULT = {"الف": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000,
         "مليار": 1_000_000_000, "مليارات": 1_000_000_000, "ترليون": 10**12, "تريليون": 10**12}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:[.,٫]\d+)?)"
    r"(?:\s*(?P<mult>" + "|".join(_MULT) + r")(?!\w))?"
    r"(?P<pct>\s*(?:%|٪|بالمئه|بالمائه|في المئه|في المائه))?"
    r"(?:\s+(?P<unit>[\u0621-\u064A]{2,}))?")
# A list item's number: `١-أن النسبة`, `2) لم يثبت` at the start of a line (blind review:
# its blank and its "renumbered" false statements test nothing).
_LIST_MARK = re.compile(r"[ \t]*[-–)\.](?!\d)")


def extract_numbers(ctx: Context) -> list[Fact]:
    """Number facts; value in Latin digits, attrs counts = the counted word as written."""
    found: list[Found] = []
    for m in _NUMBER.finditer(ctx.folded):
        start, end = m.span("n")
        if ctx.overlaps_taken(start, end) or _list_item(ctx.folded, start, end):
            continue
        value = _value(m.group("n"), m.group("mult"))
        if value is None:
            continue
        attrs: dict[str, str] = {}
        end = m.end("mult") if m.group("mult") else end
        if m.group("pct"):
            attrs["counts"] = "%"
            end = m.end("pct")
        elif m.group("unit") and not N.is_stop(m.group("unit")):
            attrs["counts"] = ctx.surface(m.start("unit"), m.end("unit"))
            end = m.end("unit")
        found.append(Found(value, start, end, attrs=attrs))
    return build_facts(ctx, FactKind.NUMBER, found)


def _list_item(text: str, start: int, end: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip() and bool(_LIST_MARK.match(text, end))


def _value(digits: str, mult: str | None) -> str | None:
    text = digits.replace("٫", ".")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")
    text = text.replace(",", ".")
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        return None
    if mult:
        number = number * _MULT[mult]
    if isinstance(number, float):
        return str(int(number)) if number.is_integer() else f"{number:g}"
    return str(number)
