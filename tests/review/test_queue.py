"""Queue order (due by overdueness, then new up to the daily limit), learning steps within the
session, cram leaving the schedule alone, removed questions kept but not shown, undo."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from studykit.review.deck import Entry
from studykit.review.queue import build_queue, filter_by_tags, next_due
from studykit.review.scheduler import CardState, Rating, make_scheduler
from studykit.review.session import Clock, Session
from studykit.review.store import ReviewStore

from .conftest import NOW, quiz_questions


class FixedClock(Clock):
    def __init__(self, start: datetime) -> None:
        self.moment = start
        self._start = start

    def now(self) -> datetime:
        return self.moment


def pairs(n: int | None = None) -> list[Entry]:
    qs = [q for q in quiz_questions() if q.status.value == "approved"]
    return [Entry.of("iran-russia", q) for q in qs[:n]]


def study(store: ReviewStore, questions: list[Entry], now: datetime,
          ratings: dict[str, Rating], **options: object) -> Session:
    """Answer every card the queue offers once, with the rating given for its question id."""
    cram = bool(options.get("cram", False))
    session = Session(store, build_queue(questions, store, now, **options),  # type: ignore[arg-type]
                      make_scheduler(fuzz=False), FixedClock(now), cram=cram)
    seen: set[str] = set()
    while (item := session.next_card()) is not None and item.question.id not in seen:
        seen.add(item.question.id)
        rating = ratings.get(item.question.id, Rating.GOOD)
        session.answer(item, rating, duration_ms=1000, given=None, correct=rating > 1)
    return session


def test_new_cards_in_bank_order_up_to_the_daily_limit(tmp_db: Path) -> None:
    qs = pairs()
    with ReviewStore(tmp_db) as store:
        queue = build_queue(qs, store, NOW, new_per_day=2)
        first = [queue.next(NOW), queue.next(NOW), queue.next(NOW)]
        assert [i.question.id if i else None for i in first] == [qs[0].id, qs[1].id, None]
        study(store, qs, NOW, {}, new_per_day=2)
        # Two were introduced today: the limit is used up until tomorrow.
        later = build_queue(qs, store, NOW + timedelta(hours=1), new_per_day=2)
        assert later.counts() == {"due": 2, "new": 0, "learning": 0}
        tomorrow = build_queue(qs, store, NOW + timedelta(days=1), new_per_day=2)
        assert tomorrow.counts()["new"] == 2


def test_due_cards_first_most_overdue_first(tmp_db: Path) -> None:
    qs = pairs()
    with ReviewStore(tmp_db) as store:
        study(store, qs[:1], NOW, {})  # Good on a new card: due in 10 minutes
        study(store, qs[1:2], NOW + timedelta(minutes=5), {})  # due 5 minutes later
        queue = build_queue(qs, store, NOW + timedelta(hours=1), new_per_day=10)
        order = [queue.next(NOW + timedelta(hours=1)) for _ in range(len(qs))]
        assert [i.question.id for i in order if i] == [e.id for e in qs]
        assert order[0] and order[0].state is CardState.LEARNING


def test_learning_steps_come_back_in_the_same_session(tmp_db: Path) -> None:
    qs = pairs(2)
    with ReviewStore(tmp_db) as store:
        clock = FixedClock(NOW)
        session = Session(store, build_queue(qs, store, NOW), make_scheduler(fuzz=False), clock)
        shown: list[str] = []
        while (item := session.next_card()) is not None and len(shown) < 20:
            shown.append(item.question.id)
            wrong = item.question.id == qs[0].id and shown.count(item.question.id) == 1
            rating = Rating.AGAIN if wrong else Rating.GOOD
            session.answer(item, rating, duration_ms=500, given=None, correct=not wrong)
            clock.moment += timedelta(seconds=30)
        # Card 0: Again then Good, Good (graduates); card 1: Good, Good (graduates).
        assert shown.count(qs[0].id) == 3 and shown.count(qs[1].id) == 2
        assert len(store.reviews()) == 5
        assert {r.state for r in store.cards(["iran-russia"]).values()} == {CardState.REVIEW}


def test_cram_studies_everything_and_changes_nothing(tmp_db: Path) -> None:
    qs = pairs()
    with ReviewStore(tmp_db) as store:
        study(store, qs[:2], NOW, {})
        cards_before = store.cards(["iran-russia"])
        session = Session(store, build_queue(qs, store, NOW, cram=True, new_per_day=0),
                          make_scheduler(fuzz=False), FixedClock(NOW), cram=True)
        shown = []
        while (item := session.next_card()) is not None:
            shown.append(item.question.id)
            wrong = item.question.id == qs[3].id and shown.count(item.question.id) == 1
            session.answer(item, Rating.AGAIN if wrong else Rating.GOOD, duration_ms=1,
                           given=None, correct=not wrong)
        assert store.cards(["iran-russia"]) == cards_before
        assert len(store.reviews()) == 2
    # Every card once, studied ones first; the wrong one again at the end.
    assert shown[:2] == [e.id for e in qs[:2]]
    assert sorted(shown[:-1]) == sorted(e.id for e in qs)
    assert shown[-1] == qs[3].id and len(shown) == len(qs) + 1


def test_removed_questions_are_kept_but_not_shown(tmp_db: Path) -> None:
    qs = pairs()
    with ReviewStore(tmp_db) as store:
        study(store, qs, NOW, {})
        later = NOW + timedelta(days=60)
        assert len(build_queue(qs, store, later)) == len(qs)
        fewer = qs[1:]
        queue = build_queue(fewer, store, later)
        assert len(queue) == len(fewer)
        assert qs[0].id in store.known_ids(["iran-russia"])


def test_limit_and_tags() -> None:
    qs = pairs()
    assert [e.id for e in filter_by_tags(qs, ["person"])] == [qs[1].id, qs[2].id]
    assert filter_by_tags(qs, []) == qs


def test_limit_caps_the_session(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        assert len(build_queue(pairs(), store, NOW, limit=2)) == 2


def test_undo_restores_the_card_and_shows_it_next(tmp_db: Path) -> None:
    qs = pairs(2)
    with ReviewStore(tmp_db) as store:
        session = study(store, qs[:1], NOW, {})
        before = store.cards(["iran-russia"])
        session.queue = build_queue(qs, store, NOW)
        item = session.next_card()
        assert item is not None and item.question.id == qs[1].id
        session.answer(item, Rating.AGAIN, duration_ms=1, given="x", correct=False)
        back = session.undo()
        assert back == item
        assert session.next_card() == item
        assert store.cards(["iran-russia"]) == before
        assert len(store.reviews()) == 1
        assert session.summary(*next_due(store, qs)).reviewed == 1


def test_new_siblings_are_buried_for_the_session(tmp_db: Path) -> None:
    """A cloze and an MCQ on the same fact give each other away: after one is shown, the
    other waits for the next session; undoing brings the same card back, not buried."""
    base = [e.question for e in pairs()]
    first = base[0]
    sibling = first.model_copy(update={"id": first.id + "-mcq", "template": "mcq"})
    others = [q for q in base[1:] if not set(q.fact_ids) & set(first.fact_ids)]
    entries = [Entry.of("iran-russia", q) for q in (first, sibling, *others)]
    with ReviewStore(tmp_db) as store:
        queue = build_queue(entries, store, NOW, new_per_day=100)
        shown = []
        while (item := queue.next(NOW)) is not None:
            shown.append(item.question.id)
        assert first.id in shown and sibling.id not in shown
        assert queue.buried == 1
        assert len(shown) == len(entries) - 1
        # next session (nothing studied): the buried card is offered again
        again = build_queue([entries[1]], store, NOW, new_per_day=100)
        assert again.next(NOW).question.id == sibling.id  # type: ignore[union-attr]


def _siblings() -> list[Entry]:
    """Per fact a cloze then an MCQ on it, in bank order, as the generator writes banks."""
    from studykit.models import QuestionType

    from .conftest import S_VISIT, make_question

    out = []
    for n in range(4):
        for qtype in (QuestionType.CLOZE, QuestionType.MCQ):
            q = make_question("sib", f"{qtype.value}-{n}", qtype, f"سؤال {n} [...]", "موسكو",
                              S_VISIT, options=("موسكو", "أنقرة"), tags=(qtype.value,))
            out.append(Entry.of("sib", q.model_copy(update={"fact_ids": (f"fact:{n}",)})))
    return out


def test_new_cards_mix_types_one_per_fact(tmp_db: Path) -> None:
    qs = _siblings()
    with ReviewStore(tmp_db) as store:
        queue = build_queue(qs, store, NOW, new_per_day=4)
        shown = [queue.next(NOW) for _ in range(5)]
    ids = [i.question.id for i in shown if i]
    assert len(ids) == 4 and shown[4] is None
    types = [i.question.type.value for i in shown if i]
    assert set(types) == {"cloze", "mcq"}  # not only clozes
    facts = [i.question.fact_ids[0] for i in shown if i]
    assert len(set(facts)) == 4  # one card per fact: nothing buried, --new cards shown


def test_cram_buries_no_sibling(tmp_db: Path) -> None:
    qs = _siblings()
    with ReviewStore(tmp_db) as store:
        cram = build_queue(qs, store, NOW, cram=True)
        assert len([i for i in iter(lambda: cram.next(NOW), None)]) == len(qs)
        normal = build_queue(qs, store, NOW, new_per_day=20)
        shown = [i for i in iter(lambda: normal.next(NOW), None)]
        assert len(shown) == 4 and normal.buried == 4
