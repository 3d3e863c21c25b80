"""Right-to-left text for the terminal, in two modes.

`logical`: the text as stored, right-aligned; right for terminals that run the bidi algorithm
(GNOME Terminal/VTE, Konsole, mlterm, Windows Terminal with bidi on).
`visual`: for terminals without bidi (tmux, xterm, most others): each line is wrapped first,
then reshaped (arabic-reshaper, diacritics kept and shifted so they follow their letter after
reversal) and reordered with python-bidi's `bidi.algorithm.get_display` (which mirrors
brackets), so the terminal can paint it left to right as is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.text import Text

MODES = ("logical", "visual")
# Neutral (bidi class ON), non-mirrored, never in news text: marks a highlighted span through
# reshaping and reordering, then is removed.
_MARK = "\u2e3a"
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def bidi_hint(env: dict[str, str]) -> str | None:
    """A one-line suggestion when the terminal most likely does no bidi (tmux, screen, plain
    xterm, the Linux console) and so shows `--rtl logical` Arabic reversed and unjoined; None
    for terminals known to do bidi (VTE, Konsole, mlterm, iTerm2) or when unsure."""
    term = env.get("TERM", "")
    if env.get("TMUX") or term.startswith(("tmux", "screen")):
        where = "tmux or screen"
    elif term == "linux":
        where = "the Linux console"
    elif term.startswith("xterm") and not any(env.get(k) for k in (
            "VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM", "WT_SESSION")):
        where = "xterm"
    else:
        return None
    return (f"Hint: {where} does no right-to-left layout; if the Arabic below looks reversed "
            "or unjoined, add --rtl visual.")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={
        "delete_harakat": False, "shift_harakat_position": True, "support_ligatures": True})


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of logical text into (start, end) spans no wider than `width` cells."""
    from rich.cells import cell_len

    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+|\n(?=\n)", text):
        start = para.start()
        line_start, line_end = start, start
        for word in re.finditer(r"\S+", para.group()):
            w_start, w_end = start + word.start(), start + word.end()
            if line_end > line_start and cell_len(text[line_start:w_end]) > width:
                spans.append((line_start, line_end))
                line_start = w_start
            line_end = w_end
        spans.append((line_start, line_end))
    return spans


def visual_line(line: str, highlight: tuple[int, int] | None = None, *,
                rtl: bool | None = None) -> tuple[str, list[int]]:
    """One line reshaped and reordered for display; also the display indexes to highlight.

    `rtl` is the paragraph's direction (default: the line's own). A wrapped Arabic paragraph
    keeps it on every line: a last line of only `[...].` taken as left-to-right put the full
    stop on the wrong side.
    """
    from bidi.algorithm import get_display

    if highlight:
        a, b = highlight
        line = line[:a] + _MARK + line[a:b] + _MARK + line[b:]
    shaped = _reshaper().reshape(line)
    right = has_arabic(line) if rtl is None else rtl
    shown = get_display(shaped, base_dir="R" if right else "L")
    marked: list[int] = []
    out: list[str] = []
    inside = False
    for ch in shown:
        if ch == _MARK:
            inside = not inside
            continue
        if inside:
            marked.append(len(out))
        out.append(ch)
    return "".join(out), marked


def render(text: str, width: int, mode: str, *, highlight: tuple[int, int] | None = None,
           style: str = "", mark_style: str = "bold black on yellow") -> Text:
    """A rich Text of `text`, Arabic right-aligned, wrapped to `width`, `highlight` styled."""
    from rich.text import Text

    right = has_arabic(text)
    if mode == "logical":
        out = Text(text, style=style, justify="right" if right else "left")
        if highlight:
            out.stylize(mark_style, *highlight)
        return out
    lines: list[Text] = []
    for start, end in wrap(text, width):
        span = None
        if highlight and highlight[0] < end and highlight[1] > start:
            span = (max(highlight[0], start) - start, min(highlight[1], end) - start)
        shown, marked = visual_line(text[start:end], span, rtl=right)
        line = Text(shown, style=style, justify="right" if right else "left", no_wrap=True)
        for index in _runs(marked):
            line.stylize(mark_style, *index)
        lines.append(line)
    return Text("\n", justify="right" if right else "left").join(lines)


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs
