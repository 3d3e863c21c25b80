"""`export anki --typed`: type-in cards, proven in the real Anki backend (PyPI `anki`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_anki import ankable, import_apkg, open_collection

from studykit.bank import load_bank
from studykit.cli import main
from studykit.defaults import default_bank_path
from studykit.exporters.anki import write_apkg
from studykit.exporters.ankityped import TYPED_TYPES, accepted_list
from studykit.models import Bank, Edit, QuestionType

pytest.importorskip("anki.collection")


@pytest.fixture
def col(tmp_path: Path) -> Any:
    collection = open_collection(tmp_path / "collection.anki2")
    yield collection
    collection.close()


def test_short_answer_and_cloze_are_type_in_cards(small_bank: Bank, tmp_path: Path,
                                                  col: Any) -> None:
    apkg = tmp_path / "typed.apkg"
    assert write_apkg(small_bank, apkg, timestamp=1_700_000_000, typed=True) == 4
    import_apkg(col, apkg)
    assert col.note_count() == col.card_count() == 4
    [sa] = col.find_notes("tag:short_answer")
    note = col.get_note(sa)
    assert note.note_type()["name"].startswith("studykit Type-in")
    card = col.get_card(note.card_ids()[0])
    assert "[[type:Answer]]" in card.question() and 'dir="rtl"' in card.question()
    assert "سيرجي لافروف" not in card.question()
    # The back lists the other answers the quiz accepts.
    assert "يُقبل أيضًا: لافروف، سيرغي لافروف" in card.answer()
    assert "typed" in note.tags
    [cz] = col.find_notes("tag:cloze")
    cloze_note = col.get_note(cz)
    assert cloze_note.note_type()["name"].startswith("studykit Cloze Type-in")
    cloze_card = col.get_card(cloze_note.card_ids()[0])
    assert "[[type:cloze:Text]]" in cloze_card.question()
    assert "29 مارس الجاري" not in cloze_card.question()
    assert "29 مارس الجاري" in cloze_card.answer() and "29 مارس" in cloze_note["Accepted"]
    # Multiple choice and true/false stay choice cards.
    for tag in ("mcq", "true_false"):
        [nid] = col.find_notes(f"tag:{tag}")
        assert col.get_note(nid).note_type()["name"].startswith("studykit Q/A")
    # Anki's own comparison of a typed Arabic answer with the card's answer.
    assert "typeGood" in col.compare_answer(note["Answer"], "سيرجي لافروف")
    assert "typeMissed" in col.compare_answer(note["Answer"], "سيرجي")


def test_plain_and_typed_decks_import_side_by_side_and_update(small_bank: Bank,
                                                              tmp_path: Path,
                                                              col: Any) -> None:
    plain, typed = tmp_path / "plain.apkg", tmp_path / "typed.apkg"
    write_apkg(small_bank, plain, timestamp=1_700_000_000)
    write_apkg(small_bank, typed, timestamp=1_700_000_000, typed=True)
    import_apkg(col, plain)
    import_apkg(col, typed)
    # Typed notes have their own GUIDs: imported next to the plain ones, not skipped.
    assert col.note_count() == 4 + 2
    sa = next(q for q in small_bank.questions if q.type == QuestionType.SHORT_ANSWER
              and q.status == "approved")
    edited = sa.model_copy(update={"edit": Edit(prompt="من وزير خارجية روسيا؟")})
    bank2 = small_bank.model_copy(update={"questions": tuple(
        edited if q.id == sa.id else q for q in small_bank.questions)})
    write_apkg(bank2, typed, timestamp=1_700_000_500, typed=True)
    import_apkg(col, typed)
    assert col.note_count() == 6
    prompts = [col.get_note(n)["Prompt"] for n in col.find_notes("tag:typed tag:short_answer")]
    assert prompts == ["من وزير خارجية روسيا؟"]


def test_default_deck_typed_through_the_cli(tmp_path: Path, col: Any) -> None:
    apkg = tmp_path / "typed.apkg"
    result = CliRunner().invoke(main, ["export", "anki", "--typed", "-o", str(apkg)])
    assert result.exit_code == 0, result.output
    bank = load_bank(default_bank_path())
    import_apkg(col, apkg)
    expected = ankable(bank)
    assert col.note_count() == len(expected)
    typed = [q for q in expected if q.type in TYPED_TYPES]
    assert len(col.find_notes("tag:typed")) == len(typed) > 0
    date_q = next(q for q in typed if q.shown_answer == "29 مارس 2023")
    shown = accepted_list(date_q)
    assert "29/3/2023" in shown and "29 آذار 2023" in shown
    assert "٢٩ مارس ٢٠٢٣" not in shown  # differs only by digits: not listed twice
