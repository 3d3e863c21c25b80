"""Marking in the real quiz (pty): relative answers show their date, an undo or redo after a
wrong answer does not let the student retype the answer just shown for a ✓, edited answers
drop the generator's alternatives."""

from __future__ import annotations

from pathlib import Path

from studykit.bank import save_bank
from studykit.models import Edit, QuestionType

from .conftest import S_LAVROV, S_VISIT, make_question, quiz_bank
from .quizdriver import Quiz

START = "2026-01-10T20:00"


def _bank(tmp_path: Path) -> Path:
    relative = make_question(
        "marking", "cloze-visit", QuestionType.CLOZE, S_VISIT.replace("29 مارس الجاري", "[...]"),
        "29 مارس الجاري", S_VISIT, alternatives=("29 مارس 2023", "29 آذار 2023", "29/3/2023"),
        tags=("a",))
    edited = make_question(
        "marking", "short-lavrov", QuestionType.SHORT_ANSWER, "من دعا إلى استئناف المفاوضات؟",
        "سيرجي لافروف", S_LAVROV, alternatives=("لافروف",), tags=("b",)
    ).model_copy(update={"edit": Edit(answer="وزير الخارجية الروسي", note="صححت السؤال")})
    return save_bank(quiz_bank("marking", (relative, edited)), tmp_path / "bank.yaml")


def test_relative_answer_shows_its_date(tmp_path: Path) -> None:
    quiz = Quiz(tmp_path, str(_bank(tmp_path)), "--db", str(tmp_path / "r.db"), "--now", START,
                "--tag", "a")
    assert quiz.card() == "typed"
    quiz.child.sendline("29 مارس 2022")
    quiz.expect("✗ wrong")
    quiz.expect(r"29 مارس الجاري \(29 مارس 2023\)")
    quiz.child.sendline("q")
    quiz.finish()


def test_redo_after_a_wrong_answer_is_no_tick(tmp_path: Path) -> None:
    quiz = Quiz(tmp_path, str(_bank(tmp_path)), "--db", str(tmp_path / "r.db"), "--now", START,
                "--tag", "a")
    assert quiz.card() == "typed"
    quiz.child.sendline("28 مارس")
    quiz.expect("✗ wrong")
    assert quiz.suggested() == "Again"
    quiz.child.send("u")  # redo: the card again, its answer now known
    assert quiz.card() == "typed"
    quiz.child.sendline("29 مارس")
    quiz.expect("✗ wrong")
    quiz.expect("الإجابة ظهرت قبل التراجع")
    assert quiz.suggested() == "Again"
    quiz.child.send("q")
    quiz.finish()


def test_undo_after_a_wrong_answer_is_no_tick(tmp_path: Path) -> None:
    quiz = Quiz(tmp_path, str(_bank(tmp_path)), "--db", str(tmp_path / "r.db"), "--now", START,
                "--new", "5")
    seen = quiz.card()
    assert seen == "typed"
    first = "cloze" if "[...]" in quiz.screen else "short"
    quiz.child.sendline("خطأ تماما")
    quiz.expect("✗ wrong")
    quiz.suggested()
    quiz.accept()
    quiz.card()
    quiz.child.sendline("u")
    quiz.expect("undone")
    quiz.card()
    quiz.child.sendline("29 مارس" if first == "cloze" else "وزير الخارجية الروسي")
    quiz.expect("✗ wrong")
    assert quiz.suggested() == "Again"
    quiz.child.send("q")
    quiz.finish()


def test_edited_answer_drops_the_old_alternatives(tmp_path: Path) -> None:
    quiz = Quiz(tmp_path, str(_bank(tmp_path)), "--db", str(tmp_path / "r.db"), "--now", START,
                "--tag", "b")
    assert quiz.card() == "typed"
    quiz.child.sendline("لافروف")  # the generator's old alternative
    quiz.expect("✗ wrong")
    quiz.suggested()
    quiz.child.send("u")
    quiz.card()
    quiz.child.send("q\r")
    quiz.finish()


def test_more_precise_date_is_right_with_a_note(tmp_path: Path) -> None:
    sentence = "وقّعت الأطراف الاتفاق النووي عام 2015 في فيينا"
    year = make_question("marking", "cloze-year", QuestionType.CLOZE,
                         sentence.replace("عام 2015", "[...]"), "عام 2015", sentence,
                         alternatives=("2015",), tags=("y",))
    bank = save_bank(quiz_bank("marking", (year,)), tmp_path / "bank.yaml")
    quiz = Quiz(tmp_path, str(bank), "--db", str(tmp_path / "r.db"), "--now", START)
    assert quiz.card() == "typed"
    quiz.child.sendline("يوليو 2015")
    quiz.expect("✓ right")
    quiz.expect("المقال يذكر «عام 2015» فقط")
    assert quiz.suggested() == "Good"
    quiz.child.send("q")
    quiz.finish()
