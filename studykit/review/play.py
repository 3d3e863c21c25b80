"""The interactive quiz loop: show a card, read the answer, show the verdict, save the rating.

Keys: 1-4 options or rating override, Enter accept, s skip, u undo, ? help, q / Ctrl-C quit.
The review is saved before "saved #N" is printed, so an acknowledged review is always on disk.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studykit.arabic import normalize
from studykit.errors import StoreError
from studykit.models import Question, QuestionType
from studykit.review.grading import Check, check_answer, suggest_rating
from studykit.review.keys import Keys
from studykit.review.queue import Item
from studykit.review.scheduler import Rating, from_ms, to_ms
from studykit.review.session import Session, describe_due
from studykit.review.ui import RATING_NAMES, Screen

if TYPE_CHECKING:
    from rich.console import Console

MODES = ("auto", "mcq", "typed", "flip")
_TRUE = {"صح", "صحيح", "true", "نعم"}
_FALSE = {"خطا", "خاطي", "false", "لا"}
_CHOICE_TYPES = (QuestionType.MCQ, QuestionType.TRUE_FALSE)
_TYPED_TYPES = (QuestionType.CLOZE, QuestionType.SHORT_ANSWER)


class Quit(Exception):
    """The user asked to stop (q, Ctrl-C or end of input)."""


@dataclass(frozen=True)
class Answer:
    """What the user did with a card: a verdict, or a skip/undo request."""

    action: str  # "answered" | "skip" | "undo"
    given: str | None = None
    correct: bool | None = None
    check: Check | None = None
    duration_ms: int = 0


def card_kind(question: Question, mode: str) -> str:
    """How to ask: "choice" (press a number), "typed" or "flip" (reveal and self-grade)."""
    if mode == "flip" or question.type not in (*_CHOICE_TYPES, *_TYPED_TYPES):
        return "flip"
    if question.type is QuestionType.TRUE_FALSE:
        return "choice"
    if mode == "typed":
        return "typed"
    if question.type is QuestionType.MCQ or (mode == "mcq" and question.shown_options):
        return "choice"
    return "typed"


def choice_options(question: Question, rng: random.Random) -> list[str]:
    """Up to four options including the answer, shuffled anew for every showing."""
    if question.type is QuestionType.TRUE_FALSE and not question.shown_options:
        return ["صح", "خطأ"]
    answer = question.shown_answer
    others = [o for o in dict.fromkeys(question.shown_options) if normalize(o) != normalize(answer)]
    options = [answer, *rng.sample(others, min(3, len(others)))]
    rng.shuffle(options)
    return options


def choice_correct(question: Question, chosen: str) -> bool:
    picked, answer = normalize(chosen), normalize(question.shown_answer)
    if question.type is QuestionType.TRUE_FALSE:
        return picked == answer or (picked in _TRUE and answer in _TRUE) or (
            picked in _FALSE and answer in _FALSE)
    return picked == answer


class Player:
    """Drives one session on a console with a keyboard."""

    def __init__(self, session: Session, console: Console, keys: Keys, screen: Screen, *,
                 mode: str, rng: random.Random, title: str) -> None:
        self.session = session
        self.console = console
        self.keys = keys
        self.screen = screen
        self.mode = mode
        self.rng = rng
        self.title = title
        # Cards whose answer a wrong verdict has shown, and cards coming back through undo or
        # redo: retyping the answer just shown is no recall, so it cannot be marked right.
        self.revealed: set[str] = set()
        self.redo: set[str] = set()

    def run(self) -> None:
        """Study until the queue is empty or the user quits (Quit is swallowed here)."""
        from rich.text import Text

        # The deck's title once, at the start: above every card it read as the question.
        self.console.print(Text(f"studying: {self.screen.inline(self.title)}", style="dim"))
        try:
            while True:
                item = self.session.next_card()
                if item is None:
                    self.console.print("[bold]Nothing more to study now.[/]")
                    return
                if item.entry.id not in self.redo:
                    self.revealed.discard(item.entry.id)  # back on schedule: a fair question
                self.redo.discard(item.entry.id)
                self.study(item)
        except (Quit, KeyboardInterrupt, EOFError):
            return

    def study(self, item: Item) -> None:
        while True:
            answer = self.ask(item)
            if answer.action == "skip":
                self.console.print("skipped")
                return
            if answer.action == "undo":
                if not self.session.history:
                    self.console.print("nothing to undo")
                    continue
                undone = self.session.history[-1].before.entry.id
                # The card on screen comes back right after the undone one.
                again = item if undone != item.entry.id else None
                try:
                    self.session.undo(requeue=again)
                except StoreError as exc:
                    self.console.print(str(exc), markup=False, style="yellow")
                    continue
                self.redo.add(undone)
                self.console.print("[yellow]undone[/]: the last answer was taken back")
                return
            if self.grade(item, answer):
                return

    def ask(self, item: Item) -> Answer:
        question = item.question
        kind = card_kind(question, self.mode)
        options = choice_options(question, self.rng) if kind == "choice" else []
        counts = self.session.queue.counts()
        self.console.print(self.screen.card(item, kind, options, counts))
        start = time.monotonic()
        while True:
            if kind == "typed":
                given = self.read_typed().strip()
                key = given if given in ("s", "u", "q", "?") else ""
                if not given:
                    continue
            else:
                key = self.keys.key()
            if key == "q":
                raise Quit
            if key in ("s", "u"):
                return Answer("skip" if key == "s" else "undo")
            if key == "?":
                self.console.print(self.screen.help())
                continue
            ms = int((time.monotonic() - start) * 1000)
            if kind == "typed":
                check = check_answer(given, question.shown_answer,
                                     question.shown_alternatives)
                return Answer("answered", given, check.correct, check, ms)
            if kind == "flip" and key in ("enter", " "):
                return Answer("answered", None, None, None, ms)
            if kind == "choice" and key.isdigit() and 1 <= int(key) <= len(options):
                chosen = options[int(key) - 1]
                right = choice_correct(question, chosen)
                return Answer("answered", chosen, right, Check(right, False, 100.0 * right), ms)

    def read_typed(self) -> str:
        """A typed answer. In visual mode we echo it ourselves, reshaped and reordered as
        the screen is: the terminal's own echo showed it reversed and unjoined."""
        if self.screen.rtl != "visual":
            self.console.print("› ", end="")
            return self.keys.line()
        from studykit.review.rtl import visual_line

        out = self.console.file

        def show(text: str) -> None:
            out.write("\r\x1b[2K› " + visual_line(text)[0])
            out.flush()

        try:
            return self.keys.edit_line(show)
        finally:
            out.write("\n")
            out.flush()

    def grade(self, item: Item, answer: Answer) -> bool:
        """Show the verdict and save the rating; False means "ask this card again"."""
        note = ""
        if answer.correct and item.entry.id in self.revealed:
            note = "الإجابة ظهرت قبل التراجع، فلا تُحتسب صحيحة"  # shown before the undo
            answer = Answer("answered", answer.given, False, Check(False, False, 0.0),
                            answer.duration_ms)
        elif answer.correct is False:
            self.revealed.add(item.entry.id)
        if answer.check and answer.check.more_precise:
            note = (f"مقبولة: المقال يذكر «{answer.check.matched}» فقط، فلا يمكن التحقق من "
                    "التفاصيل الإضافية")
        if answer.check and answer.check.near_miss:
            note = f"قريبة من الصواب: قُبلت على أنها «{answer.check.matched}»، انتبه للإملاء"
        self.console.print(self.screen.verdict(item, answer.correct, answer.given, note))
        info = self.session.card_info(item)
        if answer.check is None:
            suggested = Rating.GOOD
        else:
            suggested = suggest_rating(answer.check, answer.duration_ms, info)
        now = self.session.clock.now()
        previews = {r: self.session.preview(item, r) for r in Rating}
        self.console.print(self.screen.rating(suggested, previews, now))
        quitting = False
        while True:
            try:
                key = self.keys.key()
            except (KeyboardInterrupt, EOFError):
                key = "q"
            if key == "u":
                return False
            if key == "?":
                self.console.print(self.screen.help())
                continue
            if key in ("enter", "q") or (key.isdigit() and 1 <= int(key) <= 4):
                quitting = key == "q"
                break
        rating = Rating(int(key)) if key.isdigit() else suggested
        correct = answer.correct if answer.correct is not None else rating > Rating.AGAIN
        at = self.session.clock.now()
        outcome = self.session.answer(item, rating, duration_ms=answer.duration_ms,
                                      given=answer.given, correct=correct)
        # Relative to the moment of the review, as the preview was, both in whole milliseconds
        # as stored: measured a moment later it read «Hard (in 6 min)» then «next in 5 min».
        due = describe_due(from_ms(outcome.after.due_ms), from_ms(to_ms(at)))
        # `#N` is the review log's row (undo rows count there too); say what this session
        # holds, so «saved #15» after twelve answers does not read as a miscount.
        count = len(self.session.history)
        saved = "cram, not saved" if outcome.review_id is None else (
            f"saved #{outcome.review_id} (log entry; {count} answer{'s' * (count != 1)} kept "
            "this session)")
        self.console.print(f"[green]{saved}[/] · {RATING_NAMES[rating]} · next {due}")
        if quitting:
            raise Quit
        return True
