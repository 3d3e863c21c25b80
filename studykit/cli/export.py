"""`studykit export FORMAT BANK -o FILE`: one subcommand per format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from studykit.cli.app import PATH, main

if TYPE_CHECKING:  # pathlib and the pydantic models: imported when a command runs
    from pathlib import Path

    from studykit.models import Bank

include_drafts = click.option("--include-drafts", is_flag=True,
                              help="Also export draft questions (default: approved only).")


bank_argument = click.argument("bank", required=False, type=PATH)
"""BANK argument: a bank file; omitted → the bundled default deck."""


def output_suffix(what: str, *suffixes: str) -> Callable[[click.Context, click.Parameter, Any],
                                                         Any]:
    """Click callback: the output file must end in one of `suffixes` (`-` is stdout). A deck
    written to `deck.zip`, or Moodle XML to `m.apkg`, is a file no program opens."""
    def check(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        from pathlib import Path

        path = Path(str(value))
        # A directory gets its own one-line error from the writer; a device or pipe
        # (`/dev/stdout`, a FIFO) has no extension to check.
        if value is None or str(value) == "-" or path.suffix.lower() in suffixes or path.is_dir():
            return value
        if path.exists() and not path.is_file():
            return value
        raise click.BadParameter(f"{str(value)!r}: {what} is written to a "
                                 f"{' or '.join(suffixes)} file")
    return check


def resolve_bank(bank: Path | None) -> Path:
    from studykit.defaults import default_bank_path

    return bank if bank is not None else default_bank_path()


def load_for_export(bank: Path, include_drafts: bool) -> Bank:
    """The bank, after a warning for each selected question the exporters will skip."""
    from studykit.bank import load_bank
    from studykit.exporters.valid import export_warnings

    loaded = load_bank(bank)
    for warning in export_warnings(loaded, include_drafts):
        click.echo(f"Warning: {warning}", err=True)
    return loaded


@main.group()
def export() -> None:
    """Export a bank to Anki, JSON, Moodle XML, QTI, GIFT, CSV or a Kahoot sheet."""


@export.command("anki")
@bank_argument
@click.option("-o", "--output", type=PATH, required=True,
              callback=output_suffix("an Anki package", ".apkg"),
              help="The .apkg file to write.")
@include_drafts
@click.option("--timestamp", type=float, envvar="SOURCE_DATE_EPOCH", default=None,
              help="Note modification time in Unix seconds (default: the bank file's mtime). "
                   "Anki updates notes on re-import only when this is newer.")
@click.option("--typed", is_flag=True,
              help="Short-answer and cloze questions as type-the-answer cards, with the "
                   "other accepted answers on the back.")
def export_anki(bank: Path | None, output: Path, include_drafts: bool,
                timestamp: float | None, typed: bool) -> None:
    """Write an Anki package (.apkg) with right-to-left cards.

    Cloze, multiple-choice, short-answer and true/false questions become notes; timeline and
    matching questions are handout-only. With --typed, short answers and clozes are typed
    in (Anki compares the typing character by character; the back lists the other answers the
    quiz would accept).
    """
    from studykit.exporters.anki import write_apkg

    path = resolve_bank(bank)
    loaded = load_for_export(path, include_drafts)
    stamp = timestamp if timestamp is not None else path.stat().st_mtime
    count = write_apkg(loaded, output, include_drafts=include_drafts, timestamp=stamp,
                       typed=typed)
    click.echo(f"Wrote {output} ({count} notes)", err=True)


@export.command("json")
@bank_argument
@click.option("-o", "--output", default="-", show_default=True,
              callback=output_suffix("JSON", ".json"),
              help="File to write, or - for standard output.")
@include_drafts
def export_json(bank: Path | None, output: str, include_drafts: bool) -> None:
    """Write the bank's questions as JSON (the contract in DESIGN.md)."""
    from studykit.exporters.jsonout import dumps_json

    text = dumps_json(load_for_export(resolve_bank(bank), include_drafts),
                      include_drafts=include_drafts)
    write_text_output(output, text)


def write_text_output(output: str, text: str) -> None:
    """`-` → stdout, anything else → an atomic file write."""
    if output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from studykit.fsutil import atomic_write

    atomic_write(output, text)
    click.echo(f"Wrote {output}", err=True)
