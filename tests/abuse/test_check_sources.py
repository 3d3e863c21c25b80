"""`check` finds the bank's article wherever it runs from, and says when it cannot."""

from __future__ import annotations

import re
from pathlib import Path

from tests.abuse.conftest import studykit


def _shift_first_offset(bank: Path) -> None:
    text = bank.read_text(encoding="utf-8")
    start = int(re.search(r"\n    start: (\d+)", text).group(1))  # type: ignore[union-attr]
    bank.write_text(text.replace(f"\n    start: {start}\n", f"\n    start: {start + 1}\n",
                                 1), encoding="utf-8")


def test_check_from_another_folder_still_checks_offsets(bank_copy: Path, tmp_path: Path) -> None:
    _shift_first_offset(bank_copy)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = studykit("check", bank_copy, cwd=elsewhere)
    assert proc.returncode == 1, proc.stdout
    assert "answer-unsupported: the source sentence is not at" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_check_says_when_the_article_is_missing(bank_copy: Path, tmp_path: Path) -> None:
    (bank_copy.parent / "article.ar.txt").unlink()
    proc = studykit("check", bank_copy, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Warning: source iran-russia-2023: article decks/iran-russia-2023/article.ar.txt " \
           "not found" in proc.stderr


def test_check_says_when_the_article_changed(bank_copy: Path, tmp_path: Path) -> None:
    article = bank_copy.parent / "article.ar.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nسطر جديد.\n", encoding="utf-8")
    proc = studykit("check", bank_copy, cwd=tmp_path)
    assert "changed since the build" in proc.stderr
