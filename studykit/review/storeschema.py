"""The review store's file format: its identity marks and the schema migrations."""

from __future__ import annotations

# `PRAGMA application_id`: marks the file as a studykit review store ("SKRV").
APPLICATION_ID = 0x534B5256
SCHEMA_VERSION = 1
HEADER = b"SQLite format 3\x00"

# Each entry upgrades the schema from version N-1 to N; never edit a released entry.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            bank_id TEXT NOT NULL,
            card TEXT NOT NULL,
            due_ms INTEGER NOT NULL,
            state INTEGER NOT NULL,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            introduced_ms INTEGER NOT NULL
        )""",
        "CREATE INDEX cards_bank_due ON cards (bank_id, due_ms)",
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('review', 'undo')),
            question_id TEXT NOT NULL,
            bank_id TEXT NOT NULL,
            reviewed_ms INTEGER NOT NULL,
            rating INTEGER,
            duration_ms INTEGER,
            answer TEXT,
            correct INTEGER,
            state_before INTEGER,
            card_before TEXT,
            card_after TEXT,
            undoes INTEGER REFERENCES reviews (id)
        )""",
        "CREATE INDEX reviews_question ON reviews (question_id)",
        "CREATE INDEX reviews_time ON reviews (reviewed_ms)",
    ),
}
