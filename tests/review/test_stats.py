"""Statistics computed from a known review history."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from studykit.review.deck import Entry
from studykit.review.queue import StudyQueue
from studykit.review.scheduler import CardState, Rating, make_scheduler
from studykit.review.session import Clock, Session
from studykit.review.stats import compute_stats, render_stats
from studykit.review.store import ReviewStore

from .conftest import NOW, quiz_questions

BANK = "iran-russia"


class FixedClock(Clock):
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment


def approved() -> list[Entry]:
    return [Entry.of(BANK, q) for q in quiz_questions() if q.status.value == "approved"]


def history(store: ReviewStore, plan: dict[int, list[tuple[int, Rating]]]) -> None:
    """For question index → [(day offset, rating)], review at NOW + day offset."""
    from studykit.review.queue import Item

    questions = approved()
    for index, reviews in plan.items():
        item = Item(questions[index])
        for day, rating in reviews:
            clock = FixedClock(NOW + timedelta(days=day))
            session = Session(store, StudyQueue([]), make_scheduler(fuzz=False), clock)
            item = session.answer(item, rating, duration_ms=1000, given=None,
                                  correct=rating > 1).after


def test_states_due_forecast_streak_and_hardest(tmp_db: Path) -> None:
    qs = approved()
    with ReviewStore(tmp_db) as store:
        history(store, {
            0: [(0, Rating.GOOD), (0, Rating.GOOD), (3, Rating.AGAIN)],  # lapse on day 3
            1: [(1, Rating.AGAIN)],
            2: [(2, Rating.EASY)],
        })
        stats = compute_stats(qs, store, NOW + timedelta(days=3, hours=1))
    assert stats.cards == 5
    assert stats.by_state == {"new": 2, "learning": 1, "review": 1, "relearning": 1}
    assert sum(stats.forecast) == 3 and len(stats.forecast) == 30
    # The relearning card (due in 10 min) and the Again card of day 1 are due today.
    assert stats.due_today == 2 and stats.due_week >= 2
    assert stats.streak_days == 4  # days 0, 1, 2 and 3
    # Misses, not only FSRS lapses: the card missed while still learning counts too.
    assert [h.question_id for h in stats.hardest] == [qs[0].id, qs[1].id]
    assert stats.hardest[0].lapses == 1 and stats.hardest[0].reps == 3
    assert [h.misses for h in stats.hardest] == [1, 1] and stats.hardest[1].lapses == 0
    # One review of a card in Review state, rated Again: actual 0%, predicted from FSRS.
    assert stats.retention_actual == 0.0
    assert stats.retention_predicted is not None and 0.5 < stats.retention_predicted < 1.0
    assert stats.reviews_30d == 5 and stats.removed == 0


def test_streak_breaks_and_removed_cards_are_counted(tmp_db: Path) -> None:
    qs = approved()
    with ReviewStore(tmp_db) as store:
        history(store, {0: [(0, Rating.GOOD)], 1: [(2, Rating.GOOD)]})
        stats = compute_stats(qs[1:], store, NOW + timedelta(days=2))
    assert stats.streak_days == 1  # day 1 had no review
    assert stats.removed == 1
    assert stats.cards == 4 and stats.by_state["new"] == 3


def test_empty_store_and_rendering(tmp_db: Path) -> None:
    from rich.console import Console

    with ReviewStore(tmp_db) as store:
        stats = compute_stats(approved(), store, NOW)
    assert stats.by_state["new"] == 5 and stats.streak_days == 0
    assert stats.retention_actual is None and stats.hardest == []
    console = Console(width=100, record=True, color_system=None)
    console.print(render_stats(stats, "bank", 100))
    out = console.export_text()
    assert "due forecast" in out and "— / —" in out
    assert CardState.NEW.name.lower() in out


def test_bar_chart_draws_eighth_blocks() -> None:
    from studykit.review.stats import bar_chart

    assert bar_chart([0, 4, 8], height=2) == ["   8 ┤    █", "     │· █ █"]
    assert bar_chart([0, 1, 16], height=1) == ["  16 ┤· ▁ █"]


def test_misses_while_learning_make_a_card_hardest(tmp_db: Path) -> None:
    """Four misses on a new card: no FSRS lapse, but the card is the hardest, with the last
    wrong answer shown."""
    from rich.console import Console

    from studykit.review.queue import Item

    qs = approved()
    item = Item(qs[1])
    with ReviewStore(tmp_db) as store:
        for minute, given in enumerate(("أ", "ب", "ج", "روسيا")):
            clock = FixedClock(NOW + timedelta(minutes=minute))
            session = Session(store, StudyQueue([]), make_scheduler(fuzz=False), clock)
            item = session.answer(item, Rating.AGAIN, duration_ms=1000, given=given,
                                  correct=False).after
        stats = compute_stats(qs, store, NOW + timedelta(hours=1))
    [hard] = stats.hardest
    assert hard.question_id == qs[1].id and hard.misses == 4 and hard.lapses == 0
    assert hard.last_wrong == "روسيا"
    console = Console(width=120, record=True, color_system=None)
    console.print(render_stats(stats, "bank", 120))
    assert "hardest (most misses)" in console.export_text()


def test_the_key_retyped_after_an_undo_is_not_shown_as_a_wrong_answer(tmp_db: Path) -> None:
    """Retyping the shown answer after an undo is marked wrong (it was shown), but `stats`
    must not show the key as "your last wrong answer" (new-user walkthrough)."""
    from studykit.review.queue import Item

    qs = approved()
    item = Item(qs[1])
    with ReviewStore(tmp_db) as store:
        for minute, given in enumerate(("أ", qs[1].question.shown_answer)):
            clock = FixedClock(NOW + timedelta(minutes=minute))
            session = Session(store, StudyQueue([]), make_scheduler(fuzz=False), clock)
            item = session.answer(item, Rating.AGAIN, duration_ms=1000, given=given,
                                  correct=False).after
        stats = compute_stats(qs, store, NOW + timedelta(hours=1))
    [hard] = stats.hardest
    assert hard.misses == 2 and hard.last_wrong == "أ"
