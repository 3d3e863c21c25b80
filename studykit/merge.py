"""Merge-on-rebuild: a fresh build must never lose a reviewer's work.

For every question of the new build whose id (bank + template + fact ids) was in the old
bank, the old status and hand edit are kept; new questions arrive as drafts; old questions
the new build no longer makes (their facts vanished) are kept with status `orphaned`; a
question the generator holds back (`held`) stays held until a reviewer decides.
"""

from __future__ import annotations

from studykit.models import Bank, Question, Status, question_id


def current_id(bank_id: str, question: Question) -> str:
    """The id `question` has under today's id rules. Before issue 11 a false true/false
    statement's template, hence its id, named its distractor (`tf-swap-date:2023-03-27`);
    such an id is mapped to today's (`tf-swap`), so the reviewed question is carried over
    to the rebuilt one, not orphaned."""
    if question.template.startswith("tf-swap-"):
        return question_id(bank_id, "tf-swap", question.fact_ids)
    return question.id


def merge_banks(old: Bank, new: Bank) -> Bank:
    """`new` with the review state of `old` carried over; see the module docstring."""
    old_questions = [q.model_copy(update={"id": current_id(old.id, q)}) for q in old.questions]
    previous = {q.id: q for q in old_questions}
    fact_ids = {f.id for f in new.facts}
    merged: list[Question] = []
    for question in new.questions:
        before = previous.get(question.id)
        if before is None or not all(fid in fact_ids for fid in question.fact_ids):
            merged.append(question.model_copy(update={"status": Status.DRAFT, "edit": None}))
            continue
        # An orphan whose facts came back is reviewed again: its old verdict was lost with it.
        # A question nobody reviewed takes the generator's verdict (draft or held back); a
        # reviewer's approval or rejection always stands.
        status = before.status
        if before.status in (Status.ORPHANED, Status.DRAFT, Status.HELD):
            status = question.status
        merged.append(question.model_copy(update={"status": status, "edit": before.edit}))
    kept = {q.id for q in merged}
    for question in old_questions:
        if question.id not in kept:
            merged.append(question.model_copy(update={"status": Status.ORPHANED}))
    return new.model_copy(update={"questions": tuple(merged)})
