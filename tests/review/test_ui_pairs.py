"""Flip cards for timeline and matching show their items, never in the answer's order."""

from __future__ import annotations

from rich.console import Console

from studykit.models import Pair, Question, QuestionSource, QuestionType
from studykit.review.ui import Screen


def render(parts: list[object]) -> str:
    console = Console(width=80, record=True, color_system=None)
    for part in parts:
        console.print(part)
    return console.export_text()


def timeline(n: int) -> Question:
    pairs = tuple(Pair(left=f"حدث رقم {i}", right=f"{2000 + i}") for i in range(n))
    return Question(id="q-t", type=QuestionType.TIMELINE, template="timeline-1",
                    prompt="رتّب الأحداث الآتية من الأقدم إلى الأحدث:",
                    answer=" ← ".join(p.left for p in pairs), pairs=pairs, fact_ids=("a",),
                    source=QuestionSource(sentence="", start=0, end=0))


def test_timeline_front_lists_every_event_out_of_order() -> None:
    q = timeline(4)
    text = render(Screen(80, "logical").pair_items(q))
    positions = [text.index(p.left) for p in q.pairs]
    assert positions != sorted(positions)
    assert all(str(2000 + i) not in text for i in range(4))  # the dates are the answer


def test_matching_front_has_both_columns_with_rights_shuffled() -> None:
    pairs = tuple(Pair(left=f"شخص {i}", right=f"منصب {i}") for i in range(3))
    q = timeline(3).model_copy(update={"type": QuestionType.MATCHING, "pairs": pairs})
    text = render(Screen(80, "logical").pair_items(q))
    lefts = [text.index(p.left) for p in pairs]
    rights = [text.index(p.right) for p in pairs]
    assert lefts == sorted(lefts)
    assert rights != sorted(rights)
