"""`studykit build`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from studykit.cli.app import main


def parse_published(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: YYYY-MM-DD or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Bank file to write or merge into "
                   "(default: bank.yaml beside the first article).")
@click.option("--published", callback=parse_published, metavar="YYYY-MM-DD",
              help="Publication date for resolving relative dates (overrides front matter).")
@click.option("--title", default=None, help="Bank title (default: the first article's title).")
def build(articles: tuple[Path, ...], output: Path | None, published: date | None,
          title: str | None) -> None:
    """Build a question bank from ARTICLES, merging into an existing bank file.

    Review decisions and hand edits in an existing bank are kept; new questions arrive as
    drafts; questions whose facts vanished are marked orphaned.
    """
    from studykit.pipeline import build_bank_file

    target = output or articles[0].parent / "bank.yaml"
    report = build_bank_file(list(articles), target, published=published, title=title)
    click.echo(report.summary())
