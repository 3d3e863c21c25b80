"""CSV / TSV export for Quizlet-style and Anki text import.

Columns: question, answer, options, type, id, tags. The first two are a complete flashcard
(Quizlet reads term and definition from them; Anki's "Basic" note type maps Front and Back),
so the question cell carries the choices or items a card needs to be answerable, one a line.
CSV cells may hold newlines (quoted, which Anki and Quizlet's file import accept); TSV is for
pasting, where every card must be one line, so its cells join lines with " / ".
"""

from __future__ import annotations

import csv
import io

from studykit.exporters.valid import exportable
from studykit.models import Bank, Question, QuestionType
from studykit.ordering import scrambled
from studykit.textsafe import spreadsheet_cell

COLUMNS = ("question", "answer", "options", "type", "id", "tags")
LABELS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح")
BLANK = "_____"


def card_fields(question: Question) -> tuple[str, str, str]:
    """(question, answer, options) cells for one question."""
    prompt = question.shown_prompt.replace("[...]", BLANK)
    options = question.shown_options
    qtype = question.type
    if qtype == QuestionType.MCQ:
        lines = [f"{LABELS[i % len(LABELS)]}. {opt}" for i, opt in enumerate(options)]
        return "\n".join([prompt, *lines]), question.shown_answer, " | ".join(options)
    if qtype == QuestionType.TIMELINE:
        events = scrambled([p.left for p in question.shown_pairs], question.id)
        answer = "\n".join(f"{i + 1}. {p.left} — {p.right}"
                           for i, p in enumerate(question.shown_pairs))
        return "\n".join([prompt, *events]), answer, " | ".join(events)
    if qtype == QuestionType.MATCHING:
        lefts = [p.left for p in question.shown_pairs]
        rights = scrambled([p.right for p in question.shown_pairs], question.id)
        answer = "\n".join(f"{p.left} — {p.right}" for p in question.shown_pairs)
        return "\n".join([prompt, *lefts, "", *rights]), answer, " | ".join(rights)
    return prompt, question.shown_answer, " | ".join(options)


def dumps_table(bank: Bank, include_drafts: bool = False, delimiter: str = ",",
                header: bool = False) -> str:
    """The bank's selected questions as CSV (`delimiter=","`) or TSV (`"\\t"`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    for question in exportable(bank, include_drafts):
        front, back, options = card_fields(question)
        row = [front, back, options, question.type.value, question.id, " ".join(question.tags)]
        if delimiter == "\t":
            row = [" ".join(cell.replace("\n", " / ").split("\t")) for cell in row]
        # Article text or an edit starting with `=`, `+`, `-` or `@` would be a formula.
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buffer.getvalue()
