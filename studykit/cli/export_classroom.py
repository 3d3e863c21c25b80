"""`studykit export qti|kahoot`: files for Canvas/Blackboard/D2L and for classroom quiz games."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH
from studykit.cli.export import bank_argument, export, include_drafts, load_for_export, resolve_bank

if TYPE_CHECKING:
    from pathlib import Path


@export.command("qti")
@bank_argument
@click.option("-o", "--output", type=PATH, required=True,
              help="The .zip file to write (an IMS QTI 1.2 content package).")
@include_drafts
def export_qti(bank: Path | None, output: Path, include_drafts: bool) -> None:
    """Write an IMS QTI 1.2 package (.zip) for Canvas, Blackboard or D2L quiz import.

    Multiple choice, true/false, short answer (every spelling the quiz accepts), cloze as
    fill-in-the-blank, and matching (timelines as event-to-date matching).
    """
    from studykit.exporters.qtipackage import write_qti

    loaded = load_for_export(resolve_bank(bank), include_drafts)
    count = write_qti(loaded, output, include_drafts=include_drafts)
    click.echo(f"Wrote {output} ({count} questions)", err=True)


@export.command("kahoot")
@bank_argument
@click.option("-o", "--output", type=PATH, required=True,
              help="The .xlsx file to write (Kahoot's quiz import template).")
@include_drafts
@click.option("--time-limit", type=click.Choice(["5", "10", "20", "30", "60", "90", "120",
                                                 "240"]),
              default="20", show_default=True, help="Seconds to answer each question.")
@click.option("-v", "--verbose", is_flag=True, help="List each skipped question and why.")
def export_kahoot(bank: Path | None, output: Path, include_drafts: bool, time_limit: str,
                  verbose: bool) -> None:
    """Write a Kahoot quiz spreadsheet (.xlsx) from the multiple-choice and true/false questions.

    Kahoot takes questions of at most 120 characters and answers of at most 75: longer ones
    are skipped (never cut), counted by reason; --verbose names them.
    """
    from collections import Counter

    from studykit.exporters.kahoot import write_kahoot

    loaded = load_for_export(resolve_bank(bank), include_drafts)
    sheet = write_kahoot(loaded, output, include_drafts=include_drafts,
                         time_limit=int(time_limit))
    if verbose:
        for skip in sheet.skipped:
            click.echo(f"Skipped {skip.id}: {skip}", err=True)
    click.echo(f"Wrote {output} ({len(sheet.rows)} questions, {len(sheet.skipped)} skipped)",
               err=True)
    reasons = Counter(skip.reason for skip in sheet.skipped)
    for reason, count in reasons.most_common():
        click.echo(f"  {count} skipped: {reason}", err=True)
