"""Dates as Arabic news writes them, normalized to ISO and resolved against the publication date.

Forms handled (matched on folded text, longest form first, each span claimed once):
ranges (`بين 6 و18 نوفمبر`), Hijri dates marked هـ, day month year in digits or words
(`السابع عشر من أغسطس`), month year, glossed months (`أغسطس (آب)`, `آذار/مارس`), years that
date an event (`عام 2015`, `لعام`, `سنة`), and relative dates (`29 مارس الجاري`,
`أغسطس الماضي`, `فبراير من العام الماضي`, `العام الماضي`, `الشهر الجاري`, `قبل عامين`, `أمس`,
weekdays, `20 الشهر الجاري`), parts of a month (`أواخر فيفري`: the publication year, relative)
or of a year (`صيف 2019`, `النصف الأول من 2021`). A year is never guessed: without a
publication date a relative date has no value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from studykit.extract import dateresolve as R
from studykit.extract import datewords as W
from studykit.extract.context import Context, Found, build_facts
from studykit.extract.multiscan import MultiScan
from studykit.models import Fact, FactKind

_PAST, _NOW, _NEXT = R.PAST, R.NOW, R.NEXT
_REL = rf"{_PAST}|{_NOW}|{_NEXT}"
_SAME = "\x00same-year"  # marks `العام نفسه` until the year before it is known
# Parts of a month or year news dates things by.
_PART = r"مطلع|اواخر|اوايل|اواسط|بدايه|نهايه|منتصف"
_SEASON = (r"صيف|شتاء|ربيع|خريف|(?:ال)?(?:نصف|ربع|ثلث)\s+(?:ال)?(?:اول|ثاني|ثالث|رابع|اخير)")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    mon = W.alternation(W.gregorian_months())
    hmon = W.alternation(W.hijri_months())
    dayw = W.alternation(W.DAY_WORDS)
    wd = W.alternation(W.WEEKDAYS)
    day = rf"(?:(?P<d>\d{{1,2}})|(?P<dw>{dayw}))"
    gloss = rf"(?:\s*[(/]\s*(?P<g>{mon})\s*\)?)?"
    year = r"(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{4})(?!\d)(?:\s*م(?!\w))?"
    rel = (rf"(?P<rel>(?:{_REL})(?!\w)|من\s+(?:ال)?(?:عام|سنه)\s+(?:{_REL}|نفسه|ذاته)(?!\w)"
           r"|من\s+هذا\s+العام)")
    tail = rf"(?:\s*[،,]?\s*{year}|\s+{rel})"
    b = r"(?<!\w)"
    raw = [
        ("range", rf"{b}(?:(?:بين|من)\s+(?:(?:يومي|الفتره|الفتره\s+من)\s+)?)?(?P<d1>\d{{1,2}})"
                  rf"\s*(?:-|و|الي|حتي)\s*(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?"
                  rf"(?P<m>{mon}){gloss}{tail}?(?!\w)"),
        # Numeric dates, day first as Arab papers write them (`11/11/2023`, `5-3-2024`); ISO.
        # A full stop after a date ends the sentence (`يوم 13/11/2021.`); `.5` would not.
        # A day of a relative month: `في 20 الشهر الجاري`, `بين 20 و25 الشهر المقبل`; the
        # preposition is required (`ارتفع إلى 20 الشهر الماضي` is a count).
        ("mdays", rf"{b}[وف]?(?:في|يوم|بين|منذ|حتي|من)\s+(?P<core>"
                  rf"(?:ال\s*)?(?:(?P<d1>\d{{1,2}})\s*(?:-|و|الي|حتي)\s*)?(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:ال)?شهر\s+(?P<rel>{_REL}))(?!\w)"),
        # After a weekday the month may go unsaid: `يوم الثلاثاء 28 الجاري`.
        ("mdays", rf"{b}(?:(?:يوم|[وفل]?في)\s+)?(?:{wd})\s*[،,]?\s*(?P<core>(?P<d>\d{{1,2}})"
                  rf"\s+(?P<rel>{_REL}))(?!\w)"),
        ("numeric", r"(?<![\d/.\-])(?P<d>\d{1,2})([/.\-])(?P<mo>\d{1,2})\2(?P<y>\d{4})"
                    r"(?![\d/\-]|\.\d)"),
        ("numeric", r"(?<![\d/.\-])(?P<y>\d{4})([/\-])(?P<mo>\d{1,2})\2(?P<d>\d{1,2})"
                    r"(?![\d/\-]|\.\d)"),
        ("yrange", rf"{b}(?:بين\s+(?:عامي|العامين|سنتي)\s+|(?:من|منذ)\s+(?:عام\s+)?)"
                   r"(?P<y1>\d{4})\s+(?:و|الي|حتي)\s*(?:عام\s+)?(?P<y>\d{4})(?!\d)"),
        # `بين 2022 و2026` with no عامي: both ends must look like years and no unit follow
        # (`بين 1900 و2000 متر` is a quantity).
        # A plan's period with a dash: `للفترة 2023-2027`, `خطة 2021–2025`.
        ("yrange", rf"{b}[وبل]?(?:ل?ل?فتره|خطه|رويه|استراتيجيه)\s+(?:(?:ال)?ممتده\s+)?"
                   r"(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y>(?:19|20)\d\d)(?!\d)"),
        ("yrange", rf"{b}بين\s+(?P<y1>(?:19|20)\d\d)\s+و\s*(?P<y>(?:19|20)\d\d)(?!\d)"
                   r"(?!\s*(?:دولار|يورو|ريال|جنيه|درهم|دينار|متر|كيلو|كلم|شخص|طن|برميل|ميغا))"),
        ("hijri", rf"{b}(?:(?:يوم\s+)?(?:{wd})\s*[،,]?\s*)?(?P<core>(?:{day}\s+(?:من\s+)?)?"
                  rf"(?:شهر\s+)?(?P<hm>{hmon})\s+(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{{3,4}})"
                  r"\s*(?:ه|هجريه|هجري))(?!\w)"),
        ("hyear", r"(?<!\w)(?:عام|سنه|العام)?\s*\d{4}\s*(?:ه|هجريه|هجري)(?!\w)"),
        ("day", rf"{b}(?:(?:يوم\s+)?(?P<wd>{wd})\s*[،,]?\s*)?(?P<core>{day}\s+(?:من\s+)?"
                rf"(?:شهر\s+)?(?P<m>{mon}){gloss}{tail}?)(?!\w)"),
        # A part of a month (`أواخر فيفري`, `مطلع أكتوبر المقبل`) dates the month.
        ("pmonth", rf"{b}[وفب]?(?P<core>(?P<pos>{_PART})\s+(?:(?:من\s+)?شهر\s+)?(?P<m>{mon})"
                   rf"{gloss}{tail}?)(?!\w)"),
        ("month", rf"{b}(?:(?P<shahr>شهر)\s+)?(?P<m>{mon}){gloss}{tail}(?!\w)"),
        # A month with no year (`في أيار (مايو)`, `أبريل (نيسان)`) takes its year from the
        # story: see _bare_months.
        ("bmonth", rf"{b}[وف]?(?:في|منذ|خلال|حتي|بحلول|قبل|بعد)\s+(?P<core>(?:(?P<shahr>شهر)\s+)?"
                   rf"(?P<m>{mon}){gloss})(?!\w)(?!\s*\d)"),
        ("bmonth", rf"{b}[وفب]?(?P<core>(?P<m>{mon})\s*[(/]\s*(?P<g>{mon})\s*\)?)(?!\w)(?!\s*\d)"),
        ("year", rf"{b}[وفبل]?(?P<core>(?:ال)?(?:عام|سنه|عامي)\s+(?P<y>\d{{4}})(?!\d)"
                 r"(?:\s*م(?!\w))?)"),
        # `قبل 2018`, `بحلول 2030`, Moroccan `متم 2018` (the end of 2018).
        ("year", rf"{b}[وف]?(?:في|منذ|حتي|خلال|قبل|بحلول|متم|افق|{_PART})\s+"
                 r"(?P<core>(?P<y>(?:19|20)\d{2})(?:\s*م)?)(?!\w)(?![\s\d]*(?:دولار|يورو|"
                 r"ريال|جنيه|درهم|دينار|متر|كيلو|كلم|شخص|طن|برميل|ميغا|عام|سنه|مليون|مليار|الف|%))"),
        # A season or part of a year: `في صيف 2019`, `النصف الأول من 2021`.
        ("year", rf"{b}[وفبل]?(?:{_SEASON})\s+(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?"
                 r"(?P<core>(?P<y>(?:19|20)\d{2})(?:\s*م)?)(?!\w)"),
        ("ryear", rf"{b}[وفبل]?(?P<core>(?:ال|لل)(?:عام|سنه)\s+(?P<rel>{_REL})(?!\w)"
                  r"|هذا\s+العام|العام\s+نفسه)"),
        ("rmonth", rf"{b}[وفبل]?(?P<core>(?:ال|لل)شهر\s+(?P<rel>{_REL})(?!\w)|هذا\s+الشهر)"),
        ("ago", rf"{b}[وف]?(?P<core>(?:قبل|منذ)\s+(?:(?P<n>\d{{1,2}}|"
                rf"{W.alternation(W.COUNT_WORDS)})\s+)?(?P<unit>عامين|سنتين|عام|سنه|"
                r"اعوام|سنوات|سنين|شهرين|شهر|اشهر|شهور|يومين|ايام|اسبوعين|اسبوع|اسابيع))"
                r"(?!\w)(?!\s*\d)"),
        # `أمس الثلاثاء`, `غدًا (الأربعاء)`: the weekday named is the day meant.
        ("yesterday", rf"{b}[وفل]?(?P<core>(?:اول\s+(?:من\s+)?امس|امس\s+الاول|الامس|امس|"
                      rf"البارحه|غدا|بعد\s+غد)(?:\s*\(?\s*(?P<wd>{wd})\s*\)?)?)(?!\w)"),
        ("weekday", rf"{b}[وفل]?(?P<core>(?P<yawm>(?:اليوم|يوم|مساء|صباح|ليله|فجر|ظهر|عصر)\s+)?"
                    rf"(?P<wd>{wd})(?:\s+(?P<rel>{_PAST}|{_NEXT})(?!\w))?)(?!\w)"),
    ]
    return [(name, re.compile(p)) for name, p in raw]


@cache
def _scan() -> MultiScan:
    # The text's words and one pass of a gate find where each pattern can match (see
    # multiscan.py).
    return MultiScan([pattern for _, pattern in _patterns()])


def extract_dates(ctx: Context) -> list[Fact]:
    """All date facts of the text, one per distinct value, mentions in text order."""
    found: list[Found] = []
    scan = _scan()
    starts = scan.candidates(ctx.folded, ctx.tokens.words, ctx.tokens.starts)
    for k, (name, _) in enumerate(_patterns()):
        for match in scan.finditer(k, ctx.folded, starts[k]):
            if ctx.taken.overlaps(match.start(), match.end()):
                continue
            # `قال، الجمعة، إن`: a weekday set off by commas is a date even if ambiguous.
            before = ctx.folded[max(0, match.start() - 3):match.start()].strip()
            after = ctx.folded[match.end():match.end() + 2].strip()
            commas = before.endswith(("،", ",")) and after.startswith(("،", ","))
            item = _read(name, match, ctx.published, commas)
            if item is not None and name == "weekday" and _future(ctx.folded, match.start()):
                item = _read(name, match, ctx.published, commas, future=True)
            ctx.taken.add(match.start(), match.end())
            if item is None:
                continue
            core = "core" if "core" in match.groupdict() and match.group("core") else 0
            item.fstart, item.fend = match.span(core)
            found.append(item)
    found = _same_year(sorted(found, key=lambda f: f.fstart))
    found = _bare_months(found, ctx.published)
    for item in found:
        if item.value is None:
            item.key = " ".join(ctx.surface(item.fstart, item.fend).split())
    return build_facts(ctx, FactKind.DATE, found)


_BARE = "\x00bare-month"


def _bare_month(g: dict[str, str | None]) -> Found | None:
    month = W.gregorian_months()[R.squash(g["m"] or "")]
    if g.get("g") and W.gregorian_months()[R.squash(g["g"] or "")] != month:
        return None
    if R.squash(g["m"] or "") in W.ambiguous_months() and not (g.get("g") or g.get("shahr")):
        return None
    return Found(f"????-{month:02d}", 0, 0, key=_BARE, relative=True, subkind="month")


def _bare_months(found: list[Found], pub: date | None) -> list[Found]:
    """A month written with no year takes the year the story gives that month elsewhere
    (`في فبراير` after `26 شباط (فبراير) 2016`), the nearest such mention; else the latest
    such month not after publication; with no publication date it stays unresolved."""
    dated = [f for f in found if f.value and not f.relative and len(f.value) >= 7
             and f.value[:4].isdigit()]
    out: list[Found] = []
    for item in found:
        if item.key != _BARE:
            out.append(item)
            continue
        month = (item.value or "")[5:7]
        same = [f for f in dated if f.value and f.value[5:7] == month]
        item.key = ""
        if same:
            near = min(same, key=lambda f: abs(f.fstart - item.fstart))
            item.value = f"{(near.value or '')[:4]}-{month}"
            item.relative = False
        elif pub is not None:
            year = pub.year if int(month) <= pub.month else pub.year - 1
            item.value = f"{year:04d}-{month}"
        else:
            continue  # no year in the story and no publication date: not a date we can give
        out.append(item)
    return out


def _same_year(found: list[Found]) -> list[Found]:
    """`العام نفسه` is the year of the last date written before it, not the publication's."""
    out: list[Found] = []
    for item in found:
        if item.key == _SAME:
            before = next((f for f in reversed(out) if f.value and not f.relative), None)
            if before is None or before.value is None:
                continue
            item.key = ""
            item.value = before.value[:4] + (item.value or "")[4:]
        out.append(item)
    return out


