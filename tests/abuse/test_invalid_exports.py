"""A question a student cannot answer is skipped by every exporter, with a warning naming it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from studykit.bank import save_bank
from studykit.models import Bank, Edit, QuestionType
from tests.abuse.conftest import studykit


def _broken(small_bank: Bank) -> tuple[Bank, list[str]]:
    """Two approved MCQs: one whose edited answer is not an option, one without options."""
    mcq = next(q for q in small_bank.questions if q.type == QuestionType.MCQ)
    wrong = mcq.model_copy(update={"edit": Edit(answer="28 مارس 2023", note="typo")})
    bare = mcq.model_copy(update={"id": "q-nooptions000", "options": ()})
    questions = tuple(wrong if q.id == mcq.id else q for q in small_bank.questions)
    return small_bank.model_copy(update={"questions": (*questions, bare)}), [wrong.id, bare.id]


@pytest.mark.parametrize("fmt,suffix", [("anki", "apkg"), ("json", "json"),
                                        ("moodle", "xml"), ("gift", "gift"), ("csv", "csv"),
                                        ("qti", "zip"), ("kahoot", "xlsx")])
def test_every_exporter_skips_and_names_it(small_bank: Bank, tmp_path: Path, fmt: str,
                                           suffix: str) -> None:
    bank, bad = _broken(small_bank)
    path = save_bank(bank, tmp_path / "bank.yaml")
    out = tmp_path / f"out.{suffix}"
    proc = studykit("export", fmt, path, "-o", out)
    assert proc.returncode == 0, proc.stderr
    for qid in bad:
        assert f"Warning: {qid}: not exported:" in proc.stderr
    if fmt == "anki":
        assert "(3 notes)" in proc.stderr  # 4 exportable Anki questions minus the broken MCQ
        return
    text = _text(out, fmt)
    for qid in bad:
        assert qid not in text
    if fmt == "json":
        assert all(q["type"] != "mcq" for q in json.loads(text)["questions"])
    if fmt == "moodle":
        assert not [q for q in ET.fromstring(text).iter("question")
                    if q.get("type") == "multichoice"]
    if fmt in ("qti", "kahoot"):  # neither the broken MCQ's prompt nor its options
        mcq = next(q for q in bank.questions if q.type == QuestionType.MCQ)
        assert mcq.shown_prompt not in text and mcq.options[1] not in text


def _text(out: Path, fmt: str) -> str:
    """The file's text: the QTI package's XML files, or the Kahoot sheet's cells."""
    if fmt == "qti":
        import zipfile

        with zipfile.ZipFile(out) as archive:
            return "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    if fmt == "kahoot":
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        assert sheet is not None
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    return out.read_text(encoding="utf-8")
