"""How each question type is asked, options shuffled per showing, choice verdicts."""

from __future__ import annotations

import random

import pytest

from studykit.models import Edit, QuestionType
from studykit.review.play import card_kind, choice_correct, choice_options

from .conftest import quiz_questions

MCQ, CLOZE, SHORT, TF, TIMELINE, _DRAFT = quiz_questions()


@pytest.mark.parametrize(("question", "mode", "kind"), [
    (MCQ, "auto", "choice"), (CLOZE, "auto", "typed"), (SHORT, "auto", "typed"),
    (TF, "auto", "choice"), (TIMELINE, "auto", "flip"),
    (MCQ, "typed", "typed"), (TF, "typed", "choice"),
    (CLOZE, "mcq", "typed"),  # no options to choose from
    (MCQ, "flip", "flip"), (CLOZE, "flip", "flip"),
])
def test_card_kind(question: object, mode: str, kind: str) -> None:
    assert card_kind(question, mode) == kind  # type: ignore[arg-type]


def test_options_shuffled_per_showing_and_hold_the_answer() -> None:
    rng = random.Random(1)
    orders = {tuple(choice_options(MCQ, rng)) for _ in range(30)}
    assert len(orders) > 5
    assert all(MCQ.answer in order and len(order) == 4 for order in orders)


def test_hand_edits_override_options_and_answer() -> None:
    edited = MCQ.model_copy(update={"edit": Edit(answer="27/3/2023",
                                                 options=("27/3/2023", "1/1/2020"))})
    options = choice_options(edited, random.Random(0))
    assert sorted(options) == ["1/1/2020", "27/3/2023"]
    assert choice_correct(edited, "27/3/2023") and not choice_correct(edited, "1/1/2020")


def test_true_false_verdicts() -> None:
    assert choice_correct(TF, "صح") and not choice_correct(TF, "خطأ")
    false_one = TF.model_copy(update={"answer": "خاطئ", "options": ()})
    assert choice_options(false_one, random.Random(0)) == ["صح", "خطأ"]
    assert choice_correct(false_one, "خطأ")
    assert false_one.type is QuestionType.TRUE_FALSE
