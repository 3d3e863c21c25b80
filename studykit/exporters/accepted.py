"""Every spelling of an answer the quiz grader accepts, for platforms that compare exactly.

Moodle short answers, QTI fill-in-the-blanks and Anki's type-in cards compare the typed text
with a list, character for character. The terminal quiz is kinder (studykit.review.grading:
hamza forms, ta marbuta, Arabic-Indic digits, equivalent date forms), so a student who types
`اغسطس ٢٠٢١` is right in the quiz and wrong in Moodle unless that spelling is listed.

This module writes candidate spellings and keeps only those `check_answer` accepts as an
exact (not near-miss) match: it never accepts more than the quiz does, and follows the grader
when its rules change.
"""

from __future__ import annotations

from collections.abc import Iterable

from studykit.models import Question

# Platforms choke on very long answer lists; a date has at most ~30 spellings worth listing.
MAX_FORMS = 40
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# What a keyboard without hamza or diacritics produces (the grader folds the same letters).
_PLAIN = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_TASHKEEL = str.maketrans("", "", "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640")
# Month names as Arabic news writes them: Egyptian/Gulf and Levantine (the forms students
# type); the grader decides which of them are accepted.
MONTHS = {
    1: ("يناير", "كانون الثاني"), 2: ("فبراير", "شباط"), 3: ("مارس", "آذار"),
    4: ("أبريل", "نيسان"), 5: ("مايو", "أيار"), 6: ("يونيو", "حزيران"),
    7: ("يوليو", "تموز"), 8: ("أغسطس", "آب"), 9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "تشرين الأول"), 11: ("نوفمبر", "تشرين الثاني"), 12: ("ديسمبر", "كانون الأول"),
}


def accepted_forms(question: Question) -> list[str]:
    """The shown answer, its alternatives, then the other spellings the quiz accepts.

    Order: the answer and alternatives as the bank writes them come first (an exact platform
    shows the first as "the" answer), then spelling variants, at most MAX_FORMS in all.
    """
    return forms_for(question.shown_answer, question.shown_alternatives)


def forms_for(expected: str, alternatives: tuple[str, ...] = ()) -> list[str]:
    """`accepted_forms` for a bare answer and its alternatives."""
    from studykit.review.grading import check_answer

    given = [expected, *alternatives]
    forms: dict[str, None] = dict.fromkeys(a.strip() for a in given if a.strip())
    for candidate in _candidates(given):
        if len(forms) >= MAX_FORMS:
            break
        if candidate in forms or not candidate:
            continue
        verdict = check_answer(candidate, expected, tuple(alternatives))
        if verdict.correct and not verdict.near_miss:
            forms[candidate] = None
    return list(forms)


def _candidates(answers: Iterable[str]) -> Iterable[str]:
    for answer in answers:
        answer = answer.strip()
        for base in (answer, *_date_forms(answer)):
            bare = base.translate(_TASHKEEL)  # what most keyboards type: no diacritics
            for text in dict.fromkeys((base, bare, bare.translate(_PLAIN))):
                yield text
                if any(ch.isdigit() for ch in text):
                    yield text.translate(_LATIN)
                    yield text.translate(_LATIN).translate(_ARABIC_INDIC)


def _date_forms(answer: str) -> list[str]:
    """The same date written the other ways Arabic writes it (numeric, other month names)."""
    from studykit.review.grading import date_key

    key = date_key(answer)
    if key is None:
        return []
    year, month, day = key
    if month is None or month not in MONTHS:
        return []
    forms: list[str] = []
    for name in MONTHS[month]:
        forms.append(" ".join(str(p) for p in (day, name, year) if p is not None))
    if day is not None and year is not None:
        forms += [f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}"]
    elif year is not None:
        forms.append(f"{month}/{year}")
    elif day is not None:
        forms.append(f"{day}/{month}")
    return forms
