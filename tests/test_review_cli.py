"""`studykit review`: approve / reject / edit / skip / quit, saving after every decision."""

from __future__ import annotations

import os
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
    keys = f"s\ne\nاختر التاريخ الصحيح\n\n{options}\n\nأوضح\nq\n"
    code, output, bank = review(bank_file, keys)
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
                          timeout=20, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                               "STUDYKIT_CACHE": os.environ["STUDYKIT_CACHE"]})
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
    code, output, bank = review(bank_file, "e\n\n\n\n\nq\n")
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


def test_prompts_show_the_current_value_and_that_enter_keeps_it(bank_file: Path) -> None:
    cloze = load_bank(bank_file).questions[1]
    code, output, _ = review(bank_file, "e\n\n\n\n\nq\n")
    assert code == 0, output
    assert f"answer now: {cloze.shown_answer}" in output
    assert "new answer (Enter keeps it)" in output
    assert "note (for reviewers, never shown to students; Enter keeps it, - clears it)" in output


def test_blank_edit_counts_as_an_approval_not_an_edit(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "e\n\n\n\n\nq\n")
    assert code == 0, output
    assert "Approved 1, edited 0" in output
    assert bank.questions[1].status == Status.APPROVED and bank.questions[1].edit is None


def test_mcq_options_without_the_answer_are_refused_at_once(bank_file: Path) -> None:
    """Refused when they are typed, before the fields after them, and asked again."""
    mcq = load_bank(bank_file).questions[2]
    others = [o for o in mcq.options if o != mcq.answer]
    wrong = " | ".join(others) + " | يناير 2020"
    right = " | ".join([*others[:2], mcq.answer, "يناير 2020"])
    code, output, bank = review(bank_file, f"s\ne\n\n\n{wrong}\n{right}\n\n\nq\n")
    assert code == 0, output
    refused = output.index("refused: options: 0 options are correct, expected exactly one")
    assert refused < output.rindex("also accepted")  # the field after the options
    assert "Give the options again" in output
    assert bank.questions[2].status == Status.APPROVED
    assert bank.questions[2].shown_options == (*others[:2], mcq.answer, "يناير 2020")


def test_enter_after_refused_options_keeps_the_questions_own(bank_file: Path) -> None:
    """No loop: Enter on the options asked again keeps the ones shown (the question's)."""
    mcq = load_bank(bank_file).questions[2]
    wrong = " | ".join(o for o in mcq.options if o != mcq.answer) + " | يناير 2020"
    code, output, bank = review(bank_file, f"s\ne\n\n\n{wrong}\n\n\n\nq\n")
    assert code == 0, output
    assert bank.questions[2].status == Status.APPROVED and bank.questions[2].edit is None


def test_answer_edit_on_an_mcq_replaces_it_among_the_options(bank_file: Path) -> None:
    """The options default follows the corrected answer; the old alternatives go with it."""
    mcq = load_bank(bank_file).questions[2]
    assert mcq.answer == "أغسطس 2021" and "آب 2021" not in mcq.options
    code, output, bank = review(bank_file, "s\ne\n\nآب 2021\n\n\n\nq\n")
    assert code == 0, output
    assert "refused" not in output
    assert "the old answer's alternatives are dropped with it" in output
    edited = bank.questions[2]
    assert edited.shown_answer == "آب 2021" and "أغسطس 2021" not in edited.shown_options
    assert edited.shown_alternatives == ()
    assert "edited 1" in output


def test_unsupported_answer_is_refused(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "e\n\nمارس 2030\n\n\nq\n")
    assert code == 0, output
    assert "refused: answer-unsupported: 'مارس 2030' is not in the source sentence" in output
    assert bank.questions[1].status == Status.DRAFT


def test_edited_answer_drops_old_alternatives_and_highlight(bank_file: Path) -> None:
    cloze = load_bank(bank_file).questions[1]
    assert cloze.alternatives and cloze.shown_span is not None
    code, output, bank = review(bank_file, "e\n\nآب 2021\n\n\nq\n")
    assert code == 0, output
    edited = bank.questions[1]
    assert edited.shown_answer == "آب 2021"
    assert edited.shown_alternatives == () and edited.shown_span is None


def test_undo_takes_the_last_decision_back(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "r\nغامض\nu\na\nq\n")
    assert code == 0, output
    assert "undone: reject" in output
    assert bank.questions[1].status == Status.APPROVED and bank.questions[1].edit is None
    assert "Approved 1, edited 0, rejected 0" in output