_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|[سو]?[تي](?:بدا|نطلق|ستمر|نتهي|عقد)|س[يت](?:زور|لتقي|صل|توجه|جري|شارك"
    r"|ستانف|شهد))\s+(?:\w+\s+)?$")


def _future(folded: str, start: int) -> bool:
    """A weekday after a future verb (`تبدأ صباح السبت`, `سيزور ... الأحد`) is the next one."""
    return bool(_FUTURE.search(folded[max(0, start - 40):start]))


def _read(name: str, m: re.Match[str], pub: date | None, commas: bool = False,
          future: bool = False) -> Found | None:
    g = m.groupdict()
    if name == "hyear":
        return None  # a Hijri year alone spans two Gregorian years: no single value
    if name in ("day", "range", "month", "pmonth"):
        return _gregorian(name, g, pub)
    if name == "bmonth":
        return _bare_month(g)
    if name == "hijri":
        return R.hijri(g)
    if name == "numeric":
        try:
            value = date(int(g["y"] or 0), int(g["mo"] or 0), int(g["d"] or 0)).isoformat()
        except ValueError:
            return None
        return Found(value, 0, 0, subkind="day")
    if name == "mdays":
        return R.month_days(g, pub)
    if name == "yrange":
        return Found(g["y1"], 0, 0, subkind="year", attrs={"end": g["y"]})
    if name == "year":
        return Found(g["y"], 0, 0, subkind="year") if 1000 <= int(g["y"]) <= 2199 else None
    if future and not g.get("rel"):
        g = {**g, "rel": "المقبل"}
    return _relative(name, g, pub, commas)


