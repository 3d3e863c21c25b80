"""Changing a bank file that another studykit process may be changing at the same time.

Every write is read-modify-write under an advisory lock (`fcntl.flock` on a hidden
`.NAME.lock` file beside the bank): the bank is re-read inside the lock and the change applied
to what is on disk now, never to a copy read minutes earlier. So a `build` that lands while
`review` waits for a keypress is kept, and the reviewer's next decision is added to it. The
lock is held only for the read-change-write, never while a person thinks, so a long review
never blocks a build.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from studykit.bank import bank_to_data, dumps_data, parse_bank
from studykit.errors import BankError, OutputError
from studykit.fsutil import atomic_write, read_bytes
from studykit.models import Bank, Edit, Question, Status

LOCK_TIMEOUT = 30.0


def lock_path(bank: Path) -> Path:
    return bank.parent / f".{bank.name}.lock"


@contextmanager
def locked(bank: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the bank's write lock; BankError if another process holds it past `timeout`."""
    lock = lock_path(bank)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except FileNotFoundError:
        raise OutputError(f"{bank}: folder {bank.parent} does not exist") from None
    except OSError as exc:
        raise OutputError(f"{bank}: cannot create the lock file {lock} "
                          f"({exc.strerror or exc})") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise OutputError(f"{bank}: cannot lock ({exc.strerror or exc})") from None
                if time.monotonic() >= deadline:
                    raise BankError(f"{bank}: another studykit process is still writing it "
                                    f"(lock {lock}); try again") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def update_bank(bank: Path, change: Callable[[Bank | None], Bank]) -> tuple[Bank | None, Bank]:
    """Under the lock: read the bank as it is on disk now (None if there is none), apply
    `change`, save. Returns (the bank as read, the bank saved)."""
    with locked(bank):
        raw = read_bytes(bank, BankError, "bank file") if bank.exists() else None
        current = parse_bank(raw, str(bank)) if raw is not None else None
        new = change(current)
        data = bank_to_data(new)
        written = dumps_data(data).encode("utf-8")
        atomic_write(bank, written)
    # The quiz's parsed copy of what was just written: the first card after a rebuild or a
    # review does not wait for the YAML parse (seconds on a 10,000-question bank).
    from studykit.review.bankcache import remember_saved

    remember_saved(written, data, replaced=raw)
    return current, new


def _shown(q: Question) -> tuple[object, ...]:
    return (q.shown_prompt, q.shown_answer, q.shown_options, q.shown_pairs)


def record_decision(bank: Path, shown: Question, status: Status, edit: Edit | None) -> Question:
    """Save one review decision on `shown` (the question as the reviewer saw it) into the bank
    on disk. BankError (the decision is not saved) when the question is gone, was decided by
    someone else, or reads differently now: the reviewer judged text that no longer exists."""
    saved: list[Question] = []

    def apply(current: Bank | None) -> Bank:
        if current is None:
            raise BankError(f"{bank}: the bank file is gone; decision on {shown.id} not saved")
        now = next((q for q in current.questions if q.id == shown.id), None)
        if now is None:
            raise BankError(f"{shown.id}: no longer in {bank} (changed by another command); "
                            "decision not saved")
        if now.status != shown.status or now.edit != shown.edit:
            raise BankError(f"{shown.id}: already {now.status.value} in {bank} (decided "
                            "elsewhere meanwhile); decision not saved")
        if _shown(now) != _shown(shown):
            raise BankError(f"{shown.id}: reworded in {bank} since it was shown (a rebuild?); "
                            "decision not saved, review it again")
        changed = now.model_copy(update={"status": status, "edit": edit})
        saved.append(changed)
        questions = tuple(changed if q.id == shown.id else q for q in current.questions)
        return current.model_copy(update={"questions": questions})

    update_bank(bank, apply)
    return saved[0]
