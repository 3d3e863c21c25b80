"""Study statistics from the review store: card states, due counts and a 30-day forecast,
retention (actual vs FSRS-predicted), streak, hardest questions, cards no longer in the bank."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from studykit.arabic import normalize
from studykit.review.deck import Entry
from studykit.review.queue import day_start
from studykit.review.scheduler import (
    CardState,
    card_from_json,
    from_ms,
    make_scheduler,
    retrievability,
    to_ms,
)
from studykit.review.store import ReviewStore
from studykit.textsafe import displayable

if TYPE_CHECKING:
    from rich.console import RenderableType

FORECAST_DAYS = 30


@dataclass(frozen=True)
class Hard:
    """A question missed at least once: how often, and the last wrong answer typed."""

    question_id: str
    prompt: str
    lapses: int
    reps: int
    misses: int = 0
    last_wrong: str | None = None


@dataclass(frozen=True)
class Stats:
    now: str
    cards: int
    by_state: dict[str, int]
    due_today: int
    due_week: int
    forecast: list[int]
    reviews_30d: int
    retention_actual: float | None
    retention_predicted: float | None
    streak_days: int
    hardest: list[Hard]
    removed: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def compute_stats(entries: list[Entry], store: ReviewStore, now: datetime, *, hardest: int = 5
                  ) -> Stats:
    """Statistics for these questions at `now` (days are UTC days)."""
    by_id = {e.id: e for e in entries}
    banks = {e.bank_id for e in entries}
    stored = store.cards(banks)
    live = [row for row in stored.values() if row.question_id in by_id]
    by_state = {s.name.lower(): 0 for s in CardState}
    by_state["new"] = len(by_id) - len(live)
    for row in live:
        by_state[CardState(row.state).name.lower()] += 1
    today = day_start(now)
    day_ms = [to_ms(today + timedelta(days=d + 1)) for d in range(FORECAST_DAYS)]
    forecast = [0] * FORECAST_DAYS
    for row in live:
        for d, end in enumerate(day_ms):
            if row.due_ms < end:
                forecast[d] += 1
                break
    since = to_ms(today - timedelta(days=FORECAST_DAYS - 1))
    log = store.reviews(banks)
    recent = [r for r in log if r.reviewed_ms >= since]
    matured = [r for r in recent if r.state_before == CardState.REVIEW and r.card_before]
    actual = predicted = None
    if matured:
        scheduler = make_scheduler(fuzz=False)
        actual = sum(1 for r in matured if r.rating > 1) / len(matured)
        predicted = sum(retrievability(scheduler, card_from_json(r.card_before or ""),
                                       from_ms(r.reviewed_ms)) for r in matured) / len(matured)
    days = {day_start(from_ms(r.reviewed_ms)).date() for r in log}
    streak, day = 0, today.date()
    if day not in days:
        day -= timedelta(days=1)
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    # Misses come from the log: FSRS counts a lapse only once a card has graduated, so four
    # misses while learning left "hardest" empty.
    misses: dict[str, int] = {}
    last_wrong: dict[str, str | None] = {}
    for r in log:
        if r.question_id in by_id and (r.rating == 1 or r.correct is False):
            misses[r.question_id] = misses.get(r.question_id, 0) + 1
            # A retyped answer after an undo is marked wrong even when it is the key (it was
            # shown): it is no wrong answer to show the student as theirs.
            if r.answer is None or normalize(r.answer) != normalize(
                    by_id[r.question_id].question.shown_answer):
                last_wrong[r.question_id] = r.answer
    rows = {r.question_id: r for r in live}
    worst = sorted((q for q in misses if q in rows),
                   key=lambda q: (-misses[q], -rows[q].lapses, -rows[q].reps, q))[:hardest]
    return Stats(
        now=now.isoformat(), cards=len(by_id), by_state=by_state,
        due_today=sum(forecast[:1]), due_week=sum(forecast[:7]), forecast=forecast,
        reviews_30d=len(recent), retention_actual=actual, retention_predicted=predicted,
        streak_days=streak,
        hardest=[Hard(q, by_id[q].question.shown_prompt, rows[q].lapses, rows[q].reps,
                      misses[q], last_wrong.get(q)) for q in worst],
        removed=len(stored) - len(live))


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def bar_chart(values: list[int], height: int = 8, column: int = 2) -> list[str]:
    """Vertical bars, one column per value, in eighth blocks; the top line is the maximum."""
    top = max(values) or 1
    eighths = [max(1, round(v * height * 8 / top)) if v else 0 for v in values]
    lines = []
    for row in range(height, 0, -1):
        cells = []
        for e in eighths:
            fill = min(8, max(0, e - (row - 1) * 8))
            if not fill and row == 1 and e == 0:
                cells.append("·".ljust(column))
            else:
                cells.append((_BLOCKS[fill] * (column - 1)).ljust(column))
        label = f"{top:>4} ┤" if row == height else "     │"
        lines.append(label + "".join(cells).rstrip())
    return lines


_BLOCKS = " ▁▂▃▄▅▆▇█"


def render_stats(stats: Stats, title: str, width: int, rtl: str = "logical") -> RenderableType:
    """Tables and a 30-day forecast bar chart (today leftmost)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from studykit.review.rtl import render

    heading = render(displayable(title), width, rtl, style="bold")
    states = Table(title=f"{stats.cards} cards", show_header=True)
    for name in stats.by_state:
        states.add_column(name, justify="right")
    states.add_row(*(str(n) for n in stats.by_state.values()))
    summary = Table(show_header=False, box=None)
    summary.add_row("due today", str(stats.due_today))
    summary.add_row("due this week", str(stats.due_week))
    summary.add_row("reviews, last 30 days", str(stats.reviews_30d))
    summary.add_row("retention (actual / FSRS predicted)",
                    f"{_percent(stats.retention_actual)} / {_percent(stats.retention_predicted)}")
    summary.add_row("streak", f"{stats.streak_days} day{'' if stats.streak_days == 1 else 's'}")
    if stats.removed:
        summary.add_row("cards no longer in the bank (kept, not shown)", str(stats.removed))
    start = datetime.fromisoformat(stats.now)
    ticks = "".join(f"{start + timedelta(days=d):%d %b}".ljust(14) for d in range(0, 30, 7))
    chart = [*bar_chart(stats.forecast), "     └" + "─" * 60, "      " + ticks]
    parts: list[RenderableType] = [heading, states, summary,
                                   Text("due forecast, next 30 days (today first)"),
                                   Text("\n".join(chart), no_wrap=True)]
    if stats.hardest:
        hard = Table(title="hardest (most misses)")
        hard.add_column("missed", justify="right")
        hard.add_column("reviews", justify="right")
        hard.add_column("question", justify="right")
        hard.add_column("your last wrong answer", justify="right")
        for h in stats.hardest:
            hard.add_row(str(h.misses), str(h.reps), render(displayable(h.prompt), width - 50, rtl),
                         render(displayable(h.last_wrong or "—"), 22, rtl))
        parts.append(hard)
    return Group(*parts)
