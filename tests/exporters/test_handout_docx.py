"""Word handout: read back with python-docx; right to left wherever there is Arabic.

What Word needs for Arabic (see studykit/exporters/handout/word.py): `w:bidi` on every
section and on every paragraph with Arabic, `w:rtl` and a complex-script font on its runs,
`w:bidiVisual` on tables, properties in schema order. The content is the layout model's: the
same versions, numbering, options and keys as the PDF.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from test_handout_bank import NASTY, make_bank

from studykit.bank import load_bank, save_bank
from studykit.cli import main
from studykit.defaults import default_bank_path
from studykit.exporters.handout import HandoutOptions, KeyMode
from studykit.exporters.handout.layout import LABELS, build_handout
from studykit.exporters.handout.word import ARABIC_FONT, has_arabic, render_docx
from studykit.models import QuestionType

# ECMA-376 order of the properties word.py adds, with the neighbours Word may put beside them.
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr",
             "bidi", "spacing", "ind", "jc", "rPr", "sectPr"]
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "sz", "szCs", "rtl", "lang"]
SECT_ORDER = ["headerReference", "footerReference", "type", "pgSz", "pgMar", "cols", "bidi",
              "docGrid"]


def local(tag: str) -> str:
    return tag.split("}", 1)[1]


def check_order(parent: Any, order: list[str]) -> None:
    names = [local(c.tag) for c in parent if local(c.tag) in order]
    assert names == sorted(names, key=order.index), names


def all_paragraphs(doc: Any) -> Iterator[Any]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in doc.sections:
        yield from section.footer.paragraphs


def check_rtl(doc: Any) -> int:
    """Every Arabic paragraph is bidi, its runs rtl in the Arabic font; returns how many."""
    arabic = 0
    for paragraph in all_paragraphs(doc):
        ppr = paragraph._p.pPr
        if ppr is not None:
            check_order(ppr, PPR_ORDER)
        if not has_arabic(paragraph.text):
            continue
        arabic += 1
        assert ppr is not None and ppr.find(qn("w:bidi")) is not None, paragraph.text
        for run in paragraph.runs:
            rpr = run._r.rPr
            assert rpr is not None and rpr.find(qn("w:rtl")) is not None, run.text
            assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == ARABIC_FONT
            check_order(rpr, RPR_ORDER)
    for section in doc.sections:
        assert section._sectPr.find(qn("w:bidi")) is not None
        check_order(section._sectPr, SECT_ORDER)
    for table in doc.tables:
        assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    normal = doc.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    return arabic


def texts(doc: Any) -> list[str]:
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out += [cell.text for row in table.rows for cell in row.cells]
    return out


def test_versions_keys_and_rtl_match_the_layout() -> None:
    bank = make_bank()
    options = HandoutOptions(versions=3, seed=5, title=bank.title)
    handout = build_handout(bank.questions, options)
    doc = Document(io.BytesIO(render_docx(handout)))
    assert check_rtl(doc) > 50
    # One section per version and one per key, each with its version in the footer.
    assert len(doc.sections) == 6
    footers = [s.footer.paragraphs[0].text for s in doc.sections]
    # Arabic version labels; a key's footer says it is the key (as the PDF does).
    assert footers == [f"{k}النموذج {v} — صفحة " for v in "أبج"
                       for k in ("", "مفتاح الإجابات — ")]
    assert all(s.footer.paragraphs[0]._p.find(qn("w:fldSimple")) is not None
               for s in doc.sections)
    # Page numbers start again at 1 in every version and every key.
    assert all(s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
               for s in doc.sections)
    lines = texts(doc)
    position = 0
    for version in handout.versions:
        for item in version.items:  # in order: every question of every version
            prompt = item.prompt
            if item.question.type == QuestionType.CLOZE:
                prompt = prompt.replace("[...]", "______________")
            position = lines.index(f"{item.number}. {prompt}", position)
            if item.question.type == QuestionType.MCQ:
                for i, option in enumerate(item.options):
                    assert lines[position + 1 + i] == f"{LABELS[i]}. {option}"
            if item.question.type == QuestionType.MATCHING:
                assert any(f"{LABELS[0]}. {item.options[0]}" == t for t in lines)
        key_at = lines.index(f"مفتاح الإجابات — النموذج {version.label}", position)
        for item in version.items:
            key_at = lines.index(f"{item.number}. {item.key}", key_at)
            assert lines[key_at + 1] == f"المصدر: {item.source_sentence}"
        position = key_at
    assert any(NASTY in line for line in lines)  # markup and specials printed as written


def test_keys_separate_and_questions_only(tmp_path: Path) -> None:
    bank_path = tmp_path / "bank.yaml"
    save_bank(make_bank(), bank_path)
    out = tmp_path / "quiz.docx"
    result = CliRunner().invoke(main, ["handout", str(bank_path), "-o", str(out),
                                       "--versions", "2", "--key", "separate"])
    assert result.exit_code == 0, result.output
    questions = Document(str(out))
    keys = Document(str(tmp_path / "quiz-key.docx"))
    assert not any(t.startswith("مفتاح الإجابات") for t in texts(questions))
    assert [t for t in texts(keys) if t.startswith("مفتاح الإجابات")] == [
        "مفتاح الإجابات — النموذج أ", "مفتاح الإجابات — النموذج ب"]
    check_rtl(questions)
    check_rtl(keys)


def test_default_bank_docx_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "default.docx"
    result = CliRunner().invoke(main, ["handout", "-o", str(out), "--versions", "2",
                                       "--count", "30", "--seed", "1"])
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    assert check_rtl(doc) > 100
    bank = load_bank(default_bank_path())
    handout = build_handout(bank.selected(), HandoutOptions(
        versions=2, seed=1, count=30, title=bank.title, key=KeyMode.APPENDED, siblings=False))
    lines = texts(doc)
    for version in handout.versions:
        for item in version.items:
            assert f"{item.number}. {item.key}" in lines


def test_latin_only_paragraph_stays_left_to_right() -> None:
    handout = build_handout(make_bank().questions, HandoutOptions(title="Quiz 1"))
    doc = Document(io.BytesIO(render_docx(handout)))
    [title] = [p for p in doc.paragraphs if p.text.startswith("Quiz 1")]
    assert has_arabic(title.text)  # "(النموذج A)" follows the title
    check_rtl(doc)


def test_forbidden_xml_characters_are_dropped() -> None:
    bank = make_bank()
    q = bank.questions[4]
    bad = q.model_copy(update={"prompt": "سؤال\vفيه\x0cفاصل؟"})
    handout = build_handout([bad], HandoutOptions())
    doc = Document(io.BytesIO(render_docx(handout)))
    assert "1. سؤال فيه فاصل؟" in [p.text for p in doc.paragraphs]  # a space, as elsewhere


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice not installed (README: the documented render check)")
def test_libreoffice_renders_the_arabic(tmp_path: Path) -> None:
    """Optional: where LibreOffice is installed, it opens the file and keeps the Arabic text."""
    handout = build_handout(make_bank().questions, HandoutOptions(title="اختبار"))
    path = tmp_path / "h.docx"
    path.write_bytes(render_docx(handout))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "h.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "مفتاح الإجابات" in text and "سيرجي لافروف" in text


def test_long_title_is_cut_only_in_the_file_properties() -> None:
    title = "عنوان طويل " * 40  # an article's first sentence can be its title
    handout = build_handout(make_bank().questions, HandoutOptions(title=title))
    doc = Document(io.BytesIO(render_docx(handout)))
    assert len(doc.core_properties.title) == 255
    assert doc.paragraphs[0].text.startswith(title)


def test_school_instructions_marks_and_answer_sheet_reach_word(tmp_path: Path) -> None:
    out = tmp_path / "quiz.docx"  # the default deck: it has multiple-choice items to bubble
    result = CliRunner().invoke(main, ["handout", "-o", str(out), "--count", "12", "--school",
                                       "مدرسة النور", "--instructions", "أجب عن جميع الأسئلة",
                                       "--marks", "2", "--answer-sheet"])
    assert result.exit_code == 0, result.output
    got = texts(Document(str(out)))
    assert "مدرسة النور" in got and "أجب عن جميع الأسئلة" in got
    assert any(t.startswith("ورقة الإجابة") for t in got)
    assert any(t.count("◯") >= 2 for t in got)  # a row of bubbles


def test_headings_stay_with_their_first_question_and_questions_do_not_chain() -> None:
    bank = make_bank()
    handout = build_handout(bank.questions, HandoutOptions(versions=1, seed=1))
    doc = Document(io.BytesIO(render_docx(handout)))
    paragraphs = doc.paragraphs
    for i, p in enumerate(paragraphs):
        if p.style.name == "Heading 2" and i + 1 < len(paragraphs):
            assert p.paragraph_format.keep_with_next
            assert paragraphs[i + 1].paragraph_format.keep_with_next  # the instruction
    # No run of kept paragraphs longer than one question with its options (at most 6).
    run = longest = 0
    for p in paragraphs:
        run = run + 1 if p.paragraph_format.keep_with_next else 0
        longest = max(longest, run)
    assert longest <= 8