def _gregorian(name: str, g: dict[str, str | None], pub: date | None) -> Found | None:
    month = W.gregorian_months()[R.squash(g["m"])]
    if g.get("g"):
        gloss_month = W.gregorian_months()[R.squash(g["g"])]
        if gloss_month != month:
            return None
    day: int | None = None
    if g.get("d"):
        day = int(g["d"] or 0)
    elif g.get("dw"):
        day = W.DAY_WORDS[R.squash(g["dw"])]
    if day is None and R.squash(g["m"]) in W.ambiguous_months() and not (
            g.get("shahr") or g.get("g") or g.get("y") or g.get("rel") or g.get("pos")):
        return None
    relative = False
    if re.search("نفسه|ذاته", g.get("rel") or ""):
        # `مارس من العام نفسه`: the year comes from the date written before it.
        tail = f"-{month:02d}" + (f"-{day:02d}" if day else "")
        return Found("????" + tail, 0, 0, key=_SAME, relative=True,
                     subkind="day" if day else "month")
    if g.get("y"):
        year: int | None = int(g["y"] or 0)
    elif name == "pmonth" and not g.get("rel"):
        # `أواخر فيفري` with no year and no الماضي/المقبل: news means the current year.
        relative = True
        year = pub.year if pub else None
    else:
        relative = True
        year = _resolve_year(month, g.get("rel"), pub)
    if year is None:
        return Found(None, 0, 0, relative=True, subkind="day" if day else "month")
    try:
        if day is None:
            return Found(f"{year:04d}-{month:02d}", 0, 0, relative=relative, subkind="month")
        value = date(year, month, day).isoformat()
        item = Found(value, 0, 0, relative=relative, subkind="day")
        if name == "range":
            item.attrs["end"] = value
            item.value = date(year, month, int(g["d1"] or 0)).isoformat()
        return item
    except ValueError:
        return None


