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


def _entries(cache: Path, suffix: str = ".bin") -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.suffix == suffix) if cache.is_dir() else []


@pytest.mark.parametrize("bank_path", ["decks/iran-russia-2023/bank.yaml", None])
def test_save_writes_the_entry_a_parse_would(bank_path: str | None, tmp_path: Path) -> None:
    """update_bank (build, review) caches what it writes: byte for byte the entry read_bank
    makes by parsing the file, so the quiz never sees a difference."""
    from studykit.bankwrite import update_bank
    from studykit.review.bankcache import encode, entry_path

    root = Path(__file__).resolve().parents[2]
    bank = load_bank(root / bank_path) if bank_path else quiz_bank()
    target = tmp_path / "bank.yaml"
    update_bank(target, lambda _old: bank)
    cache = tmp_path / "cache"  # STUDYKIT_CACHE of the autouse fixture
    [entry] = _entries(cache)
    assert entry == entry_path(target.read_bytes(), cache)
    from studykit.bank import loads_bank

    parsed = loads_bank(target.read_text(encoding="utf-8"), "x")  # the YAML, not the copy
    assert entry.read_bytes() == encode(parsed)
    assert not any(e._question for e in read_bank(target).entries)  # served from the entry
    # The JSON copy load_bank now reads is the very bank the YAML holds.
    [copy] = _entries(cache, ".json")
    assert load_bank(target) == parsed
    copy.unlink()
    assert load_bank(target) == parsed  # no copy: parsed from the YAML again


def test_save_replaces_the_entry_of_the_old_bytes(tmp_path: Path) -> None:
    from studykit.bankwrite import update_bank

    target = tmp_path / "bank.yaml"
    cache = tmp_path / "cache"
    update_bank(target, lambda _old: quiz_bank())
    first = _entries(cache)
    update_bank(target, lambda old: quiz_bank(questions=quiz_questions()[:2]))
    [entry] = _entries(cache)
    assert [entry] != first
    assert len(_entries(cache, ".json")) == 1
    assert len(read_bank(target).entries) == 2


def test_a_bank_that_would_not_load_is_not_cached(tmp_path: Path) -> None:
    from studykit.bank import bank_to_data, dumps_data
    from studykit.review.bankcache import remember_saved

    data = bank_to_data(quiz_bank())
    data["questions"].append(data["questions"][0])  # a repeated id: loading refuses it
    remember_saved(dumps_data(data).encode(), data, cache=tmp_path / "c")
    assert _entries(tmp_path / "c") == []
