"""Atomic file writes: a crash or a full disk never leaves a half-written output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from studykit.errors import OutputError, StudykitError


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    Raises OutputError (one line, naming the path) when the folder is missing or unwritable.
    """
    shown = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # Write through a symlink to the file it points at, rather than replacing the link.
    target = Path(os.path.realpath(shown))
    folder = target.parent
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory")
    if target.exists() and not target.is_file():
        # A device or FIFO (`-o /dev/stdout`): write into it; renaming over it would destroy it.
        return _write_in_place(shown, target, payload)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise OutputError(f"{shown}: folder {shown.parent} does not exist") from None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    try:
        # mkstemp makes 0600 files; give outputs the mode a plain open() would (0666 - umask).
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    return shown


def _write_in_place(shown: Path, target: Path, payload: bytes) -> Path:
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
            handle.flush()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    return shown


def read_bytes(path: str | Path, error: type[StudykitError], what: str) -> bytes:
    """Read a whole file, turning OS errors into `error` (one line naming the file).

    `what` names the expected kind of file for the messages ("bank file", "article").
    """
    file = Path(path)
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise error(f"{file}: no such {what}") from None
    except IsADirectoryError:
        article = "an" if what[0] in "aeiou" else "a"
        raise error(f"{file}: is a directory, not {article} {what}") from None
    except OSError as exc:
        raise error(f"{file}: cannot read ({exc.strerror or exc})") from None
