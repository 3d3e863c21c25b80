"""`studykit handout`: printable quizzes in shuffled versions with answer keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from studykit.cli.app import main
from studykit.cli.export import bank_argument, include_drafts, resolve_bank

if TYPE_CHECKING:  # pydantic models stay out of `studykit --help`'s import time
    from studykit.models import QuestionType

TYPE_NAMES = ("cloze", "mcq", "short_answer", "true_false", "timeline", "matching")


def parse_types(ctx: click.Context, param: click.Parameter,
                value: str | None) -> tuple[QuestionType, ...]:
    """`mcq,cloze` → question types; an unknown name is a usage error (exit 2)."""
    from studykit.models import QuestionType

    if not value:
        return ()
    names = [name.strip().replace("-", "_") for name in value.split(",") if name.strip()]
    known = set(TYPE_NAMES)
    bad = [name for name in names if name not in known]
    if bad:
        raise click.BadParameter(f"unknown type {bad[0]!r} (use {', '.join(sorted(known))})")
    return tuple(QuestionType(name) for name in names)


@main.command()
@bank_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="FILE.pdf, FILE.html, FILE.md or FILE.docx.")
@click.option("--versions", default=1, show_default=True, type=click.IntRange(1, 26),
              help="Number of shuffled versions (A, B, C...).")
@click.option("--seed", default=0, show_default=True, type=int,
              help="Seed for the shuffles: the same seed gives the same handout.")
@click.option("--count", type=click.IntRange(min=1), default=None,
              help="Print only N questions (chosen from the seed).")
@click.option("--types", callback=parse_types, metavar="TYPE,...",
              help="Only these question types: " + ", ".join(TYPE_NAMES))
@click.option("--with-text", is_flag=True,
              help="Print the source sentences the questions use before the questions.")
@click.option("--title", default=None, help="Handout title (default: the bank title).")
@click.option("--key", "key_mode", type=click.Choice(["separate", "appended", "none"]),
              default="appended", show_default=True,
              help="Answer keys after each version, in FILE-key.EXT beside FILE, or none.")
@click.option("--siblings", is_flag=True,
              help="Print every question, even several on one sentence or fact (by default "
                   "one is kept, chosen from the seed, so no question gives another away).")
@include_drafts
def handout(bank: Path | None, output: Path, versions: int, seed: int, count: int | None,
            types: tuple[QuestionType, ...], with_text: bool, title: str | None,
            key_mode: str, siblings: bool, include_drafts: bool) -> None:
    """Print a quiz handout from BANK as PDF, HTML, Markdown or Word, with answer keys."""
    from datetime import UTC, datetime

    from studykit.bank import load_bank
    from studykit.exporters.handout import HandoutOptions, KeyMode, write_handout

    loaded = load_bank(resolve_bank(bank))
    options = HandoutOptions(versions=versions, seed=seed, count=count, types=types,
                             with_text=with_text, title=title or loaded.title,
                             key=KeyMode(key_mode), created=datetime.now(UTC),
                             siblings=siblings)
    layout, written = write_handout(loaded.selected(include_drafts), output, options)
    count_q = len(layout.versions[0].items)
    for path in written:
        click.echo(f"Wrote {path} ({len(layout.versions)} version(s), {count_q} questions)",
                   err=True)
    pool = [q for q in loaded.selected(include_drafts) if not types or q.type in types]
    if not siblings and count_q < min(count or len(pool), len(pool)):
        click.echo(f"Note: {len(pool)} questions match, but several share a clause or a fact "
                   "and would give each other away, so one of each is printed; --siblings "
                   "prints them all.", err=True)
