"""generate() on two real articles: the seed and a composed news article on another topic.

Facts come from hand annotations (see conftest); every generated bank must pass check_bank
with drafts included, be deterministic, and keep offsets exact.
"""

from __future__ import annotations

from collections import Counter

import pytest

from studykit.arabic import normalize
from studykit.check import check_bank
from studykit.generate import PER_CLAUSE, PER_LIST, generate
from studykit.generate.clean import drop_then
from studykit.generate.dates import parse_written
from studykit.generate.distractors import rank_of
from studykit.generate.nations import nation_of, of_nation
from studykit.models import Bank, Fact, FactKind, Question, QuestionType, Status, question_id
from studykit.sources import Article

ALL_TYPES = set(QuestionType)
Loaded = tuple[Article, list[Fact]]


def _bank(article: Article, facts: list[Fact], questions: list[Question]) -> Bank:
    return Bank(id="t", title="t", sources=(article.source,), facts=tuple(facts),
                questions=tuple(questions))


@pytest.fixture(scope="module", params=["seed", "other"])
def case(request: pytest.FixtureRequest) -> tuple[Article, list[Fact], list[Question]]:
    article, facts = request.getfixturevalue(request.param)
    return article, facts, generate("t", [article], facts)


def test_every_type_is_generated(case: tuple[Article, list[Fact], list[Question]]) -> None:
    _, _, questions = case
    assert {q.type for q in questions} == ALL_TYPES


def test_generated_bank_passes_every_check(
        case: tuple[Article, list[Fact], list[Question]]) -> None:
    article, facts, questions = case
    assert check_bank(_bank(article, facts, questions), include_drafts=True) == []


def test_deterministic_and_ids_from_template_and_facts(
        case: tuple[Article, list[Fact], list[Question]]) -> None:
    article, facts, questions = case
    again = generate("t", [article], facts)
    assert list(again) == list(questions)
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.id == question_id("t", q.template, q.fact_ids)
        assert q.status in (Status.DRAFT, Status.HELD)  # held: unsure, kept for review
        assert q.tags == (q.tags[0], q.type.value, article.source.id)


def test_source_offsets_are_exact(case: tuple[Article, list[Fact], list[Question]]) -> None:
    article, _, questions = case
    for q in questions:
        src = q.source
        assert article.text[src.start:src.end] == src.sentence
        assert article.body[src.start:src.end] == src.sentence  # never page residue
        if q.type in (QuestionType.CLOZE, QuestionType.MCQ):
            assert src.answer_start is not None and src.answer_end is not None
            assert src.sentence[src.answer_start:src.answer_end] == q.answer
        if q.type == QuestionType.CLOZE:
            # The clause as written, blanked; only `آنذاك`-like words may go.
            assert q.prompt == drop_then(src.sentence[:src.answer_start] + "[...]"
                                         + src.sentence[src.answer_end:])


def test_mcq_options(case: tuple[Article, list[Fact], list[Question]]) -> None:
    _, facts, questions = case
    by_id = {f.id: f for f in facts}
    mcqs = [q for q in questions if q.type == QuestionType.MCQ]
    assert mcqs
    orders = set()
    for q in mcqs:
        keys = [normalize(o) for o in q.options]
        assert len(q.options) == 4 and len(set(keys)) == 4
        assert keys.count(normalize(q.answer)) == 1
        orders.add(q.options.index(q.answer))
        fact = by_id[q.fact_ids[0]]
        wrong = [o for o in q.options if o != q.answer]
        if fact.kind == FactKind.DATE:
            # Same precision and written form as the answer.
            assert {parse_written(o).shape for o in wrong} == {parse_written(q.answer).shape}
        if fact.kind == FactKind.PLACE:
            subkind = {f.value or f.text: f.subkind for f in facts if f.kind == FactKind.PLACE}
            assert all(subkind.get(o, fact.subkind) == fact.subkind for o in wrong)
        if fact.kind == FactKind.PERSON:
            # Same rank, or (when the stem names a country: `الرئيس الإيراني، [...]`) the
            # same country, and never a person of another country than the stem names.
            people = {f.value: f for f in facts if f.kind == FactKind.PERSON}
            nation = nation_of(fact, q.source.sentence)
            for o in wrong:
                if nation is not None:
                    assert of_nation(o, nation) or nation_of(people[o]) == nation, o
                elif o in people:
                    assert rank_of(people[o]) == rank_of(fact), o
    assert len(orders) > 1  # the right answer is not always in the same place


def test_true_false_is_balanced(case: tuple[Article, list[Fact], list[Question]]) -> None:
    _, _, questions = case
    verdicts = Counter(q.answer for q in questions if q.type == QuestionType.TRUE_FALSE)
    assert verdicts["صح"] and verdicts["خطأ"]
    assert abs(verdicts["صح"] - verdicts["خطأ"]) <= 1
    for q in questions:
        if q.type == QuestionType.TRUE_FALSE:
            statement = q.prompt.split(":", 1)[1].strip()
            assert (statement == q.source.sentence) is (q.answer == "صح")
            assert q.options == ("صح", "خطأ")


