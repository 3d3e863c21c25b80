"""FSRS through our wrapper and the store equals py-fsrs used directly (fixed clock, no fuzz)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler

from studykit.review.deck import Entry
from studykit.review.queue import Item, StudyQueue
from studykit.review.scheduler import (
    CardState,
    card_from_json,
    card_id_for,
    card_to_json,
    make_scheduler,
    new_card,
    review,
)
from studykit.review.scheduler import Rating as OurRating
from studykit.review.session import Clock, Session
from studykit.review.store import ReviewStore

from .conftest import NOW, quiz_questions

SEQUENCES = [
    [3, 3, 3, 3, 3],
    [1, 1, 3, 3, 4, 1, 3, 3],
    [4, 4, 2, 1, 3, 2, 4],
    [2, 2, 2, 3, 1, 1, 3, 4, 4],
]


def direct(sequence: list[int], start: datetime) -> list[datetime]:
    """Due dates from py-fsrs alone, each review made exactly when the card falls due."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(card_id=1, due=start)
    dues = []
    now = start
    for rating in sequence:
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=now)
        dues.append(card.due)
        now = card.due
    return dues


class FixedClock(Clock):
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_intervals_through_store_match_py_fsrs(sequence: list[int], tmp_db: Path) -> None:
    question = quiz_questions()[0]
    clock = FixedClock(NOW)
    got = []
    with ReviewStore(tmp_db) as store:
        session = Session(store, StudyQueue([]), make_scheduler(fuzz=False), clock)
        item = Item(Entry.of("iran-russia", question))
        for rating in sequence:
            outcome = session.answer(item, OurRating(rating), duration_ms=1000, given=None,
                                     correct=rating > 1)
            row = store.card(question.id)
            assert row is not None
            # What the next session starts from is what was stored, not the in-memory card.
            item = Item(Entry.of(row.bank_id, question), row.card, CardState(row.state), row.due_ms)
            due = card_from_json(row.card).due
            assert outcome.after.due_ms == row.due_ms
            got.append(due)
            clock.moment = due
        assert len(store.reviews()) == len(sequence)
    assert got == direct(sequence, NOW)


def test_review_rejects_naive_datetimes() -> None:
    card = new_card("q-1", NOW)
    with pytest.raises(ValueError):
        review(make_scheduler(fuzz=False), card, OurRating.GOOD, datetime(2026, 1, 1), None)


def test_other_zones_are_converted_to_utc() -> None:
    cairo = NOW.astimezone(timezone(timedelta(hours=2)))
    card = review(make_scheduler(fuzz=False), new_card("q-1", NOW), OurRating.GOOD, cairo, 5)
    assert card.last_review == NOW and card.last_review.tzinfo is UTC


def test_card_json_round_trip_and_stable_ids() -> None:
    card = review(make_scheduler(fuzz=False), new_card("q-x", NOW), OurRating.EASY, NOW, 10)
    again = card_from_json(card_to_json(card))
    assert again.to_dict() == card.to_dict()
    assert card.card_id == card_id_for("q-x") == card_id_for("q-x") != card_id_for("q-y")
    assert 0 < card.card_id < 2**53


def test_fuzzing_is_a_parameter() -> None:
    """Fuzz spreads the due dates of cards with the same history; off, they are equal."""
    def graduated(qid: str) -> Card:
        card = new_card(qid, NOW)
        for rating in (OurRating.GOOD, OurRating.GOOD):
            card = review(make_scheduler(fuzz=False), card, rating, card.due, None)
        return card

    cards = [graduated(f"q-{i}") for i in range(20)]
    plain = {review(make_scheduler(fuzz=False), c, OurRating.GOOD, c.due, None).due
             for c in cards}
    fuzzed = {review(make_scheduler(fuzz=True), c, OurRating.GOOD, c.due, None).due
              for c in cards}
    assert len(plain) == 1
    assert len(fuzzed) > 1


def test_fuzzed_interval_is_the_same_in_preview_and_save() -> None:
    """With fuzzing on (as in the quiz), reviewing the same card with the same rating a few
    seconds apart gives the same interval: the preview shown is what is saved."""
    scheduler = make_scheduler(fuzz=True)
    card = new_card("q-fuzz", NOW)
    for _ in range(4):  # graduate to Review state, where fuzz applies
        card = review(scheduler, card, OurRating.GOOD, card.due, None)
    at = card.due + timedelta(days=1)
    intervals = set()
    for seconds in (0, 3, 9):
        moment = at + timedelta(seconds=seconds)
        after = review(scheduler, card, OurRating.EASY, moment, None)
        intervals.add(round((after.due - moment).total_seconds() / 3600))
    assert len(intervals) == 1
