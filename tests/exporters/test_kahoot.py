"""Kahoot spreadsheet: read back with openpyxl against the template's layout and limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from test_handout_bank import NASTY, make_bank

from studykit.bank import load_bank, save_bank
from studykit.cli import main
from studykit.defaults import default_bank_path
from studykit.exporters.kahoot import (
    HEADER,
    HEADER_ROW,
    MAX_ANSWER,
    MAX_QUESTION,
    TIME_LIMITS,
    why_not,
)
from studykit.models import Bank, QuestionType, Status


def read_sheet(path: Path) -> list[dict[str, object]]:
    """The question rows as Kahoot reads them, after checking the template's header."""
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["B2"].value == "Quiz template"
    header = tuple(c.value or "" for c in ws[HEADER_ROW])
    assert header == HEADER
    rows = []
    for n, row in enumerate(ws.iter_rows(min_row=HEADER_ROW + 1), start=1):
        number, prompt, *answers, limit, right = (c.value for c in row)
        assert number == n and isinstance(prompt, str) and 0 < len(prompt) <= MAX_QUESTION
        assert row[1].data_type == "s"  # text, never a formula
        filled = [a for a in answers if a is not None]
        assert 2 <= len(filled) <= 4 and answers[:len(filled)] == filled  # no gaps
        assert all(isinstance(a, str) and len(a) <= MAX_ANSWER for a in filled)
        assert limit in TIME_LIMITS
        numbers = [int(x) for x in str(right).split(",")]
        assert numbers and all(1 <= x <= len(filled) for x in numbers)
        rows.append({"prompt": prompt, "answers": filled, "right": numbers, "limit": limit})
    return rows


def export(tmp_path: Path, bank: Bank, *args: str) -> tuple[object, Path]:
    bank_path, out = tmp_path / "bank.yaml", tmp_path / "quiz.xlsx"
    save_bank(bank, bank_path)
    result = CliRunner().invoke(main, ["export", "kahoot", str(bank_path), "-o", str(out),
                                       *args])
    return result, out


def test_choice_questions_read_back_and_others_are_counted(tmp_path: Path) -> None:
    bank = make_bank()
    result, out = export(tmp_path, bank, "--time-limit", "30")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = read_sheet(out)
    fitting = [q for q in bank.questions if why_not(q) is None]
    assert [r["prompt"] for r in rows] == [q.shown_prompt for q in fitting]
    for row, q in zip(rows, fitting, strict=True):
        assert row["limit"] == 30
        answers = row["answers"]
        assert isinstance(answers, list)
        if q.type == QuestionType.MCQ:
            assert answers == list(q.shown_options)
        else:
            assert answers == ["صح", "خطأ"]
        assert [answers[i - 1] for i in row["right"]] == [q.shown_answer.strip()]  # type: ignore[attr-defined]
    assert any(NASTY in str(r["prompt"]) for r in rows)  # text as written, not a formula
    skipped = len(bank.questions) - len(rows)
    stderr = result.stderr  # type: ignore[attr-defined]
    assert f"({len(rows)} questions, {skipped} skipped)" in stderr
    assert "cloze: Kahoot's template has answer choices only" in stderr
    assert "Skipped q-" not in stderr


def test_verbose_names_each_skipped_question(tmp_path: Path) -> None:
    bank = make_bank()
    long_q = next(q for q in bank.questions if q.type == QuestionType.MCQ)
    long_q2 = long_q.model_copy(update={"prompt": "س" * (MAX_QUESTION + 1)})
    long_a = next(q for q in bank.questions if q.type == QuestionType.MCQ and q.id != long_q.id)
    opts = (long_a.options[0], *long_a.options[1:3], "ج" * (MAX_ANSWER + 1))
    long_a2 = long_a.model_copy(update={"options": opts})
    bank = bank.model_copy(update={"questions": tuple(
        {long_q.id: long_q2, long_a.id: long_a2}.get(q.id, q) for q in bank.questions)})
    result, out = export(tmp_path, bank, "--verbose")
    stderr = result.stderr  # type: ignore[attr-defined]
    assert f"Skipped {long_q.id}: question over 120 characters (121 characters)" in stderr
    assert f"Skipped {long_a.id}: an answer over 75 characters (76 characters)" in stderr
    for q in bank.questions:
        if q.type in (QuestionType.CLOZE, QuestionType.SHORT_ANSWER, QuestionType.TIMELINE,
                      QuestionType.MATCHING):
            assert f"Skipped {q.id}: " in stderr
    assert all(r["prompt"] not in (long_q2.prompt, long_a.prompt) for r in read_sheet(out))


def test_default_bank_and_drafts(tmp_path: Path) -> None:
    bank = load_bank(default_bank_path())
    result, out = export(tmp_path, bank)
    assert result.exit_code == 0  # type: ignore[attr-defined]
    rows = read_sheet(out)
    assert len(rows) == sum(why_not(q) is None for q in bank.selected()) > 0
    drafts = make_bank()
    drafts = drafts.model_copy(update={"questions": tuple(
        q.model_copy(update={"status": Status.DRAFT}) for q in drafts.questions)})
    out.unlink()
    result, out = export(tmp_path, drafts)
    assert result.exit_code == 1 and not out.exists()  # type: ignore[attr-defined]
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1  # type: ignore[attr-defined]
    result, out = export(tmp_path, drafts, "--include-drafts")
    assert result.exit_code == 0 and read_sheet(out)  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [["--time-limit", "15"]])
def test_bad_time_limit_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    result, _ = export(tmp_path, make_bank(), *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]


def test_invalid_question_is_skipped_with_a_warning(tmp_path: Path) -> None:
    bank = make_bank()
    broken = next(q for q in bank.questions if q.type == QuestionType.MCQ)
    bad = broken.model_copy(update={"answer": "ليس بين الخيارات"})
    bank = bank.model_copy(update={"questions": tuple(
        bad if q.id == broken.id else q for q in bank.questions)})
    result, out = export(tmp_path, bank)
    assert f"Warning: {broken.id}: not exported" in result.stderr  # type: ignore[attr-defined]
    assert broken.shown_prompt not in [r["prompt"] for r in read_sheet(out)]


def test_one_choice_or_five_do_not_fit() -> None:
    mcq = next(q for q in make_bank().questions if q.type == QuestionType.MCQ)
    lone = why_not(mcq.model_copy(update={"options": (mcq.answer,)}))
    assert lone is not None and str(lone) == "fewer than 2 answer choices (1 choice)"
    five = why_not(mcq.model_copy(update={"options": (*mcq.options, "خيار خامس")}))
    assert five is not None and str(five) == "more than 4 answer choices (5 choices)"
