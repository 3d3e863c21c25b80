"""`studykit quiz` and `studykit stats`: FSRS spaced repetition in the terminal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH, main

if TYPE_CHECKING:
    from pathlib import Path

_RTL_HELP = ("How to draw Arabic: logical (default) for terminals that do bidi themselves "
             "(GNOME Terminal, Konsole); visual for those that do not (tmux, xterm): if the "
             "letters come out unjoined and left-to-right, use visual.")


def parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    """Click callback: an ISO date-time (UTC when no zone is given) or a usage error."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date-time (2026-01-31T09:00)") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _banks(banks: tuple[Path, ...]) -> list[Path]:
    from studykit.defaults import default_bank_path

    return list(banks) or [default_bank_path()]


@main.command()
@click.argument("banks", nargs=-1, type=PATH)
@click.option("--db", type=PATH, default=None,
              help="Review database (default: $STUDYKIT_DB, else the user data dir).")
@click.option("--new", "new_per_day", type=click.IntRange(min=0), default=20, show_default=True,
              help="New cards a day.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many cards this session.")
@click.option("--mode", type=click.Choice(["auto", "mcq", "typed", "flip"]), default="auto",
              show_default=True,
              help="How to ask: auto by question type; mcq = choices wherever the question has "
                   "options; typed = type every answer; flip = reveal and grade yourself.")
@click.option("--cram", is_flag=True, help="Study every card now without changing the schedule.")
@click.option("--tag", "tags", multiple=True, help="Only questions with this tag (repeatable).")
@click.option("--rtl", type=click.Choice(["logical", "visual"]), default=None,
              help=_RTL_HELP + " Without --rtl, tmux and xterm get a hint.")
@click.option("--now", callback=parse_now, metavar="ISO-DATETIME",
              help="Pretend it is this time (UTC unless a zone is given); for tests and demos.")
@click.option("--include-drafts", is_flag=True, help="Also study draft questions.")
def quiz(banks: tuple[Path, ...], db: Path | None, new_per_day: int, limit: int | None,
         mode: str, cram: bool, tags: tuple[str, ...], rtl: str | None, now: datetime | None,
         include_drafts: bool) -> None:
    """Study BANKS (default: the bundled deck) with FSRS spaced repetition.

    Keys: 1-4 answer or rate, Enter accept the suggested rating, s skip, u undo, ? help,
    q quit (Ctrl-C too). Every review is saved as soon as it is rated.
    """
    import os
    import sys

    from studykit.review.rtl import bidi_hint
    from studykit.review.run import run_quiz, store_path

    # Only for a person at a terminal: a scripted run keeps stderr to its one error line.
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    hint = bidi_hint(dict(os.environ)) if rtl is None and interactive else None
    if hint:
        click.echo(hint, err=True)
    rtl = rtl or "logical"
    run_quiz(_banks(banks), store_path(db), now=now or datetime.now(UTC),
             new_per_day=new_per_day, limit=limit, mode=mode, cram=cram, tags=tags, rtl=rtl,
             include_drafts=include_drafts)


@main.command()
@click.argument("bank", required=False, type=PATH)
@click.option("--db", type=PATH, default=None,
              help="Review database (default: $STUDYKIT_DB, else the user data dir).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--now", callback=parse_now, metavar="ISO-DATETIME",
              help="Compute as of this time (UTC unless a zone is given).")
@click.option("--include-drafts", is_flag=True, help="Count draft questions too.")
@click.option("--rtl", type=click.Choice(["logical", "visual"]), default="logical",
              show_default=True, help=_RTL_HELP)
def stats(bank: Path | None, db: Path | None, as_json: bool, now: datetime | None,
          include_drafts: bool, rtl: str) -> None:
    """Card states, due forecast, retention, streak and hardest questions of BANK."""
    import json
    from pathlib import Path

    from studykit.review.run import load_questions, store_path
    from studykit.review.stats import compute_stats, render_stats
    from studykit.review.store import ReviewStore

    questions, title = load_questions(_banks((bank,) if bank else ()), include_drafts)
    path = store_path(db)
    # Nothing studied yet: report from an empty in-memory store rather than create the file.
    with ReviewStore(path if path.exists() else Path(":memory:")) as store:
        figures = compute_stats(questions, store, now or datetime.now(UTC))
    if as_json:
        click.echo(json.dumps(figures.to_json(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False)
    console.print(render_stats(figures, title, min(console.width, 100), rtl))
