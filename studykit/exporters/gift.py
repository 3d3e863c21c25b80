"""GIFT export (docs.moodle.org/en/GIFT_format): Moodle's plain-text question format.

mcq `{=right ~wrong}`, true_false `{T}`/`{F}`, short_answer `{=answer =alternative}`, cloze as
GIFT's missing-word form (the answer field sits where the blank is), matching and timeline
`{=left -> right}`. Text is marked `[html]` and HTML-escaped, then GIFT's special characters
`~ = # { } :` and the backslash are escaped with a backslash, so any text survives the trip.
Typed answers (short answer, cloze, matching choices) are compared with what a student types, so
they are GIFT-escaped but not HTML-escaped.
"""

from __future__ import annotations

from html import escape

from studykit.exporters.valid import exportable
from studykit.models import Bank, Question, QuestionType
from studykit.textsafe import xml_text

SPECIAL = "\\~=#{}:"
TRUE_WORD = "صح"


def gift_escape(text: str) -> str:
    """Backslash-escape GIFT's special characters (and the backslash itself)."""
    return "".join(f"\\{ch}" if ch in SPECIAL else ch for ch in text).replace("\n", "\\n")


def _html(text: str) -> str:
    return gift_escape(f'<div dir="rtl" lang="ar">{escape(text, quote=False)}</div>')


def _fragment(text: str) -> str:
    """HTML-escaped text without the wrapper: options and matching items are shown as HTML."""
    return gift_escape(escape(text, quote=False))


def _plain(text: str) -> str:
    """Typed answers (short answer, cloze, matching choices) are compared as plain text."""
    return gift_escape(text)


OPEN = gift_escape('<div dir="rtl" lang="ar">')
CLOSE = gift_escape("</div>")


def dumps_gift(bank: Bank, include_drafts: bool = False) -> str:
    """The bank's selected questions as GIFT text, one category per source."""
    from studykit.exporters.moodle import category_path

    questions = exportable(bank, include_drafts)
    blocks: list[str] = [f"// {bank.title or bank.id} — studykit GIFT export"]
    sources = list(dict.fromkeys(q.source.source for q in questions))
    for source in sources:
        blocks.append(f"$CATEGORY: {category_path(bank.title or bank.id, source or bank.id)}")
        blocks += [question_gift(q) for q in questions if q.source.source == source]
    # Moodle stores `[html]` text as HTML in its XML backups: drop what XML forbids here too.
    return xml_text("\n\n".join(blocks) + "\n")


def question_gift(question: Question) -> str:
    """One GIFT question: `// id`, `::title::[html]text{answers}`."""
    head = f"// {question.id} ({question.type.value})\n::{gift_escape(question.id)}::[html]"
    qtype = question.type
    if qtype == QuestionType.CLOZE:
        before, marker, after = question.shown_prompt.partition("[...]")
        field = "{" + " ".join(f"={_plain(a)}" for a in _answers(question)) + "}"
        if not marker:
            before = f"{before} "
        return f"{head}{OPEN}{_fragment(before)}{field}{_fragment(after)}{CLOSE}"
    body = _html(question.shown_prompt)
    if qtype == QuestionType.MCQ:
        answers = " ".join(("=" if opt == question.shown_answer else "~") + _fragment(opt)
                           for opt in question.shown_options)
    elif qtype == QuestionType.TRUE_FALSE:
        answers = "T" if question.shown_answer.strip() == TRUE_WORD else "F"
    elif qtype in (QuestionType.MATCHING, QuestionType.TIMELINE):
        answers = " ".join(f"={_fragment(p.left)} -> {_plain(p.right)}"
                           for p in question.shown_pairs)
    else:
        answers = " ".join(f"={_plain(a)}" for a in _answers(question))
    return f"{head}{body}{{{answers}}}"


def _answers(question: Question) -> list[str]:
    """Every spelling the quiz accepts: GIFT short answers compare exactly, as Moodle XML's do."""
    from studykit.exporters.accepted import accepted_forms

    return accepted_forms(question)
