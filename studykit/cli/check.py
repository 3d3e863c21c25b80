"""`studykit check BANK [--include-drafts]`: print each quality violation, exit 1 if any."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH, main
from studykit.errors import CheckError

if TYPE_CHECKING:
    from pathlib import Path


@main.command()
@click.argument("bank", type=PATH)
@click.option("--include-drafts", is_flag=True, help="Check draft questions too.")
def check(bank: Path, include_drafts: bool) -> None:
    """Check BANK against the quality rules (approved questions, plus drafts if asked).

    Prints one line per violation (question id, rule, message) and exits 1 if there is any.
    """
    from studykit.bank import load_bank
    from studykit.check import check_bank
    from studykit.sourcefiles import find_articles

    loaded = load_bank(bank)
    articles, notes = find_articles(loaded, bank)
    for note in notes:
        click.echo(f"Warning: {note}", err=True)
    violations = check_bank(loaded, include_drafts=include_drafts, articles=articles)
    checked = len(loaded.selected(include_drafts))
    for violation in violations:
        click.echo(str(violation))
    if violations:
        ids = {v.question_id for v in violations}
        raise CheckError(f"{bank}: {len(violations)} violation(s) in {len(ids)} of {checked} "
                         "questions")
    what = "approved and draft" if include_drafts else "approved"
    plural = "question passes" if checked == 1 else "questions pass"
    click.echo(f"OK: {checked} {what} {plural} every check ({bank}).")
