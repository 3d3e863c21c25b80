"""A thin wrapper over py-fsrs 6: UTC clocks, stable card ids and JSON storage of cards.

py-fsrs does the maths; this module only pins the conventions the store relies on (every datetime
is `timezone.utc`, a card id derived from the question id instead of the wall clock).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

# A card counts as mature (eligible for an Easy suggestion) from this stability on, as in Anki.
MATURE_DAYS = 21.0


class Rating(IntEnum):
    """FSRS ratings with py-fsrs's numbering, usable without importing fsrs."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(IntEnum):
    """py-fsrs card states plus NEW for a question never reviewed (not in the store)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class CardInfo:
    """What the queue and the grader need to know about a card, without fsrs objects."""

    state: CardState
    due: datetime
    stability: float | None
    last_review: datetime | None

    @property
    def mature(self) -> bool:
        return self.state is CardState.REVIEW and (self.stability or 0.0) >= MATURE_DAYS


def utc(moment: datetime) -> datetime:
    """The same instant with tzinfo exactly `timezone.utc` (py-fsrs rejects other zones)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware UTC datetime")
    return moment.astimezone(UTC)


def card_id_for(question_id: str) -> int:
    """A stable positive 53-bit card id from the question id (py-fsrs's default sleeps 1 ms)."""
    digest = hashlib.sha256(question_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 11


def make_scheduler(*, fuzz: bool = True, desired_retention: float = 0.9) -> Scheduler:
    """A py-fsrs Scheduler with default parameters; `fuzz=False` makes intervals reproducible."""
    from fsrs import Scheduler

    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


def new_card(question_id: str, now: datetime) -> Card:
    """A fresh card (py-fsrs state Learning, step 0) due at `now`."""
    from fsrs import Card

    return Card(card_id=card_id_for(question_id), due=utc(now))


def review(
    scheduler: Scheduler, card: Card, rating: Rating, now: datetime, duration_ms: int | None
) -> Card:
    """The card after one review; the input card is not changed.

    py-fsrs fuzzes review intervals with the global `random`; it is seeded here from the card
    and the rating, so the interval previewed beside a rating key is the one saved a moment
    later («Easy (in 8 days)» then «next in 9 days» otherwise). Cards still differ, so their
    due dates still spread.
    """
    import random

    from fsrs import Rating as FsrsRating

    state = random.getstate()
    last = card.last_review.isoformat() if card.last_review else ""
    random.seed(f"{card.card_id}:{last}:{card.state}:{int(rating)}")
    try:
        updated, _log = scheduler.review_card(
            card, FsrsRating(int(rating)), review_datetime=utc(now), review_duration=duration_ms
        )
    finally:
        random.setstate(state)
    return updated


def card_to_json(card: Card) -> str:
    return json.dumps(card.to_dict(), separators=(",", ":"))


def card_from_json(text: str) -> Card:
    from fsrs import Card

    data: Any = json.loads(text)
    return Card.from_dict(data)


def info(card: Card) -> CardInfo:
    return CardInfo(CardState(int(card.state)), card.due, card.stability, card.last_review)


def retrievability(scheduler: Scheduler, card: Card, now: datetime) -> float:
    """FSRS's predicted probability of recall at `now` (0 for a card never reviewed)."""
    return float(scheduler.get_card_retrievability(card, utc(now)))


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds: the store's sortable time column."""
    return int(utc(moment).timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)
