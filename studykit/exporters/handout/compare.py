"""How much the versions of a handout differ: reported after writing it, so a teacher knows
neighbours cannot copy (with ten questions, versions once kept most questions in place)."""

from __future__ import annotations

from studykit.exporters.handout.layout import VERSION_WORD, Handout
from studykit.models import QuestionType


def differences(handout: Handout) -> list[str]:
    """How each version differs from the first: questions at another number, options in
    another order, sections in another order (what the CLI reports)."""
    first = handout.versions[0]
    numbers = {i.question.id: i.number for i in first.items}
    options = {i.question.id: i.options for i in first.items}
    order = [s.type for s in first.sections]
    out = []
    for version in handout.versions[1:]:
        items = version.items
        moved = sum(numbers[i.question.id] != i.number for i in items)
        shuffled = [i for i in items if len(i.options) > 1 and i.question.type in (
            QuestionType.MCQ, QuestionType.TIMELINE, QuestionType.MATCHING)]
        reordered = sum(options[i.question.id] != i.options for i in shuffled)
        sections = "in another order" if [s.type for s in version.sections] != order else (
            "in the same order")
        out.append(f"{VERSION_WORD} {version.label} vs {first.label}: {moved}/{len(items)} "
                   f"questions at another number, options reordered in {reordered}/"
                   f"{len(shuffled)}, sections {sections}")
    return out
