"""`studykit build`."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH, main

if TYPE_CHECKING:
    from pathlib import Path


def parse_published(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: YYYY-MM-DD or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@main.command()
@click.argument("articles", nargs=-1, required=True, type=PATH)
@click.option("-o", "--output", type=PATH, default=None,
              help="Bank file to write or merge into "
                   "(default: bank.yaml beside the first article).")
@click.option("--published", callback=parse_published, metavar="YYYY-MM-DD",
              help="Publication date for resolving relative dates (overrides front matter).")
@click.option("--title", default=None, help="Bank title (default: the first article's title).")
def build(articles: tuple[Path, ...], output: Path | None, published: date | None,
          title: str | None) -> None:
    """Build a question bank from ARTICLES, merging into an existing bank file.

    Review decisions and hand edits in an existing bank are kept; new questions arrive as
    drafts; questions whose facts vanished are marked orphaned. Questions the generator is
    unsure of are held back (status held: never exported or quizzed); list and review them
    with `studykit review BANK --status held`.
    """
    from studykit.pipeline import build_bank_file, build_steps

    banks = [a for a in articles if a.suffix.lower() in (".yaml", ".yml")]
    if banks:
        # The hint fits a forgotten -o: an article first, the bank to write after it.
        forgot_o = output is None and len(banks) == 1 and articles[-1] == banks[0] and len(
            articles) > 1
        hint = f"; did you mean -o {banks[-1]}?" if forgot_o else ""
        raise click.UsageError(f"{banks[-1]} is a question bank, not an article{hint}")
    target = output or articles[0].parent / "bank.yaml"
    paths = list(articles)
    if not sys.stderr.isatty():
        report = build_bank_file(paths, target, published=published, title=title)
    else:
        from rich.console import Console
        from rich.progress import Progress

        # Transient: a one-article build finishes before the bar is worth keeping on screen.
        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("building", total=build_steps(paths))

            def step(label: str) -> None:
                bar.update(task, description=label, advance=1)

            report = build_bank_file(paths, target, published=published, title=title,
                                     progress=step)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(report.summary())
