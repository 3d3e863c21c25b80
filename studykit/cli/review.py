"""`studykit review BANK`: go through draft questions, approve / reject / edit / skip.

The bank is saved atomically after every decision, so quitting or a crash loses at most the
question on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from studykit.cli.app import PATH, main

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    # imported when the command runs, not for `--help`
    from studykit.models import Bank, Edit, Question

_CHOICES = {"a": "approve", "r": "reject", "e": "edit", "d": "draft", "s": "skip", "u": "undo",
            "q": "quit"}


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

    click.echo(displayable(f"[{n}/{total}] {q.id}  {q.type.value} (template {q.template}) · "
                           f"{q.status.value}"))
    if q.status.value == "held":
        # The generator holds back a question only when its clause leans on the one before.
        click.echo("  held back: its sentence leans on the one before it (name the subject "
                   "with [e]dit, or reject it)")
    _say("", q.shown_prompt, rtl)
    for i, option in enumerate(q.shown_options, 1):
        _say("  ", f"{i}. {option}", rtl)
    for pair in q.shown_pairs:
        _say("  - ", f"{pair.left} — {pair.right}", rtl)
    _say("answer: ", q.shown_answer, rtl)
    if q.shown_alternatives:
        _say("also accepted: ", "، ".join(q.shown_alternatives), rtl)
    _say(f"source ({q.source.source}): ", q.source.sentence, rtl)
    if q.edit and q.edit.note:
        _say("note (reviewers only): ", q.edit.note, rtl)


def _ask(label: str, current: str, rtl: str, *, how: str = "", clearable: bool = False) -> str:
    """Show the field's current value, then read a new one; Enter keeps the current value
    (and `-` clears a field that may be empty)."""
    _say(f"{label} now: ", current or "(none)", rtl)
    keeps = "Enter keeps it, - clears it" if clearable else "Enter keeps it"
    how = f"{how}; " if how else ""
    reply = click.prompt(f"  new {label} ({how}{keeps})", default=current,
                         show_default=False).strip()
    return "" if clearable and reply == "-" else reply


def _edit(q: Question, rtl: str,
          problems: Callable[[Question], list[str]] | None = None) -> Edit | None:
    """Ask for each field the question type has; the edit of what differs from the generated
    question (None when nothing does). `problems` (edit_problems for the question) lets MCQ
    options that cannot be saved be asked again at once, not refused after the last field."""
    from studykit.curation import (
        join_list,
        join_pairs,
        make_edit,
        options_after_answer_edit,
        split_list,
        split_pairs,
    )
    from studykit.models import QuestionType

    click.echo("  Edit each field in turn; Enter keeps what is there.")
    prompt = _ask("prompt", q.shown_prompt, rtl)
    paired = q.type in (QuestionType.TIMELINE, QuestionType.MATCHING)
    answer = q.shown_answer if paired else _ask("answer", q.shown_answer, rtl)
    options = q.shown_options
    if q.type == QuestionType.MCQ:
        if answer != q.shown_answer:
            options = options_after_answer_edit(q, answer)
        suggested = options
        while True:
            options = split_list(_ask("options", join_list(suggested), rtl,
                                      how="separated by |"))
            trial = q.model_copy(update={"edit": make_edit(
                q, prompt=prompt, answer=answer, options=options, alternatives=(),
                pairs=q.shown_pairs, note="")})
            wrong = [p for p in (problems(trial) if problems else []) if p.startswith("options")]
            # Enter on the suggestion is taken as it is (the save still checks it): a reviewer
            # is never stuck in this loop.
            if not wrong or options == suggested:
                break
            for problem in wrong:
                click.echo(f"  refused: {problem}")
            click.echo("  Give the options again (Enter keeps the ones shown).")
    alternatives = q.shown_alternatives if answer == q.shown_answer else ()
    if q.type in (QuestionType.CLOZE, QuestionType.SHORT_ANSWER, QuestionType.MCQ):
        if answer != q.shown_answer and q.shown_alternatives:
            click.echo("  (the old answer's alternatives are dropped with it)")
        alternatives = split_list(_ask("also accepted", join_list(alternatives), rtl,
                                       how="separated by |", clearable=True))
    pairs = q.shown_pairs
    while paired:
        read = split_pairs(_ask("pairs", join_pairs(pairs), rtl,
                                    how="left = right, separated by |"))
        if read is not None:
            pairs = read
            break
        click.echo("  each pair needs its '=': left = right")
    old_note = q.edit.note if q.edit and q.edit.note else ""
    note = _ask("note", old_note, rtl, how="for reviewers, never shown to students",
                clearable=True)
    return make_edit(q, prompt=prompt, answer=answer, options=options,
                     alternatives=alternatives, pairs=pairs, note=note)


def _record(path: Path, shown: Question, changed: Question) -> Bank | None:
    """Save one decision (the question's new status and edit) into the bank as it is on disk
    now (a build meanwhile is kept), and return that bank; None when it was not saved (the
    question changed meanwhile: the reviewer is told why). The one place the review writes,
    so each decision is on disk before the next question."""
    from studykit.bank import load_bank
    from studykit.bankwrite import record_decision
    from studykit.errors import BankError

    try:
        record_decision(path, shown, changed.status, changed.edit)
    except BankError as exc:
        click.echo(f"Warning: {exc}", err=True)
        return None
    return load_bank(path)


_STATUSES = ("draft", "approved", "rejected", "held", "all")


@main.command()
@click.argument("bank", type=PATH)
@click.option("--rtl", type=click.Choice(["logical", "visual"]), default="logical",
              show_default=True,
              help="visual: reshape and reorder Arabic for terminals without bidi (tmux, xterm).")
@click.option("--status", "which", type=click.Choice(_STATUSES), default="draft",
              show_default=True,
              help="Which questions to go through: approved or rejected ones to reopen them.")
@click.option("--id", "ids", multiple=True, metavar="QID",
              help="Only this question (repeatable), whatever its status.")
def review(bank: Path, rtl: str, which: str, ids: tuple[str, ...]) -> None:
    """Review the questions of BANK one by one in the terminal (the drafts by default).

    For each: [a]pprove, [r]eject (with an optional reason kept as the reviewer's note),
    [e]dit (every field shows its current value; Enter keeps it; an edit that breaks a `check`
    rule is refused with the reason), [d]raft (reopen: back to draft), [s]kip, [u]ndo the
    last decision, [q]uit. The bank is saved after every decision.
    """
    from studykit.bank import load_bank
    from studykit.curation import edit_problems, with_edit
    from studykit.models import Edit, Status

    current = load_bank(bank)
    if ids:
        known = {q.id for q in current.questions}
        missing = [i for i in ids if i not in known]
        if missing:
            raise click.ClickException(f"{bank}: no question {', '.join(missing)}")
        queue = [q.id for q in current.questions if q.id in ids]
    else:
        queue = [q.id for q in current.questions if which in ("all", q.status.value)]
    if not queue:
        click.echo(f"No {'' if which == 'all' else which + ' '}questions in {bank}.")
        return
    counts = {"approve": 0, "reject": 0, "edit": 0, "skip": 0, "draft": 0}
    history: list[tuple[int, Bank, str]] = []
    i = 0
    try:
        while i < len(queue):
            question = next(q for q in current.questions if q.id == queue[i])
            _show(question, i + 1, len(queue), rtl)
            choice = click.prompt("  [a]pprove [r]eject [e]dit [d]raft [s]kip [u]ndo [q]uit",
                                  type=click.Choice(list(_CHOICES)), show_choices=False)
            action = _CHOICES[choice]
            if action == "quit":
                break
            if action == "undo":
                if not history:
                    click.echo("  nothing to undo")
                    continue
                i, before, undone = history.pop()
                counts[undone] -= 1
                restored = next(q for q in before.questions if q.id == queue[i])
                now = next((q for q in current.questions if q.id == queue[i]), restored)
                if now != restored:
                    saved = _record(bank, now, restored)
                    if saved is None:
                        continue
                    current = saved
                click.echo(f"  undone: {undone}")
                continue
            changed = question
            if action == "edit":
                def check_trial(trial: Question, q: Question = question,
                                bank: Bank = current) -> list[str]:
                    return edit_problems(q, trial, bank)

                edited = with_edit(question, _edit(question, rtl, check_trial))
                problems = edit_problems(question, edited, current)
                if problems:
                    for problem in problems:
                        click.echo(f"  refused: {problem}")
                    click.echo("  The question is unchanged; edit again, or choose another key.")
                    continue
                # Enter on every field is an approval, not an edit.
                action = "edit" if edited.edit != question.edit else "approve"
                changed = edited.model_copy(update={"status": Status.APPROVED})
            elif action == "reject":
                reason = click.prompt("  reason (optional, Enter for none)", default="",
                                      show_default=False).strip()
                edit = (question.edit or Edit()).model_copy(update={"note": reason}) if reason \
                    else question.edit
                changed = question.model_copy(update={"status": Status.REJECTED, "edit": edit})
            elif action == "approve":
                changed = question.model_copy(update={"status": Status.APPROVED})
            elif action == "draft":
                changed = question.model_copy(update={"status": Status.DRAFT})
            before = current
            if changed != question:
                saved = _record(bank, question, changed)
                if saved is None:
                    i += 1
                    continue
                current = saved
            history.append((i, before, action))
            counts[action] += 1
            i += 1
            # Say what was saved: an edit approves the question too (u takes it back).
            said = {"approve": "approved", "edit": "edited and approved", "reject": "rejected",
                    "draft": "back to draft"}.get(action)
            if said:
                click.echo(f"  {said}")
    except (click.Abort, KeyboardInterrupt):
        # Ctrl-C / Ctrl-D: every decision before this question is already on disk.
        click.echo("\nStopped; the decisions made so far are saved.", err=True)
        raise SystemExit(130) from None
    reopened = f", reopened {counts['draft']}" if counts["draft"] else ""
    click.echo(f"Approved {counts['approve']}, edited {counts['edit']}, rejected "
               f"{counts['reject']}, skipped {counts['skip']}{reopened}; saved {bank}.")
