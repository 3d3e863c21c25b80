"""check_bank rules, each shown to fire on a broken question, and the `studykit check` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.bank import save_bank
from studykit.check import check_bank
from studykit.cli import main
from studykit.models import Bank, Edit, Pair, Question, QuestionType, Status
from studykit.pipeline import build_bank
from studykit.sources import read_article

SEED = Path(__file__).resolve().parent.parent / "decks" / "iran-russia-2023" / "article.ar.txt"


@pytest.fixture(scope="module")
def built() -> Bank:
    """The seed built by the real pipeline (extract + generate), all drafts."""
    return build_bank([read_article(SEED)], "seed", "seed")


def first(bank: Bank, qtype: QuestionType, template: str | None = None) -> Question:
    return next(q for q in bank.questions
                if q.type == qtype and (template is None or q.template == template))


def with_question(bank: Bank, question: Question) -> Bank:
    """The bank with only `question`, approved."""
    return bank.model_copy(update={"questions": (
        question.model_copy(update={"status": Status.APPROVED}),)})


def rules(bank: Bank) -> set[str]:
    return {v.rule for v in check_bank(bank)}


def test_built_bank_passes_with_drafts(built: Bank) -> None:
    assert check_bank(built, include_drafts=True) == []
    assert check_bank(built) == []  # nothing approved yet: nothing to check


def test_answer_not_in_the_source(built: Bank) -> None:
    q = first(built, QuestionType.SHORT_ANSWER, "who-holds-role")
    broken = q.model_copy(update={"answer": "فلاديمير بوتين", "alternatives": ()})
    assert "answer-unsupported" in rules(with_question(built, broken))
    cloze = first(built, QuestionType.CLOZE)
    shifted = cloze.source.model_copy(update={"answer_start": 0})
    assert "answer-unsupported" in rules(with_question(
        built, cloze.model_copy(update={"source": shifted})))


def test_edited_answer_must_still_be_in_the_source(built: Bank) -> None:
    q = first(built, QuestionType.CLOZE)
    ok = q.model_copy(update={"edit": Edit(answer=q.answer, note="checked")})
    assert rules(with_question(built, ok)) == set()
    bad = q.model_copy(update={"edit": Edit(answer="جواب غير موجود")})
    assert "answer-unsupported" in rules(with_question(built, bad))


@pytest.mark.parametrize(("answer", "ok"), [
    ("29 مارس 2023", True),  # the written `29 مارس الجاري`, resolved
    ("29/3/2023", False),  # not a form check reads as a date
    ("28 مارس 2023", False),
])
def test_edited_answer_may_resolve_a_written_date(built: Bank, answer: str, ok: bool) -> None:
    q = next(q for q in built.questions if q.type == QuestionType.CLOZE
             and q.answer == "29 مارس الجاري")
    edited = q.model_copy(update={"edit": Edit(answer=answer), "alternatives": ()})
    assert ("answer-unsupported" not in rules(with_question(built, edited))) is ok


def test_prompt_gives_the_answer_away(built: Bank) -> None:
    q = first(built, QuestionType.SHORT_ANSWER, "who-holds-role")
    leaky = q.model_copy(update={"edit": Edit(prompt=f"من هو {q.alternatives[0]}؟")})
    assert "answer-in-prompt" in rules(with_question(built, leaky))


def test_options_rules(built: Bank) -> None:
    q = first(built, QuestionType.MCQ)
    wrong = [o for o in q.options if o != q.answer]
    two_right = q.model_copy(update={"options": (q.answer, q.answer + " ", *wrong[:2])})
    assert "options" in rules(with_question(built, two_right))
    three = q.model_copy(update={"options": (q.answer, *wrong[:2])})
    assert "options" in rules(with_question(built, three))
    none_right = q.model_copy(update={"edit": Edit(options=(*wrong, "خيار رابع"))})
    assert "options" in rules(with_question(built, none_right))
    giveaway = q.model_copy(update={"options": (q.answer, f"{q.answer} تقريبًا", *wrong[:2])})
    assert "answer-in-options" in rules(with_question(built, giveaway))


def test_alias_as_a_distractor_makes_two_right_options(built: Bank) -> None:
    q = next(q for q in built.questions if q.type == QuestionType.MCQ and q.alternatives)
    wrong = [o for o in q.options if o != q.answer]
    alias = q.model_copy(update={"options": (q.answer, q.alternatives[0], *wrong[:2])})
    assert "options" in rules(with_question(built, alias))


def test_duplicate_prompts(built: Bank) -> None:
    a, b = [q for q in built.questions if q.type == QuestionType.CLOZE][:2]
    b = b.model_copy(update={"edit": Edit(prompt=a.prompt)})
    bank = built.model_copy(update={"questions": tuple(
        q.model_copy(update={"status": Status.APPROVED}) for q in (a, b))})
    found = [v for v in check_bank(bank) if v.rule == "duplicate-prompt"]
    assert len(found) == 1
    assert found[0].question_id == b.id and a.id in found[0].message


def test_page_residue(built: Bank) -> None:
    q = first(built, QuestionType.CLOZE)
    for residue in ("مقالات ذات صلة", "زر الذهاب إلى الأعلى", "إيرانروسيا"):
        src = q.source.model_copy(update={"sentence": residue, "answer_start": None,
                                          "answer_end": None})
        assert "page-residue" in rules(with_question(built, q.model_copy(
            update={"source": src})))


@pytest.mark.parametrize(("template", "prompt", "ok"), [
    ("who-holds-role", "متى كان وزير الخارجية الروسي؟", False),
    ("who-holds-role", "بحسب المقال، من هو وزير الخارجية الروسي؟", True),
    ("role-of-person", "من منصب سيرجي لافروف؟", False),
    ("role-of-person", "ما منصب سيرجي لافروف؟", True),
    ("who-holds-role", "أين يعمل وزير الخارجية الروسي؟", False),
])
def test_interrogative_matches_the_answer(built: Bank, template: str, prompt: str,
                                          ok: bool) -> None:
    q = next(q for q in built.questions if q.template == template
             and "لافروف" in (q.answer + q.prompt))
    found = rules(with_question(built, q.model_copy(update={"edit": Edit(prompt=prompt)})))
    assert ("interrogative" not in found) is ok


def test_true_false_must_match_its_verdict(built: Bank) -> None:
    true = first(built, QuestionType.TRUE_FALSE, "tf-true")
    flipped = true.model_copy(update={"answer": "خطأ"})
    assert "answer-unsupported" in rules(with_question(built, flipped))
    odd = true.model_copy(update={"answer": "ربما"})
    assert "options" in rules(with_question(built, odd))


def test_timeline_and_matching_against_the_facts(built: Bank) -> None:
    timeline = first(built, QuestionType.TIMELINE)
    reversed_ids = timeline.model_copy(update={"fact_ids": timeline.fact_ids[::-1],
                                               "pairs": timeline.pairs[::-1]})
    assert "answer-unsupported" in rules(with_question(built, reversed_ids))
    matching = first(built, QuestionType.MATCHING)
    swapped = (Pair(left=matching.pairs[0].left, right=matching.pairs[1].right),
               *matching.pairs[1:])
    assert "answer-unsupported" in rules(with_question(
        built, matching.model_copy(update={"pairs": swapped})))


def test_offsets_checked_against_the_article_on_disk(built: Bank, tmp_path: Path) -> None:
    q = first(built, QuestionType.CLOZE)
    moved = q.source.model_copy(update={"start": q.source.start + 1, "end": q.source.end + 1})
    bank = with_question(built, q.model_copy(update={"source": moved}))
    assert "answer-unsupported" in rules(bank)
    # The title as written in the front matter: article text, but not article body.
    text = SEED.read_text(encoding="utf-8")
    title = "لماذا تستحوذ زيارة وزير الخارجية الإيراني إلى روسيا على أهمية خاصة؟"
    start = text.index(title)
    assert text[:start].startswith("---")
    residue = q.source.model_copy(update={"sentence": title, "start": start,
                                          "end": start + len(title),
                                          "answer_start": None, "answer_end": None})
    assert "page-residue" in rules(with_question(built, q.model_copy(
        update={"source": residue})))
    # The article edited since the build: offsets can no longer be compared, so they are not.
    copy = tmp_path / "article.ar.txt"
    copy.write_text(text + "\nفقرة جديدة.", encoding="utf-8")
    sources = tuple(s.model_copy(update={"path": str(copy)}) for s in bank.sources)
    assert "answer-unsupported" not in rules(bank.model_copy(update={"sources": sources}))


def test_unknown_fact(built: Bank) -> None:
    q = first(built, QuestionType.CLOZE)
    ghost = q.model_copy(update={"fact_ids": ("person:لا-أحد",)})
    assert "unknown-fact" in rules(with_question(built, ghost))


def test_rejected_and_orphaned_are_not_checked(built: Bank) -> None:
    q = first(built, QuestionType.CLOZE).model_copy(update={"fact_ids": ("person:لا-أحد",)})
    for status in (Status.REJECTED, Status.ORPHANED, Status.DRAFT):
        bank = built.model_copy(update={"questions": (q.model_copy(
            update={"status": status}),)})
        assert check_bank(bank) == []


def test_cli_ok_and_violations(built: Bank, tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "bank.yaml"
    save_bank(built, path)
    result = runner.invoke(main, ["check", str(path), "--include-drafts"])
    assert result.exit_code == 0, result.output
    # Held-back questions (unsure, never exported) are not checked as drafts.
    shown = sum(1 for q in built.questions if q.status in (Status.APPROVED, Status.DRAFT))
    assert result.output == (f"OK: {shown} approved and draft questions pass every "
                             f"check ({path}).\n")
    q = first(built, QuestionType.CLOZE)
    bad = q.model_copy(update={"status": Status.APPROVED, "fact_ids": ("person:لا-أحد",)})
    save_bank(built.model_copy(update={"questions": (bad,)}), path)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{q.id}  unknown-fact: cites person:لا-أحد, not in the bank" in result.output
    assert "Error: " in result.output and "1 violation(s) in 1 of 1 questions" in result.output


def test_cli_missing_bank(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "no such bank file" in result.output
    assert "Traceback" not in result.output