def _resolve_year(month: int, rel: str | None, pub: date | None) -> int | None:
    """The year a month with a relative word (or none: the nearest occurrence) points to."""
    if pub is None:
        return None
    word = R.squash(rel or "")
    if word.startswith("من"):
        offset = R.year_offset(word.split()[-1]) if "هذا" not in word else 0
        return pub.year + offset
    if re.fullmatch(_PAST, word):
        return pub.year if month < pub.month else pub.year - 1
    if re.fullmatch(_NEXT, word):
        return pub.year if month > pub.month else pub.year + 1
    if re.fullmatch(_NOW, word):
        return pub.year
    # No year and no relative word: the occurrence within six months of publication.
    delta = month - pub.month
    return pub.year + (1 if delta < -6 else -1 if delta > 6 else 0)


def _relative(name: str, g: dict[str, str | None], pub: date | None,
              commas: bool = False) -> Found | None:
    if name == "ryear" and "نفسه" in (g.get("core") or ""):
        return Found(None, 0, 0, key=_SAME, relative=True, subkind="year")
    if name == "weekday" and R.squash(g["wd"]) in W.AMBIGUOUS_WEEKDAYS and not (
            g.get("yawm") or g.get("rel") or commas):
        return None
    subkind = {"ryear": "year", "rmonth": "month"}.get(name, "day")
    if name == "ago":
        subkind = R.ago_subkind(R.squash(g["unit"]))
    if pub is None:
        return Found(None, 0, 0, relative=True, subkind=subkind)
    value = _resolve(name, g, pub)
    return Found(value, 0, 0, relative=True, subkind=subkind) if value else None


