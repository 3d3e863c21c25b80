"""The layout model: versions, seeded shuffles, numbering, and keys that map back to the bank."""

from __future__ import annotations

import pytest
from test_handout_bank import make_bank

from studykit.arabic import to_latin_digits
from studykit.exporters.handout.layout import (
    LABELS,
    HandoutError,
    HandoutOptions,
    Item,
    build_handout,
    select_questions,
)
from studykit.models import QuestionType


def check_key(item: Item) -> None:
    """Map a version's key back to the bank question: the key must name the right answer."""
    q = item.question
    if q.type == QuestionType.MCQ:
        label, _, text = item.key.partition(". ")
        assert item.options[LABELS.index(label)] == q.shown_answer == text
    elif q.type == QuestionType.TIMELINE:
        for entry in item.key.split("؛ "):
            label, _, rest = entry.partition("=")
            rank, _, date = rest.partition(": ")
            event = item.options[LABELS.index(label)]
            assert q.pairs[int(rank) - 1].left == event
            assert q.pairs[int(rank) - 1].right == date
    elif q.type == QuestionType.MATCHING:
        for entry in item.key.split("، "):
            written, _, label = entry.partition("=")
            number = int(to_latin_digits(written.strip("()")))  # `(١)`
            pair = q.pairs[number - 1]
            assert item.rows[number - 1] == pair.left
            assert item.options[LABELS.index(label)] == pair.right
    else:
        assert item.key == q.shown_answer
    assert item.source_sentence == q.source.sentence


def test_versions_hold_the_same_questions_in_different_orders() -> None:
    bank = make_bank(60)
    handout = build_handout(bank.questions, HandoutOptions(versions=3, seed=7))
    orders = [[item.question.id for item in v.items] for v in handout.versions]
    assert [v.label for v in handout.versions] == ["أ", "ب", "ج"]
    assert all(sorted(order) == sorted(q.id for q in bank.questions) for order in orders)
    assert len({tuple(order) for order in orders}) == 3
    for version in handout.versions:
        assert [item.number for item in version.items] == list(range(1, 61))
        for item in version.items:
            check_key(item)


def test_option_order_is_shuffled_per_version() -> None:
    bank = make_bank(40)
    handout = build_handout(bank.questions, HandoutOptions(versions=2, seed=3))
    by_id = [{i.question.id: i.options for i in v.items if i.question.type == QuestionType.MCQ}
             for v in handout.versions]
    assert any(by_id[0][qid] != by_id[1][qid] for qid in by_id[0])
    assert all(sorted(by_id[0][qid]) == sorted(by_id[1][qid]) for qid in by_id[0])


def test_same_seed_same_handout_other_seed_other_order() -> None:
    bank = make_bank(30)
    first = build_handout(bank.questions, HandoutOptions(versions=2, seed=5))
    again = build_handout(bank.questions, HandoutOptions(versions=2, seed=5))
    other = build_handout(bank.questions, HandoutOptions(versions=2, seed=6))
    assert first == again
    assert [i.question.id for i in first.versions[0].items] != [
        i.question.id for i in other.versions[0].items]


def test_sections_follow_type_order_with_instructions() -> None:
    handout = build_handout(make_bank().questions, HandoutOptions())
    types = [s.type for s in handout.versions[0].sections]
    assert types == [QuestionType.MCQ, QuestionType.TRUE_FALSE, QuestionType.CLOZE,
                     QuestionType.SHORT_ANSWER, QuestionType.TIMELINE, QuestionType.MATCHING]
    assert all(s.instructions and s.title for s in handout.versions[0].sections)


def test_true_false_options_are_not_shuffled() -> None:
    for seed in range(5):
        handout = build_handout(make_bank().questions, HandoutOptions(seed=seed))
        items = handout.versions[0].items
        tf = next(i for i in items if i.question.type == QuestionType.TRUE_FALSE)
        assert tf.options == ("صح", "خطأ")


def test_count_and_types_select_reproducibly() -> None:
    bank = make_bank(50)
    opts = HandoutOptions(count=10, seed=2, types=(QuestionType.MCQ, QuestionType.CLOZE))
    chosen = select_questions(bank.questions, opts)
    assert len(chosen) == 10
    assert {q.type for q in chosen} <= {QuestionType.MCQ, QuestionType.CLOZE}
    assert chosen == select_questions(bank.questions, opts)


def test_excerpts_are_distinct_sentences_in_article_order() -> None:
    bank = make_bank(16)
    handout = build_handout(bank.questions, HandoutOptions(with_text=True))
    starts = [next(q.source.start for q in bank.questions if q.source.sentence == s)
              for s in handout.excerpts]
    assert starts == sorted(starts)
    assert len(handout.excerpts) == len({q.source.sentence for q in bank.questions})


@pytest.mark.parametrize("options, message", [
    (HandoutOptions(types=(QuestionType.MCQ,)), "no questions"),
    (HandoutOptions(versions=0), "--versions"),
    (HandoutOptions(versions=27), "--versions"),
])
def test_impossible_requests_are_user_errors(options: HandoutOptions, message: str) -> None:
    questions = [q for q in make_bank().questions if q.type != QuestionType.MCQ]
    with pytest.raises(HandoutError, match=message):
        build_handout(questions, options)


def test_mcq_whose_answer_is_not_an_option_is_reported() -> None:
    q = next(q for q in make_bank().questions if q.type == QuestionType.MCQ)
    broken = q.model_copy(update={"answer": "غير موجود"})
    with pytest.raises(HandoutError, match=q.id):
        build_handout([broken], HandoutOptions())


def test_without_siblings_no_question_gives_another_away() -> None:
    from studykit.exporters.handout.layout import without_siblings

    questions = make_bank().questions
    kept = without_siblings(questions, seed=3)
    assert 0 < len(kept) < len(questions)
    single = [q for q in kept if len(q.fact_ids) <= 2]
    for i, a in enumerate(single):
        for b in single[i + 1:]:
            assert not set(a.fact_ids) & set(b.fact_ids)
            assert not (a.source.source == b.source.source and a.source.start < b.source.end
                        and b.source.start < a.source.end)
    assert without_siblings(questions, seed=3) == kept  # reproducible from the seed
