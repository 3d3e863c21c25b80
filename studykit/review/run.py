"""Entry points the CLI calls: where the store lives, loading the banks, running a quiz."""

from __future__ import annotations

import os
import random
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studykit.errors import StoreError
from studykit.review.bankcache import read_bank
from studykit.review.deck import Entry
from studykit.review.queue import DEFAULT_NEW_PER_DAY, build_queue, filter_by_tags, next_due
from studykit.review.session import Clock, Session, Summary
from studykit.review.store import ReviewStore

if TYPE_CHECKING:
    from rich.console import Console

    from studykit.review.keys import Keys

DB_NAME = "reviews.sqlite3"


def store_path(db: Path | None = None) -> Path:
    """`--db` if given, else STUDYKIT_DB, else reviews.sqlite3 in the platformdirs data dir."""
    if db is not None:
        return db
    env = os.environ.get("STUDYKIT_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("studykit"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the data folder ({exc.strerror})") from None
    return folder / DB_NAME


def load_questions(paths: list[Path], include_drafts: bool = False
                   ) -> tuple[list[Entry], str]:
    """The banks' questions, approved only unless `include_drafts`, and a title naming the
    banks."""
    entries: list[Entry] = []
    titles: list[str] = []
    for path in paths:
        bank = read_bank(path)
        titles.append(bank.title or bank.id)
        entries += bank.selected(include_drafts)
    return entries, " + ".join(titles)


def run_quiz(paths: list[Path], db: Path, *, now: datetime, new_per_day: int = DEFAULT_NEW_PER_DAY,
             limit: int | None = None, mode: str = "auto", cram: bool = False,
             tags: tuple[str, ...] = (), rtl: str = "logical", include_drafts: bool = False,
             fuzz: bool = True, rng: random.Random | None = None,
             console: Console | None = None, keys: Keys | None = None) -> Summary:
    """Load, study interactively until done or quit, print and return the session summary."""
    from rich.console import Console

    from studykit.review.keys import Keys
    from studykit.review.play import Player
    from studykit.review.scheduler import make_scheduler
    from studykit.review.ui import Screen

    questions, title = load_questions(paths, include_drafts)
    questions = filter_by_tags(questions, tags)
    console = console or Console(highlight=False)
    keys = keys or Keys()
    screen = Screen(min(console.width, 100), rtl)
    with ReviewStore(db) as store:
        queue = build_queue(questions, store, now, new_per_day=new_per_day, limit=limit,
                            cram=cram)
        session = Session(store, queue, lambda: make_scheduler(fuzz=fuzz), Clock(now),
                          cram=cram)
        if not questions:
            # One clear line; no empty card loop, no "0% (0/0)" summary.
            console.print("No questions to study (none approved? try --include-drafts).")
            return session.summary(None)
        player = Player(session, console, keys, screen, mode=mode, rng=rng or random.Random(),
                        title=title)
        try:
            keys.start()
            player.run()
        finally:
            keys.restore()
        summary = session.summary(*next_due(store, questions))
    console.print(screen.summary(summary, session.clock.now(), cram))
    return summary
