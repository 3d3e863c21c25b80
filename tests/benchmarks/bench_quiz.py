"""Quiz speed: time to the first card on a 10,000-question bank; choosing the next card and
writing a review with 100,000 cards in the store.

Run with `make bench` or `python tests/benchmarks/bench_quiz.py`. Targets: first card <= 0.3 s,
next card and review write <= 5 ms each. Time to first card is measured end to end (a fresh
`studykit quiz` process in a pseudo-terminal until the first card is on screen), once with a cold
bank cache (YAML parsed) and then warm (the sha256-keyed JSON cache in studykit/review/bankcache).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect  # type: ignore[import-untyped]

from studykit.bank import save_bank
from studykit.models import Bank, Question, QuestionSource, QuestionType, Status, question_id
from studykit.review.queue import Item, build_queue
from studykit.review.run import load_questions
from studykit.review.scheduler import (
    Rating,
    card_to_json,
    make_scheduler,
    new_card,
    review,
    to_ms,
)
from studykit.review.session import Clock, Session
from studykit.review.store import ReviewStore

ROOT = Path(__file__).resolve().parents[2]
STUDYKIT = ROOT / ".venv" / "bin" / "studykit"
NOW = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
SENTENCE = ("قام وزير الخارجية الإيراني حسين أمير عبد اللهيان بزيارة رسمية إلى العاصمة الروسية "
            "موسكو في 29 مارس الجاري")
BANK_SIZE = 10_000
STORE_SIZE = 100_000
SAMPLES = 1_000


def big_bank(bank_id: str, size: int) -> Bank:
    questions = []
    for i in range(size):
        fact = f"fact:{i}"
        questions.append(Question(
            id=question_id(bank_id, "mcq", (fact,)), type=QuestionType.MCQ, template="mcq",
            prompt=f"السؤال {i}: إلى أي عاصمة سافر وزير الخارجية الإيراني؟", answer="موسكو",
            options=("موسكو", "أنقرة", "طهران", "بكين"), fact_ids=(fact,),
            source=QuestionSource(sentence=SENTENCE, start=0, end=len(SENTENCE),
                                  answer_start=SENTENCE.index("موسكو"),
                                  answer_end=SENTENCE.index("موسكو") + 5),
            status=Status.APPROVED))
    return Bank(id=bank_id, title="bench", questions=tuple(questions))


def first_card(bank: Path, db: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(str(STUDYKIT), ["quiz", str(bank), "--db", str(db), "--now",
                                          NOW.isoformat()], env=env, encoding="utf-8",
                          dimensions=(30, 100), timeout=120)
    child.expect(r"\? help")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def fill_store(db: Path, bank: Bank) -> None:
    """100,000 cards: the bench bank's 10,000 (due at spread times) and 90,000 of other banks."""
    scheduler = make_scheduler(fuzz=False)
    template = review(scheduler, new_card("x", NOW), Rating.GOOD, NOW - timedelta(days=3), None)
    template = review(scheduler, template, Rating.GOOD, NOW - timedelta(days=2), None)
    card = card_to_json(template)
    rng = random.Random(7)
    rows = []
    for i in range(STORE_SIZE):
        qid = bank.questions[i].id if i < BANK_SIZE else f"q-other-{i}"
        bank_id = bank.id if i < BANK_SIZE else f"other-{i % 9}"
        due = to_ms(NOW + timedelta(hours=rng.uniform(-240, 240)))
        rows.append((qid, bank_id, card, due, 2, 2, 0, to_ms(NOW - timedelta(days=3))))
    with ReviewStore(db) as store:
        store._db.execute("BEGIN")
        store._db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        store._db.execute("COMMIT")


def ms(values: list[float]) -> str:
    values = sorted(values)
    p99 = values[int(len(values) * 0.99) - 1]
    return f"median {statistics.median(values) * 1000:.3f} ms, p99 {p99 * 1000:.3f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, STUDYKIT_CACHE=str(folder / "cache"), TERM="xterm", NO_COLOR="1")
        bank = big_bank("bench", BANK_SIZE)
        bank_file = save_bank(bank, folder / "bank.yaml")
        print(f"bank: {BANK_SIZE} questions, {bank_file.stat().st_size / 1e6:.1f} MB of YAML")
        cold = first_card(bank_file, folder / "a.sqlite3", env)
        warm = min(first_card(bank_file, folder / "a.sqlite3", env) for _ in range(5))
        print(f"time to first card, cold cache (YAML parsed): {cold:.3f} s")
        print(f"time to first card, warm cache (best of 5):   {warm:.3f} s   target <= 0.3 s")

        db = folder / "big.sqlite3"
        fill_store(db, bank)
        loaded = min(first_card(bank_file, db, env) for _ in range(3))
        print(f"time to first card, warm cache, 100,000 cards in the store: {loaded:.3f} s")
        os.environ["STUDYKIT_CACHE"] = env["STUDYKIT_CACHE"]
        pairs, _title = load_questions([bank_file])
        with ReviewStore(db) as store:
            start = time.perf_counter()
            queue = build_queue(pairs, store, NOW)
            built = time.perf_counter() - start
            full = build_queue(pairs, store, NOW + timedelta(days=30))
            print(f"store: {STORE_SIZE} cards; queue built in {built * 1000:.1f} ms "
                  f"({len(queue)} due now)")
            picks = []
            items: list[Item] = []
            for _ in range(SAMPLES):
                start = time.perf_counter()
                item = full.next(NOW)
                picks.append(time.perf_counter() - start)
                assert item is not None
                items.append(item)
            print(f"choosing the next card: {ms(picks)}   target <= 5 ms")
            session = Session(store, full, make_scheduler(), Clock(NOW))
            writes = []
            for item in items:
                start = time.perf_counter()
                session.answer(item, Rating.GOOD, duration_ms=4000, given="موسكو", correct=True)
                writes.append(time.perf_counter() - start)
            print(f"writing a review (schedule + one transaction): {ms(writes)}   target <= 5 ms")
            assert len(store.reviews()) == SAMPLES


if __name__ == "__main__":
    main()
