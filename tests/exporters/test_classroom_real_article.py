"""The classroom formats from a bank built from a real article nobody tuned them on."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from test_handout_docx import check_rtl
from test_kahoot import read_sheet
from test_moodle import parse_back as parse_moodle
from test_qti import check_against_bank, check_manifest, parse_back

from studykit.bank import load_bank
from studykit.cli import main
from studykit.exporters.accepted import accepted_forms
from studykit.models import QuestionType

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "heldout" / \
    "egypt-greece-maritime-2020.ar.txt"


def test_built_bank_exports_to_every_classroom_format(tmp_path: Path) -> None:
    runner = CliRunner()
    bank_path = tmp_path / "bank.yaml"
    result = runner.invoke(main, ["build", str(ARTICLE), "-o", str(bank_path)])
    assert result.exit_code == 0, result.output
    bank = load_bank(bank_path)
    assert bank.selected(include_drafts=True)
    drafts = ["--include-drafts"]

    qti = tmp_path / "q.zip"
    assert runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(qti),
                                *drafts]).exit_code == 0
    with zipfile.ZipFile(qti) as archive:
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    check_against_bank(bank, parse_back(files[check_manifest(files)]), include_drafts=True)

    xlsx = tmp_path / "k.xlsx"
    result = runner.invoke(main, ["export", "kahoot", str(bank_path), "-o", str(xlsx), *drafts])
    assert result.exit_code == 0, result.output
    assert read_sheet(xlsx)

    docx = tmp_path / "h.docx"
    result = runner.invoke(main, ["handout", str(bank_path), "-o", str(docx), "--versions", "2",
                                  *drafts])
    assert result.exit_code == 0, result.output
    assert check_rtl(Document(str(docx))) > 20

    moodle = tmp_path / "m.xml"
    assert runner.invoke(main, ["export", "moodle", str(bank_path), "-o", str(moodle),
                                *drafts]).exit_code == 0
    parsed = parse_moodle(moodle.read_text(encoding="utf-8"))
    for q in bank.selected(include_drafts=True):
        if q.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            assert parsed[q.id]["answers"] == accepted_forms(q)
