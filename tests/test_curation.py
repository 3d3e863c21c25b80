"""Review edits as data: only what differs is recorded, and an edit that breaks a check rule
is refused with the reason."""

from __future__ import annotations

from studykit.curation import (
    edit_problems,
    make_edit,
    options_after_answer_edit,
    split_list,
    split_pairs,
    with_edit,
)
from studykit.models import Bank, Pair, QuestionType


def _mcq(small_bank: Bank):  # type: ignore[no-untyped-def]
    return next(q for q in small_bank.questions if q.type == QuestionType.MCQ)


def test_lists_and_pairs_on_one_line() -> None:
    assert split_list(" a | b |  | c ") == ("a", "b", "c")
    assert split_pairs("حدث = 2021 | آخر = 2022") == (Pair(left="حدث", right="2021"),
                                                      Pair(left="آخر", right="2022"))
    assert split_pairs("حدث 2021") is None


def test_only_differences_are_recorded(small_bank: Bank) -> None:
    q = _mcq(small_bank)
    same = make_edit(q, prompt=q.prompt, answer=q.answer, options=q.options,
                     alternatives=q.alternatives, pairs=q.pairs, note="")
    assert same is None
    edit = make_edit(q, prompt=q.prompt, answer=q.answer, options=q.options,
                     alternatives=q.alternatives, pairs=q.pairs, note="للمراجع")
    assert edit is not None and edit.note == "للمراجع" and edit.answer is None


def test_mcq_answer_edit_keeps_the_answer_among_the_options(small_bank: Bank) -> None:
    q = _mcq(small_bank)
    assert options_after_answer_edit(q, "27 آذار 2023")[q.options.index(q.answer)] == (
        "27 آذار 2023")
    other = next(o for o in q.options if o != q.answer)
    assert options_after_answer_edit(q, other) == q.options


def test_options_without_the_answer_are_refused(small_bank: Bank) -> None:
    q = _mcq(small_bank)
    wrong = (*(o for o in q.options if o != q.answer), "1 يناير 2020")
    edit = make_edit(q, prompt=q.prompt, answer=q.answer, options=wrong,
                     alternatives=q.alternatives, pairs=q.pairs, note="")
    problems = edit_problems(q, with_edit(q, edit), small_bank)
    assert "options: 0 options are correct, expected exactly one" in problems
    fine = make_edit(q, prompt="متى نشرت الصحيفة تقريرها؟", answer=q.answer, options=q.options,
                     alternatives=q.alternatives, pairs=q.pairs, note="")
    assert edit_problems(q, with_edit(q, fine), small_bank) == []
