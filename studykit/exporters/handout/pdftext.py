"""Setting one paragraph of Arabic (or Latin) text in the PDF: direction, wrapping, coverage.

fpdf2's `multi_cell` re-shapes the growing line with HarfBuzz at every character it adds, which
made a 50-question handout take seconds. Arabic shaping never crosses a space, so a line's width
is the sum of its words' widths: each distinct word is shaped once (cached per font and size),
lines are broken greedily here, and each line is drawn with one `cell`, which shapes and
reorders (bidi) that line once. Measuring and drawing use the same breaks, so a measured block
is exactly as tall as the drawn one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from studykit.exporters.handout.layout import HandoutError

FONT = "Amiri"
BODY = 13.0
SMALL = 10.0
LINE = 7.2
SMALL_LINE = 5.4


def line_height(size: float) -> float:
    """Line pitch in mm for a font size in points."""
    return LINE if size >= BODY else (SMALL_LINE if size <= SMALL else LINE * size / BODY)


def direction(text: str) -> str:
    """Right to left unless the paragraph has Latin letters and no Arabic ones: a Latin-only
    line set right to left puts its trailing punctuation and brackets on the wrong side."""
    arabic = any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)
    latin = any(ch.isascii() and ch.isalpha() for ch in text)
    return "ltr" if latin and not arabic else "rtl"


def shape(pdf: Any, text_direction: str) -> None:
    """HarfBuzz shaping for Arabic (script and language set) or plain left-to-right text."""
    if text_direction == "rtl":
        pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")
    else:
        pdf.set_text_shaping(True, direction="ltr")


def wrap(pdf: Any, text: str, width: float, size: float, style: str) -> list[str]:
    """Greedy line breaks at spaces for `text` in `width` mm; newlines are kept."""
    cache: dict[tuple[str, float, str], float] = pdf.__dict__.setdefault("_word_widths", {})
    pdf.set_font(FONT, style=style, size=size)
    shape(pdf, direction(text))

    def measure(word: str) -> float:
        key = (style, size, word)
        if key not in cache:
            cache[key] = pdf.get_string_width(word) if word else 0.0
        return cache[key]

    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = measure(word)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                used += (space if current else 0.0) + w
                current.append(word)
        lines.append(" ".join(current))
    return lines


def text_height(pdf: Any, text: str, width: float, size: float, style: str) -> float:
    return len(wrap(pdf, text, width, size, style)) * line_height(size)


def write(pdf: Any, text: str, width: float, size: float, style: str) -> None:
    """Draw a paragraph right-aligned in `width` mm from the current x; y moves below it."""
    x = pdf.get_x()
    pitch = line_height(size)
    lines = wrap(pdf, text, width, size, style)  # also sets the font and the direction
    for line in lines:
        pdf.set_x(x)
        pdf.cell(width, pitch, line, align="R", new_x="LEFT", new_y="NEXT")


def check_coverage(pdf: Any, texts: Iterable[str]) -> None:
    """Refuse to print when a character has no glyph in Amiri: fpdf2 would drop it silently.

    Invisible format controls (category Cf, such as the bidi isolates U+2066-U+2069 that Amiri
    lacks) are let through: dropping them loses nothing a reader could see.
    """
    fonts = [font.cmap for font in pdf.fonts.values()]
    missing: dict[str, None] = {}
    for text in texts:
        for ch in set(text):
            if ch in "\n\t" or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if any(ord(ch) not in cmap for cmap in fonts):
                missing.setdefault(ch, None)
    if missing:
        shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in sorted(missing))
        raise HandoutError(f"characters the PDF font (Amiri) cannot print: {shown}; "
                           "edit them out or write .html instead")
