"""Kahoot's quiz spreadsheet (Create → Import spreadsheet), as its template lays it out.

The template (KahootQuizTemplate.xlsx) has a title in B2, instructions in B3, a header on
row 8 (`Question - max 120 characters`, `Answer 1 - max 75 characters` ... `Correct answer(s)
- choose at least one`) and one question per row from row 9, column A numbering them.
Kahoot rejects a sheet with a question over 120 characters or an answer over 75, so such
questions are skipped, never cut (a cut question can change its meaning), each with a reason.

Only multiple-choice and true/false questions fit: the template has answer choices and a
correct number, nothing for typed answers, orderings or matchings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studykit.errors import OutputError
from studykit.exporters.valid import exportable
from studykit.fsutil import atomic_write
from studykit.models import Bank, Question, QuestionType
from studykit.textsafe import xml_text

HEADER = (
    "", "Question - max 120 characters", "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters", "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
HEADER_ROW = 8
MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
TRUE_FALSE = ("صح", "خطأ")
INSTRUCTIONS = ("Add questions, at least two answer alternatives, time limit and choose "
                "correct answers. Recommended question length 120 characters and answer "
                "length 75 characters.")


@dataclass(frozen=True)
class Skipped:
    """A question left out of the sheet, and why."""

    id: str
    reason: str  # the same for every question skipped for one cause, so they count together
    detail: str = ""  # this question's figure: `171 characters`

    def __str__(self) -> str:
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


@dataclass(frozen=True)
class KahootSheet:
    """The rows written and the questions skipped."""

    rows: tuple[tuple[str, tuple[str, ...], int], ...]  # prompt, answers, correct number
    skipped: tuple[Skipped, ...]


def answers_of(question: Question) -> tuple[tuple[str, ...], str] | None:
    """(answer choices, the right one) for a question Kahoot can ask, else None."""
    if question.type == QuestionType.MCQ:
        return question.shown_options, question.shown_answer
    if question.type == QuestionType.TRUE_FALSE:
        return TRUE_FALSE, question.shown_answer.strip()
    return None


def why_not(question: Question) -> Skipped | None:
    """Why `question` does not fit Kahoot's template, or None."""
    choices = answers_of(question)
    if choices is None:
        kind = question.type.value.replace("_", " ")
        return Skipped(question.id, f"{kind}: Kahoot's template has answer choices only")
    prompt = question.shown_prompt
    if len(prompt) > MAX_QUESTION:
        return Skipped(question.id, f"question over {MAX_QUESTION} characters",
                       f"{len(prompt)} characters")
    options, _ = choices
    if len(options) < 2:  # Kahoot asks for "at least two answer alternatives"
        return Skipped(question.id, "fewer than 2 answer choices", f"{len(options)} choice")
    if len(options) > MAX_ANSWERS:
        return Skipped(question.id, f"more than {MAX_ANSWERS} answer choices",
                       f"{len(options)} choices")
    longest = max(len(o) for o in options)
    if longest > MAX_ANSWER:
        return Skipped(question.id, f"an answer over {MAX_ANSWER} characters",
                       f"{longest} characters")
    return None


def plan_sheet(questions: Sequence[Question]) -> KahootSheet:
    """Which questions go in the sheet, in bank order, and which are skipped."""
    rows: list[tuple[str, tuple[str, ...], int]] = []
    skipped: list[Skipped] = []
    for q in questions:
        skip = why_not(q)
        choices = answers_of(q)
        if skip is not None or choices is None:
            skipped.append(skip or Skipped(q.id, "no answer choices"))
            continue
        options, right = choices
        rows.append((q.shown_prompt, options, options.index(right) + 1))
    return KahootSheet(tuple(rows), tuple(skipped))


def write_kahoot(bank: Bank, path: str | Path, include_drafts: bool = False,
                 time_limit: int = 20) -> KahootSheet:
    """Write the sheet; returns what was written and skipped."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    sheet = plan_sheet(exportable(bank, include_drafts))
    if not sheet.rows:
        which = "questions" if include_drafts else "approved questions"
        raise OutputError(f"{path}: not written: none of the bank's {which} fits Kahoot's "
                          f"template ({len(sheet.skipped)} skipped; --verbose says why)")
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = "Sheet1"
    ws.sheet_view.rightToLeft = True  # Arabic questions read right to left in Excel too
    ws["B2"] = "Quiz template"
    ws["B2"].font = Font(bold=True, size=14)
    ws["B3"] = INSTRUCTIONS
    for col, title in enumerate(HEADER, start=1):
        ws.cell(HEADER_ROW, col, title).font = Font(bold=True)
    for n, (prompt, options, right) in enumerate(sheet.rows, start=1):
        row = HEADER_ROW + n
        ws.cell(row, 1, n)
        for col, text in enumerate((prompt, *options), start=2):
            _text_cell(ws.cell(row, col), text)
        ws.cell(row, 7, time_limit)
        ws.cell(row, 8, right)
        for col in range(2, 7):
            ws.cell(row, col).alignment = Alignment(wrap_text=True)
    for letter, width in zip("ABCDEFGH", (5, 60, 30, 30, 30, 30, 18, 18), strict=True):
        ws.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write(path, buffer.getvalue())
    return sheet


def _text_cell(cell: object, text: str) -> None:
    # openpyxl stores a string starting with `=` as a formula; article text is never one.
    # Characters XML forbids (Word's `\v`) would make openpyxl refuse the whole sheet.
    setattr(cell, "value", xml_text(text))  # noqa: B010  (openpyxl's Cell is untyped here)
    setattr(cell, "data_type", "s")  # noqa: B010
