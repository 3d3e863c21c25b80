"""The PDF handout, read back with pypdf and with poppler's pdftotext.

What a reader copies: poppler (pdftotext, Evince) gives each line in logical order but moves
neutral characters around numbers ("أ. 27 فبراير" copies as "أ 27 .فبراير"); pypdf gives
Arabic runs in logical order but a mixed line's runs in visual order. Both keep every word
intact, so the tests compare words after `studykit.arabic.normalize`, page by page, using the
renderer's record of which page each question and key entry landed on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_handout_bank import NASTY, make_bank

from studykit.arabic import normalize
from studykit.exporters.handout import HandoutOptions, KeyMode, key_path, write_handout
from studykit.exporters.handout.layout import (
    KEY_TITLE,
    PAGE_WORD,
    VERSION_WORD,
    Handout,
    HandoutError,
    Item,
    build_handout,
)
from studykit.exporters.handout.pdf import render_pdf
from studykit.exporters.handout.pdftext import direction as _direction
from studykit.models import QuestionType

PDFTOTEXT = shutil.which("pdftotext")
_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def squash(text: str) -> str:
    """Normalized text without spaces: extractors split a word at a tanween (عام ًا)."""
    return normalize(_MARKS.sub("", text)).replace(" ", "")


def pypdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def poppler_pages(path: Path) -> list[str]:
    out = subprocess.run([PDFTOTEXT or "pdftotext", "-enc", "UTF-8", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


EXTRACTORS = [pytest.param(pypdf_pages, id="pypdf"),
              pytest.param(poppler_pages, id="pdftotext", marks=pytest.mark.skipif(
                  PDFTOTEXT is None, reason="poppler-utils not installed"))]


def item_words(item: Item, key: bool) -> list[str]:
    """The words a reader must find for a question (or for its key entry)."""
    texts = ([item.key, item.source_sentence] if key
             else [item.prompt.replace("[...]", " "), *item.options, *item.rows])
    # \w after folding: diacritics are gone, Arabic punctuation (، ؛ ؟) is not a word.
    return [w for text in texts for w in re.findall(r"\w+", normalize(text)) if len(w) > 1]


def render(handout: Handout, path: Path, **kwargs: bool) -> list[tuple[str, int, int]]:
    placements: list[tuple[str, int, int]] = []
    path.write_bytes(render_pdf(handout, placements=placements, **kwargs))
    return placements


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Handout, Path, list]:  # type: ignore[type-arg]
    handout = build_handout(make_bank().questions,
                            HandoutOptions(versions=2, seed=1, with_text=True, title="اختبار"))
    path = tmp_path_factory.mktemp("pdf") / "handout.pdf"
    return handout, path, render(handout, path)


@pytest.mark.parametrize("extract", EXTRACTORS)
def test_every_question_and_key_answer_is_on_its_page(rendered, extract) -> None:  # type: ignore[no-untyped-def]
    handout, path, placements = rendered
    pages = [squash(text) for text in extract(path)]
    items = {f"{v.label}:{part}:{i.number}": (i, part == "k")
             for v in handout.versions for i in v.items for part in "qk"}
    assert {tag for tag, _, _ in placements} == set(items)
    for tag, first, _ in placements:
        item, key = items[tag]
        missing = [w for w in item_words(item, key) if w not in pages[first - 1]]
        assert not missing, (tag, missing)


@pytest.mark.parametrize("extract", EXTRACTORS)
def test_version_label_on_every_page(rendered, extract) -> None:  # type: ignore[no-untyped-def]
    _, path, placements = rendered
    texts = extract(path)
    page_version = {page: tag[0] for tag, first, last in placements for page in (first, last)}
    assert set(page_version) == set(range(1, len(texts) + 1))
    for number, text in enumerate(texts, start=1):
        label = page_version[number]
        # The footer line; pypdf reorders its runs visually, so look for both parts in it.
        footer = [line for line in _MARKS.sub("", text).splitlines() if PAGE_WORD in line]
        assert len(footer) == 1, (number, text)
        assert VERSION_WORD in footer[0], footer
        assert re.search(rf"(?<![A-Za-z]){label}(?![A-Za-z])", footer[0]), footer


def test_versions_and_keys_follow_each_other(rendered) -> None:  # type: ignore[no-untyped-def]
    _, _, placements = rendered
    order: list[str] = []
    for tag, _, _ in placements:
        part = tag[:3]
        if not order or order[-1] != part:
            order.append(part)
    assert order == ["أ:q", "أ:k", "ب:q", "ب:k"]
    pages = {tag[:3]: first for tag, first, _ in placements}
    assert pages["أ:q"] < pages["أ:k"] < pages["ب:q"] < pages["ب:k"]


def test_two_hundred_questions_render_unsplit(tmp_path: Path) -> None:
    bank = make_bank(200)
    handout = build_handout(bank.questions, HandoutOptions(versions=2, seed=9))
    placements = render(handout, tmp_path / "big.pdf")
    assert len(placements) == 800
    assert all(first == last for _, first, last in placements)
    assert len(pypdf_pages(tmp_path / "big.pdf")) == max(last for _, _, last in placements)


def test_key_separate_writes_a_key_file(tmp_path: Path) -> None:
    out = tmp_path / "quiz.pdf"
    options = HandoutOptions(versions=2, seed=4, key=KeyMode.SEPARATE)
    _, written = write_handout(make_bank().questions, out, options)
    assert written == [out, key_path(out)] and key_path(out).name == "quiz-key.pdf"
    questions = "".join(pypdf_pages(out))
    keys = "".join(pypdf_pages(key_path(out)))
    assert KEY_TITLE not in questions.replace("\n", " ")
    assert KEY_TITLE in keys and "Wall Street Journal" in keys


def test_key_none_prints_no_key(tmp_path: Path) -> None:
    out = tmp_path / "quiz.pdf"
    _, written = write_handout(make_bank().questions, out, HandoutOptions(key=KeyMode.NONE))
    assert written == [out]
    assert KEY_TITLE not in "".join(pypdf_pages(out))


def test_a_character_the_font_lacks_is_refused_not_dropped(tmp_path: Path) -> None:
    q = make_bank().questions[0]
    odd = q.model_copy(update={"prompt": q.prompt + " 😀"})
    with pytest.raises(HandoutError, match="U\\+1F600") as err:
        write_handout([odd], tmp_path / "x.pdf", HandoutOptions())
    assert str(tmp_path / "x.pdf") in str(err.value)
    assert not (tmp_path / "x.pdf").exists()


def test_markup_and_specials_print_verbatim(rendered) -> None:  # type: ignore[no-untyped-def]
    _, path, _ = rendered
    text = "".join(pypdf_pages(path))
    for piece in ("alert('x')", "script", "&", "~", "#", "{", "}"):
        assert piece in text
    assert NASTY.count("~") == 1


def test_direction_per_paragraph() -> None:
    assert _direction("Wall Street Journal (2023)") == "ltr"
    assert _direction("أ. Wall Street Journal") == "rtl"
    assert _direction("2023 / 27") == "rtl"


def _words_on_page(path: Path) -> list[tuple[str, float, float]]:
    out = subprocess.run([PDFTOTEXT or "pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [(m[4], float(m[1]), float(m[2])) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>', out)]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils not installed")
def test_visual_order_right_to_left_with_digits_and_latin_left_to_right(tmp_path: Path) -> None:
    """Glyph positions, not extracted strings: Arabic runs right to left, numbers and Latin
    words left to right inside them (poppler reports an Arabic word's glyphs in visual order,
    so `متى` is found as its reverse)."""
    mcq = [q for q in make_bank().questions if q.type == QuestionType.MCQ]
    handout = build_handout(mcq, HandoutOptions(title="اختبار"))
    render(handout, tmp_path / "p.pdf")
    words = _words_on_page(tmp_path / "p.pdf")

    def find(text: str, line_of: str | None = None) -> tuple[float, float]:
        hits = [(x, y) for w, x, y in words if w.strip(".،؟") == text]
        if line_of is not None:
            y0 = find(line_of)[1]
            hits = [(x, y) for x, y in hits if abs(y - y0) < 2]
        assert hits, (text, [w for w, _, _ in words])
        return hits[0]

    assert find("ىتم")[0] > find("ترشن")[0]  # متى is right of نشرت
    assert find("Wall")[0] < find("Street")[0] < find("Journal")[0]
    # "19 يناير 2022": 19 first from the right, then the month, then the year.
    day, month, year = find("19", "رياني"), find("رياني"), find("2022", "رياني")
    assert day[0] > month[0] > year[0]


def _gray_page(pdf: Path, out: Path) -> tuple[int, int, bytes]:
    """Page 1 rasterised by poppler as 8-bit gray (PGM): width, height, pixels."""
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out)], check=True)
    data = out.with_suffix(".pgm").read_bytes()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5"
    return int(fields[1]), int(fields[2]), fields[4]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_page_one_raster_is_set_from_the_right(tmp_path: Path) -> None:
    """Ink check on the rendered image: every line of text hugs the right margin."""
    questions = [q for q in make_bank().questions if q.type != QuestionType.MATCHING]
    handout = build_handout(questions, HandoutOptions(title="اختبار"))
    render(handout, tmp_path / "p.pdf")
    width, height, pixels = _gray_page(tmp_path / "p.pdf", tmp_path / "page")
    rows = [pixels[y * width:(y + 1) * width] for y in range(height)]
    inked = [row for row in rows if min(row) < 128]
    assert len(inked) > height // 5  # a real page of text, not a blank one
    right_edges = [max(x for x, v in enumerate(row) if v < 128) for row in inked]
    left_edges = [min(x for x, v in enumerate(row) if v < 128) for row in inked]
    margin = width - max(right_edges)
    assert margin < width * 0.2
    # Most ink rows end near the right margin; far fewer start at the left one.
    near_right = sum(edge > width - margin - width * 0.12 for edge in right_edges)
    near_left = sum(edge < margin + width * 0.05 for edge in left_edges)
    assert near_right > 2 * near_left


def test_invisible_bidi_controls_pass_the_coverage_check(tmp_path: Path) -> None:
    q = make_bank().questions[0]
    isolated = q.model_copy(update={"prompt": "\u2067" + q.prompt + "\u2069"})
    _, written = write_handout([isolated], tmp_path / "x.pdf", HandoutOptions())
    assert "عبد" in "".join(pypdf_pages(written[0]))


def test_same_options_same_bytes_and_the_date_is_a_parameter() -> None:
    from datetime import UTC, datetime

    questions = make_bank().questions
    options = HandoutOptions(versions=2, seed=8)
    first = render_pdf(build_handout(questions, options))
    assert first == render_pdf(build_handout(questions, options))
    assert b"D:19700101000000" in first
    dated = HandoutOptions(versions=2, seed=8, created=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    assert b"D:20260301090000" in render_pdf(build_handout(questions, dated))
