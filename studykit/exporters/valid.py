"""Which selected questions an exporter may write: never one a student cannot answer.

An approved multiple-choice question whose answer is not among its options (a hand edit gone
wrong) would become a Moodle question with every fraction 0, a GIFT essay (`{}`) or an Anki
card with no right choice. Every exporter skips such questions; the CLI warns, naming them.
"""

from __future__ import annotations

from studykit.models import Bank, Question, QuestionType

TRUE_FALSE_ANSWERS = ("صح", "خطأ")


def problem(question: Question) -> str | None:
    """Why `question` cannot be exported, or None."""
    if question.type == QuestionType.MCQ:
        options = question.shown_options
        if not options:
            return "multiple-choice question without options"
        if question.shown_answer not in options:
            return "its answer is not among its options"
    if (question.type == QuestionType.TRUE_FALSE
            and question.shown_answer.strip() not in TRUE_FALSE_ANSWERS):
        return f"a true/false answer must be {' or '.join(TRUE_FALSE_ANSWERS)}"
    return None


def exportable(bank: Bank, include_drafts: bool = False) -> list[Question]:
    """`bank.selected(include_drafts)` without the questions `problem` rejects."""
    return [q for q in bank.selected(include_drafts) if problem(q) is None]


def export_warnings(bank: Bank, include_drafts: bool = False) -> list[str]:
    """One line per selected question an exporter skips, naming it."""
    return [f"{q.id}: not exported: {reason}" for q in bank.selected(include_drafts)
            if (reason := problem(q)) is not None]
