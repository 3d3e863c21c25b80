"""Loading banks for the quiz fast: a cache keyed by the bank file's sha256.

Parsing YAML is the slow part of starting a quiz (seconds for 10,000 questions even with
libyaml), and so is building every Question. A cache entry is one line of JSON — bank
id, title and per question its id, status, tags, type and where its JSON lies — followed by the
questions' JSON back to back; the quiz reads the index and parses a question only when shown
(see deck.Entry). The cache is only a cache: a missing, stale or unreadable entry is rebuilt from
the YAML, and a failure to write it is ignored. Location: STUDYKIT_CACHE, else the platformdirs
user cache dir.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studykit.bankcopy import cache_dir, keep, store_copy
from studykit.errors import BankError
from studykit.fsutil import read_bytes
from studykit.models import SCHEMA_VERSION
from studykit.review.deck import Entry, QuizBank

if TYPE_CHECKING:
    import mmap

    from studykit.models import Bank

# Bump when the cached form changes; old entries are then simply not found.
CACHE_FORMAT = 5




def encode(bank: Bank) -> bytes:
    """The cache entry of a bank: index line, then the questions' JSON."""
    from studykit.modelio import dump_json

    blobs = [dump_json(q) for q in bank.questions]
    index, at = [], 0
    for q, blob in zip(bank.questions, blobs, strict=True):
        index.append([q.id, q.status.value, list(q.tags), q.type.value, at, at + len(blob)])
        at += len(blob)
    head = json.dumps({"id": bank.id, "title": bank.title, "questions": index},
                      ensure_ascii=False, separators=(",", ":"))
    return head.encode("utf-8") + b"\n" + b"".join(blobs)


def decode(data: bytes | mmap.mmap) -> QuizBank:
    """A QuizBank from a cache entry; ValueError/KeyError/TypeError when it is damaged."""
    cut = data.find(b"\n")
    if cut < 0:
        raise ValueError("cache entry has no index line")
    head = json.loads(data[:cut])
    body = memoryview(data)[cut + 1:]
    size = len(body)
    bank_id = head["id"]
    entries = []
    for qid, status, tags, qtype, start, end in head["questions"]:
        if not 0 <= start <= end <= size:
            raise ValueError("cache entry truncated")
        entries.append(Entry(bank_id, qid, tuple(tags), status, qtype, raw=body[start:end]))
    return QuizBank(bank_id, head["title"], tuple(entries))


def from_bank(bank: Bank) -> QuizBank:
    return QuizBank(bank.id, bank.title, tuple(Entry.of(bank.id, q) for q in bank.questions))


def entry_path(raw: bytes, cache: Path | None = None) -> Path:
    """Where the cache entry of the bank file holding `raw` lives."""
    digest = hashlib.sha256(raw).hexdigest()
    return (cache or cache_dir()) / f"{digest}-s{SCHEMA_VERSION}-c{CACHE_FORMAT}.bin"


def _store(entry: Path, bank: Bank) -> None:
    keep(entry, encode(bank))


def _mapped(entry: Path) -> mmap.mmap:
    """The cache entry's bytes, mapped rather than read: the quiz reads its index line and the
    few questions it shows, not all of a 10,000-question entry."""
    import mmap

    with open(entry, "rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def read_bank(path: str | Path, cache: Path | None = None) -> QuizBank:
    """The bank at `path` for the quiz, from the cache when its sha256 matches an entry."""
    file = Path(path)
    raw = read_bytes(file, BankError, "bank file")
    entry = entry_path(raw, cache)
    try:
        return decode(_mapped(entry))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from studykit.bank import parse_bank  # YAML and validation: only for a bank not cached

    bank = parse_bank(raw, str(file))
    _store(entry, bank)
    return from_bank(bank)


def remember_saved(written: bytes, data: dict[str, Any], replaced: bytes | None = None,
                   cache: Path | None = None) -> None:
    """Cache the bank a command has just saved (`written`, the file's bytes, dumped from
    `data`), so the next quiz on it skips the YAML parse, and drop the entry of the bytes it
    replaced. The entry is what read_bank would make of the file: the same plain data,
    validated (YAML gives back exactly the data it was dumped from). Never fails: a bank that
    would not load again, or a cache that cannot be written, is simply not cached."""
    from studykit.bank import validate_bank

    try:
        bank = validate_bank(data, "bank")
    except BankError:
        return
    _store(entry_path(written, cache), bank)
    store_copy(written, bank, replaced, cache)
    if replaced is not None and replaced != written:
        with contextlib.suppress(OSError):
            entry_path(replaced, cache).unlink(missing_ok=True)
