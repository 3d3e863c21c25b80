"""Handouts a teacher can print: a section heading always on the page of its first question,
versions that differ in section, item and option order, Arabic version labels, --mix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_handout_bank import make_bank

from studykit.arabic import normalize
from studykit.bank import save_bank
from studykit.cli import main
from studykit.exporters.handout.compare import differences
from studykit.exporters.handout.layout import (
    SECTION_TITLES,
    HandoutError,
    HandoutOptions,
    build_handout,
)
from studykit.exporters.handout.pdf import render_pdf
from studykit.models import QuestionType


@pytest.mark.parametrize("size", [10, 23, 37, 61])
def test_heading_is_on_the_page_of_its_first_question(tmp_path: Path, size: int) -> None:
    handout = build_handout(make_bank(size).questions, HandoutOptions(versions=2, seed=size))
    placements: list[tuple[str, int, int]] = []
    headings: list[tuple[str, int, int]] = []
    path = tmp_path / "h.pdf"
    path.write_bytes(render_pdf(handout, keys=False, placements=placements, headings=headings))
    first_page = {tag: first for tag, first, _ in placements}
    pages = _pypdf_pages(path)
    for version in handout.versions:
        for section in version.sections:
            [(_, page, _)] = [h for h in headings
                              if h[0] == f"{version.label}:h:{section.type.value}"]
            assert page == first_page[f"{version.label}:q:{section.items[0].number}"]
            # Read back: the heading's words are on that page.
            assert normalize(section.title).replace(" ", "") in pages[page - 1], section.title


def _pypdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [normalize(page.extract_text()).replace(" ", "") for page in PdfReader(path).pages]


def test_ten_questions_differ_in_every_version() -> None:
    bank = make_bank(10)
    handout = build_handout(bank.questions, HandoutOptions(versions=3, seed=0))
    first = handout.versions[0]
    assert [s.type for s in first.sections] == [t for t in SECTION_TITLES
                                                 if any(s.type == t for s in first.sections)]
    for version in handout.versions[1:]:
        assert [s.type for s in version.sections] != [s.type for s in first.sections]
        same = [a.question.id for a, b in zip(first.items, version.items, strict=True)
                if a.question.id == b.question.id]
        assert same == [], same
    report = differences(handout)
    assert len(report) == 2
    assert report[0].startswith("النموذج ب vs أ: 10/10 questions at another number")
    assert "sections in another order" in report[0]


def test_latin_labels_on_request() -> None:
    handout = build_handout(make_bank(10).questions,
                            HandoutOptions(versions=2, arabic_labels=False))
    assert [v.label for v in handout.versions] == ["A", "B"]
    arabic = build_handout(make_bank(10).questions, HandoutOptions(versions=2))
    assert [v.label for v in arabic.versions] == ["أ", "ب"]
    # The shuffles depend on the seed, not on the label script.
    assert [[i.question.id for i in v.items] for v in handout.versions] == [
        [i.question.id for i in v.items] for v in arabic.versions]


def test_mix_picks_so_many_of_each_type() -> None:
    bank = make_bank(60)
    mix = ((QuestionType.MCQ, 5), (QuestionType.TRUE_FALSE, 4), (QuestionType.SHORT_ANSWER, 3))
    handout = build_handout(bank.questions, HandoutOptions(seed=3, mix=mix))
    counts = {s.type: len(s.items) for s in handout.versions[0].sections}
    assert counts == dict(mix)
    with pytest.raises(HandoutError, match="--mix asks for 99 mcq questions"):
        build_handout(bank.questions, HandoutOptions(mix=((QuestionType.MCQ, 99),)))


def test_cli_mix_labels_and_report(tmp_path: Path) -> None:
    bank = save_bank(make_bank(60), tmp_path / "bank.yaml")
    out = tmp_path / "quiz.md"
    result = CliRunner().invoke(main, ["handout", str(bank), "-o", str(out), "--versions", "2",
                                       "--mix", "mcq=5,true_false=5,short=3", "--siblings"])
    assert result.exit_code == 0, result.output
    assert "النموذج ب vs أ: 13/13 questions at another number" in result.output
    text = out.read_text(encoding="utf-8")
    assert "النموذج أ" in text and "النموذج ب" in text
    latin = CliRunner().invoke(main, ["handout", str(bank), "-o", str(out), "--versions", "2",
                                      "--labels", "latin"])
    assert latin.exit_code == 0 and "النموذج B" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["handout", str(bank), "-o", str(out), "--mix", "mcq=x"])
    assert bad.exit_code == 2 and "TYPE=N" in bad.output


def test_items_do_not_repeat_their_section_instruction() -> None:
    bank = make_bank(24)
    tf = next(q for q in bank.questions if q.type == QuestionType.TRUE_FALSE)
    prefixed = tf.model_copy(update={"prompt": "صح أم خطأ: " + tf.prompt})
    handout = build_handout([prefixed], HandoutOptions())
    [item] = handout.versions[0].items
    assert item.prompt == tf.prompt.strip()


def test_matching_rows_are_not_numbered_like_questions() -> None:
    bank = make_bank(24)
    handout = build_handout([q for q in bank.questions if q.type == QuestionType.MATCHING][:1],
                            HandoutOptions())
    [item] = handout.versions[0].items
    assert item.key.startswith("(١)=")
    from studykit.exporters.handout.markdown import render_markdown

    text = render_markdown(handout)
    assert "(١) " in text and "\n1. " not in text.split("المطابقة", 1)[1].split("مفتاح")[0]


def test_answer_sheet_in_every_format(tmp_path: Path) -> None:
    """A bubble row per multiple-choice and true/false question, numbered as on the paper;
    in the PDF on its own page after the version's questions (read back with pypdf)."""
    from studykit.exporters.handout import write_handout
    from studykit.exporters.handout.layout import SHEET_TITLE, KeyMode, sheet_rows

    questions = make_bank(24).questions
    options = HandoutOptions(versions=2, seed=4, answer_sheet=True, key=KeyMode.NONE)
    handout = build_handout(questions, options)
    for version in handout.versions:
        rows = sheet_rows(version)
        wanted = [i.number for i in version.items
                  if i.question.type in (QuestionType.MCQ, QuestionType.TRUE_FALSE)]
        assert [n for n, _ in rows] == wanted and wanted
        assert all(c in (("أ", "ب", "ج", "د"), ("صح", "خطأ")) for _, c in rows)
    pdf = tmp_path / "s.pdf"
    write_handout(questions, pdf, options)
    pages = _pypdf_pages(pdf)
    sheet_pages = [i for i, text in enumerate(pages) if normalize(SHEET_TITLE).replace(" ", "")
                   in text]
    assert len(sheet_pages) == 2  # one per version, each after its questions
    html = tmp_path / "s.html"
    write_handout(questions, html, options)
    text = html.read_text(encoding="utf-8")
    assert text.count('class="bubble"') == sum(len(c) for v in handout.versions
                                               for _, c in sheet_rows(v))
    md = tmp_path / "s.md"
    write_handout(questions, md, options)
    assert md.read_text(encoding="utf-8").count(f"## {SHEET_TITLE}") == 2
    plain = build_handout(questions, HandoutOptions(versions=1))
    assert not plain.answer_sheet


