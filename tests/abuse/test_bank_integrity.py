"""Banks that would lose or corrupt work if accepted: repeated ids, a newer schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.abuse.conftest import assert_one_line_error, studykit


def _duplicate_first_question(bank: Path) -> str:
    text = bank.read_text(encoding="utf-8")
    head, questions = text.split("\nquestions:\n")
    first = re.match(r"(- id: (q-\w+)\n(?:  .*\n)+)", questions)
    assert first
    bank.write_text(f"{head}\nquestions:\n{questions}{first.group(1)}", encoding="utf-8")
    return first.group(2)


@pytest.mark.parametrize("command", [["check"], ["export", "json", "-o", "-"], ["review"]])
def test_duplicated_question_id_is_refused_naming_it(bank_copy: Path, command: list[str]) -> None:
    qid = _duplicate_first_question(bank_copy)
    proc = studykit(*command, bank_copy, stdin="q\n")
    assert_one_line_error(proc, "duplicated id", qid)


def test_duplicated_fact_id_is_refused(bank_copy: Path) -> None:
    text = bank_copy.read_text(encoding="utf-8")
    head, rest = text.split("\nfacts:\n")
    first = re.match(r"(- id: (\S+)\n(?:  .*\n)+)", rest)
    assert first
    bank_copy.write_text(f"{head}\nfacts:\n{first.group(1)}{rest}", encoding="utf-8")
    proc = studykit("check", bank_copy)
    assert_one_line_error(proc, "facts[1].id: duplicated id", first.group(2))


def test_newer_schema_version_is_refused_and_not_rewritten(bank_copy: Path) -> None:
    text = bank_copy.read_text(encoding="utf-8")
    assert text.startswith("schema_version: 1\n")
    bank_copy.write_text(text.replace("schema_version: 1", "schema_version: 99", 1),
                         encoding="utf-8")
    before = bank_copy.read_bytes()
    article = bank_copy.parent / "article.ar.txt"
    proc = studykit("build", article, "-o", bank_copy)
    assert_one_line_error(proc, "schema_version 99 is newer", "upgrade studykit")
    assert bank_copy.read_bytes() == before
