"""Merge-on-rebuild: review work survives `studykit build`, vanished facts orphan questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.bank import load_bank, save_bank
from studykit.cli import main
from studykit.merge import merge_banks
from studykit.models import (
    Bank,
    Edit,
    Fact,
    FactKind,
    Question,
    QuestionSource,
    QuestionType,
    Status,
)

SEED = Path(__file__).resolve().parent.parent / "decks" / "iran-russia-2023" / "article.ar.txt"
KIRBY = "جون كيربي"


def q(qid: str, prompt: str = "p", facts: tuple[str, ...] = ("date:2023",),
      status: Status = Status.DRAFT, edit: Edit | None = None) -> Question:
    return Question(id=qid, type=QuestionType.CLOZE, template="cloze", prompt=prompt,
                    answer="a", fact_ids=facts, status=status, edit=edit,
                    source=QuestionSource(sentence="s a", start=0, end=3))


def bank(*questions: Question) -> Bank:
    facts = (Fact(id="date:2023", kind=FactKind.DATE, text="2023", value="2023"),)
    return Bank(id="b", title="t", facts=facts, questions=questions)


def test_merge_rules() -> None:
    old = bank(
        q("q-kept", "old wording", status=Status.APPROVED, edit=Edit(note="good")),
        q("q-rejected", status=Status.REJECTED, edit=Edit(note="vague")),
        q("q-gone", status=Status.APPROVED, edit=Edit(prompt="fixed")),
        q("q-back", status=Status.ORPHANED),
    )
    new = bank(q("q-kept", "new wording"), q("q-rejected"), q("q-back"), q("q-new"))
    merged = {x.id: x for x in merge_banks(old, new).questions}
    assert list(merged) == ["q-kept", "q-rejected", "q-back", "q-new", "q-gone"]
    assert merged["q-kept"].status == Status.APPROVED
    assert merged["q-kept"].prompt == "new wording"  # generated text is refreshed
    assert merged["q-kept"].edit == Edit(note="good")  # the reviewer's edit is not
    assert merged["q-rejected"].status == Status.REJECTED
    assert merged["q-new"].status == Status.DRAFT
    assert merged["q-back"].status == Status.DRAFT  # its facts returned: review it again
    assert merged["q-gone"].status == Status.ORPHANED
    assert merged["q-gone"].edit == Edit(prompt="fixed")


def test_question_whose_fact_is_missing_from_the_new_bank_restarts_as_draft() -> None:
    old = bank(q("q-x", facts=("person:x",), status=Status.APPROVED, edit=Edit(note="n")))
    merged = merge_banks(old, bank(q("q-x", facts=("person:x",))))
    assert merged.questions[0].status == Status.DRAFT and merged.questions[0].edit is None


def test_merge_never_takes_a_status_from_the_new_build() -> None:
    merged = merge_banks(bank(), bank(q("q-x", status=Status.APPROVED)))
    assert merged.questions[0].status == Status.DRAFT


def _build(runner: CliRunner, article: Path, target: Path) -> str:
    result = runner.invoke(main, ["build", str(article), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path, Bank]:
    """A bank built from a copy of the seed, then reviewed by hand (approve/reject/edit)."""
    article = tmp_path / "article.ar.txt"
    shutil.copy(SEED, article)
    target = tmp_path / "bank.yaml"
    _build(CliRunner(), article, target)
    built = load_bank(target)
    decided = []
    for i, question in enumerate(built.questions):
        if i % 3 == 0:
            question = question.model_copy(update={"status": Status.APPROVED})
        elif i % 3 == 1:
            question = question.model_copy(update={"status": Status.REJECTED,
                                                   "edit": Edit(note=f"reason {i}")})
        if i % 5 == 0:
            question = question.model_copy(update={
                "status": Status.APPROVED,
                "edit": Edit(prompt=question.prompt + " (معدل)", note="edited")})
        decided.append(question)
    reviewed_bank = built.model_copy(update={"questions": tuple(decided)})
    save_bank(reviewed_bank, target)
    return article, target, reviewed_bank


def test_rebuild_keeps_every_decision(reviewed: tuple[Path, Path, Bank]) -> None:
    article, target, before = reviewed
    output = _build(CliRunner(), article, target)
    assert "new drafts: 0, orphaned: 0" in output
    after = load_bank(target)
    assert after.questions == before.questions


def test_rebuild_after_the_article_changed(reviewed: tuple[Path, Path, Bank]) -> None:
    article, target, before = reviewed
    text = article.read_text(encoding="utf-8")
    # Drop the paragraph naming John Kirby; add one with a new fact.
    paragraphs = text.split("\n\n")
    kept = [p for p in paragraphs if KIRBY not in p]
    assert len(kept) == len(paragraphs) - 1
    kept.insert(-2, "وكان وزير الخارجية التركي، مولود جاويش أوغلو، قد زار أنقرة في 5 يناير "
                    "2023 لبحث الملف السوري مع نظيره الإيراني.")
    article.write_text("\n\n".join(kept), encoding="utf-8")
    _build(CliRunner(), article, target)
    after = {x.id: x for x in load_bank(target).questions}
    old = {x.id: x for x in before.questions}
    kirby_fact = next(f.id for f in before.facts if f.text == KIRBY)
    for qid, question in old.items():
        assert qid in after, "a question was silently deleted"
        merged = after[qid]
        assert merged.edit == question.edit
        if kirby_fact in question.fact_ids:
            assert merged.status == Status.ORPHANED
        elif merged.status != Status.ORPHANED:
            assert merged.status == question.status
    new = [x for qid, x in after.items() if qid not in old]
    assert new and all(x.status == Status.DRAFT for x in new)
    assert any("جاويش أوغلو" in x.answer or "جاويش أوغلو" in x.prompt for x in new)

