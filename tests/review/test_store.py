"""The SQLite review store: schema, WAL, one transaction per review, undo, refusing foreign or
corrupt files without touching them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studykit.errors import StoreError
from studykit.review.scheduler import (
    Rating,
    card_to_json,
    make_scheduler,
    new_card,
    review,
    to_ms,
)
from studykit.review.store import APPLICATION_ID, SCHEMA_VERSION, NewReview, ReviewStore

from .conftest import NOW


def a_review(qid: str = "q-1", rating: Rating = Rating.GOOD, before: str | None = None,
             state_before: int = 0) -> NewReview:
    card = new_card(qid, NOW)
    after = review(make_scheduler(fuzz=False), card, rating, NOW, 1500)
    return NewReview(question_id=qid, bank_id="b", reviewed_ms=to_ms(NOW), rating=int(rating),
                     duration_ms=1500, answer="موسكو", correct=rating > 1,
                     state_before=state_before, card_before=before,
                     card_after=card_to_json(after), due_ms=to_ms(after.due),
                     state_after=int(after.state))


def test_new_store_has_schema_version_wal_and_application_id(tmp_db: Path) -> None:
    ReviewStore(tmp_db).close()
    raw = sqlite3.connect(tmp_db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"cards", "reviews"} <= tables


def test_record_writes_log_and_card_and_survives_reopen(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        rid = store.record(a_review())
    with ReviewStore(tmp_db) as store:
        [row] = store.reviews()
        card = store.card("q-1")
    assert row.id == rid and row.rating == 3 and row.answer == "موسكو" and row.correct is True
    assert row.duration_ms == 1500
    assert card is not None and card.reps == 1 and card.lapses == 0 and card.bank_id == "b"


def test_lapses_count_again_on_review_cards_only(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        store.record(a_review(rating=Rating.AGAIN))
        before = store.card("q-1")
        assert before is not None
        store.record(a_review(rating=Rating.AGAIN, state_before=2, before=before.card))
        card = store.card("q-1")
    assert card is not None and card.reps == 2 and card.lapses == 1


def test_undo_restores_card_and_hides_review_but_keeps_log(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        first = store.record(a_review())
        before = store.card("q-1")
        assert before is not None
        second = store.record(a_review(rating=Rating.AGAIN, state_before=2, before=before.card))
        store.undo(second, to_ms(NOW))
        assert store.card("q-1") == before
        assert [r.id for r in store.reviews()] == [first]
        store.undo(first, to_ms(NOW))
        assert store.card("q-1") is None
        assert store.reviews() == []
        assert not store.undo(first, to_ms(NOW))  # a second undo changes nothing
    raw = sqlite3.connect(tmp_db)
    kinds = [r[0] for r in raw.execute("SELECT kind FROM reviews ORDER BY id")]
    assert kinds == ["review", "review", "undo", "undo"]


def test_due_cards_most_overdue_first(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        for qid in ("q-a", "q-b", "q-c"):
            store.record(a_review(qid))
        due = store.due_cards(["b"], to_ms(NOW) + 10**9)
        assert sorted(r.due_ms for r in due) == [r.due_ms for r in due]
        assert store.due_cards(["other"], to_ms(NOW) + 10**9) == []
        assert store.known_ids(["b"]) == {"q-a", "q-b", "q-c"}
        assert store.introduced_since(["b"], to_ms(NOW)) == 3
        assert store.introduced_since(["b"], to_ms(NOW) + 1) == 0
        assert store.integrity() == "ok"


@pytest.mark.parametrize("content", [
    b"this is not a database at all" * 10,
    b"SQLite format 3\x00" + b"\xff" * 4000,
    b"\x00" * 4096,
])
def test_corrupt_file_is_reported_and_left_untouched(tmp_db: Path, content: bytes) -> None:
    tmp_db.write_bytes(content)
    with pytest.raises(StoreError, match=str(tmp_db)):
        ReviewStore(tmp_db)
    assert tmp_db.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_db: Path) -> None:
    raw = sqlite3.connect(tmp_db)
    raw.execute("CREATE TABLE notes (id INTEGER)")
    raw.commit()
    raw.close()
    content = tmp_db.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        ReviewStore(tmp_db)
    assert tmp_db.read_bytes() == content


def test_newer_schema_is_refused(tmp_db: Path) -> None:
    ReviewStore(tmp_db).close()
    raw = sqlite3.connect(tmp_db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer studykit"):
        ReviewStore(tmp_db)


def test_empty_file_becomes_a_store(tmp_db: Path) -> None:
    tmp_db.write_bytes(b"")
    with ReviewStore(tmp_db) as store:
        assert store.integrity() == "ok"


def test_bad_locations(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        ReviewStore(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        ReviewStore(tmp_path / "missing" / "r.sqlite3")


def test_busy_store_is_a_store_error(tmp_db: Path) -> None:
    with ReviewStore(tmp_db) as store:
        blocker = sqlite3.connect(tmp_db, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        quick = ReviewStore(tmp_db, busy_timeout=0.05)
        with pytest.raises(StoreError, match="busy"):
            quick.record(a_review())
        blocker.execute("ROLLBACK")
        quick.record(a_review())
        quick.close()
        assert len(store.reviews()) == 1
