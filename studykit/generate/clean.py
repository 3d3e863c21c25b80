"""Clause edges a reader can stand on: cut connectives and labels off a clause's start, a stray
closing quotation mark off its end, and tell when a clause still leans on the text before it.

Every cut moves the clause's offsets, so the shown text stays a slice of the article (a true
statement is still the source as written).
"""

from __future__ import annotations

import re

from studykit.arabic import fold
from studykit.models import Fact, FactKind

# Words that only link the clause to the one before it; the clause reads the same without
# them (`فيما صرّح المتحدث` → `صرّح المتحدث`, `فإن زيارة الوزير تنطوي` → `زيارة الوزير تنطوي`).
_DETACHABLE = re.compile(
    r"^(?:(?:و?على أي حال|و?في ضوء ذلك|و?مع ذلك|و?بالتالي|و?من ثم|و?لذلك|و?لذا|و?عليه)\s*[،,]\s*"
    r"|(?:فيما|حيث|بينما|إذ|فإن|و?إذ)\s+)+")
# Openers the clause cannot do without: a participle or `ليصبح` needs the previous subject,
# `وهي`/`وهو` and `من بينها` point back at it.
_LEANING = (
    "ليصبح", "لتصبح", "ليكون", "لتكون", "مؤكدا", "مؤكدة", "مضيفا", "مضيفة", "مشيرا", "مشيرة",
    "معتبرا", "معتبرة", "لافتا", "لافتة", "موضحا", "موضحة", "قائلا", "قائلة", "وهي", "وهو",
    "وهم", "وهذا", "وهذه", "خاصة", "علاوة", "سواء", "ما", "أن", "لكن", "تلك", "ذلك", "بما", "مما",
    "كذلك", "أيضا", "فإذا",
)
_LEANING_FOLDED = frozenset(fold(w).text for w in _LEANING)
# Matched against folded text (أ → ا).
_POINTS_BACK = re.compile(
    r"^(?:و?(?:كان|كانت)\s+)?(?:و?من\s+(?:بينها|بينهم|ابرزها|اهمها)|منها|ابرزها|اهمها)(?:\s|$)")
# (`وكان من بينها عقد واشنطن محادثات` is not cut to `عقد واشنطن محادثات`: a verbal noun
# phrase, not a statement.)
# Words pointing at a time named in an earlier sentence.
_THEN = frozenset(fold(w).text for w in ("آنذاك", "حينذاك", "حينها", "وقتها", "وقتذاك",
                                         "آنئذ", "حينئذ"))
_OPEN, _CLOSE = "“«", "”»"


def _label_end(text: str, start: int, end: int) -> int:
    """End of a one-word section label (`الاستنتاج،`) opening a paragraph, else `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return start
    m = re.match(r"(ال\w+)\s*[،:]\s+", text[start:end])
    return start + m.end() if m else start


def tidy(text: str, start: int, end: int, a_start: int, a_end: int) -> tuple[int, int]:
    """Move [start, end) past a section label and linking connectives at its start and before a
    stray closing quotation mark at its end, never into the answer [a_start, a_end)."""
    new_start = _label_end(text, start, end)
    m = _DETACHABLE.match(text[new_start:end])
    if m:
        new_start += m.end()
    if new_start <= a_start:
        start = new_start
    clause = text[start:end]
    opened = sum(clause.count(c) for c in _OPEN)
    closed = sum(clause.count(c) for c in _CLOSE)
    stripped = clause.rstrip(" .،")
    if closed > opened and stripped.endswith(tuple(_CLOSE)):
        cut = start + len(stripped) - 1
        if cut >= a_end:
            end = cut
            while end > start and text[end - 1].isspace():
                end -= 1
    return start, end


def leans_back(clause: str) -> bool:
    """True when the clause needs the text before it: a dangling opener, `من بينها`, a time
    pointer (`آنذاك`), or a quotation closed but never opened."""
    body = clause.strip(" ،,؛:\"“”«»")
    words = body.split(maxsplit=1)
    if not words:
        return True
    if fold(words[0]).text in _LEANING_FOLDED or _POINTS_BACK.match(fold(body).text):
        return True
    depth = 0
    for ch in clause:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


# Words that name something only the text before the clause says (folded: ة → ه, أ → ا):
# `هذه القضية`, `يعيد هذا`, `يوحي هذا بأن`, `حول الحادث`, `الجانبان` (not `هذا بالإضافة إلى`,
# `مع ذلك`: idioms) (`معهما` mostly points within the
# sentence: `افتتح الوزير سفارة بلاده في إسرائيل ... العلاقات بينهما`).
_REFERS_BACK = re.compile(
    r"(?:^|\s)(?:و|ف|ب|ل)?(?:(?:هذه|هذا|ذلك|تلك|هذين|هاتين)\s+(?:ال\w+|\w+ان)"
    r"|(?<!من\s)(?<!مع\s)(?:هذا|ذلك)(?!\s+(?:بالاضافه|الى جانب|فضلا))"
    r"|(?:ال)?(?:حادث|حادثه|جانبان|جانبين|طرفان|طرفين))(?=[\s،,.؛:]|$)")


def refers_back(clause: str) -> bool:
    """True when the clause names its subject only by pointing back (`هذه الخطوة`, `الحادث`,
    `الجانبان`, `ترى إيران هذا`) or opens leaning on the clause before (`leans_back`)."""
    return leans_back(clause) or bool(_REFERS_BACK.search(fold(clause).text))


_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_THIS_NOUN = re.compile(r"(?:^|\s)(?:و|ف|ب|ل)?(?:هذه|هذا|ذلك|تلك)\s+ال(\w+)")
_DUAL = re.compile(
    r"^(?:\S+\s+){0,5}?(?:و|ف|ب|ل)?(?:ال)?(?:جانبان|جانبين|طرفان|طرفين)(?=[\s،,.؛:]|$)")


def points_to(clause: str, before: str) -> bool:
    """Whether `clause` points back at something `before` (the sentence before it) names, so
    taking that sentence in gives the student the referent: an opener that leans back, a
    bare `هذا`, `الحادث`, `الجانبان` as subject, or `هذه الاتفاقية` after a sentence that
    speaks of an agreement. Words inside a quotation point within the quotation."""
    if leans_back(clause):
        return True
    text = fold(_QUOTED.sub(" ", clause)).text
    prior = fold(before).text
    for match in _THIS_NOUN.finditer(text):
        stem = match.group(1).removesuffix("ه").removesuffix("ات")[:4]
        if len(stem) >= 3 and stem in prior:
            return True
    if _DUAL.search(text):
        return True
    without_nouns = _THIS_NOUN.sub(" ", text)
    return bool(re.search(r"(?:^|\s)(?:و|ف|ب|ل)?(?:ال)?(?:حادث|حادثه)(?=[\s،,.؛:]|$)", text)
                or re.search(r"(?:^|\s)(?<!من\s)(?<!مع\s)(?:و|ف)?(?:هذا|ذلك)"
                             r"(?!\s+(?:بالاضافه|الى جانب|فضلا))(?=[\s،,.؛:]|$)",
                             without_nouns))


def has_then(clause: str) -> bool:
    """Whether the clause points at a time named before it (`آنذاك`)."""
    return any(fold(w.strip("،,.؛:")).text in _THEN for w in clause.split())


def drop_then(text: str) -> str:
    """`text` without `آنذاك`-like words, which mean nothing once the clause stands alone."""
    # A clause widened across a paragraph break reads as one line.
    text = re.sub(r"[ \t]*\n\s*", " ", text)
    words = [w for w in text.split(" ") if fold(w.strip("،,.؛:")).text not in _THEN or
             not w.strip("،,.؛:")]
    return " ".join(words).replace("، ،", "،")


def glued_prefix(text: str, start: int) -> str:
    """Letters glued before offset `start` in the same word (`ل` in `لعام`)."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:start]


