"""What the quiz screen says (pty): the card's task as its title, previews that match what is
saved, plural units, a summary that makes sense after skipping everything."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from studykit.review.session import describe_due

from .conftest import NOW
from .quizdriver import ANSI, SAVED, Quiz

START = "2026-01-10T20:00"


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=10), "now"),
    (timedelta(minutes=5, seconds=30), "in 6 min"),  # halves round up, always
    (timedelta(minutes=4, seconds=30), "in 5 min"),
    (timedelta(hours=3), "in 3 h"),
    (timedelta(days=1), "in 1 day"),
    (timedelta(days=8), "in 8 days"),
])
def test_describe_due(delta: timedelta, text: str) -> None:
    assert describe_due(NOW + delta, NOW) == text


def test_card_title_is_its_task_and_preview_matches_saved(tmp_path: Path, bank_file: Path,
                                                          tmp_db: Path) -> None:
    quiz = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START)
    quiz.child.expect("studying: زيارة عبد اللهيان إلى موسكو")
    assert quiz.card() == "choice"
    assert "اختر الإجابة الصحيحة" in quiz.screen
    assert "زيارة عبد اللهيان إلى موسكو" not in quiz.screen  # the deck title is not the question
    quiz.child.send(quiz.options()["10 مارس 2023"])
    quiz.expect("✗ wrong")
    quiz.child.expect(rf"Suggested: {ANSI}Again{ANSI} — Enter accepts · (.*?) · u answer again")
    previews = dict(re.findall(r"\d (Again|Hard|Good|Easy) \((in [^)]+|now)\)",
                               quiz.child.match.group(1).replace("\r\n", " ")))
    quiz.child.send("2")  # Hard
    quiz.child.expect(SAVED)
    quiz.child.expect(r"Hard · next (in [^\r\n]+|now)")
    assert quiz.child.match.group(1).strip() == previews["Hard"]
    quiz.card()
    quiz.child.sendline("q")
    quiz.finish()


def test_summary_after_skipping_everything(tmp_path: Path, bank_file: Path,
                                           tmp_db: Path) -> None:
    quiz = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START)
    quiz.card()
    quiz.child.send("s")
    quiz.card()
    quiz.child.sendline("q")
    out = quiz.finish()
    assert "reviewed: 0" in out and "correct: — (nothing answered)" in out
    assert "0% (0/0)" not in out
    # The cards skipped are still there to study, not "nothing studied yet".
    assert re.search(r"next due: nothing scheduled yet; \d+ new cards wait", out), out
    assert "nothing studied yet" not in out


def test_tmux_gets_a_hint_and_rtl_given_gets_none(tmp_path: Path, bank_file: Path,
                                                  tmp_db: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    quiz = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START)
    quiz.expect("Hint: tmux or screen does no right-to-left layout")
    quiz.card()
    quiz.child.send("q")
    quiz.finish()
    quiet = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START,
                 "--rtl", "logical")
    quiet.card()
    assert "Hint:" not in quiet.screen
    quiet.child.send("q")
    quiet.finish()


def test_visual_mode_echoes_the_typed_answer_shaped(tmp_path: Path, bank_file: Path,
                                                   tmp_db: Path) -> None:
    """In visual mode the answer is echoed as the screen draws Arabic (reshaped, right to
    left), Backspace works, and the answer is marked as typed (logical order)."""
    from studykit.review.rtl import visual_line

    quiz = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START,
                "--rtl", "visual", "--tag", "cloze")
    assert quiz.card() == "typed"
    quiz.child.send("إبراهيم رئيسيي")
    quiz.child.send("\x7f")  # Backspace over the extra ي
    quiz.expect(re.escape(visual_line("إبراهيم رئيسي")[0]))
    quiz.child.send("\r")
    quiz.expect("✓ right")
    assert "إبراهيم رئيسي" not in quiz.child.before  # nothing echoed in logical order
    quiz.child.send("q")
    quiz.finish()


def test_wrapped_blank_keeps_its_full_stop_on_the_left() -> None:
    from studykit.review.rtl import render

    text = render("في موسكو [...].", 8, "visual")
    assert text.plain.splitlines()[-1] == ".[...]"
