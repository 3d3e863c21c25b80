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
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise OutputError(f"{target}: folder {folder} does not exist") from None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
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
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


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
