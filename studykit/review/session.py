"""One study session's logic, separate from the terminal: record answers, undo, summarise.

A review is written to the store (one transaction) the moment its rating is accepted; only then
does the screen acknowledge it, so whatever the screen confirmed is on disk. In cram mode
nothing is written: the schedule is left as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from studykit.errors import StoreError
from studykit.review.queue import Item, StudyQueue
from studykit.review.scheduler import (
    CardInfo,
    CardState,
    Rating,
    card_from_json,
    card_to_json,
    from_ms,
    info,
    new_card,
    review,
    to_ms,
)
from studykit.review.store import NewReview, ReviewStore, StaleCard

if TYPE_CHECKING:
    from fsrs import Card, Scheduler


# A card can only go stale once per other session's review; a few retries are plenty.
_RETRIES = 5


class Clock:
    """Session time: a start instant (the `--now` option or the real time) plus elapsed time."""

    def __init__(self, start: datetime, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._start = start
        self._monotonic = monotonic
        self._t0 = monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._monotonic() - self._t0)


@dataclass(frozen=True)
class Outcome:
    """A saved answer: the review id (None in cram mode), the card before and the card after."""

    review_id: int | None
    before: Item
    after: Item
    correct: bool


@dataclass(frozen=True)
class Summary:
    reviewed: int
    correct: int
    elapsed: timedelta
    next_due: datetime | None
    # Questions never studied (the summary says they wait rather than "nothing studied").
    unseen: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.reviewed) if self.reviewed else 0


class Session:
    """Feeds cards from the queue, records ratings through the scheduler into the store."""

    def __init__(self, store: ReviewStore, queue: StudyQueue,
                 scheduler: Scheduler | Callable[[], Scheduler], clock: Clock, *,
                 cram: bool = False) -> None:
        self.store = store
        self.queue = queue
        # A factory is called on the first rating or preview: importing py-fsrs costs the
        # first card ~5 ms it does not need.
        self._scheduler = scheduler
        self.clock = clock
        self.cram = cram
        self.started = clock.now()
        self.history: list[Outcome] = []

    @property
    def scheduler(self) -> Scheduler:
        if callable(self._scheduler):
            self._scheduler = self._scheduler()
        return self._scheduler

    def next_card(self) -> Item | None:
        return self.queue.next(self.clock.now())

    def card_of(self, item: Item) -> Card:
        if item.card_json is None:
            return new_card(item.entry.id, self.clock.now())
        return card_from_json(item.card_json)

    def card_info(self, item: Item) -> CardInfo | None:
        return None if item.card_json is None else info(self.card_of(item))

    def preview(self, item: Item, rating: Rating) -> datetime:
        """When the card would be due again after `rating` (shown next to the rating keys)."""
        return review(self.scheduler, self.card_of(item), rating, self.clock.now(), None).due

    def answer(self, item: Item, rating: Rating, *, duration_ms: int, given: str | None,
               correct: bool) -> Outcome:
        """Schedule and save one review (one transaction); learning cards come back later.

        When another session reviewed the card since this one read it, the rating is
        scheduled again from the stored card, so neither session's review is lost.
        """
        for _ in range(_RETRIES):
            try:
                return self._answer(item, rating, duration_ms=duration_ms, given=given,
                                    correct=correct)
            except StaleCard as stale:
                item = replace(item, card_json=stale.card, state=CardState(stale.state))
        raise StoreError(f"{self.store.path}: card {item.entry.id} keeps changing in another "
                         "session; review not saved")

    def _answer(self, item: Item, rating: Rating, *, duration_ms: int, given: str | None,
                correct: bool) -> Outcome:
        now = self.clock.now()
        before = self.card_of(item)
        after = review(self.scheduler, before, rating, now, duration_ms)
        updated = replace(item, card_json=card_to_json(after), state=CardState(int(after.state)),
                          due_ms=to_ms(after.due))
        review_id = None
        if self.cram:
            if not correct:
                self.queue.push_back(item)
        else:
            review_id = self.store.record(NewReview(
                question_id=item.entry.id, bank_id=item.bank_id, reviewed_ms=to_ms(now),
                rating=int(rating), duration_ms=duration_ms, answer=given, correct=correct,
                state_before=int(item.state), card_before=item.card_json,
                card_after=updated.card_json or "", due_ms=updated.due_ms,
                state_after=int(updated.state)))
            self.queue.after_review(updated, now)
        outcome = Outcome(review_id, item, updated, correct)
        self.history.append(outcome)
        return outcome

    def undo(self, requeue: Item | None = None) -> Item | None:
        """Take back the last saved answer; its card is shown next, as it was before, then
        `requeue` (the card that was on screen).

        Raises StoreError (nothing undone) when another session reviewed the card since.
        """
        if not self.history:
            return None
        last = self.history[-1]
        if last.review_id is not None and not self.store.undo(last.review_id,
                                                              to_ms(self.clock.now())):
            raise StoreError("not undone: another quiz session reviewed this card since")
        self.history.pop()
        if requeue is not None:
            self.queue.push_front(requeue)
        self.queue.withdraw(last.before.entry.id)
        self.queue.push_front(last.before)
        return last.before

    def summary(self, next_due: datetime | None, unseen: int = 0) -> Summary:
        correct = sum(1 for outcome in self.history if outcome.correct)
        return Summary(len(self.history), correct, self.clock.now() - self.started, next_due,
                       unseen)


def describe_due(due: datetime, now: datetime) -> str:
    """`in 10 min`, `in 3 h`, `in 1 day`, `in 4 days` or `now`: how long until a card is due.
    Halves round up (5.5 min → 6) for the preview and the saved card alike."""
    seconds = (due - now).total_seconds()
    if seconds < 30:
        return "now"
    if seconds < 3600:
        return f"in {max(1, _half_up(seconds / 60))} min"
    if seconds < 86_400:
        return f"in {_half_up(seconds / 3600)} h"
    days = _half_up(seconds / 86_400)
    return f"in {days} day{'' if days == 1 else 's'}"


def _half_up(value: float) -> int:
    # round() rounds halves to even (round(4.5) == 4): a preview at exactly 4.5 min and the
    # same card saved a moment later would then read 4 and 5.
    return int(value + 0.5)


__all__ = ["Clock", "Outcome", "Session", "Summary", "describe_due", "from_ms"]
