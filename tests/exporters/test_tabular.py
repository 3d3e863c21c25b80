"""CSV/TSV for Quizlet and Anki text import: read back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from test_handout_bank import NASTY, make_bank

from studykit.bank import save_bank
from studykit.cli import main
from studykit.exporters.tabular import COLUMNS, dumps_table
from studykit.models import QuestionType


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_one_row_per_question_front_and_back_complete() -> None:
    bank = make_bank()
    table = rows(dumps_table(bank))
    assert len(table) == len(bank.questions)
    by_id = {row[4]: row for row in table}
    for q in bank.questions:
        front, back, options, qtype, _, tags = by_id[q.id]
        assert qtype == q.type.value and tags == " ".join(q.tags)
        if q.type == QuestionType.MCQ:
            assert back == q.answer and options.split(" | ") == list(q.options)
            assert all(option in front for option in q.options)
        elif q.type == QuestionType.CLOZE:
            assert "[...]" not in front and "_____" in front and back == q.answer
        elif q.type in (QuestionType.TIMELINE, QuestionType.MATCHING):
            assert all(p.left in front and p.left in back and p.right in back for p in q.pairs)
        else:
            assert back == q.answer
    assert any(NASTY in row[0] for row in table)  # text kept verbatim, quoting handles it


def test_timeline_front_does_not_give_away_the_order() -> None:
    for q in make_bank(80).questions:
        if q.type != QuestionType.TIMELINE:
            continue
        front = rows(dumps_table(make_bank().model_copy(update={"questions": (q,)})))[0][0]
        listed = front.splitlines()[1:]
        assert sorted(listed) == sorted(p.left for p in q.pairs)
        assert listed != [p.left for p in q.pairs]


def test_tsv_and_header() -> None:
    text = dumps_table(make_bank(), delimiter="\t", header=True)
    table = rows(text, "\t")
    assert tuple(table[0]) == COLUMNS and len(table) == 1 + len(make_bank().questions)


def test_cli_tsv_by_suffix(tmp_path: Path) -> None:
    bank_file = tmp_path / "bank.yaml"
    save_bank(make_bank(), bank_file)
    out = tmp_path / "cards.tsv"
    result = CliRunner().invoke(main, ["export", "csv", str(bank_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = rows(out.read_text("utf-8"), "\t")
    assert all(len(row) == len(COLUMNS) for row in table)



def test_tsv_is_one_line_per_card_for_paste_import() -> None:
    bank = make_bank()
    text = dumps_table(bank, delimiter="\t")
    lines = text.splitlines()
    assert len(lines) == len(bank.selected())
    assert all(line.count("\t") == len(COLUMNS) - 1 for line in lines)
    mcq = next(line for line in lines if "\tmcq\t" in line)
    assert " / أ. " in mcq
