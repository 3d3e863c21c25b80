"""Two quiz sessions on one review database (two real SQLite connections to one file): no
rating is lost from the schedule and an undo never takes back the other session's review."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.errors import StoreError
from studykit.review.queue import build_queue
from studykit.review.scheduler import CardState, Rating, make_scheduler
from studykit.review.session import Session
from studykit.review.store import ReviewStore

from .conftest import NOW
from .test_queue import FixedClock, pairs


def _session(store: ReviewStore) -> Session:
    entries = pairs(1)
    return Session(store, build_queue(entries, store, NOW), make_scheduler(fuzz=False),
                   FixedClock(NOW))


def test_both_ratings_reach_the_schedule(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as one, ReviewStore(tmp_db) as two:
        first, second = _session(one), _session(two)
        card_one, card_two = first.next_card(), second.next_card()  # both read a new card
        assert card_one is not None and card_two is not None
        first.answer(card_one, Rating.GOOD, duration_ms=1000, given=None, correct=True)
        second.answer(card_two, Rating.GOOD, duration_ms=1000, given=None, correct=True)
        stored = one.card(card_one.entry.id)
        log = one.reviews()
    assert stored is not None and stored.reps == 2
    # The second review was scheduled from the first one's card, not from "new" again.
    assert [r.state_before for r in log] == [int(CardState.NEW), int(CardState.LEARNING)]
    assert log[1].card_before is not None


def test_undo_does_not_delete_a_card_the_other_session_reviewed(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as one, ReviewStore(tmp_db) as two:
        first, second = _session(one), _session(two)
        card_one, card_two = first.next_card(), second.next_card()
        assert card_one is not None and card_two is not None
        first.answer(card_one, Rating.GOOD, duration_ms=1000, given=None, correct=True)
        second.answer(card_two, Rating.AGAIN, duration_ms=1000, given=None, correct=False)
        with pytest.raises(StoreError, match="another quiz session reviewed this card"):
            first.undo()
        stored = one.card(card_one.entry.id)
        assert stored is not None and stored.reps == 2
        assert len(one.reviews()) == 2
        # The session's own undo still works on a card nobody else touched since.
        assert second.undo() is not None
        stored = one.card(card_one.entry.id)
        assert stored is not None and stored.reps == 1
