"""The bubble answer sheet in the PDF: one page (or more) per version after its questions,
a row per multiple-choice or true/false question with a circle per choice.

Amiri has no circle glyph (U+25CB would vanish, see pdftext.check_coverage), so the bubbles are
drawn as vector circles beside their labels.
"""

from __future__ import annotations

from typing import Any

from studykit.exporters.handout.layout import (
    HEADER_FIELDS,
    SHEET_INSTRUCTIONS,
    SHEET_TITLE,
    VERSION_WORD,
    Version,
    sheet_rows,
)
from studykit.exporters.handout.pdftext import BODY, FONT, SMALL, shape, write

ROW = 9.0  # mm per question row
SLOT = 22.0  # mm per choice: circle and label
RADIUS = 2.6
NUMBER_WIDTH = 14.0


def draw_sheet(pdf: Any, version: Version) -> None:
    """The version's answer sheet on new pages; nothing when it has no bubble questions."""
    rows = sheet_rows(version)
    if not rows:
        return
    pdf.start_part(version.label, keyed=False)
    width = pdf.epw
    write(pdf, f"{SHEET_TITLE} — {VERSION_WORD} {version.label}", width, BODY + 3, "B")
    write(pdf, "      ".join(f"{name}: ..................." for name in HEADER_FIELDS), width,
          BODY, "")
    write(pdf, SHEET_INSTRUCTIONS, width, SMALL, "")
    pdf.ln(3)
    right = pdf.l_margin + width
    for number, labels in rows:
        if pdf.get_y() + ROW > pdf.page_break_trigger:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_font(FONT, style="B", size=BODY)
        shape(pdf, "ltr")
        pdf.set_xy(right - NUMBER_WIDTH, y)
        pdf.cell(NUMBER_WIDTH, ROW, f"{number}.", align="R")
        pdf.set_font(FONT, size=BODY)
        shape(pdf, "rtl")
        for i, label in enumerate(labels):
            # Right to left: the circle, then its label to its left, as the eye reads Arabic.
            cx = right - NUMBER_WIDTH - 4 - i * SLOT - RADIUS
            pdf.circle(x=cx, y=y + ROW / 2, radius=RADIUS)
            pdf.set_xy(cx - RADIUS - 13, y)
            pdf.cell(12, ROW, label, align="R")
        pdf.set_xy(pdf.l_margin, y + ROW)
