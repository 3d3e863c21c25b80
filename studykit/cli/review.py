"""`studykit review BANK`: go through draft questions, approve / reject / edit / skip.

The bank is saved atomically after every decision, so quitting or a crash loses at most the
question on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from studykit.cli.app import main

if TYPE_CHECKING:  # pydantic models: imported when the command runs, not for `--help`
    from studykit.models import Edit, Question

_CHOICES = {"a": "approve", "r": "reject", "e": "edit", "s": "skip", "q": "quit"}
OPTION_SEP = " | "


def _say(label: str, text: str, rtl: str) -> None:
    """One labelled field; with `--rtl visual`, Arabic reshaped and reordered per line for
    terminals without bidi (the label stays on its own line, left-to-right). Control
    characters from the article (`ESC[2J`) are dropped: the terminal would obey them."""
    from studykit.textsafe import displayable

    text = displayable(text)
    if rtl != "visual":
        click.echo(f"  {label}{text}")
        return
    from studykit.review.rtl import has_arabic, visual_line, wrap

    if not has_arabic(text):
        click.echo(f"  {label}{text}")
        return
    import shutil

    width = max(30, shutil.get_terminal_size((80, 24)).columns - 4)
    if label.strip():
        click.echo(f"  {label.strip()}")
    for start, end in wrap(text, width):
        click.echo("  " + visual_line(text[start:end])[0].rjust(width))


def _show(q: Question, n: int, total: int, rtl: str = "logical") -> None:
    click.echo("")
    from studykit.textsafe import displayable

    click.echo(displayable(f"[{n}/{total}] {q.id}  {q.type.value} (template {q.template})"))
    _say("", q.shown_prompt, rtl)
    for i, option in enumerate(q.shown_options, 1):
        _say("  ", f"{i}. {option}", rtl)
    for pair in q.shown_pairs:
        _say("  - ", f"{pair.left} — {pair.right}", rtl)
    _say("answer: ", q.shown_answer, rtl)
    if q.alternatives:
        _say("also accepted: ", "، ".join(q.alternatives), rtl)
    _say(f"source ({q.source.source}): ", q.source.sentence, rtl)
    if q.edit and q.edit.note:
        _say("note: ", q.edit.note, rtl)


def _edit(q: Question) -> Edit:
    """Ask for each editable field; an empty reply keeps the current text."""
    from studykit.models import Edit, QuestionType

    old = q.edit or Edit()
    prompt = click.prompt("  prompt", default=q.shown_prompt, show_default=False).strip()
    answer = click.prompt("  answer", default=q.shown_answer, show_default=False).strip()
    options = q.shown_options
    if q.type == QuestionType.MCQ:
        raw = click.prompt(f"  options (separated by '{OPTION_SEP.strip()}')",
                           default=OPTION_SEP.join(options), show_default=False)
        options = tuple(o.strip() for o in raw.split(OPTION_SEP.strip()) if o.strip())
    note = click.prompt("  note", default=old.note or "", show_default=False).strip()
    return Edit(
        prompt=prompt if prompt != q.prompt else None,
        answer=answer if answer != q.answer else None,
        options=options if options != q.options else None,
        pairs=old.pairs,
        note=note or None,
    )


@main.command()
@click.argument("bank", type=click.Path(path_type=Path))
@click.option("--rtl", type=click.Choice(["logical", "visual"]), default="logical",
              show_default=True,
              help="visual: reshape and reorder Arabic for terminals without bidi (tmux, xterm).")
def review(bank: Path, rtl: str) -> None:
    """Review the draft questions of BANK one by one in the terminal.

    For each draft: [a]pprove, [r]eject (with an optional reason kept as the note), [e]dit
    (then approve), [s]kip or [q]uit. The bank is saved after every decision.
    """
    from studykit.bank import load_bank
    from studykit.bankwrite import record_decision
    from studykit.errors import BankError
    from studykit.models import Edit, Status

    current = load_bank(bank)
    drafts = [q for q in current.questions if q.status == Status.DRAFT]
    if not drafts:
        click.echo(f"No draft questions in {bank}.")
        return
    counts = {"approve": 0, "reject": 0, "edit": 0, "skip": 0}
    try:
        for n, question in enumerate(drafts, 1):
            _show(question, n, len(drafts), rtl)
            choice = click.prompt("  [a]pprove [r]eject [e]dit [s]kip [q]uit",
                                  type=click.Choice(list(_CHOICES)), show_choices=False)
            action = _CHOICES[choice]
            if action == "quit":
                break
            counts[action] += 1
            if action == "skip":
                continue
            if action == "edit":
                edited = _edit(question)
                # Enter on every field changes nothing: no empty `edit: {}` in the bank.
                status, edit = Status.APPROVED, None if edited == Edit() else edited
            elif action == "reject":
                reason = click.prompt("  reason (optional, Enter for none)", default="",
                                  show_default=False).strip()
                edit = (question.edit or Edit()).model_copy(update={"note": reason}) if reason \
                    else question.edit
                status = Status.REJECTED
            else:
                status, edit = Status.APPROVED, question.edit
            try:
                # Applied to the bank as it is on disk now: a build meanwhile is kept.
                record_decision(bank, question, status, edit)
            except BankError as exc:
                counts[action] -= 1
                click.echo(f"Warning: {exc}", err=True)
    except (click.Abort, KeyboardInterrupt):
        # Ctrl-C / Ctrl-D: every decision before this question is already on disk.
        click.echo("\nStopped; the decisions made so far are saved.", err=True)
        raise SystemExit(130) from None
    click.echo(f"Approved {counts['approve']}, edited {counts['edit']}, rejected "
               f"{counts['reject']}, skipped {counts['skip']}; saved {bank}.")
