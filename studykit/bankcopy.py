"""A JSON copy of each bank file studykit saves, keyed by the file's sha256.

Loading a bank is mostly parsing YAML and validating it (20 ms + a 100 ms pydantic import for
the bundled deck, seconds for 10,000 questions); read back from a JSON copy it takes a few
milliseconds and imports no pydantic (modelio.bank_from_copy: the copy holds data studykit
dumped from a validated bank). `build` and `review` write the copy next to the quiz's cache
entry when they save (bankcache.remember_saved), and bank.parse_bank uses it whenever the
file's bytes are the ones saved, so only a bank edited by hand pays the parse. The copy is
only a cache: a missing or unreadable one is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studykit.models import Bank

# Bump when the copy's form changes; old copies are then simply not found.
COPY_FORMAT = 2
# Files kept in the cache folder (copies and quiz entries): every version of a bank edited by
# hand leaves one behind, so the oldest beyond this are removed when a new one is written.
CACHE_FILES = 200


def cache_dir() -> Path:
    """STUDYKIT_CACHE, else the platformdirs user cache dir."""
    env = os.environ.get("STUDYKIT_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("studykit")) / "banks"


def copy_path(raw: bytes, cache: Path | None = None) -> Path:
    from studykit.models import SCHEMA_VERSION

    digest = hashlib.sha256(raw).hexdigest()
    return (cache or cache_dir()) / f"{digest}-s{SCHEMA_VERSION}-j{COPY_FORMAT}.json"


def load_copy(raw: bytes, cache: Path | None = None) -> Bank | None:
    """The bank saved as the bytes `raw`, from its JSON copy; None when there is none."""
    import json

    from studykit.modelio import bank_from_copy

    try:
        data = copy_path(raw, cache).read_bytes()
    except OSError:
        return None
    try:
        return bank_from_copy(json.loads(data))
    except (ValueError, KeyError, TypeError):
        return None


def store_copy(raw: bytes, bank: Bank, replaced: bytes | None = None,
               cache: Path | None = None) -> None:
    """Keep the JSON copy of `bank`, saved as the bytes `raw`; drop the copy of the bytes it
    replaced. Never fails."""
    from studykit.modelio import dump_json

    keep(copy_path(raw, cache), dump_json(bank))
    if replaced is not None and replaced != raw:
        with contextlib.suppress(OSError):
            copy_path(replaced, cache).unlink(missing_ok=True)


def keep(target: Path, data: bytes) -> None:
    """Write a cache file (atomically) and prune its folder. Never fails: a cache that cannot
    be written is simply not there next time."""
    from studykit.errors import OutputError
    from studykit.fsutil import atomic_write

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    except (OSError, OutputError):
        pass
    prune(target.parent)


def prune(folder: Path, most: int = CACHE_FILES) -> None:
    """Remove the least recently written files of the cache folder beyond `most`. Never
    fails (a file another process removed first is simply gone)."""
    try:
        with os.scandir(folder) as found:
            files = [(e.stat().st_mtime_ns, e.path) for e in found if e.is_file()]
    except OSError:
        return
    if len(files) <= most:
        return
    files.sort()
    for _, path in files[:len(files) - most]:
        with contextlib.suppress(OSError):
            os.unlink(path)
