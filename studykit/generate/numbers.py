"""Numbers as options: the same shape with another value (`# ميجاوات`), in the same grammatical
band, and never a value a bound makes true (`أكثر من 500` is also "more than 250").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studykit.arabic import fold, normalize, to_latin_digits
from studykit.models import Fact

_NUMBER = re.compile(r"\d+(?:[.,٫]\d+)?")


def number_shape(text: str) -> str:
    """The text with its number abstracted: `# ميجاوات`, `# كيلومترا`."""
    return normalize(_NUMBER.sub("#", to_latin_digits(text)))


def _round2(value: float) -> float:
    """Round to two significant digits: 2025 → 2000, 675 → 680."""
    if value <= 0:
        return value
    magnitude = 10 ** (len(str(int(value))) - 2) if value >= 100 else 1
    return round(value / magnitude) * magnitude


def shifted_number(text: str) -> list[str]:
    """Nearby numbers in the same grammatical band (3-10 take a plural, 11-99 a singular)."""
    latin = to_latin_digits(text)
    match = _NUMBER.search(latin)
    if not match:
        return []
    raw = match.group()
    candidates: list[str] = []
    if not raw.isdigit():
        point = raw[len(raw.rstrip("0123456789")) - 1]
        value = float(raw.replace(point, "."))
        for step in (0.5, -0.3, 1.2, -0.6, 2.0):
            new = round(value + step, 1)
            # A whole number would change the noun's agreement (`3 مليارات`, not `3 مليار`).
            if new > 0 and new != int(new):
                candidates.append(f"{new:g}".replace(".", point))
    else:
        number = int(raw)
        if 3 <= number <= 10:
            news = [n for n in (number + 2, number - 2, number + 4, number - 1) if 3 <= n <= 10]
        elif 11 <= number <= 99:
            news = [n for n in (number + 5, number - 5, number + 10, number - 10, number + 3)
                    if 11 <= n <= 99]
        elif number >= 100:
            news = [int(_round2(number * f)) for f in (0.5, 1.5, 2.0, 0.75, 1.25)]
        else:
            news = []
        candidates = [str(n) for n in news if n != number]
    out = []
    for digits in dict.fromkeys(candidates):
        if any("٠" <= ch <= "٩" for ch in text):
            digits = "".join("٠١٢٣٤٥٦٧٨٩"[int(c)] if c.isdigit() else c for c in digits)
        out.append(text[:match.start()] + digits + text[match.end():])
    return out


# `أكثر من`, `ما يزيد على`, `أقل من`, `نحو`: the number is a bound or an estimate.
_MORE = re.compile(
    r"(?:اكثر|اعلي|اكبر|يزيد|يتجاوز|تجاوز|يفوق|تفوق|تزيد|تتجاوز)\s+(?:من|علي|عن)?\s*$")
_LESS = re.compile(r"(?:اقل|ادني|اصغر|يقل|تقل|دون)\s+(?:من|عن)?\s*$")
_ABOUT = re.compile(r"(?:نحو|حوالي|قرابه|زهاء|يقارب|يناهز|تقريبا|قرابة)\s*$")


def approximate(before: str) -> str | None:
    """`more`, `less` or `about` when the words before a number make it a bound or estimate."""
    text = fold(before).text.rstrip()
    if _MORE.search(text):
        return "more"
    if _LESS.search(text):
        return "less"
    if _ABOUT.search(text):
        return "about"
    return None


def _value(text: str) -> float | None:
    match = _NUMBER.search(to_latin_digits(text))
    if match is None:
        return None
    raw = match.group()
    try:
        return float(raw.replace(",", ".").replace("٫", "."))
    except ValueError:
        return None


def number_bound(clause: str, fact: Fact) -> Callable[[str], bool] | None:
    """For a number written as a bound (`أكثر من 500`), which wrong options stay false: only
    larger ones after `أكثر من` (a smaller one also makes a true sentence), only smaller
    ones after `أقل من`."""
    at = clause.find(fact.text)
    if at < 0:
        return None
    kind = approximate(clause[:at])
    key = _value(fact.text)
    if kind not in ("more", "less") or key is None:
        return None

    def ok(candidate: str) -> bool:
        value = _value(candidate)
        return value is not None and (value > key if kind == "more" else value < key)
    return ok
