"""What to study next: due reviews (most overdue first), then today's new cards, with cards in
learning steps coming back within the session once their step is due.

The queue is built once per session from the store (one indexed query for due cards, one for
known ids), so choosing the next card is a heap pop, not a query.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from studykit.models import Question
from studykit.review.deck import Entry
from studykit.review.scheduler import CardState, from_ms, to_ms
from studykit.review.store import ReviewStore

# A card in a learning step is shown up to this much early when nothing else is left (as Anki).
LEARN_AHEAD = timedelta(minutes=20)
DEFAULT_NEW_PER_DAY = 20


@dataclass(frozen=True)
class Item:
    """A question to show, with its stored card (None when never studied)."""

    entry: Entry
    card_json: str | None = None
    state: CardState = CardState.NEW
    due_ms: int = 0

    @property
    def question(self) -> Question:
        return self.entry.question

    @property
    def bank_id(self) -> str:
        return self.entry.bank_id


class StudyQueue:
    """Main queue (due then new) plus a heap of cards waiting for their next learning step."""

    def __init__(self, items: Iterable[Item], *, learn_ahead: timedelta = LEARN_AHEAD,
                 bury: bool = True) -> None:
        self._main: deque[Item] = deque(items)
        self._learning: list[tuple[int, int, Item]] = []
        self._version: dict[str, int] = {}
        self._counter = 0
        self._learn_ahead_ms = int(learn_ahead.total_seconds() * 1000)
        # fact id -> the question that showed it this session (for burying new siblings)
        self._shown_facts: dict[str, str] = {}
        self.buried = 0
        # Cram studies everything it says it does: no sibling is held back.
        self._bury = bury

    def __len__(self) -> int:
        return len(self._main) + sum(1 for entry in self._learning if self._live(entry))

    def counts(self) -> dict[str, int]:
        """Remaining cards by kind, for the header line."""
        new = sum(1 for item in self._main if item.state is CardState.NEW)
        learning = sum(1 for entry in self._learning if self._live(entry))
        return {"due": len(self._main) - new, "new": new, "learning": learning}

    def _live(self, entry: tuple[int, int, Item]) -> bool:
        return self._version.get(entry[2].entry.id, 0) == entry[1]

    def next(self, now: datetime) -> Item | None:
        """The card to show at `now`: a learning card whose step is due, else the main queue,
        else a learning card due within the learn-ahead window."""
        self._drop_stale()
        now_ms = to_ms(now)
        if self._learning and self._learning[0][0] <= now_ms:
            return self._pop_learning()
        while self._main:
            item = self._main.popleft()
            if self._bury and item.state is CardState.NEW and self._is_sibling(item):
                self.buried += 1
                continue
            self._shown(item)
            return item
        if self._learning and self._learning[0][0] <= now_ms + self._learn_ahead_ms:
            return self._pop_learning()
        return None

    @staticmethod
    def _sibling_facts(item: Item) -> tuple[str, ...]:
        # Timeline and matching questions span many facts; only one- and two-fact questions
        # count as siblings (a cloze and an MCQ on the same date give each other away).
        fact_ids = item.question.fact_ids
        return fact_ids if len(fact_ids) <= 2 else ()

    def _is_sibling(self, item: Item) -> bool:
        """A new card about a fact another card already showed this session is buried until
        the next session, as Anki buries new siblings."""
        return any(self._shown_facts.get(f, item.entry.id) != item.entry.id
                   for f in self._sibling_facts(item))

    def _shown(self, item: Item) -> None:
        for fact in self._sibling_facts(item):
            self._shown_facts.setdefault(fact, item.entry.id)

    def _drop_stale(self) -> None:
        while self._learning and not self._live(self._learning[0]):
            heapq.heappop(self._learning)

    def _pop_learning(self) -> Item:
        _due, _version, item = heapq.heappop(self._learning)
        self._bump(item)
        self._shown(item)
        return item

    def _bump(self, item: Item) -> int:
        self._counter += 1
        self._version[item.entry.id] = self._counter
        return self._counter

    def after_review(self, item: Item, now: datetime) -> None:
        """Bring a card in a learning step back this session when its step falls due."""
        learning = item.state in (CardState.LEARNING, CardState.RELEARNING)
        if learning and item.due_ms <= to_ms(now) + self._learn_ahead_ms * 3:
            heapq.heappush(self._learning, (item.due_ms, self._bump(item), item))

    def push_front(self, item: Item) -> None:
        """Show `item` next (undo); any pending learning entry of the same card is dropped."""
        self._bump(item)
        self._main.appendleft(item)

    def push_back(self, item: Item) -> None:
        self._main.append(item)

    def withdraw(self, question_id: str) -> None:
        """Forget any pending learning entry of this card (its review was undone)."""
        self._counter += 1
        self._version[question_id] = self._counter


def filter_by_tags(entries: Iterable[Entry], tags: Iterable[str]) -> list[Entry]:
    wanted = set(tags)
    return [e for e in entries if not wanted or wanted & set(e.tags)]


def day_start(now: datetime) -> datetime:
    """Start of `now`'s day in UTC: the new-card limit resets at UTC midnight."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def build_queue(entries: list[Entry], store: ReviewStore, now: datetime, *,
                new_per_day: int = DEFAULT_NEW_PER_DAY, limit: int | None = None,
                cram: bool = False) -> StudyQueue:
    """The session's queue for these questions. `cram` takes every card, due or not, in due
    order then new; otherwise due cards then up to `new_per_day` minus today's new."""
    by_id = {e.id: e for e in entries}
    banks = sorted({e.bank_id for e in entries})
    if cram:
        stored = store.cards(banks)
        rows = sorted((r for r in stored.values() if r.question_id in by_id),
                      key=lambda r: r.due_ms)
        fresh = [Item(e) for e in entries if e.id not in stored]
    else:
        rows = [r for r in store.due_cards(banks, to_ms(now)) if r.question_id in by_id]
        known = store.known_ids(banks)
        allowed = max(0, new_per_day - store.introduced_since(banks, to_ms(day_start(now))))
        fresh = _new_cards([e for e in entries if e.id not in known], allowed)
    items = [Item(by_id[r.question_id], r.card, CardState(r.state), r.due_ms)
             for r in rows] + fresh
    if limit is not None:
        items = items[:max(0, limit)]
    return StudyQueue(items, bury=not cram)