def _resolve(name: str, g: dict[str, str | None], pub: date) -> str | None:
    core = R.squash(g.get("core") or "")
    rel = R.squash(g.get("rel") or "")
    if name == "ryear":
        offset = 0 if "هذا" in core else R.year_offset(rel)
        return f"{pub.year + offset:04d}"
    if name == "rmonth":
        offset = 0 if "هذا" in core else R.year_offset(rel)
        y, m = divmod(pub.year * 12 + pub.month - 1 + offset, 12)
        return f"{y:04d}-{m + 1:02d}"
    if name == "yesterday":
        word = core.split("(")[0].strip()
        if g.get("wd"):
            word = word[:word.rfind(" ")].strip() if word.endswith(R.squash(g["wd"])) else word
        shift = {"غدا": 1, "بعد غد": 2}.get(word, -2 if "اول" in word else -1)
        day = pub + timedelta(days=shift)
        if g.get("wd"):
            # The weekday wins: news often dates `أمس` from the day it was written.
            target = W.WEEKDAYS[R.squash(g["wd"])]
            back = (day.weekday() - target) % 7
            day -= timedelta(days=back if back <= 3 else back - 7)
        return day.isoformat()
    if name == "weekday":
        target = W.WEEKDAYS[R.squash(g["wd"])]
        back = (pub.weekday() - target) % 7
        if re.fullmatch(_NEXT, rel):
            return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
        if re.fullmatch(_PAST, rel):
            back = back or 7
        return (pub - timedelta(days=back)).isoformat()
    return R.ago(g, pub)
