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


def _like(value: float, number: int) -> int:
    """`value` rounded as precisely as `number` is written: 381 → units, 5000 → thousands
    (a key of 381 among 570, 760 and 190 is the only unrounded option: a giveaway)."""
    zeros = len(str(number)) - len(str(number).rstrip("0"))
    magnitude = 10 ** min(zeros, len(str(number)) - 1)
    return int(round(value / magnitude) * magnitude)


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
        decimals = len(raw) - len(raw.rstrip("0123456789"))
        value = float(raw.replace(point, "."))
        # Other values in the key's own precision (`1.42` among `1.07`, `1.78`, not `1.9`).
        for factor in (0.75, 1.25, 0.6, 1.5, 1.35):
            new = round(value * factor, decimals)
            text_new = f"{new:.{decimals}f}"
            # A whole number would change the noun's agreement (`3 مليارات`, not `3 مليار`).
            if new > 0 and new != int(new) and not text_new.endswith("0"):
                candidates.append(text_new.replace(".", point))
    else:
        number = int(raw)
        if 3 <= number <= 10:
            news = [n for n in (number + 2, number - 2, number + 4, number - 1) if 3 <= n <= 10]
        elif 11 <= number <= 99:
            news = [n for n in (number + 5, number - 5, number + 10, number - 10, number + 3)
                    if 11 <= n <= 99]
        elif number >= 100:
            news = [_like(number * f, number) for f in (0.5, 1.5, 2.0, 0.75, 1.25)]
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


def computable(sentence: str, start: int, end: int) -> bool:
    """The number at [start, end) of `sentence` follows from two others written beside it
    (`لتبلغ 81.6 مليار، مقابل 77.5 مليار` gives a rise of 4.1; `خلال 22 عاما (1994 وحتى
    2015)`): blanking it tests arithmetic, not the article (blind review of real news)."""
    key = _value(sentence[start:end])
    if key is None:
        return False
    answer = to_latin_digits(sentence[start:end])
    match = _NUMBER.search(answer)
    decimals = 0
    if match and not match.group().isdigit():
        decimals = len(match.group()) - len(match.group().rstrip("0123456789"))
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    rest = to_latin_digits(sentence[:start] + " " + sentence[end:])
    others = [float(m.group().replace(",", ".").replace("٫", "."))
              for m in _NUMBER.finditer(rest)]
    for i, a in enumerate(others):
        for b in others[i + 1:]:
            if abs(a + b - key) <= tolerance or abs(abs(a - b) - key) <= tolerance:
                return True
    return False