def _new_cards(unseen: list[Entry], allowed: int) -> list[Item]:
    """Up to `allowed` new cards, the question types taking turns and at most one card per
    fact: in bank order the first twenty were a cloze and an MCQ per fact, the MCQs buried as
    siblings, so a first session showed only clozes (and fewer cards than --new)."""
    groups: dict[str, list[Entry]] = {}
    for e in unseen:
        groups.setdefault(e.qtype, []).append(e)
    picked: list[Item] = []
    facts: set[str] = set()
    taken: set[str] = set()
    progress = True
    while len(picked) < allowed and progress:
        progress = False
        for group in groups.values():
            if len(picked) >= allowed:
                break
            # The group's first card on a fact no picked card is about.
            for e in group:
                if e.id in taken:
                    continue
                own = _own_facts(e)
                if not own & facts:
                    facts |= own
                    taken.add(e.id)
                    picked.append(Item(e))
                    progress = True
                    break
    # Siblings only when nothing else is left (the session buries them anyway).
    rest = [e for e in unseen if e.id not in taken]
    return picked + [Item(e) for e in rest[:max(0, allowed - len(picked))]]


def _own_facts(e: Entry) -> set[str]:
    fact_ids = e.question.fact_ids
    return set(fact_ids) if len(fact_ids) <= 2 else set()


def next_due(store: ReviewStore, entries: list[Entry]) -> tuple[datetime | None, int]:
    """When the earliest of these questions falls due (None if none was ever studied), and
    how many of them were never studied."""
    ids = {e.id for e in entries}
    cards = store.cards({e.bank_id for e in entries})
    dues = [r.due_ms for r in cards.values() if r.question_id in ids]
    unseen = sum(1 for e in entries if e.id not in cards)
    return (from_ms(min(dues)) if dues else None), unseen