def test_timeline_in_chronological_order(
        case: tuple[Article, list[Fact], list[Question]]) -> None:
    _, facts, questions = case
    values = {f.id: f.value for f in facts}
    for q in (q for q in questions if q.type == QuestionType.TIMELINE):
        assert 3 <= len(q.pairs) <= 5
        order = [values[fid] or "" for fid in q.fact_ids]
        assert order == sorted(order)
        assert q.answer == " ← ".join(p.left for p in q.pairs)
        # the prompt is the instruction alone: listing the events there gave the order away
        assert not any(p.left in q.prompt for p in q.pairs)


def test_no_question_from_headline_or_residue(seed: Loaded) -> None:
    article, facts = seed
    questions = generate("t", [article], facts)
    headline = "لماذا تستحوذ زيارة وزير الخارجية الإيراني إلى روسيا على أهمية خاصة؟"
    assert all(headline not in q.source.sentence for q in questions)
    assert all("إيرانروسيا" not in q.source.sentence for q in questions)


def test_figures_per_type(seed: Loaded, other: Loaded) -> None:
    """The counts reported in the issue; a drop flags a generator regression. (Blanks the
    clause gives away and clauses leaning on the previous sentence are no longer asked.)"""
    seed_counts = Counter(q.type.value for q in generate("t", [seed[0]], seed[1]))
    other_counts = Counter(q.type.value for q in generate("t", [other[0]], other[1]))
    assert seed_counts["cloze"] >= 30 and seed_counts["mcq"] >= 28
    assert seed_counts["short_answer"] >= 12 and seed_counts["true_false"] >= 20
    assert other_counts["short_answer"] >= 12  # roles, people and the three quotes
    assert other_counts["true_false"] >= 8


def test_two_articles_make_one_bank(seed: Loaded, other: Loaded) -> None:
    questions = generate("both", [seed[0], other[0]], [*seed[1], *other[1]])
    sources = {q.source.source for q in questions}
    assert sources == {seed[0].source.id, other[0].source.id}
    bank = Bank(id="both", title="t", sources=(seed[0].source, other[0].source),
                facts=(*seed[1], *other[1]), questions=tuple(questions))
    assert check_bank(bank, include_drafts=True) == []


@pytest.mark.parametrize("path", [
    "decks/iran-russia-2023/article.ar.txt",
    "tests/data/egypt-saudi-power-link-2024.ar.txt",
])
def test_real_extraction_then_generation_passes_check(path: str) -> None:
    """The whole pipeline (the real extractor, not annotations) on both articles."""
    from pathlib import Path

    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    root = Path(__file__).resolve().parents[2]
    bank = build_bank([read_article(root / path)], "real", "real")
    assert len({q.type for q in bank.questions}) >= 5
    assert check_bank(bank, include_drafts=True) == []


def test_at_most_two_blanks_from_one_list(other: Loaded) -> None:
    # `بشبكات الأردن وليبيا والسودان، وتدرس مشروعات مماثلة مع اليونان وقبرص`: two lists, at
    # most two blanks from each and three from the clause.
    # A fact nothing else asks about still gets one last-resort cloze (coverage beats the
    # cap); those are exempt here.
    questions = generate("t", [other[0]], other[1])
    per_fact = Counter(fid for q in questions for fid in q.fact_ids)
    blanks = [q for q in questions if q.type in (QuestionType.CLOZE, QuestionType.MCQ)
              and per_fact[q.fact_ids[0]] > 1]
    per_clause = Counter((q.template, q.tags[0], q.source.start) for q in blanks)
    assert max(per_clause.values()) == PER_CLAUSE
    first_list = {"الأردن", "ليبيا", "السودان"}
    for template in ("cloze", "mcq"):
        asked = {q.answer for q in blanks if q.template == template}
        assert len(asked & first_list) == PER_LIST


def test_any_subset_of_facts_gives_a_clean_bank(seed: Loaded) -> None:
    """Distractors, balance and timelines change with the facts at hand; the rules never do."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    article, facts = seed

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sets(st.integers(0, len(facts) - 1), min_size=1))
    def run(picked: set[int]) -> None:
        chosen = [facts[i] for i in sorted(picked)]
        questions = generate("t", [article], chosen)
        assert check_bank(_bank(article, chosen, questions), include_drafts=True) == []
        tf = Counter(q.answer for q in questions if q.type == QuestionType.TRUE_FALSE)
        assert tf["خطأ"] <= tf["صح"] + 1

    run()


@pytest.mark.parametrize("path", [
    "decks/iran-russia-2023/article.ar.txt",
    "tests/data/egypt-saudi-power-link-2024.ar.txt",
])
def test_every_date_person_agreement_and_place_is_asked(path: str) -> None:
    """Coverage: the cap and the giveaway rules never leave an annotatable fact unasked when
    some clause can carry it (a last-resort cloze, for the reviewer to complete)."""
    from pathlib import Path

    from studykit.generate import COVER_KINDS
    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    root = Path(__file__).resolve().parents[2]
    bank = build_bank([read_article(root / path)], "real", "real")
    asked = {fid for q in bank.questions for fid in q.fact_ids}
    unasked = [f.text for f in bank.facts if f.kind in COVER_KINDS and f.id not in asked]
    assert unasked == []
