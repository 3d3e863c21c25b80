"""The review store: one SQLite file holding FSRS cards and an append-only review log.

Why SQLite: one review is one transaction, so a crash or SIGKILL never loses an acknowledged
review nor leaves a half-written one; WAL lets `stats` read while a quiz writes, and the busy
timeout lets two quiz processes share one file. A file that is not ours (corrupt, or another
program's database) is reported and never modified.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from studykit.errors import StoreError
from studykit.review.storeschema import APPLICATION_ID, HEADER, MIGRATIONS, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "NewReview", "ReviewStore", "StaleCard",
           "StoredCard"]


class StaleCard(Exception):
    """The card changed in the store since it was read (another quiz session reviewed it):
    nothing was written; schedule again from `card` (None: the card is not in the store)."""

    def __init__(self, card: str | None, state: int) -> None:
        super().__init__("card changed since it was read")
        self.card = card
        self.state = state


@dataclass(frozen=True)
class StoredCard:
    """One row of `cards`: the FSRS card as JSON plus the columns queries sort and count by."""

    question_id: str
    bank_id: str
    card: str
    due_ms: int
    state: int
    reps: int
    lapses: int
    introduced_ms: int


@dataclass(frozen=True)
class NewReview:
    """A review to record: the card before (None when new) and after, and what was answered."""

    question_id: str
    bank_id: str
    reviewed_ms: int
    rating: int
    duration_ms: int | None
    answer: str | None
    correct: bool | None
    state_before: int
    card_before: str | None
    card_after: str
    due_ms: int
    state_after: int


@dataclass(frozen=True)
class ReviewRow:
    """One effective review of the log (undo entries and undone reviews are left out)."""

    id: int
    question_id: str
    bank_id: str
    reviewed_ms: int
    rating: int
    duration_ms: int | None
    answer: str | None
    correct: bool | None
    state_before: int
    card_before: str | None


_CARD_COLUMNS = "question_id, bank_id, card, due_ms, state, reps, lapses, introduced_ms"
_LIVE = "kind = 'review' AND id NOT IN (SELECT undoes FROM reviews WHERE kind = 'undo')"


class ReviewStore:
    """An open review database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self._check_file()
        try:
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the review database ({exc})") from None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a usable review database ({exc})") from None
        except StoreError:
            self._db.close()
            raise

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a review database")
        if not self.path.parent.is_dir():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        if self.path.exists() and not self.path.is_file():
            # A FIFO would block the read below; a device is no database either.
            raise StoreError(f"{self.path}: not a regular file (a device, FIFO or socket); "
                             "left untouched")
        try:
            with self.path.open("rb") as handle:
                header = handle.read(len(HEADER))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read ({exc.strerror or exc})") from None
        if header and header != HEADER:
            raise StoreError(f"{self.path}: not a SQLite database (corrupt or another program's "
                             "file); left untouched")

    def _prepare(self) -> None:
        db = self._db
        app_id, version = self._identity()
        if app_id == 0 and version == 0:
            with self._write():
                # Re-read inside the write lock: a second process may have just created it.
                app_id, version = self._identity()
                if app_id == 0 and version == 0:
                    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                        raise StoreError(f"{self.path}: a SQLite database of another program; "
                                         "left untouched")
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    self._migrate(0)
                    app_id, version = APPLICATION_ID, SCHEMA_VERSION
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self.path}: a SQLite database of another program; left untouched")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer studykit (schema {version}); "
                             "upgrade studykit")
        if version < SCHEMA_VERSION:
            with self._write():
                self._migrate(self._identity()[1])
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL survives any process crash (SIGKILL); only power loss can drop
        # the last commits, and it never corrupts the file.
        db.execute("PRAGMA synchronous = NORMAL")

    def _identity(self) -> tuple[int, int]:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        return int(app_id), int(version)

    def _migrate(self, current: int) -> None:
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: takes the write lock up front so it never deadlocks."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: database busy ({exc})") from None
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Reading -------------------------------------------------------------------------------

    def cards(self, bank_ids: Iterable[str]) -> dict[str, StoredCard]:
        """Every stored card of these banks, by question id."""
        ids = list(bank_ids)
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank_id IN ({marks})", ids)
        return {row[0]: StoredCard(*row) for row in rows}

    def card(self, question_id: str) -> StoredCard | None:
        row = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE question_id = ?", (question_id,)).fetchone()
        return StoredCard(*row) if row else None

    def due_cards(self, bank_ids: Iterable[str], until_ms: int) -> list[StoredCard]:
        """Cards due at or before `until_ms`, most overdue first (uses the (bank, due) index)."""
        ids = list(bank_ids)
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank_id IN ({marks}) AND due_ms <= ? "
            "ORDER BY due_ms", [*ids, until_ms])
        return [StoredCard(*row) for row in rows]

    def known_ids(self, bank_ids: Iterable[str]) -> set[str]:
        ids = list(bank_ids)
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT question_id FROM cards WHERE bank_id IN ({marks})", ids)
        return {row[0] for row in rows}

    def introduced_since(self, bank_ids: Iterable[str], since_ms: int) -> int:
        """How many cards of these banks were first studied at or after `since_ms`."""
        ids = list(bank_ids)
        marks = ",".join("?" * len(ids))
        row = self._db.execute(
            f"SELECT count(*) FROM cards WHERE bank_id IN ({marks}) AND introduced_ms >= ?",
            [*ids, since_ms]).fetchone()
        return int(row[0])

    def reviews(self, bank_ids: Iterable[str] | None = None, since_ms: int = 0) -> list[ReviewRow]:
        """The effective review log, oldest first."""
        sql = ("SELECT id, question_id, bank_id, reviewed_ms, rating, duration_ms, answer, "
               f"correct, state_before, card_before FROM reviews WHERE {_LIVE} "
               "AND reviewed_ms >= ?")
        params: list[object] = [since_ms]
        if bank_ids is not None:
            ids = list(bank_ids)
            sql += f" AND bank_id IN ({','.join('?' * len(ids))})"
            params += ids
        rows = self._db.execute(sql + " ORDER BY id", params)
        return [ReviewRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                          None if r[7] is None else bool(r[7]), r[8], r[9]) for r in rows]

    def integrity(self) -> str:
        """`PRAGMA integrity_check`: "ok" for a sound file."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    # Writing -------------------------------------------------------------------------------

    def record(self, review: NewReview) -> int:
        """Append the review and update its card in one transaction; returns the review id.

        Two quiz sessions may share the store: inside the write transaction the stored card
        must still be `review.card_before`, else StaleCard (nothing written), so a rating is
        never scheduled from a state another session has already moved on from.
        """
        lapse = int(review.rating == 1 and review.state_before == 2)
        try:
            with self._write() as db:
                row = db.execute("SELECT card, state FROM cards WHERE question_id = ?",
                                 (review.question_id,)).fetchone()
                if (row[0] if row else None) != review.card_before:
                    raise StaleCard(row[0] if row else None, int(row[1]) if row else 0)
                cursor = db.execute(
                    "INSERT INTO reviews (kind, question_id, bank_id, reviewed_ms, rating, "
                    "duration_ms, answer, correct, state_before, card_before, card_after) "
                    "VALUES ('review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (review.question_id, review.bank_id, review.reviewed_ms, review.rating,
                     review.duration_ms, review.answer,
                     None if review.correct is None else int(review.correct),
                     review.state_before, review.card_before, review.card_after))
                db.execute(
                    f"INSERT INTO cards ({_CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, 1, ?, ?) "
                    "ON CONFLICT (question_id) DO UPDATE SET bank_id = excluded.bank_id, "
                    "card = excluded.card, due_ms = excluded.due_ms, state = excluded.state, "
                    "reps = reps + 1, lapses = lapses + excluded.lapses",
                    (review.question_id, review.bank_id, review.card_after, review.due_ms,
                     review.state_after, lapse, review.reviewed_ms))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None
        return int(cursor.lastrowid or 0)

    def undo(self, review_id: int, now_ms: int) -> bool:
        """Log an undo of `review_id` and put its card back as it was before that review.

        False (nothing changed) when the card moved on since: another session reviewed it
        after this review, and putting it back would delete or rewind that session's work.
        """
        try:
            with self._write() as db:
                row = db.execute(
                    f"SELECT question_id, bank_id, rating, state_before, card_before, card_after "
                    f"FROM reviews WHERE id = ? AND {_LIVE}", (review_id,)).fetchone()
                if row is None:
                    return False
                question_id, bank_id, rating, state_before, card_before, card_after = row
                now = db.execute("SELECT card FROM cards WHERE question_id = ?",
                                 (question_id,)).fetchone()
                if now is None or now[0] != card_after:
                    return False
                db.execute("INSERT INTO reviews (kind, question_id, bank_id, reviewed_ms, undoes) "
                           "VALUES ('undo', ?, ?, ?, ?)", (question_id, bank_id, now_ms, review_id))
                if card_before is None:
                    db.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
                    return True
                from studykit.review.scheduler import card_from_json, to_ms

                before = card_from_json(card_before)
                db.execute(
                    "UPDATE cards SET card = ?, due_ms = ?, state = ?, reps = reps - 1, "
                    "lapses = lapses - ? WHERE question_id = ?",
                    (card_before, to_ms(before.due), int(before.state),
                     int(rating == 1 and state_before == 2), question_id))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot undo the review ({exc})") from None
        return True