# A date written after a head word takes the blank after it: `لعام [2015]`, not `ل[عام 2015]`.
_DATE_HEADS = ("عام", "العام", "شهر", "سنة", "يوم")


def unglue(text: str, a_start: int, a_end: int) -> tuple[int, int] | None:
    """Answer offsets a blank can take whole: unchanged when nothing but `و`/`ف` is glued before
    it; past a date head word when a preposition is; None when the blank would split a word."""
    prefix = glued_prefix(text, a_start)
    if prefix in ("", "و", "ف"):
        return a_start, a_end
    answer = text[a_start:a_end]
    head = answer.split(maxsplit=1)
    if len(head) == 2 and head[0] in _DATE_HEADS:
        return a_end - len(head[1]), a_end
    return None


# Folded forms (أ → ا): `أمس`, `أول أمس`, `اليوم`, `غدًا`, `يوم الخميس`, `الأسبوع الماضي`.
_VAGUE_DAYS = re.compile(
    r"^(?:(?:اول\s+)?امس|اليوم|غدا|يوم\s+\S+|الاسبوع\s+\S+|مساء\s+\S+|صباح\s+\S+)$")


def vague_date(fact: Fact) -> bool:
    """`أمس`, `يوم الخميس`: a day named relative to the report, no date to learn by heart."""
    if fact.kind != FactKind.DATE:
        return False
    text = fold(fact.text).text.strip()
    return not re.search(r"\d", text) and bool(_VAGUE_DAYS.match(text))


# An agreement named only by what kind it is: `اتفاقية استراتيجية شاملة`, `اتفاق تعاون طويل
# الأمد`. Folded (ة → ه, أ → ا); a domain word (`سيبراني`, `نووي`) or a name makes it specific.
_AGREEMENT_HEADS = frozenset(fold(w).text for w in (
    "اتفاقية", "اتفاق", "اتفاقيات", "معاهدة", "مذكرة", "وثيقة", "إعلان", "ميثاق"))
_GENERIC_WORDS = frozenset(fold(w).text for w in (
    "استراتيجية", "استراتيجي", "إستراتيجية", "إستراتيجي", "شاملة", "شامل", "طويل", "طويلة",
    "الأمد", "المدى", "تعاون", "شراكة", "إطار", "إطارية", "إطاري", "تفاهم", "جديدة", "جديد",
    "ثنائية", "ثنائي", "مشتركة", "مشترك", "واسعة", "واسع", "مهمة", "كبرى", "تاريخية"))


def generic_description(answer: str) -> bool:
    """True for an indefinite agreement phrase made only of generic words: a description,
    not a name, so a blank on it has many right fills."""
    words = [fold(w.strip("،,.؛:()\"“”«»")).text.rstrip("ًٌٍ") for w in answer.split()]
    return (len(words) >= 2 and words[0] in _AGREEMENT_HEADS
            and all(w in _GENERIC_WORDS for w in words[1:]))
