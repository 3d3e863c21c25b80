"""The .apkg is proven by importing it into the real Anki backend (PyPI `anki`)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from studykit.exporters.anki import ANKI_TYPES, FONT_MEDIA, write_apkg
from studykit.models import Bank, Edit, QuestionType

anki_collection = pytest.importorskip("anki.collection")


def open_collection(path: Path) -> Any:
    return anki_collection.Collection(str(path))


def import_apkg(col: Any, apkg: Path) -> Any:
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as Cond

    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=anki_collection.ImportAnkiPackageOptions(
            with_scheduling=False, merge_notetypes=True,
            update_notes=Cond.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=Cond.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        ),
    )
    return col.import_anki_package(request)


@pytest.fixture
def col(tmp_path: Path) -> Any:
    collection = open_collection(tmp_path / "collection.anki2")
    yield collection
    collection.close()


@pytest.fixture
def imported(small_bank: Bank, tmp_path: Path, col: Any) -> Any:
    """A collection with the small bank's package imported."""
    apkg = tmp_path / "deck.apkg"
    write_apkg(small_bank, apkg, timestamp=1_700_000_000)
    import_apkg(col, apkg)
    return col


def ankable(bank: Bank) -> list[Any]:
    return [q for q in bank.selected() if q.type in ANKI_TYPES]


def test_import_counts_deck_and_rtl(small_bank: Bank, tmp_path: Path, col: Any) -> None:
    apkg = tmp_path / "deck.apkg"
    count = write_apkg(small_bank, apkg, timestamp=1_700_000_000)
    expected = len(ankable(small_bank))
    assert count == expected == 4  # the draft is left out
    import_apkg(col, apkg)
    assert col.note_count() == expected
    assert col.card_count() == expected
    assert small_bank.title in [d.name for d in col.decks.all_names_and_ids()]
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        html = card.question() + card.answer()
        assert 'dir="rtl"' in html and 'lang="ar"' in html
        assert "direction: rtl" in card.note_type()["css"]
    assert col.media.have(FONT_MEDIA)


def test_cloze_card_blanks_and_fills(imported: Any) -> None:
    col = imported
    [cid] = col.find_cards("note:studykit*Cloze*")
    card = col.get_card(cid)
    assert "29 مارس الجاري" not in card.question()
    assert "[...]" in card.question()
    assert "29 مارس الجاري" in card.answer()
    assert "عبد اللهيان" in card.question()


def test_html_in_text_is_escaped(imported: Any) -> None:
    col = imported
    [nid] = col.find_notes("tag:true_false")
    note = col.get_note(nid)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in note["Prompt"]
    assert "<script>" not in col.get_card(note.card_ids()[0]).question()


def test_source_field_highlights_answer(imported: Any) -> None:
    col = imported
    [nid] = col.find_notes("tag:mcq")
    note = col.get_note(nid)
    assert "<mark>27 مارس 2023</mark>" in note["Source"]
    assert note["Options"].count("<li>") == 4


def test_tags_carry_kind_type_and_source(imported: Any) -> None:
    col = imported
    [nid] = col.find_notes("tag:short_answer")
    assert set(col.get_note(nid).tags) == {"person", "short_answer", "seed"}


