"""Quiz screens as rich renderables: the card, the verdict with its source sentence, the rating
choice, help and the session summary. Arabic is right-aligned; see rtl.py for the two modes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from studykit.review.queue import Item
from studykit.review.rtl import render
from studykit.review.scheduler import Rating
from studykit.review.session import Summary, describe_due
from studykit.textsafe import displayable, displayable_span

if TYPE_CHECKING:
    from rich.console import RenderableType

    from studykit.models import Question

RATING_NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good",
                Rating.EASY: "Easy"}
HELP = (
    "Keys\n"
    "  1-4      choose an option (multiple choice) / override the suggested rating\n"
    "  Enter    accept the suggested rating and go on\n"
    "  s        skip this card for now          u   undo the last answer (after a verdict:\n"
    "                                               answer this card again)\n"
    "  ?        this help                      q   quit and save (Ctrl-C too)\n"
    "Typed answers: type the answer and press Enter; a line with only s, u, q or ? is that key.\n"
    "Flip cards: Enter shows the answer, then grade yourself 1-4."
)


# A card's title says what to do with it. The deck title (an article headline, often itself a
# question) sat above every card and was read as the question to answer.
_TASKS = {"cloze": "أكمل الفراغ", "mcq": "اختر الإجابة الصحيحة", "short_answer": "أجب باختصار",
          "true_false": "صح أم خطأ", "timeline": "رتّب الأحداث زمنيًا",
          "matching": "صِل كل عنصر بما يناسبه"}


def card_title(q: Question, kind: str) -> str:
    """The instruction for this card as it is asked (a cloze asked as a choice: pick)."""
    if kind == "choice" and q.type.value == "cloze":
        return "اختر ما يملأ الفراغ"
    if kind == "typed" and q.type.value == "mcq":
        return "اكتب الإجابة"
    return _TASKS[q.type.value]


def shown_answer(q: Question) -> str:
    """The answer, and for a relative date the date it means (`شهر أغسطس الماضي (أغسطس
    2022)`): a student who typed the year needs to see which one was meant."""
    from studykit.review.answerdates import resolved_form

    resolved = resolved_form(q.shown_answer, q.shown_alternatives)
    return f"{q.shown_answer} ({resolved})" if resolved else q.shown_answer


class Screen:
    """Builds the panels for one terminal width and RTL mode."""

    def __init__(self, width: int, rtl: str) -> None:
        self.width = width
        self.rtl = rtl

    @property
    def inner(self) -> int:
        return max(20, self.width - 4)

    def text(self, text: str, style: str = "", highlight: tuple[int, int] | None = None
             ) -> RenderableType:
        # Bank text is untrusted: control characters (`ESC]0;...BEL`) never reach the terminal.
        if highlight is not None:
            highlight = displayable_span(text, highlight)
        return render(displayable(text), self.inner, self.rtl, highlight=highlight, style=style)

    def inline(self, text: str) -> str:
        """A one-line string (panel title) in display order for the RTL mode."""
        text = displayable(text)
        if self.rtl != "visual":
            return text
        from studykit.review.rtl import visual_line

        return visual_line(text)[0]

    def card(self, item: Item, kind: str, options: list[str], counts: dict[str, int]
             ) -> RenderableType:
        from rich.console import Group
        from rich.panel import Panel

        q = item.question
        parts: list[RenderableType] = [self.text(q.shown_prompt, style="bold")]
        if kind == "flip" and q.shown_pairs:
            parts += self.pair_items(q)
        if kind == "choice":
            parts.append(self.text(""))
            parts += [self.text(f"{n}. {option}") for n, option in enumerate(options, 1)]
        status = (f"due {counts['due']} · new {counts['new']} · learning {counts['learning']}"
                  f" · {item.question.type.value} · {item.state.name.lower()}")
        hint = {"choice": f"press 1-{len(options)}", "typed": "type the answer, Enter",
                "flip": "Enter to show the answer"}[kind]
        from rich.text import Text

        # A Text, not a str: rich markup must not be read in Arabic text ("[...]").
        return Panel(Group(*parts), title=Text(self.inline(card_title(q, kind))),
                     subtitle=f"{status} · {hint} · ? help", width=self.width)

    def pair_items(self, q: Question) -> list[RenderableType]:
        """A timeline's events or a matching question's two columns, in a seeded order that
        is never the answer's (the prompt holds only the instruction)."""
        from studykit.models import QuestionType
        from studykit.ordering import scrambled

        pairs = q.shown_pairs
        if q.type == QuestionType.TIMELINE:
            return [self.text(f"- {e}") for e in scrambled([p.left for p in pairs], q.id)]
        rights = scrambled([p.right for p in pairs], q.id)
        return [*(self.text(f"- {p.left}") for p in pairs), self.text(""),
                *(self.text(f"{n}. {r}") for n, r in enumerate(rights, 1))]

    def verdict(self, item: Item, correct: bool | None, given: str | None, note: str = ""
                ) -> RenderableType:
        from rich.console import Group
        from rich.panel import Panel

        q = item.question
        head = ("[bold green]✓ right[/]" if correct else "[bold red]✗ wrong[/]"
                if correct is not None else "[bold]answer[/]")
        parts: list[RenderableType] = []
        if given:
            parts.append(self.text(f"إجابتك: {given}"))
        if q.shown_pairs:
            parts.append(self.text("الإجابة:", style="bold"))
            parts += [self.text(f"{p.left} — {p.right}", style="bold") for p in q.shown_pairs]
        else:
            parts.append(self.text(f"الإجابة: {shown_answer(q)}", style="bold"))
        if note:
            parts.append(self.text(note, style="italic"))
        if q.source.sentence:
            parts.append(self.text(""))
            parts.append(self.text(q.source.sentence, style="dim", highlight=q.shown_span))
        return Panel(Group(*parts), title=head, width=self.width)

    def rating(self, suggested: Rating, previews: dict[Rating, datetime], now: datetime) -> str:
        keys = "  ".join(f"{int(r)} {RATING_NAMES[r]} ({describe_due(previews[r], now)})"
                         for r in Rating)
        return (f"Suggested: [bold]{RATING_NAMES[suggested]}[/] — Enter accepts · {keys}"
                " · u answer again")

    def help(self) -> RenderableType:
        from rich.panel import Panel

        return Panel(HELP, title="help", width=self.width)

    def summary(self, summary: Summary, now: datetime, cram: bool) -> RenderableType:
        from rich.panel import Panel

        minutes, seconds = divmod(int(summary.elapsed.total_seconds()), 60)
        due = "nothing studied yet"
        if summary.next_due is None and summary.unseen:
            due = (f"nothing scheduled yet; {summary.unseen} new "
                   f"{'card waits' if summary.unseen == 1 else 'cards wait'}")
        if summary.next_due is not None:
            # Shown in the machine's local time (stored and computed in UTC).
            local = summary.next_due.astimezone()
            due = f"{local:%Y-%m-%d %H:%M} {local:%Z} ({describe_due(summary.next_due, now)})"
        correct = (f"{summary.percent}% ({summary.correct}/{summary.reviewed})"
                   if summary.reviewed else "— (nothing answered)")
        lines = [
            f"reviewed: {summary.reviewed}",
            f"correct: {correct}",
            f"time: {minutes}:{seconds:02d}",
            f"next due: {due}",
        ]
        if cram:
            lines.append("cram session: the schedule was not changed")
        return Panel("\n".join(lines), title="session summary", width=self.width)
