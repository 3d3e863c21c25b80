"""Inputs in the wrong place: a bank given as an article (a forgotten -o), a file that is no
Arabic article, an output file whose extension no program would open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main

DECK = Path(__file__).resolve().parent.parent / "decks" / "iran-russia-2023"


def test_forgotten_o_is_refused_with_a_hint(tmp_path: Path) -> None:
    article = shutil.copy(DECK / "article.ar.txt", tmp_path / "a.txt")
    bank = tmp_path / "bank.yaml"
    result = CliRunner().invoke(main, ["build", str(article), str(bank)])
    assert result.exit_code == 2
    assert f"is a question bank, not an article; did you mean -o {bank}?" in result.output
    assert not bank.exists() and not (tmp_path / "bank.yaml").exists()
    assert "Traceback" not in result.output


def test_a_bank_under_another_name_is_no_article(tmp_path: Path) -> None:
    disguised = shutil.copy(DECK / "bank.yaml", tmp_path / "bank.txt")
    result = CliRunner().invoke(main, ["build", str(disguised), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {disguised}: a question bank, not an article"]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("deck.apkg", "x", "an Anki package, not an article"),
    ("export.txt", '{"bank": {"id": "x"}, "questions": []}', "a JSON file, not an article"),
])
def test_non_articles_are_refused(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {path}: {reason}"]


@pytest.mark.parametrize(("args", "message"), [
    (["export", "anki", "-o", "deck.zip"], "an Anki package is written to a .apkg file"),
    (["export", "moodle", "-o", "m.apkg"], "Moodle XML is written to a .xml file"),
    (["export", "json", "-o", "j.txt"], "JSON is written to a .json file"),
    (["export", "gift", "-o", "g.xml"], "GIFT is written to a .gift or .txt file"),
    (["export", "csv", "-o", "c.apkg"], "CSV is written to a .csv or .tsv or .txt file"),
])
def test_output_extension_is_checked(tmp_path: Path, args: list[str], message: str) -> None:
    args = [*args[:-1], str(tmp_path / args[-1])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert not Path(args[-1]).exists()


@pytest.mark.parametrize(("fmt", "name"), [("anki", "d.apkg"), ("moodle", "m.xml"),
                                           ("gift", "g.gift"), ("csv", "c.tsv"),
                                           ("json", "j.json")])
def test_right_extensions_are_written(tmp_path: Path, fmt: str, name: str) -> None:
    result = CliRunner().invoke(main, ["export", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).exists()


def test_a_bank_alone_gets_no_o_hint(tmp_path: Path) -> None:
    bank = shutil.copy(DECK / "bank.yaml", tmp_path / "bank.yaml")
    result = CliRunner().invoke(main, ["build", str(bank)])
    assert result.exit_code == 2
    assert "is a question bank, not an article" in result.output
    assert "did you mean" not in result.output
