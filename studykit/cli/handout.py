"""`studykit handout`: printable quizzes in shuffled versions with answer keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH, main
from studykit.cli.export import bank_argument, include_drafts, resolve_bank

if TYPE_CHECKING:
    from pathlib import Path

    # pydantic models stay out of `studykit --help`'s import time
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


# Short names teachers type for --mix (`short=3`, `tf=5`).
_ALIASES = {"short": "short_answer", "tf": "true_false", "choice": "mcq"}


def parse_mix(ctx: click.Context, param: click.Parameter,
              value: str | None) -> tuple[tuple[QuestionType, int], ...]:
    """`mcq=5,true_false=5,short=3` → ((mcq, 5), ...); a bad item is a usage error."""
    from studykit.models import QuestionType

    if not value:
        return ()
    mix: dict[QuestionType, int] = {}
    for item in (part.strip() for part in value.split(",") if part.strip()):
        name, _, number = item.partition("=")
        name = _ALIASES.get(name.strip(), name.strip().replace("-", "_"))
        if name not in TYPE_NAMES or not number.strip().isdigit() or int(number) < 1:
            raise click.BadParameter(f"{item!r}: use TYPE=N with TYPE one of "
                                     f"{', '.join(TYPE_NAMES)} (or short, tf)")
        mix[QuestionType(name)] = int(number)
    return tuple(mix.items())


def parse_marks(ctx: click.Context, param: click.Parameter,
                value: str | None) -> tuple[tuple[QuestionType, int], ...]:
    """`2` (every question) or `mcq=1,short=2` (per type, others 1) → marks per type."""
    from studykit.models import QuestionType

    if value and value.strip().isdigit() and int(value) >= 1:
        return tuple((QuestionType(name), int(value)) for name in TYPE_NAMES)
    return parse_mix(ctx, param, value)


@main.command()
@bank_argument
@click.option("-o", "--output", type=PATH, required=True,
              help="FILE.pdf, FILE.html, FILE.md or FILE.docx.")
@click.option("--versions", default=1, show_default=True, type=click.IntRange(1, 26),
              help="Number of shuffled versions (أ، ب، ج...).")
@click.option("--labels", type=click.Choice(["arabic", "latin"]), default="arabic",
              show_default=True, help="Version names: أ ب ج... or A B C...")
@click.option("--mix", callback=parse_mix, metavar="TYPE=N,...",
              help="So many questions of each type, e.g. mcq=5,true_false=5,short=3.")
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
@click.option("--marks", callback=parse_marks, metavar="N|TYPE=N,...",
              help="Marks per question (all, or per type: mcq=1,short=2); section headings "
                   "then say what each section is worth.")
@click.option("--school", default="", help="School name printed above the title.")
@click.option("--instructions", default="", help="General instructions under the header.")
@click.option("--answer-sheet", is_flag=True,
              help="Add a bubble answer sheet per version for multiple-choice and true/false.")
@click.option("--siblings", is_flag=True,
              help="Print every question, even several on one sentence or fact (by default "
                   "one is kept, chosen from the seed, so no question gives another away).")
@include_drafts
def handout(bank: Path | None, output: Path, versions: int, labels: str,
            mix: tuple[tuple[QuestionType, int], ...], seed: int, count: int | None,
            types: tuple[QuestionType, ...], with_text: bool, title: str | None,
            key_mode: str, marks: tuple[tuple[QuestionType, int], ...], school: str,
            instructions: str, answer_sheet: bool, siblings: bool,
            include_drafts: bool) -> None:
    """Print a quiz handout from BANK as PDF, HTML, Markdown or Word, with answer keys."""
    from datetime import UTC, datetime

    from studykit.bank import load_bank
    from studykit.exporters.handout import HandoutOptions, KeyMode, write_handout

    loaded = load_bank(resolve_bank(bank))
    options = HandoutOptions(versions=versions, seed=seed, count=count, types=types,
                             with_text=with_text, title=title or loaded.title,
                             key=KeyMode(key_mode), created=datetime.now(UTC),
                             siblings=siblings, arabic_labels=labels == "arabic", mix=mix,
                             answer_sheet=answer_sheet, marks=marks, school=school,
                             instructions=instructions)
    layout, written = write_handout(loaded.selected(include_drafts), output, options)
    count_q = len(layout.versions[0].items)
    for path in written:
        click.echo(f"Wrote {path} ({len(layout.versions)} version(s), {count_q} questions)",
                   err=True)
    from studykit.exporters.handout.compare import differences

    for line in differences(layout):
        click.echo(line, err=True)
    pool = [q for q in loaded.selected(include_drafts) if not types or q.type in types]
    if not siblings and not mix and count_q < min(count or len(pool), len(pool)):
        click.echo(f"Note: {len(pool)} questions match, but several share a clause or a fact "
                   "and would give each other away, so one of each is printed; --siblings "
                   "prints them all.", err=True)