def test_output_is_reproducible(small_bank: Bank, tmp_path: Path) -> None:
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    write_apkg(small_bank, a, timestamp=1_700_000_000)
    write_apkg(small_bank, b, timestamp=1_700_000_000)
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_reimport_updates_without_duplicates_and_keeps_reviews(
    small_bank: Bank, tmp_path: Path, col: Any
) -> None:
    first = tmp_path / "v1.apkg"
    write_apkg(small_bank, first, timestamp=1_700_000_000)
    import_apkg(col, first)
    notes_before = col.note_count()

    # Study two cards through the collection's own scheduler.
    col.decks.select(col.decks.id_for_name(small_bank.title))
    answered = {}
    for _ in range(2):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, 3)
        fresh = col.get_card(card.id)
        answered[card.id] = (fresh.due, fresh.ivl, fresh.type, fresh.queue)
    assert all(state[2] != 0 for state in answered.values())  # no longer new

    # Same package again: nothing new.
    import_apkg(col, first)
    assert col.note_count() == notes_before

    # Fix one question's wording, export again with a newer timestamp, import.
    mcq = next(q for q in small_bank.questions if q.type == QuestionType.MCQ)
    edited = mcq.model_copy(update={"edit": Edit(prompt="في أي يوم نشرت الصحيفة تقريرها؟")})
    bank2 = small_bank.model_copy(update={
        "questions": tuple(edited if q.id == mcq.id else q for q in small_bank.questions)})
    second = tmp_path / "v2.apkg"
    write_apkg(bank2, second, timestamp=1_700_000_500)
    import_apkg(col, second)

    assert col.note_count() == notes_before
    [nid] = col.find_notes("tag:mcq")
    assert col.get_note(nid)["Prompt"] == "في أي يوم نشرت الصحيفة تقريرها؟"
    for cid, state in answered.items():
        card = col.get_card(cid)
        assert (card.due, card.ivl, card.type, card.queue) == state


def test_default_deck_through_the_cli_imports(tmp_path: Path, col: Any) -> None:
    """End to end: the shipped bank, exported by the CLI, imported by Anki."""
    from click.testing import CliRunner

    from studykit.bank import load_bank
    from studykit.cli import main
    from studykit.defaults import default_bank_path

    apkg = tmp_path / "default.apkg"
    result = CliRunner().invoke(main, ["export", "anki", "-o", str(apkg)])
    assert result.exit_code == 0, result.output
    bank = load_bank(default_bank_path())
    expected = ankable(bank)
    import_apkg(col, apkg)
    assert col.note_count() == len(expected) > 0
    assert col.card_count() == len(expected)
    by_type = {t: [q for q in expected if q.type == t] for t in ANKI_TYPES}
    assert all(by_type.values()), "every Anki question type is in the default deck"
    for qtype in (QuestionType.MCQ, QuestionType.TRUE_FALSE):
        nids = col.find_notes(f"tag:{qtype.value}")
        assert len(nids) == len(by_type[qtype])
        card = col.get_card(col.get_note(nids[0]).card_ids()[0])
        assert card.question().count("<li>") == len(by_type[qtype][0].shown_options)
    for nid in col.find_notes("tag:cloze")[:5]:
        card = col.get_card(col.get_note(nid).card_ids()[0])
        assert "[...]" in card.question() and "cloze" in card.answer()


def test_edited_answer_shows_only_the_edit(small_bank: Bank, tmp_path: Path, col: Any) -> None:
    """After a review edit the card shows the edited answer, highlights its own words, drops
    the generator's alternatives, and never prints the reviewer's note."""
    short = next(q for q in small_bank.questions if q.type == QuestionType.SHORT_ANSWER
                 and q.status.value == "approved")
    edited = short.model_copy(update={"prompt": "من دعا إلى استئناف المفاوضات النووية؟",
                                      "edit": Edit(answer="وزير الخارجية الروسي",
                                                   note="صححت الاسم والمنصب")})
    bank = small_bank.model_copy(update={"questions": tuple(
        edited if q.id == short.id else q for q in small_bank.questions)})
    apkg = tmp_path / "deck.apkg"
    write_apkg(bank, apkg, timestamp=1_700_000_000)
    import_apkg(col, apkg)
    [nid] = col.find_notes("tag:short_answer")
    note = col.get_note(nid)
    card = col.get_card(note.card_ids()[0])
    html = card.question() + card.answer()
    assert "صححت الاسم والمنصب" not in html and "صححت" not in note["Extra"]
    assert "لافروف" not in note["Extra"]  # the old alternatives
    assert "<mark>وزير الخارجية الروسي</mark>" in note["Source"]
    assert "<mark>سيرجي لافروف</mark>" not in note["Source"]
