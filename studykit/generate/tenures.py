"""When the built-in office holders held office, read from the years the data files give beside
each name (`- وانغ يي  # China, 2013-2022`; `[A, B]  # 2021-24, 2013-21`).

A wrong option must belong to the article's time: a 2015 story about Iraq's prime minister
never gets Rishi Sunak or Mikhail Mishustin among its options (blind review of real news).
An office holder fits an article published in year Y when they took office by Y and left it
no more than ERA years before Y.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

ERA = 8
_YEARS = re.compile(r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)?\d\d)?)?")
Tenure = tuple[int, int | None]  # first year, last year (None: still in office)


def _span(spec: str) -> Tenure | None:
    """`2013-22/2023-` → (2013, None); `2021-24` → (2021, 2024); `2022` → (2022, 2022)."""
    starts: list[int] = []
    ends: list[int | None] = []
    for match in _YEARS.finditer(spec):
        start = int(match.group(1))
        tail = match.group(2)
        dash = "-" in match.group(0) or "–" in match.group(0)
        if tail:
            end: int | None = int(tail) if len(tail) == 4 else (start // 100) * 100 + int(tail)
        else:
            end = None if dash else start
        starts.append(start)
        ends.append(end)
    if not starts:
        return None
    return min(starts), None if None in ends else max(e for e in ends if e is not None)


@cache
def tenures() -> dict[str, Tenure]:
    """Office holder → tenure, from officials.yaml and officials_by_country.yaml."""
    out: dict[str, Tenure] = {}
    data = resources.files("studykit.generate") / "data"
    for line in (data / "officials.yaml").read_text(encoding="utf-8").splitlines():
        item = re.match(r"\s*-\s*([^#]+?)\s*#\s*(.*)$", line)
        if item:
            _add(out, item.group(1).strip(), _span(item.group(2)))
    for line in (data / "officials_by_country.yaml").read_text(encoding="utf-8").splitlines():
        item = re.match(r"\s*\w+:\s*\[([^\]]*)\]\s*#\s*(.*)$", line)
        if not item:
            continue
        names = [n.strip() for n in item.group(1).split(",")]
        specs = [s.strip() for s in re.split(r"[,;]\s*", item.group(2))]
        if len(specs) != len(names):
            continue  # years that do not line up with the names: no tenure rather than a wrong one
        for name, spec in zip(names, specs, strict=True):
            _add(out, name, _span(spec))
    return out


def _add(out: dict[str, Tenure], name: str, span: Tenure | None) -> None:
    """Several offices of one person (`دميتري ميدفيديف`: president, then prime minister)
    make one tenure from the first year to the last."""
    if span is None:
        return
    old = out.get(name)
    if old is None:
        out[name] = span
        return
    end = None if old[1] is None or span[1] is None else max(old[1], span[1])
    out[name] = (min(old[0], span[0]), end)


def fits(name: str, year: int | None) -> bool:
    """Whether `name` could be an office holder in a story of `year` (unknown: yes)."""
    if year is None:
        return True
    span = tenures().get(name)
    if span is None:
        return True
    start, end = span
    return start <= year and (end is None or end >= year - ERA)
