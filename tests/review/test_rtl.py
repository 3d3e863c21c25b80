"""Terminal RTL: wrapping before reshaping, visual order, diacritics kept, highlight followed."""

from __future__ import annotations

import pytest
from rich.console import Console

from studykit.review.rtl import render, visual_line, wrap

from .conftest import S_VISIT


def test_visual_line_reverses_words_and_shapes_letters() -> None:
    shown, marked = visual_line("زار موسكو")
    # Last word leftmost, letters in presentation forms (joined), read right to left.
    assert shown == "ﻮﻜﺳﻮﻣ ﺭﺍﺯ"
    assert marked == []


def test_numbers_stay_left_to_right_inside_arabic() -> None:
    shown, _ = visual_line("في 29 مارس 2023")
    assert "2023" in shown and "29" in shown
    assert shown.index("2023") < shown.index("29")


def test_brackets_are_mirrored() -> None:
    shown, _ = visual_line("الاتفاق (النووي)")
    assert shown.startswith("(") and shown.endswith("ﻕﺎﻔﺗﻻﺍ")


def test_diacritics_are_kept_after_their_letter() -> None:
    shown, _ = visual_line("واضحًا")
    assert "\u064b" in shown
    # The tanween follows (in memory) the letter it sits on, so the terminal combines them.
    assert shown == "ﺎﺤ\u064bﺿﺍﻭ"


def test_highlight_follows_reordering() -> None:
    line = "زار الوزير موسكو أمس"
    start = line.index("موسكو")
    shown, marked = visual_line(line, (start, start + len("موسكو")))
    assert "".join(shown[i] for i in marked) == "ﻮﻜﺳﻮﻣ"


@pytest.mark.parametrize("width", [20, 35, 60])
def test_wrap_keeps_every_word_once_within_width(width: int) -> None:
    spans = wrap(S_VISIT, width)
    assert " ".join(S_VISIT[a:b] for a, b in spans) == S_VISIT
    assert all(b - a <= width for a, b in spans)


def draw(renderable: object, width: int = 50) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    from rich.panel import Panel

    console.print(Panel(renderable, width=width))  # type: ignore[arg-type]
    return console.export_text().splitlines()[1:-1]


@pytest.mark.parametrize("mode", ["logical", "visual"])
def test_arabic_is_right_aligned_in_both_modes(mode: str) -> None:
    lines = draw(render(S_VISIT, 46, mode))
    assert len(lines) >= 3
    for line in lines[:-1]:
        assert line.endswith(" │") and line[-3] != " "
    last = lines[-1]
    assert last.startswith("│ " + " " * 5)  # the short last line hugs the right border


def test_visual_mode_highlight_on_a_wrapped_sentence() -> None:
    start = S_VISIT.index("موسكو")
    text = render(S_VISIT, 30, "visual", highlight=(start, start + 5))
    styled = [text.plain[s.start:s.end] for s in text.spans]
    assert styled == ["ﻮﻜﺳﻮﻣ"]


def test_logical_mode_keeps_the_text() -> None:
    text = render(S_VISIT, 30, "logical", highlight=(0, 3))
    assert text.plain == S_VISIT and text.justify == "right"
    assert [text.plain[s.start:s.end] for s in text.spans] == ["قام"]


def test_bidi_hint_for_terminals_without_bidi() -> None:
    from studykit.review.rtl import bidi_hint

    assert "tmux" in (bidi_hint({"TMUX": "/tmp/x", "TERM": "screen-256color"}) or "")
    assert "xterm" in (bidi_hint({"TERM": "xterm-256color"}) or "")
    assert bidi_hint({"TERM": "xterm-256color", "VTE_VERSION": "7006"}) is None  # GNOME
    assert bidi_hint({"TERM": "xterm-256color", "KONSOLE_VERSION": "230800"}) is None
    assert bidi_hint({"TERM": "linux"}) is not None and bidi_hint({}) is None
