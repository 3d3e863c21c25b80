"""Merge-on-rebuild: a fresh build must never lose a reviewer's work.

For every question of the new build whose id (bank + template + fact ids) was in the old
bank, the old status and hand edit are kept; new questions arrive as drafts; old questions
the new build no longer makes (their facts vanished) are kept with status `orphaned`; a
question the generator holds back (`held`) stays held until a reviewer decides.
"""

from __future__ import annotations

from studykit.models import Bank, Question, Status


def merge_banks(old: Bank, new: Bank) -> Bank:
    """`new` with the review state of `old` carried over; see the module docstring."""
    previous = {q.id: q for q in old.questions}
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
    for question in old.questions:
        if question.id not in kept:
            merged.append(question.model_copy(update={"status": Status.ORPHANED}))
    return new.model_copy(update={"questions": tuple(merged)})
