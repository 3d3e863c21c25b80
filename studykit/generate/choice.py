"""Multiple choice: the fact's clause with a blank and four options, exactly one right."""

from __future__ import annotations

import random

from studykit.generate.cloze import CLOZE_KINDS, alternatives, surname_of
from studykit.generate.common import Context, Spot, make_question, swappable
from studykit.generate.distractors import distractors
from studykit.models import Fact, FactKind, Question, QuestionType, question_id

MCQ_PROMPT = "اختر ما يملأ الفراغ: "


def mcq(ctx: Context, fact: Fact, spot: Spot | None = None) -> list[Question]:
    """A multiple-choice blank of `spot` (default: the fact's first good mention)."""
    if fact.kind not in CLOZE_KINDS:
        return []
    spot = spot or ctx.good_spot(fact)
    if spot is None or not swappable(fact, spot):
        return []
    rng = random.Random(question_id(ctx.bank_id, "mcq", (fact.id,)))
    wrong = distractors(ctx, fact, spot.sentence, 3, rng)
    if fact.kind == FactKind.PERSON and len(spot.answer.split()) < len(
            (fact.value or fact.text).split()):
        # `وقال [كيربي]`: the clause writes the surname alone, so every option is a surname
        # (full names beside one surname give the answer away).
        wrong = [s for s in (surname_of(w) for w in wrong) if s and len(s) >= 3]
    if len(wrong) < 3 or len(set(wrong)) < 3:
        return []
    options = [spot.answer, *wrong]
    rng.shuffle(options)
    return [make_question(ctx, "mcq", QuestionType.MCQ, [fact], MCQ_PROMPT + spot.blanked(),
                          spot.answer, spot, options=options,
                          alternatives=alternatives(ctx, fact, spot.answer))]