def test_reopen_an_approved_question(bank_file: Path) -> None:
    done = load_bank(bank_file).questions[0]
    assert done.status == Status.APPROVED
    result = CliRunner().invoke(main, ["review", str(bank_file), "--status", "approved"],
                                input="d\n")
    assert result.exit_code == 0, result.output
    assert "reopened 1" in result.output
    assert load_bank(bank_file).questions[0].status == Status.DRAFT


def test_review_one_question_by_id(bank_file: Path) -> None:
    target = load_bank(bank_file).questions[3]
    result = CliRunner().invoke(main, ["review", str(bank_file), "--id", target.id], input="a\n")
    assert result.exit_code == 0 and "[1/1]" in result.output
    assert load_bank(bank_file).questions[3].status == Status.APPROVED
    missing = CliRunner().invoke(main, ["review", str(bank_file), "--id", "q-nope"])
    assert missing.exit_code == 1 and "no question q-nope" in missing.output


def test_refused_edit_in_a_real_terminal(bank_file: Path) -> None:
    """pexpect: a true/false answer edited to something else is refused with the reason."""
    import sys

    pexpect = pytest.importorskip("pexpect")
    studykit = Path(sys.executable).parent / "studykit"
    child = pexpect.spawn(str(studykit), ["review", str(bank_file)], encoding="utf-8",
                          timeout=20, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                               "STUDYKIT_CACHE": os.environ["STUDYKIT_CACHE"]})
    for _ in range(3):
        child.expect_exact("[q]uit")
        child.sendline("s")
    child.expect_exact("[4/4]")
    child.expect_exact("[q]uit")
    child.sendline("e")
    child.expect_exact("new prompt (Enter keeps it)")
    child.sendline("")
    child.expect_exact("new answer (Enter keeps it)")
    child.sendline("ربما")
    child.expect_exact("new note")
    child.sendline("")
    child.expect_exact("refused: options: true/false answer must be صح or خطأ")
    child.expect_exact("[q]uit")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert load_bank(bank_file).questions[4].status == Status.DRAFT


def test_review_edit_reaches_every_output(bank_file: Path, tmp_path: Path) -> None:
    """An answer edited in `review` is the only answer the quiz, Moodle, GIFT, JSON and Anki
    accept or show; the generator's alternatives and the reviewer's note reach none of them."""
    import json

    from studykit.review.grading import check_answer

    before = load_bank(bank_file)
    short = before.questions[3]
    assert short.type == QuestionType.SHORT_ANSWER
    old = "الجواب القديم"  # an alternative of the generated answer
    save_bank(before.model_copy(update={"questions": tuple(
        q.model_copy(update={"alternatives": (*q.alternatives, old)}) if q.id == short.id else q
        for q in before.questions)}), bank_file)
    new = "29 مارس"
    code, output, bank = review(bank_file, f"s\ns\ne\n\n{new}\n\nملاحظة للمراجع فقط\nq\n")
    assert code == 0 and "refused" not in output, output
    edited = bank.questions[3]
    assert edited.shown_answer == new and edited.status == Status.APPROVED
    assert not check_answer(old, edited.shown_answer, edited.shown_alternatives).correct
    runner = CliRunner()
    outputs = {}
    for fmt, name in (("moodle", "m.xml"), ("gift", "g.gift"), ("json", "j.json")):
        target = tmp_path / name
        result = runner.invoke(main, ["export", fmt, str(bank_file), "-o", str(target)])
        assert result.exit_code == 0, result.output
        outputs[fmt] = target.read_text(encoding="utf-8")
    [entry] = [q for q in json.loads(outputs["json"])["questions"] if q["id"] == edited.id]
    assert entry["answer"] == new and "alternatives" not in entry
    for fmt, text in outputs.items():
        assert "ملاحظة للمراجع فقط" not in text, fmt
    moodle = outputs["moodle"]
    block = moodle[moodle.index(edited.id):]
    block = block[:block.find("</question>")]
    assert f">{new}<" in block and f">{old}<" not in block


def test_empty_options_are_no_edit(bank_file: Path) -> None:
    code, output, bank = review(bank_file, "s\ne\n\n\n| | |\n\n\nq\n")
    assert code == 0, output
    assert bank.questions[2].edit is None and "edited 0" in output
