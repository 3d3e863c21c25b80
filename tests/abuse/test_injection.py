"""Hostile text in an article or an edit reaches every output as text, never as markup, a
cloze, a formula or a terminal command; characters XML forbids are dropped."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from studykit.bank import save_bank
from studykit.models import Bank, Edit, Question, QuestionType, Status
from tests.abuse.conftest import studykit

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def _by_type(bank: Bank, qtype: QuestionType) -> Question:
    return next(q for q in bank.questions if q.type == qtype)


def _replace(bank: Bank, *questions: Question) -> Bank:
    new = {q.id: q for q in questions}
    return bank.model_copy(update={"questions": tuple(new.get(q.id, q) for q in bank.questions)})


def _prefixed(q: Question, prefix: str) -> Question:
    """The question with `prefix` written before its source sentence (offsets kept right)."""
    src = q.source
    moved = src.model_copy(update={
        "sentence": prefix + src.sentence,
        "answer_start": None if src.answer_start is None else src.answer_start + len(prefix),
        "answer_end": None if src.answer_end is None else src.answer_end + len(prefix)})
    return q.model_copy(update={"source": moved})


def test_cloze_syntax_in_the_article_makes_no_anki_cards(small_bank: Bank, tmp_path: Path
                                                         ) -> None:
    collection = pytest.importorskip("anki.collection")
    from studykit.exporters.anki import write_apkg
    from tests.exporters.test_anki import import_apkg

    cloze = _prefixed(_by_type(small_bank, QuestionType.CLOZE), "{{c2::سر}} و{{c3::آخر}} ")
    bank = _replace(small_bank, cloze)
    apkg = tmp_path / "deck.apkg"
    notes = write_apkg(bank, apkg, timestamp=1_700_000_000)
    col: Any = collection.Collection(str(tmp_path / "c.anki2"))
    try:
        import_apkg(col, apkg)
        assert col.note_count() == notes and col.card_count() == notes
        [cid] = col.find_cards('"note:studykit Cloze*"')
        from html import unescape

        assert "{{c2::سر}}" in unescape(col.get_card(cid).question())  # shown as written
    finally:
        col.close()


def _hostile_bank(small_bank: Bank) -> Bank:
    mcq = _by_type(small_bank, QuestionType.MCQ)
    cloze = _by_type(small_bank, QuestionType.CLOZE)
    short = _by_type(small_bank, QuestionType.SHORT_ANSWER)
    return _replace(
        small_bank,
        mcq.model_copy(update={"edit": Edit(prompt="=HYPERLINK(\"http://x\",\"click\")",
                                            note="+cmd|' /C calc'!A0")}),
        _prefixed(cloze.model_copy(update={"edit": Edit(
            answer="<img src=x onerror=alert(1)>", note="n")}), "سطر\vآخر\fصفحة\x00 "),
        short.model_copy(update={"edit": Edit(prompt="@SUM(1+1)\x0b؟", answer="-2+3")}),
    )


@pytest.mark.parametrize("tsv", [False, True])
def test_spreadsheet_formulas_are_prefixed(small_bank: Bank, tmp_path: Path, tsv: bool) -> None:
    bank = save_bank(_hostile_bank(small_bank), tmp_path / "bank.yaml")
    out = tmp_path / ("x.tsv" if tsv else "x.csv")
    proc = studykit("export", "csv", bank, "-o", out)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")),
                           delimiter="\t" if tsv else ","))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    assert "'=HYPERLINK(\"http://x\",\"click\")" in cells[0] or any(
        c.startswith("'=HYPERLINK") for c in cells)
    assert "'-2+3" in cells


def test_moodle_xml_is_well_formed_and_cloze_answers_escaped(small_bank: Bank, tmp_path: Path
                                                             ) -> None:
    bank = save_bank(_hostile_bank(small_bank), tmp_path / "bank.yaml")
    out = tmp_path / "m.xml"
    proc = studykit("export", "moodle", bank, "-o", out)
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(out).getroot()  # raises on \v, \f, \x00
    texts = [t.text or "" for t in root.iter("text")]
    cloze = next(t for t in texts if "{1:SHORTANSWER:" in t)
    assert "<img" not in cloze and "&lt;img src=x onerror=alert(1)&gt;" in cloze
    assert "سطر آخر صفحة" in "".join(texts)


def test_no_xml_forbidden_characters_in_html_handout_anki_and_gift(small_bank: Bank, tmp_path: Path
                                                              ) -> None:
    from studykit.exporters.anki import build_notes

    hostile = _hostile_bank(small_bank)
    bank = save_bank(hostile, tmp_path / "bank.yaml")
    out = tmp_path / "h.html"
    proc = studykit("handout", bank, "-o", out, "--with-text")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert not set(html) & {"\v", "\f", "\x00"}
    fields = "".join(f for note in build_notes(hostile, hostile.selected()) for f in note.fields)
    assert not set(fields) & {"\v", "\f", "\x00"}
    gift = tmp_path / "g.gift"
    assert studykit("export", "gift", bank, "-o", gift).returncode == 0
    assert not set(gift.read_text(encoding="utf-8")) & {"\v", "\f", "\x00"}


def test_review_writes_no_terminal_controls(small_bank: Bank, tmp_path: Path) -> None:
    draft = _by_type(small_bank, QuestionType.SHORT_ANSWER).model_copy(update={
        "status": Status.DRAFT, "edit": Edit(prompt=f"سؤال{ESCAPES}؟", note=f"ملاحظة{ESCAPES}")})
    bank = save_bank(_replace(small_bank, draft), tmp_path / "bank.yaml")
    for rtl in ("logical", "visual"):
        proc = subprocess.run([sys.executable, "-m", "studykit", "review", str(bank),
                               "--rtl", rtl], input="q\n", capture_output=True, text=True,
                              timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "سؤال" in proc.stdout or rtl == "visual"
        assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout


def test_quiz_writes_no_terminal_controls(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    from tests.review.conftest import STUDYKIT, child_env, quiz_bank

    bank = quiz_bank()
    first = bank.questions[0]
    hostile = first.model_copy(update={
        "edit": Edit(prompt=f"متى{ESCAPES} نشرت الصحيفة تقريرها؟")})
    path = save_bank(_replace(bank, hostile), tmp_path / "bank.yaml")
    child = pexpect.spawn(str(STUDYKIT), ["quiz", str(path), "--db", str(tmp_path / "r.db"),
                                          "--now", "2026-01-10T20:00"],
                          env=child_env(tmp_path), encoding="utf-8", dimensions=(30, 100),
                          timeout=20)
    child.expect("press 1-4")
    screen = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert "نشرت الصحيفة" in screen
    assert "\x1b]0;" not in screen and "\x07" not in screen and "\x1b[2J" not in screen


def test_classroom_formats_keep_hostile_text_as_text(small_bank: Bank, tmp_path: Path) -> None:
    """QTI, Kahoot and Word: markup escaped, formulas stored as text, XML-forbidden dropped."""
    import zipfile

    from docx import Document
    from openpyxl import load_workbook

    bank = save_bank(_hostile_bank(small_bank), tmp_path / "bank.yaml")
    qti, xlsx, docx = tmp_path / "q.zip", tmp_path / "k.xlsx", tmp_path / "h.docx"
    assert studykit("export", "qti", bank, "-o", qti).returncode == 0
    with zipfile.ZipFile(qti) as archive:
        for name in archive.namelist():
            root = ET.fromstring(archive.read(name))  # raises on \v, \f, \x00
            for el in root.iter():
                if el.tag.endswith("mattext") and el.get("texttype") == "text/html":
                    assert "<img" not in (el.text or "") and "<script" not in (el.text or "")
    proc = studykit("export", "kahoot", bank, "-o", xlsx, "--include-drafts")
    assert proc.returncode == 0, proc.stderr
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    formula = [c for c in cells if c.value.startswith("=HYPERLINK")]
    assert formula and all(c.data_type == "s" for c in formula)  # text, never run
    assert studykit("handout", bank, "-o", docx, "--with-text").returncode == 0
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "سطر آخر صفحة" in text and not set(text) & {"\v", "\f", "\x00"}
    assert "=HYPERLINK" in text
