"""A reviewer's edits to a question: what changed, and whether the result is a question a
student may see. The review command asks for the fields; this module decides.

An edit records only fields that differ from the generated ones, so a rebuild that rewords the
question keeps the reviewer's text and a blank edit leaves no trace. An edit is refused when
it makes the question break a rule `studykit check` enforces that it did not break before
(an MCQ whose options no longer hold the answer, an answer given away by its prompt, ...),
so an approved question always passes `check`.
"""

from __future__ import annotations

from collections.abc import Sequence

from studykit.models import Bank, Edit, Pair, Question, QuestionType

LIST_SEP = "|"
PAIR_SEP = "="


def split_list(raw: str) -> tuple[str, ...]:
    """`a | b | c` → ('a', 'b', 'c'): how options and alternatives are typed on one line."""
    return tuple(part.strip() for part in raw.split(LIST_SEP) if part.strip())


def join_list(items: Sequence[str]) -> str:
    return f" {LIST_SEP} ".join(items)


def split_pairs(raw: str) -> tuple[Pair, ...] | None:
    """`event = date | event = date` → pairs; None when an item lacks its `=`."""
    pairs = []
    for item in split_list(raw):
        left, sep, right = item.partition(PAIR_SEP)
        if not sep or not left.strip() or not right.strip():
            return None
        pairs.append(Pair(left=left.strip(), right=right.strip()))
    return tuple(pairs)


def join_pairs(pairs: Sequence[Pair]) -> str:
    return join_list([f"{p.left} {PAIR_SEP} {p.right}" for p in pairs])


def options_after_answer_edit(q: Question, answer: str) -> tuple[str, ...]:
    """An MCQ's options with the old answer replaced by the new one (a corrected spelling),
    or unchanged when the new answer is already an option (the reviewer picked another one):
    what the reviewer most likely means, offered as the default."""
    old = q.shown_answer
    if answer in q.shown_options:
        return q.shown_options
    return tuple(answer if o == old else o for o in q.shown_options)


def make_edit(q: Question, *, prompt: str, answer: str, options: tuple[str, ...],
              alternatives: tuple[str, ...], pairs: tuple[Pair, ...], note: str) -> Edit | None:
    """The edit that shows these values: only fields that differ from the generated question;
    None when nothing differs (no empty `edit: {}` in the bank)."""
    answer_changed = answer != q.answer
    # The generator's alternatives go with its answer (Question.shown_alternatives): record
    # alternatives only when they differ from what the question would accept without them.
    implied = () if answer_changed else q.alternatives
    edit = Edit(
        prompt=prompt if prompt != q.prompt else None,
        answer=answer if answer_changed else None,
        # No options or pairs at all is no edit: the question would fall back to the generated
        # ones (Question.shown_options), so recording it would claim a change nobody sees.
        options=options if options and options != q.options else None,
        alternatives=alternatives if alternatives != implied else None,
        pairs=pairs if pairs and pairs != q.pairs else None,
        note=note or None,
    )
    return None if edit == Edit() else edit


def with_edit(q: Question, edit: Edit | None) -> Question:
    return q.model_copy(update={"edit": edit})


def edit_problems(before: Question, after: Question, bank: Bank) -> list[str]:
    """Why the edited question may not be saved: empty fields, a cloze without its blank, and
    every `check` rule it breaks that the question before the edit did not."""
    from studykit.check import question_violations

    problems = []
    if not after.shown_prompt.strip():
        problems.append("the prompt is empty")
    if not after.shown_answer.strip() and not after.shown_pairs:
        problems.append("the answer is empty")
    if after.type == QuestionType.CLOZE and "[...]" not in after.shown_prompt:
        problems.append("a cloze prompt needs its blank, [...]")
    old = set(question_violations(before, bank))
    problems += [f"{rule}: {message}" for rule, message in question_violations(after, bank)
                 if (rule, message) not in old]
    return problems


def replace_question(bank: Bank, question: Question) -> Bank:
    questions = tuple(question if q.id == question.id else q for q in bank.questions)
    return bank.model_copy(update={"questions": questions})