def test_marks_school_and_instructions(tmp_path: Path) -> None:
    from studykit.exporters.handout.layout import marks_text

    assert [marks_text(n) for n in (1, 2, 5, 12)] == ["درجة واحدة", "درجتان", "5 درجات",
                                                      "12 درجة"]
    bank = save_bank(make_bank(24), tmp_path / "bank.yaml")
    out = tmp_path / "q.md"
    result = CliRunner().invoke(main, [
        "handout", str(bank), "-o", str(out), "--siblings", "--types", "mcq,short_answer",
        "--marks", "mcq=1,short=3", "--school", "مدرسة الأمل الثانوية",
        "--instructions", "الزمن: ساعة واحدة. أجب عن جميع الأسئلة.", "--key", "none"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "مدرسة الأمل الثانوية" in text and "الزمن: ساعة واحدة" in text
    handout = build_handout(make_bank(24).questions, HandoutOptions(
        types=(QuestionType.MCQ, QuestionType.SHORT_ANSWER),
        marks=((QuestionType.MCQ, 1), (QuestionType.SHORT_ANSWER, 3))))
    version = handout.versions[0]
    counts = {s.type: len(s.items) for s in version.sections}
    assert version.total == counts[QuestionType.MCQ] + 3 * counts[QuestionType.SHORT_ANSWER]
    assert f"/ {version.total}**" in text
    short = next(s for s in version.sections if s.type == QuestionType.SHORT_ANSWER)
    assert short.title.endswith(f"({marks_text(3 * len(short.items))})") and short.title in text
    pdf = tmp_path / "q.pdf"
    assert CliRunner().invoke(main, ["handout", str(bank), "-o", str(pdf), "--marks", "2",
                                     "--school", "مدرسة الأمل"]).exit_code == 0
    assert normalize("مدرسة الأمل").replace(" ", "") in _pypdf_pages(pdf)[0]
