"""Text from articles and banks made safe for where it is shown or written.

Article text is untrusted: a scraped page can hold terminal escape sequences, characters XML
forbids (Word's Shift+Enter is `\\v`), or a cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls: a terminal acts on them
# (`ESC]0;...BEL` retitles the window, `ESC[2J` clears the screen, `\\r` overwrites a line).
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters XML 1.0 forbids anywhere (even as `&#...;`): C0 controls except tab, newline and
# carriage return, lone surrogates, U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Spreadsheet formula triggers at the start of a cell (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def displayable(text: str) -> str:
    """`text` without the control characters a terminal would act on (tab, newline kept)."""
    return _TERMINAL_CONTROLS.sub("", text)


def displayable_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """`span` of `text` moved to index `displayable(text)`."""
    start, end = span
    return len(displayable(text[:start])), len(displayable(text[:end]))


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 forbids dropped; a vertical tab or form feed (line
    and page breaks from word processors) becomes a space so words stay apart."""
    return _XML_FORBIDDEN.sub("", text.replace("\v", " ").replace("\f", " "))


def spreadsheet_cell(text: str) -> str:
    """A CSV/TSV cell a spreadsheet shows as text: one starting with `= + - @`, a tab or a
    carriage return gets a leading `'` (OWASP's advice), so it is never run as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
