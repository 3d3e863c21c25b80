"""The quiz's bank cache: the same questions from the cache, rebuilt when stale or broken,
questions parsed only when shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.bank import load_bank, save_bank
from studykit.errors import BankError
from studykit.review.bankcache import read_bank
from studykit.review.deck import QuizBank
from studykit.review.run import store_path

from .conftest import quiz_bank, quiz_questions


def same(quiz: QuizBank, path: Path) -> None:
    bank = load_bank(path)
    assert (quiz.id, quiz.title) == (bank.id, bank.title)
    assert [e.question for e in quiz.entries] == list(bank.questions)
    assert [(e.id, e.tags, e.status) for e in quiz.entries] == [
        (q.id, q.tags, q.status.value) for q in bank.questions]


def test_cache_gives_the_same_questions(bank_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    same(read_bank(bank_file, cache), bank_file)  # from YAML, writes the cache
    assert len(list(cache.iterdir())) == 1
    cached = read_bank(bank_file, cache)
    assert all(e._question is None for e in cached.entries)  # nothing parsed yet
    same(cached, bank_file)
    assert [e.id for e in cached.selected()] == [q.id for q in load_bank(bank_file).selected()]
    assert len(cached.selected(include_drafts=True)) == len(cached.selected()) + 1


def test_changed_file_is_not_served_from_the_cache(bank_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    read_bank(bank_file, cache)
    save_bank(quiz_bank(questions=quiz_questions()[:2]), bank_file)
    assert len(read_bank(bank_file, cache).entries) == 2
    assert len(list(cache.iterdir())) == 2


@pytest.mark.parametrize("damage", [b"{not json", b"", b'{"id":"x","title":"t","questions":'
                                    b'[["q",  "approved", [], 0, 99999]]}\n{}'])
def test_broken_cache_entry_is_rebuilt(bank_file: Path, tmp_path: Path, damage: bytes) -> None:
    cache = tmp_path / "c"
    read_bank(bank_file, cache)
    [entry] = cache.iterdir()
    entry.write_bytes(damage)
    same(read_bank(bank_file, cache), bank_file)


def test_damaged_question_in_cache_is_a_bank_error(bank_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    read_bank(bank_file, cache)
    [entry] = cache.iterdir()
    data = entry.read_bytes()
    cut = data.index(b"\n") + 1
    entry.write_bytes(data[:cut] + b"#" + data[cut + 1:])
    first = read_bank(bank_file, cache).entries[0]
    with pytest.raises(BankError, match="cache"):
        _ = first.question


def test_unwritable_cache_is_ignored(bank_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    same(read_bank(bank_file, blocker / "sub"), bank_file)


def test_bank_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no such bank file"):
        read_bank(tmp_path / "missing.yaml", tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed")
    with pytest.raises(BankError, match=str(bad)):
        read_bank(bad, tmp_path / "c")


def test_store_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDYKIT_DB", str(tmp_path / "env.sqlite3"))
    assert store_path(tmp_path / "opt.sqlite3") == tmp_path / "opt.sqlite3"
    assert store_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv("STUDYKIT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store_path() == tmp_path / "xdg" / "studykit" / "reviews.sqlite3"
