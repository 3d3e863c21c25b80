"""SIGKILL at random points of 50 scripted sessions on one database: the file stays sound and
every review acknowledged on screen ("saved #N") is in the log."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pexpect  # type: ignore[import-untyped]

from studykit.bank import save_bank
from studykit.models import QuestionType

from .conftest import NOW, S_LAVROV, S_RAISI, S_VISIT, S_WSJ, make_question, quiz_bank
from .quizdriver import SAVED, Quiz

SESSIONS = 50


def crash_bank_file(tmp_path: Path) -> Path:
    """Twelve cards, choice and typed, on real sentences."""
    questions = []
    for n, (sentence, answer) in enumerate([(S_WSJ, "27 مارس 2023"), (S_RAISI, "19 يناير 2022"),
                                            (S_VISIT, "29 مارس"), (S_LAVROV, "سيرجي لافروف")]):
        for variant in range(3):
            qtype = QuestionType.MCQ if variant < 2 else QuestionType.CLOZE
            options = (answer, "1 أبريل 2020", "موسكو", "طهران") if variant < 2 else ()
            questions.append(make_question(
                "crash", f"t{n}-{variant}", qtype, sentence.replace(answer, "[...]"), answer,
                sentence, options=options))
    return save_bank(quiz_bank("crash", tuple(questions)), tmp_path / "crash.yaml")


def test_sigkill_never_loses_an_acknowledged_review(tmp_path: Path, tmp_db: Path) -> None:
    bank = crash_bank_file(tmp_path)
    rng = random.Random(20260110)
    acknowledged: set[int] = set()
    for session in range(SESSIONS):
        now = (NOW + timedelta(days=40 * session)).isoformat()
        quiz = Quiz(tmp_path, str(bank), "--db", str(tmp_db), "--now", now, timeout=20)
        answers = rng.randint(0, 4)
        try:
            for step in range(answers + 1):
                kind = quiz.card()
                if step == answers:
                    break
                if kind == "choice":
                    quiz.child.send(str(rng.randint(1, 4)))
                else:
                    quiz.child.sendline(rng.choice(["موسكو", "29 مارس", "x"]))
                quiz.suggested()
                quiz.child.send(rng.choice(["\r", "1", "3", "4"]))
                if step == answers - 1 and rng.random() < 0.6:
                    break  # kill while the review is being written
                quiz.child.expect(SAVED)
                acknowledged.add(int(quiz.child.match.group(1)))
        except pexpect.TIMEOUT:
            raise AssertionError(f"session {session} stuck:\n{quiz.screen}{quiz.child.before}"
                                 ) from None
        time.sleep(rng.uniform(0, 0.02))
        os.kill(quiz.child.pid, signal.SIGKILL)
        try:  # whatever reached the screen before the kill counts as acknowledged
            quiz.child.expect(pexpect.EOF, timeout=5)
            acknowledged |= {int(n) for n in re.findall(SAVED, str(quiz.child.before))}
        finally:
            quiz.child.close(force=True)
        raw = sqlite3.connect(tmp_db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            logged = {r[0] for r in raw.execute("SELECT id FROM reviews WHERE kind = 'review'")}
        finally:
            raw.close()
        missing = acknowledged - logged
        assert not missing, f"session {session}: acknowledged reviews {missing} are not in the log"
    assert len(acknowledged) >= SESSIONS  # the sessions really reviewed something
