"""True/false ids do not depend on the distractor drawn, and banks made before that rule
keep their reviews when rebuilt."""

from __future__ import annotations

from pathlib import Path

from studykit.bank import load_bank, save_bank
from studykit.merge import merge_banks
from studykit.models import Status, question_id
from studykit.pipeline import build_bank_file

DECK = Path(__file__).resolve().parent.parent / "decks" / "iran-russia-2023"
# A new date and place: the date and place distractors drawn for two false statements change.
EXTRA = ("وزار وزير الخارجية الإيراني العاصمة الصينية بكين في 14 يناير 2022 في زيارة رسمية "
         "لبحث التعاون.")


def _copy(tmp_path: Path, extra: str = "") -> tuple[Path, Path]:
    article = tmp_path / "article.ar.txt"
    text = (DECK / "article.ar.txt").read_text(encoding="utf-8")
    article.write_text(text.rstrip("\n") + ("\n\n" + extra + "\n" if extra else "\n"),
                       encoding="utf-8")
    bank = tmp_path / "bank.yaml"
    bank.write_bytes((DECK / "bank.yaml").read_bytes())
    return article, bank


def test_one_more_sentence_orphans_no_reviewed_true_false(tmp_path: Path) -> None:
    article, bank = _copy(tmp_path, EXTRA)
    before = {q.id: q.status for q in load_bank(bank).questions
              if q.type.value == "true_false"}
    report = build_bank_file([article], bank)
    after = {q.id: q for q in report.bank.questions}
    # (The timeline over every date is a new question: its facts are the dates.)
    for qid, status in before.items():
        assert after[qid].status == status, qid
    prompts = {q.id: q.prompt for q in load_bank(DECK / "bank.yaml").questions}
    changed = [q for q in report.bank.questions
               if q.template == "tf-swap" and prompts.get(q.id, q.prompt) != q.prompt]
    assert len(changed) >= 1, "the distractors drawn did change (the case this test is about)"


def test_a_bank_with_distractor_ids_is_migrated_on_rebuild(tmp_path: Path) -> None:
    article, bank = _copy(tmp_path)
    current = load_bank(bank)
    # As before issue 11: the template, and so the id, named the distractor.
    legacy = tuple(q.model_copy(update={
        "template": f"tf-swap-{i}", "id": question_id(current.id, f"tf-swap-{i}", q.fact_ids)})
        if q.template == "tf-swap" else q for i, q in enumerate(current.questions))
    assert legacy != current.questions
    save_bank(current.model_copy(update={"questions": legacy}), bank)
    report = build_bank_file([article], bank)
    assert report.orphaned == 0 and report.new_questions == 0
    def review(questions: object) -> list[tuple[object, ...]]:
        return [(q.id, q.template, q.status, q.edit) for q in questions]  # type: ignore[attr-defined]

    assert review(report.bank.questions) == review(current.questions)


def test_the_shipped_bank_uses_the_new_ids() -> None:
    bank = load_bank(DECK / "bank.yaml")
    assert merge_banks(bank, bank).questions == bank.questions
    swaps = [q for q in bank.questions if q.template.startswith("tf-swap")]
    assert swaps and all(q.template == "tf-swap" for q in swaps)
    assert all(q.id == question_id(bank.id, q.template, q.fact_ids) for q in bank.questions)
    assert all(q.status != Status.ORPHANED for q in bank.questions)
