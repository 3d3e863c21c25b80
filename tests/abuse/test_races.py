"""Two writers on one bank: every decision and every build survives (real processes)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studykit.bank import load_bank, save_bank
from studykit.bankwrite import lock_path
from studykit.models import Status
from tests.abuse.conftest import DECK, studykit

ARTICLE = DECK / "article.ar.txt"


@pytest.fixture
def draft_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "bank.yaml"
    proc = studykit("build", ARTICLE, "-o", bank)
    assert proc.returncode == 0, proc.stderr
    return bank


def _wait_for(predicate: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def _approved(bank: Path) -> int:
    try:
        return sum(q.status == Status.APPROVED for q in load_bank(bank).questions)
    except Exception:
        return -1


def test_build_during_review_is_kept_and_review_decisions_too(draft_bank: Path) -> None:
    review = subprocess.Popen([sys.executable, "-m", "studykit", "review", str(draft_bank)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert review.stdin
    try:
        review.stdin.write("a\n")
        review.stdin.flush()
        _wait_for(lambda: _approved(draft_bank) == 1)
        # The review now waits for a key with its own copy of the bank; a build lands. It
        # must not wait for the review to end (the lock is not held between decisions).
        built = studykit("build", ARTICLE, "-o", draft_bank, "--title", "عنوان جديد",
                         timeout=60)
        assert built.returncode == 0, built.stderr
        assert load_bank(draft_bank).title == "عنوان جديد"
        review.stdin.write("r\nسبب\nq\n")
        review.stdin.flush()
        _, err = review.communicate(timeout=60)
    finally:
        review.kill()
    assert review.returncode == 0, err
    bank = load_bank(draft_bank)
    assert bank.title == "عنوان جديد"  # the build is not overwritten by the review's save
    statuses = [q.status for q in bank.questions[:3]]
    assert statuses == [Status.APPROVED, Status.REJECTED, Status.DRAFT], err
    assert bank.questions[1].edit and bank.questions[1].edit.note == "سبب"


def test_build_merges_into_the_bank_as_it_is_when_it_saves(draft_bank: Path) -> None:
    """A save by someone else between the build's read and its write is merged, not lost.

    The test holds the bank's lock, as a reviewer's save would, while the build (ten
    articles, a few seconds) reads and generates, and approves a question meanwhile.
    """
    data = ARTICLE.parents[2] / "tests" / "data"
    articles = [ARTICLE, *sorted(data.glob("heldout/*.txt")), *sorted(data.glob("heldout2/*.txt"))]
    fd = os.open(lock_path(draft_bank), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    build = subprocess.Popen([sys.executable, "-m", "studykit", "build", *map(str, articles),
                              "-o", str(draft_bank), "--title", "عنوان جديد"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2)  # the build has read the bank and is extracting and generating
        bank = load_bank(draft_bank)
        cloze = next(q for q in bank.questions if q.type.value == "cloze")
        approved = cloze.model_copy(update={"status": Status.APPROVED})
        save_bank(bank.model_copy(update={"questions": tuple(
            approved if q.id == cloze.id else q for q in bank.questions)}), draft_bank)
    finally:
        os.close(fd)  # releases the lock
    _, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    bank = load_bank(draft_bank)
    assert bank.title == "عنوان جديد"
    assert len(bank.sources) == len(articles)
    assert next(q for q in bank.questions if q.id == cloze.id).status == Status.APPROVED


def test_a_held_lock_times_out_with_one_line(draft_bank: Path) -> None:
    from studykit.bankwrite import locked
    from studykit.errors import BankError

    fd = os.open(lock_path(draft_bank), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(BankError, match="another studykit process is still writing it"), \
                locked(draft_bank, timeout=0.2):
            pass
    finally:
        os.close(fd)


def test_review_decision_on_a_question_reworded_meanwhile_is_refused(draft_bank: Path) -> None:
    review = subprocess.Popen([sys.executable, "-m", "studykit", "review", str(draft_bank)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert review.stdin and review.stdout
    try:
        while not review.stdout.readline().startswith("[1/"):
            pass  # the review has read the bank and shows question 1
        bank = load_bank(draft_bank)
        first = bank.questions[0].model_copy(update={"prompt": bank.questions[0].prompt + " ؟"})
        save_bank(bank.model_copy(update={"questions": (first, *bank.questions[1:])}),
                  draft_bank)
        _, err = review.communicate("a\nq\n", timeout=60)
    finally:
        review.kill()
    assert "reworded" in err and "decision not saved" in err
    assert load_bank(draft_bank).questions[0].status == Status.DRAFT
