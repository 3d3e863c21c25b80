"""Handout as PDF: fpdf2 with HarfBuzz shaping and the Amiri font, right to left.

Why these choices (see DESIGN.md): fpdf2 + uharfbuzz shapes Arabic and keeps copy-paste text;
align "R" (not "J", which leaves a last line flush left); a Latin-only paragraph is laid out
left to right or its punctuation lands on the wrong side; a character missing from the font
would vanish silently, so coverage is checked before anything is drawn (pdftext.py). A question
is measured first (same line breaks as drawing) and moved whole to the next page rather than
split. The footer on every page names the version and numbers pages within it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from studykit.exporters.handout.layout import (
    HEADER_FIELDS,
    KEY_TITLE,
    LABELS,
    PAGE_WORD,
    SCORE,
    SOURCE_WORD,
    TEXT_TITLE,
    VERSION_WORD,
    Handout,
    Item,
    Version,
    row_label,
    split_blank,
)
from studykit.exporters.handout.pdftext import (
    BODY,
    FONT,
    LINE,
    SMALL,
    check_coverage,
    shape,
    text_height,
    write,
)
from studykit.models import QuestionType

INDENT = 8.0
BLANK_LINE = "_______________"


@dataclass(frozen=True)
class Para:
    """A paragraph: text, right indent in mm, font size and style, space after, a box to fill."""

    text: str
    indent: float = 0.0
    size: float = BODY
    style: str = ""
    after: float = 0.0
    box: bool = False
    gray: bool = False


@dataclass(frozen=True)
class Rule:
    """A ruled answer line the student writes on."""

    indent: float = 0.0


@dataclass(frozen=True)
class Row:
    """A two-column matching row: `right` is the numbered column, `left` the lettered one."""

    right: str
    left: str


Op = Para | Rule | Row


def render_pdf(handout: Handout, *, questions: bool = True, keys: bool = True,
               placements: list[tuple[str, int, int]] | None = None,
               headings: list[tuple[str, int, int]] | None = None) -> bytes:
    """The handout as PDF bytes: each version's questions, then (if asked) its key.

    `placements`, when given, receives `(tag, first page, last page)` for every question and
    key entry drawn (tag `A:q:3` = version A, question 3; `A:k:3` its key line): proof that no
    block was split across pages. `headings` likewise receives `(A:h:mcq, first, last)` for
    each section heading, drawn in one block with the section's first question.
    """
    pdf = _new_pdf(handout.title)
    # fpdf2 stamps datetime.now() by default and cannot omit the date: it is our caller's, or
    # the Unix epoch (as with SOURCE_DATE_EPOCH=0) so equal inputs give equal bytes.
    pdf.set_creation_date(handout.created or datetime(1970, 1, 1, tzinfo=UTC))
    pdf.placements = placements
    pdf.headings = headings
    check_coverage(pdf, _all_text(handout))
    for version in handout.versions:
        if questions:
            pdf.start_part(version.label, keyed=False)
            _draw_header(pdf, handout, version)
            for section in version.sections:
                heading = [Para(section.title, size=BODY + 1, style="B"),
                           Para(section.instructions, size=SMALL, after=1.5)]
                for n, item in enumerate(section.items):
                    # A heading moves with its section's first question, whatever its height:
                    # reserving a few lines left «أجب باختصار» alone at a page's foot.
                    page = _draw_block(pdf, (heading if n == 0 else []) + item_ops(item),
                                       tag=f"{version.label}:q:{item.number}")
                    if n == 0 and headings is not None:
                        headings.append((f"{version.label}:h:{section.type.value}", page, page))
        if questions and handout.answer_sheet:
            from studykit.exporters.handout.sheet import draw_sheet

            draw_sheet(pdf, version)
        if keys:
            pdf.start_part(version.label, keyed=True)
            _draw_block(pdf, [Para(f"{KEY_TITLE} — {VERSION_WORD} {version.label}",
                                   size=BODY + 3, style="B", after=3)])
            for item in version.items:
                _draw_block(pdf, key_ops(item), tag=f"{version.label}:k:{item.number}")
    return bytes(pdf.output())


def item_ops(item: Item) -> list[Op]:
    """What one question looks like on paper, top to bottom."""
    qtype = item.question.type
    prompt = item.prompt
    if qtype == QuestionType.CLOZE:
        parts = split_blank(prompt)
        prompt = f"{parts[0]}{BLANK_LINE}{parts[1]}" if parts else f"{prompt} {BLANK_LINE}"
    ops: list[Op] = [Para(f"{item.number}. {prompt}", after=0.8)]
    if qtype == QuestionType.MCQ:
        ops += [Para(f"{LABELS[i]}. {opt}", indent=INDENT) for i, opt in enumerate(item.options)]
    elif qtype == QuestionType.TRUE_FALSE:
        ops.append(Para("          ".join(item.options), indent=INDENT))
    elif qtype == QuestionType.SHORT_ANSWER:
        ops += [Rule(INDENT), Rule(INDENT)]
    elif qtype == QuestionType.TIMELINE:
        ops += [Para(f"{LABELS[i]}. {event}", indent=INDENT + 9, box=True)
                for i, event in enumerate(item.options)]
    elif qtype == QuestionType.MATCHING:
        count = max(len(item.rows), len(item.options))
        for i in range(count):
            right = f"{row_label(i)} {item.rows[i]}  ........" if i < len(item.rows) else ""
            left = f"{LABELS[i]}. {item.options[i]}" if i < len(item.options) else ""
            ops.append(Row(right, left))
    ops.append(Para("", size=4))  # breathing space between questions
    return ops


def key_ops(item: Item) -> list[Op]:
    return [Para(f"{item.number}. {item.key}", style="B"),
            Para(f"{SOURCE_WORD}: {item.source_sentence}", indent=INDENT, size=SMALL,
                 gray=True, after=1.5)]




def _all_text(handout: Handout) -> list[str]:
    from studykit.exporters.handout.layout import SHEET_INSTRUCTIONS, SHEET_TITLE

    texts = [handout.title, *handout.excerpts, SHEET_TITLE, SHEET_INSTRUCTIONS, handout.school,
             handout.instructions]
    for version in handout.versions:
        for section in version.sections:
            texts += [section.title, section.instructions]
            for item in section.items:
                texts += [item.prompt, item.key, item.source_sentence, *item.options, *item.rows]
    return texts


def _new_pdf(title: str) -> Any:
    from fontpkg_amiri import ROOT
    from fpdf import FPDF

    class HandoutPDF(FPDF):
        """Adds the running footer: version label and page number within the version."""

        part_label = ""
        part_keyed = False
        part_start = 1
        placements: list[tuple[str, int, int]] | None = None

        def start_part(self, label: str, keyed: bool) -> None:
            self.add_page()  # draws the previous page's footer: switch parts only after it
            self.part_label, self.part_keyed = label, keyed
            self.part_start = self.page

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font(FONT, size=SMALL)
            kind = f"{KEY_TITLE} — " if self.part_keyed else ""
            number = self.page - self.part_start + 1
            shape(self, "rtl")
            self.cell(0, 6, f"{kind}{VERSION_WORD} {self.part_label} — {PAGE_WORD} {number}",
                      align="C")

    pdf = HandoutPDF(format="A4")
    pdf.set_title(title or "Handout")
    pdf.set_lang("ar")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=18)
    files = ROOT / "files"
    pdf.add_font(FONT, "", str(files / "Amiri-Regular.ttf"))
    pdf.add_font(FONT, "B", str(files / "Amiri-Bold.ttf"))
    pdf.set_font(FONT, size=BODY)
    shape(pdf, "rtl")
    return pdf






def _draw_header(pdf: Any, handout: Handout, version: Version) -> None:
    ops: list[Op] = [Para(handout.school, size=BODY + 1, style="B")] if handout.school else []
    ops.append(Para(handout.title, size=BODY + 5, style="B", after=1))
    fields = "      ".join(f"{name}: ..................." for name in HEADER_FIELDS)
    ops.append(Para(f"{fields}      {VERSION_WORD}: {version.label}", after=1))
    if handout.instructions:
        ops.append(Para(handout.instructions, size=SMALL + 1, after=1))
    total = version.total or len(version.items)
    _draw_block(pdf, ops)
    # The score box: drawn at the left, the side a reader of Arabic reaches last.
    top = pdf.get_y()
    pdf.rect(pdf.l_margin, top, 46, LINE + 3)
    pdf.set_xy(pdf.l_margin, top + 1.5)
    write(pdf, f"{SCORE}:  ........  /  {total}", 44, BODY, "B")
    pdf.set_y(top + LINE + 5)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.ln(3)
    if handout.excerpts:
        _draw_block(pdf, [Para(TEXT_TITLE, size=BODY + 1, style="B")], keep_with_next=True)
        for excerpt in handout.excerpts:
            _draw_block(pdf, [Para(excerpt, size=SMALL + 1, after=1)])
        pdf.ln(3)


def _draw_block(pdf: Any, ops: list[Op], keep_with_next: bool = False, tag: str = "") -> int:
    """Draw ops together: a page break first when the whole block does not fit. Returns the
    page the block starts on.

    `keep_with_next` reserves room for a few more lines so a heading is not left alone at
    the foot of a page.
    """
    height = sum(_op_height(pdf, op) for op in ops) + (LINE * 3 if keep_with_next else 0)
    if pdf.get_y() + height > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()
    first = pdf.page
    for op in ops:
        _draw_op(pdf, op)
    if tag and pdf.placements is not None:
        pdf.placements.append((tag, first, pdf.page))
    return int(first)


def _op_height(pdf: Any, op: Op) -> float:
    if isinstance(op, Rule):
        return LINE + 2
    if isinstance(op, Row):
        half = pdf.epw / 2
        return max(text_height(pdf, op.right, half, BODY, ""),
                   text_height(pdf, op.left, half, BODY, ""))
    width = pdf.epw - op.indent
    return text_height(pdf, op.text, width, op.size, op.style) + op.after






def _draw_op(pdf: Any, op: Op) -> None:
    left = pdf.l_margin
    if isinstance(op, Rule):
        y = pdf.get_y() + LINE
        pdf.line(left, y, left + pdf.epw - op.indent, y)
        pdf.set_y(y + 2)
        return
    if isinstance(op, Row):
        half = pdf.epw / 2
        top = pdf.get_y()
        bottoms = []
        for x, text in ((left + half, op.right), (left, op.left)):
            pdf.set_xy(x, top)
            write(pdf, text, half, BODY, "")
            bottoms.append(pdf.get_y())
        pdf.set_y(max(bottoms))
        return
    pdf.set_x(left)
    width = pdf.epw - op.indent
    if op.box:
        size = LINE - 2
        pdf.rect(left + width + 2, pdf.get_y() + 1, size, size)
    if op.gray:
        pdf.set_text_color(90, 90, 90)
    write(pdf, op.text, width, op.size, op.style)
    pdf.set_text_color(0, 0, 0)
    if op.after:
        pdf.set_y(pdf.get_y() + op.after)

