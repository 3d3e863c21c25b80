"""Models to and from plain data: the trusted copy reader and `plain` give what pydantic gives,
and reading a saved bank (export, quiz) imports no pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from studykit.bank import load_bank, loads_bank, save_bank, validate_bank
from studykit.bankwrite import update_bank
from studykit.errors import BankError
from studykit.modelio import bank_from_copy, dump, dump_json, plain, question_from_copy
from studykit.models import Bank, Edit, Pair, Question, Status

ROOT = Path(__file__).resolve().parents[1]
DECK = ROOT / "decks" / "iran-russia-2023" / "bank.yaml"


def _varied(bank: Bank) -> Bank:
    """The bundled bank with every optional shape present: a full edit with pairs, a source
    with no publication date and a URL."""
    first = bank.questions[0]
    edit = Edit(prompt="p", answer="a", options=("a", "b"), alternatives=("x",),
                pairs=(Pair(left="l", right="r"),), note="n")
    questions = (first.model_copy(update={"edit": edit, "status": Status.HELD}),
                 *bank.questions[1:])
    source = bank.sources[0].model_copy(update={"published": None, "url": "https://x.example"})
    return bank.model_copy(update={"questions": questions, "sources": (source,)})


@pytest.mark.parametrize("varied", [False, True])
def test_the_copy_reads_back_the_very_bank(varied: bool) -> None:
    bank = load_bank(DECK)
    bank = _varied(bank) if varied else bank
    again = bank_from_copy(json.loads(dump_json(bank)))
    assert again == bank
    assert type(again.questions[0].options) is tuple
    assert isinstance(again.questions[0].status, Status)
    assert again.sources[0].published == bank.sources[0].published


def test_a_question_reads_back_alone() -> None:
    bank = _varied(load_bank(DECK))
    for question in bank.questions[:5]:
        assert question_from_copy(json.loads(dump_json(question))) == question


def test_a_damaged_copy_raises_a_lookup_or_type_error() -> None:
    data = json.loads(dump_json(load_bank(DECK)))
    del data["questions"][0]["answer"]
    with pytest.raises(KeyError):
        bank_from_copy(data)


def test_plain_is_what_pydantic_dumps() -> None:
    bank = _varied(load_bank(DECK))
    for model in (*bank.sources, *bank.facts[:20], *bank.questions[:20]):
        assert plain(model) == dump(model)
    source = bank.sources[0].model_copy(update={"published": date(2023, 3, 30)})
    assert plain(source)["published"] == "2023-03-30" == dump(source)["published"]


def test_models_are_frozen_and_keyword_only() -> None:
    question = load_bank(DECK).questions[0]
    with pytest.raises(FrozenInstanceError):
        question.answer = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Pair("a", "b")  # type: ignore[misc]


def test_a_bank_file_is_still_validated_and_coerced() -> None:
    bank = loads_bank(DECK.read_text(encoding="utf-8"), "b")
    assert isinstance(bank.questions[0], Question)
    assert type(bank.questions[0].fact_ids) is tuple
    assert isinstance(bank.questions[0].source.start, int)
    data = dump(bank)
    data["questions"][0]["colour"] = "red"
    with pytest.raises(BankError, match=r"^b: questions\[0\]\.colour: unknown field$"):
        validate_bank(data, "b")
    data = dump(bank)
    data["questions"][1]["source"]["start"] = "early"
    with pytest.raises(BankError, match=r"^b: questions\[1\]\.source\.start: "):
        validate_bank(data, "b")
    data = dump(bank)
    del data["facts"][2]["kind"]
    with pytest.raises(BankError, match=r"^b: facts\[2\]\.kind: field required$"):
        validate_bank(data, "b")


_NO_PYDANTIC = """
import sys
from studykit.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
print(sorted(m for m in ("pydantic", "yaml") if m in sys.modules))
"""


def test_export_and_quiz_of_a_saved_bank_import_no_pydantic(tmp_path: Path) -> None:
    """A bank studykit saved is read from its copy: neither pydantic nor (for the quiz) PyYAML
    is imported (they cost ~100 ms of a start that should take less)."""
    env = dict(os.environ, TERM="dumb")  # STUDYKIT_CACHE: the autouse fixture's tmp folder
    bank = tmp_path / "bank.yaml"
    update_bank(bank, lambda _old: load_bank(DECK))

    def modules(*args: str) -> str:
        done = subprocess.run([sys.executable, "-c", _NO_PYDANTIC, *args], env=env,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              check=True)
        return done.stdout.strip().splitlines()[-1]

    # genanki itself imports PyYAML; the JSON export and the quiz need neither.
    assert modules("export", "anki", str(bank), "-o", str(tmp_path / "d.apkg")) == "['yaml']"
    assert modules("export", "json", str(bank), "-o", str(tmp_path / "d.json")) == "[]"
    assert modules("quiz", str(bank), "--db", str(tmp_path / "r.db"), "--limit", "1") == "[]"
    assert modules("stats", str(bank), "--db", str(tmp_path / "r.db")) == "[]"
    # A bank edited by hand is parsed and validated.
    save_bank(load_bank(bank).model_copy(update={"title": "by hand"}), bank)
    assert modules("export", "json", str(bank), "-o", str(tmp_path / "d.json")) == \
        "['pydantic', 'yaml']"
    # ... once: the parse left a copy of those bytes for the next command.
    assert modules("export", "json", str(bank), "-o", str(tmp_path / "d.json")) == "[]"


def test_the_cache_folder_keeps_the_newest_files(tmp_path: Path) -> None:
    from studykit.bankcopy import prune

    for n in range(7):
        path = tmp_path / f"{n}.json"
        path.write_text("x")
        os.utime(path, ns=(n * 10**9, n * 10**9))
    prune(tmp_path, most=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["4.json", "5.json", "6.json"]
    prune(tmp_path / "missing", most=3)  # never fails
