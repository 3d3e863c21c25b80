"""`studykit export qti|kahoot`: files for Canvas/Blackboard/D2L and for classroom quiz games."""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.export import bank_argument, export, include_drafts, load_for_export, resolve_bank


@export.command("qti")
@bank_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
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
