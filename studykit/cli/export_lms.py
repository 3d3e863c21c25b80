"""`studykit export moodle|gift|csv`: files a school's learning platform imports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from studykit.cli.export import (
    bank_argument,
    export,
    include_drafts,
    load_for_export,
    output_suffix,
    resolve_bank,
    write_text_output,
)

if TYPE_CHECKING:
    from pathlib import Path

Decorator = Callable[[Callable[..., None]], Callable[..., None]]


def output_option(what: str, *suffixes: str) -> Decorator:
    return click.option("-o", "--output", default="-", show_default=True,
                        callback=output_suffix(what, *suffixes),
                        help=f"File to write ({' or '.join(suffixes)}), or - for standard "
                             "output.")


@export.command("moodle")
@bank_argument
@output_option("Moodle XML", ".xml")
@include_drafts
def export_moodle(bank: Path | None, output: str, include_drafts: bool) -> None:
    """Write Moodle XML (multichoice, shortanswer, truefalse, cloze, matching)."""
    from studykit.exporters.moodle import dumps_moodle

    loaded = load_for_export(resolve_bank(bank), include_drafts)
    text = dumps_moodle(loaded, include_drafts=include_drafts)
    write_text_output(output, text)


@export.command("gift")
@bank_argument
@output_option("GIFT", ".gift", ".txt")
@include_drafts
def export_gift(bank: Path | None, output: str, include_drafts: bool) -> None:
    """Write GIFT text (Moodle's plain-text format), special characters escaped."""
    from studykit.exporters.gift import dumps_gift

    loaded = load_for_export(resolve_bank(bank), include_drafts)
    text = dumps_gift(loaded, include_drafts=include_drafts)
    write_text_output(output, text)


@export.command("csv")
@bank_argument
@output_option("CSV", ".csv", ".tsv", ".txt")
@include_drafts
@click.option("--tsv", is_flag=True,
              help="Tab-separated (the default when the output file ends in .tsv).")
@click.option("--header", is_flag=True, help="Write a header row (question,answer,...).")
def export_csv(bank: Path | None, output: str, include_drafts: bool, tsv: bool,
               header: bool) -> None:
    """Write CSV for Quizlet or Anki text import: question, answer, options, type, id, tags."""
    from studykit.exporters.tabular import dumps_table

    delimiter = "\t" if tsv or output.lower().endswith(".tsv") else ","
    loaded = load_for_export(resolve_bank(bank), include_drafts)
    text = dumps_table(loaded, include_drafts=include_drafts,
                       delimiter=delimiter, header=header)
    write_text_output(output, text)
