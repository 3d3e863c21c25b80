"""`studykit review`: approve / reject / edit / skip / quit, saving after every decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.bank import load_bank, save_bank
from studykit.cli import main
from studykit.models import Bank, Edit, QuestionType, Status
from studykit.pipeline import build_bank
from studykit.sources import read_article

SEED = Path(__file__).resolve().parent.parent / "decks" / "iran-russia-2023" / "article.ar.txt"


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return build_bank([read_article(SEED)], "seed", "seed")


@pytest.fixture
def bank_file(seed_bank: Bank, tmp_path: Path) -> Path:
    """Four drafts: a cloze, an MCQ, a short answer, a true/false; one approved question."""
    picks = [next(q for q in seed_bank.questions if q.type == t) for t in (
        QuestionType.CLOZE, QuestionType.MCQ, QuestionType.SHORT_ANSWER,
        QuestionType.TRUE_FALSE)]
    done = next(q for q in seed_bank.questions if q.type == QuestionType.MATCHING)
    questions = (done.model_copy(update={"status": Status.APPROVED}), *picks)
    path = tmp_path / "bank.yaml"
    save_bank(seed_bank.model_copy(update={"questions": questions}), path)
    return path


def review(path: Path, keys: str) -> tuple[int, str, Bank]:
    result = CliRunner().invoke(main, ["review", str(path)], input=keys)
    return result.exit_code, result.output, load_bank(path)


def test_approve_reject_skip(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "a\nr\nنص غامض\ns\na\n")
    assert code == 0, output
    statuses = [q.status for q in bank.questions]
    assert statuses == [Status.APPROVED, Status.APPROVED, Status.REJECTED, Status.DRAFT,
                        Status.APPROVED]
    assert bank.questions[2].edit == Edit(note="نص غامض")
    assert "[1/4]" in output and "[4/4]" in output
    assert "Approved 2, edited 0, rejected 1, skipped 1" in output


def test_edit_records_only_the_changes(bank_file: Path) -> None:
    before = load_bank(bank_file).questions[2]  # the MCQ
    options = " | ".join(reversed(before.options))
    code, output, bank = review(bank_file, f"s\ne\nاختر التاريخ الصحيح\n\n{options}\nأوضح\nq\n")
    assert code == 0, output
    mcq = bank.questions[2]
    assert mcq.status == Status.APPROVED
    assert mcq.edit == Edit(prompt="اختر التاريخ الصحيح", options=tuple(reversed(before.options)),
                            note="أوضح")
    assert mcq.prompt == before.prompt  # the generated text stays; the edit overrides it
    assert mcq.shown_prompt == "اختر التاريخ الصحيح"


def test_each_decision_is_saved_before_the_next_question(bank_file: Path) -> None:
    # Input ends after the first decision: click aborts on the second prompt (like a crash
    # or Ctrl-D); the first decision is already on disk.
    code, _, bank = review(bank_file, "r\n\n")
    assert code != 0
    assert [q.status for q in bank.questions[1:]] == [Status.REJECTED, Status.DRAFT,
                                                      Status.DRAFT, Status.DRAFT]


def test_invalid_key_is_asked_again(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "x\na\nq\n")
    assert code == 0
    assert "is not one of" in output or "Error: invalid choice" in output
    assert bank.questions[1].status == Status.APPROVED


def test_no_drafts(bank_file: Path) -> None:
    review(bank_file, "a\na\na\na\n")
    code, output, _ = review(bank_file, "")
    assert code == 0
    assert output.strip() == f"No draft questions in {bank_file}."


def test_missing_bank(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "Error:" in result.output and "no such bank file" in result.output


def test_killed_mid_review_keeps_earlier_decisions(bank_file: Path) -> None:
    """A real terminal session killed with SIGKILL after one decision (pexpect)."""
    import signal
    import sys

    pexpect = pytest.importorskip("pexpect")
    studykit = Path(sys.executable).parent / "studykit"
    child = pexpect.spawn(str(studykit), ["review", str(bank_file)], encoding="utf-8",
                          timeout=20, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    child.expect_exact("[1/4]")
    child.expect_exact("[q]uit")
    child.sendline("a")
    child.expect_exact("[2/4]")
    child.expect_exact("[q]uit")
    child.kill(signal.SIGKILL)
    child.wait()
    statuses = [q.status for q in load_bank(bank_file).questions[1:]]
    assert statuses == [Status.APPROVED, Status.DRAFT, Status.DRAFT, Status.DRAFT]


def test_edit_with_no_change_leaves_no_empty_edit(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "e\n\n\n\nq\n")
    assert code == 0, output
    first = bank.questions[0]
    assert first.status == Status.APPROVED
    assert first.edit is None
    assert "edit: {}" not in bank_file.read_text(encoding="utf-8")


def test_visual_rtl_shows_reordered_arabic(bank_file: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(bank_file), "--rtl", "visual"], input="q\n")
    assert result.exit_code == 0
    first = load_bank(bank_file).questions[0]
    word = first.source.sentence.split()[0]
    assert word not in result.output  # logical order is gone ...
    assert "\ufe8d" in result.output or any(0xFE70 <= ord(c) <= 0xFEFF for c in result.output)


def test_end_of_input_stops_cleanly_keeping_decisions(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "a\n")  # then EOF, as Ctrl-D
    assert code == 130, output
    assert "Traceback" not in output and "Aborted" not in output
    assert bank.questions[0].status == Status.APPROVED
