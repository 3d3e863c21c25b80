"""Loading banks for the quiz fast: a cache keyed by the bank file's sha256.

Parsing YAML is the slow part of starting a quiz (seconds for 10,000 questions even with
libyaml), and so is building every pydantic Question. A cache entry is one line of JSON — bank
id, title and per question its id, status, tags and where its JSON lies — followed by the
questions' JSON back to back; the quiz reads the index and parses a question only when shown
(see deck.Entry). The cache is only a cache: a missing, stale or unreadable entry is rebuilt from
the YAML, and a failure to write it is ignored. Location: STUDYKIT_CACHE, else the platformdirs
user cache dir.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from studykit.bank import loads_bank
from studykit.errors import BankError, OutputError
from studykit.fsutil import atomic_write, read_bytes
from studykit.models import SCHEMA_VERSION, Bank
from studykit.review.deck import Entry, QuizBank

# Bump when the cached form changes; old entries are then simply not found.
CACHE_FORMAT = 3


def cache_dir() -> Path:
    env = os.environ.get("STUDYKIT_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("studykit")) / "banks"


def encode(bank: Bank) -> bytes:
    """The cache entry of a bank: index line, then the questions' JSON."""
    blobs = [q.model_dump_json().encode("utf-8") for q in bank.questions]
    index, at = [], 0
    for q, blob in zip(bank.questions, blobs, strict=True):
        index.append([q.id, q.status.value, list(q.tags), at, at + len(blob)])
        at += len(blob)
    head = json.dumps({"id": bank.id, "title": bank.title, "questions": index},
                      ensure_ascii=False, separators=(",", ":"))
    return head.encode("utf-8") + b"\n" + b"".join(blobs)


def decode(data: bytes) -> QuizBank:
    """A QuizBank from a cache entry; ValueError/KeyError/TypeError when it is damaged."""
    cut = data.index(b"\n")
    head = json.loads(data[:cut])
    body = data[cut + 1:]
    entries = []
    for qid, status, tags, start, end in head["questions"]:
        if not 0 <= start <= end <= len(body):
            raise ValueError("cache entry truncated")
        entries.append(Entry(head["id"], qid, tuple(tags), status, raw=body[start:end]))
    return QuizBank(head["id"], head["title"], tuple(entries))


def from_bank(bank: Bank) -> QuizBank:
    return QuizBank(bank.id, bank.title, tuple(Entry.of(bank.id, q) for q in bank.questions))


def read_bank(path: str | Path, cache: Path | None = None) -> QuizBank:
    """The bank at `path` for the quiz, from the cache when its sha256 matches an entry."""
    file = Path(path)
    raw = read_bytes(file, BankError, "bank file")
    digest = hashlib.sha256(raw).hexdigest()
    folder = cache or cache_dir()
    entry = folder / f"{digest}-s{SCHEMA_VERSION}-c{CACHE_FORMAT}.bin"
    try:
        return decode(entry.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError(f"{file}: not UTF-8 text (byte {exc.start})") from None
    bank = loads_bank(text, str(file))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(entry, encode(bank))
    except (OSError, OutputError):
        pass
    return from_bank(bank)
