"""A scripted session on the default deck's own approved questions, in a real pty.

The bank under test is a subset of `decks/iran-russia-2023/bank.yaml` (same bank id, the
questions as reviewed): its first approved multiple-choice question and two short-answer
questions on other facts, so the script knows which card is which without reading the queue.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pexpect  # type: ignore[import-untyped]
import pytest

from studykit.arabic import normalize
from studykit.bank import load_bank, save_bank
from studykit.defaults import default_bank_path
from studykit.models import Bank, Question, QuestionType

from .quizdriver import CARD_END, Quiz

START = "2026-02-02T19:00"
NEXT_MORNING = "2026-02-03T08:00"


def pick(bank: Bank) -> tuple[Question, Question, Question]:
    approved = bank.selected()
    mcq = next(q for q in approved if q.type == QuestionType.MCQ)
    shorts: list[Question] = []
    taken = set(mcq.fact_ids)
    for q in approved:
        if q.type == QuestionType.SHORT_ANSWER and not taken & set(q.fact_ids):
            # a near miss needs a word long enough for a one-letter slip
            if len(shorts) == 1 and max(len(w) for w in q.shown_answer.split()) < 5:
                continue
            shorts.append(q)
            taken |= set(q.fact_ids)
        if len(shorts) == 2:
            break
    return mcq, shorts[0], shorts[1]


def near_miss(answer: str) -> str:
    """Drop one letter inside the longest word: `لافروف` → `لافرف`."""
    words = answer.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    words[i] = word[:-2] + word[-1]
    return " ".join(words)


def on_screen(screen: str) -> str:
    """The panel's text joined across lines, box drawing removed, for matching prompts."""
    inner = [line.strip(" │╭╮╰╯─") for line in screen.splitlines()]
    return normalize(" ".join(part for part in inner if part))


def which(screen: str, questions: tuple[Question, ...]) -> Question:
    text = on_screen(screen)
    for q in questions:
        probe = normalize(q.shown_prompt.replace("[...]", " "))
        if " ".join(probe.split()[:6]) in text:
            return q
    raise AssertionError(f"no known question on screen:\n{screen}")


def next_card(quiz: Quiz) -> str | None:
    index = quiz.child.expect([CARD_END, "Nothing more to study now"])
    if index == 1:
        return None
    quiz.screen = quiz.child.before
    hint = quiz.child.match.group(1)
    return "choice" if hint.startswith("press") else "typed" if "type" in hint else "flip"


@pytest.fixture
def deck_subset(tmp_path: Path) -> tuple[Path, tuple[Question, Question, Question]]:
    bank = load_bank(default_bank_path())
    chosen = pick(bank)
    subset = bank.model_copy(update={"questions": chosen})
    return save_bank(subset, tmp_path / "default-subset.yaml"), chosen


def test_scripted_session_on_the_default_deck(
        tmp_path: Path, tmp_db: Path, deck_subset: tuple[Path, tuple[Question, ...]]) -> None:
    bank_file, (mcq, wrong, slip) = deck_subset
    quiz = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", START)
    done: dict[str, list[str]] = {mcq.id: [], wrong.id: [], slip.id: []}
    while (kind := next_card(quiz)) is not None:
        q = which(quiz.screen, (mcq, wrong, slip))
        first = not done[q.id]
        if q.id == wrong.id and not first:
            quiz.child.sendline("s")  # leave the missed card for tomorrow
            continue
        if kind == "choice":
            quiz.child.send(quiz.options()[q.shown_answer])
            quiz.expect("✓ right")
            done[q.id].append(quiz.suggested())
        elif q.id == wrong.id:
            quiz.child.sendline("لا أعرف")
            quiz.expect("✗ wrong")
            done[q.id].append(quiz.suggested())
        else:
            quiz.child.sendline(near_miss(q.shown_answer) if first else q.shown_answer)
            quiz.expect("✓ right")
            done[q.id].append(quiz.suggested())
        quiz.accept()
    summary = quiz.finish()
    assert done[wrong.id] == ["Again"]
    assert done[slip.id][0] == "Hard"
    assert done[mcq.id][0] == "Good"
    total = sum(len(v) for v in done.values())
    correct = total - 1
    assert f"reviewed: {total}" in summary
    assert f"({correct}/{total})" in summary

    log = sqlite3.connect(tmp_db).execute(
        "SELECT question_id, rating, correct FROM reviews WHERE kind = 'review' ORDER BY id"
    ).fetchall()
    assert len(log) == total
    assert [(r[0], r[2]) for r in log if r[0] == wrong.id] == [(wrong.id, 0)]
    assert len(quiz.acknowledged) == total

    # Next morning: only the missed card is due; the ones answered right have graduated.
    tomorrow = Quiz(tmp_path, str(bank_file), "--db", str(tmp_db), "--now", NEXT_MORNING)
    assert next_card(tomorrow) is not None
    assert which(tomorrow.screen, (mcq, wrong, slip)).id == wrong.id
    assert re.search(r"due 0 · new 0|due 1 · new 0", tomorrow.screen)
    tomorrow.child.sendline("q")
    tomorrow.child.expect(pexpect.EOF)
