"""Atomic file writes: a crash or a full disk never leaves a half-written output."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from studykit.errors import OutputError, StudykitError

# Size caps (documented in the README): a news article is tens of kB and the default bank
# 0.2 MB; anything far larger is a wrong file, and building from it would take minutes.
MAX_ARTICLE_BYTES = 1 * 2**20
MAX_BANK_BYTES = 64 * 2**20


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    A file that exists keeps its mode and (when allowed) its owner: a private 0600 bank must
    not become world-readable by being saved. A read-only file is refused, not replaced.
    Raises OutputError (one line, naming the path) when the folder is missing or unwritable.
    """
    shown = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # `-o /dev/stdout` into a pipe: the link resolves to `pipe:[123]`, which realpath cannot
    # follow, so ask the OS what the path itself is before resolving it.
    try:
        info: os.stat_result | None = os.stat(shown)
    except OSError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{shown}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        # A device or FIFO (`-o /dev/stdout`): write into it; renaming over it would destroy it.
        return _write_in_place(shown, shown, payload)
    # Write through a symlink to the file it points at, rather than replacing the link.
    target = Path(os.path.realpath(shown))
    folder = target.parent
    if info is not None and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise OutputError(f"{shown}: file is read-only; not replaced")
    try:
        import tempfile  # only for writes: it costs a quiz start ~3 ms

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise OutputError(f"{shown}: folder {shown.parent} does not exist") from None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    try:
        if info is None:
            # mkstemp makes 0600 files; give new outputs the mode a plain open() would.
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        else:
            _keep_owner(fd, info)
            os.fchmod(fd, stat.S_IMODE(info.st_mode))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    return shown


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """Give the replacement the old file's owner and group where the OS lets us (root, or
    a group we belong to); otherwise it keeps ours, as any editor's save would."""
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.fchown(fd, -1, info.st_gid)


def _write_in_place(shown: Path, target: Path, payload: bytes) -> Path:
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
            handle.flush()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    return shown


def read_bytes(path: str | Path, error: type[StudykitError], what: str,
               limit: int = MAX_BANK_BYTES) -> bytes:
    """Read a whole regular file of at most `limit` bytes, turning OS errors into `error`
    (one line naming the file). `what` names the expected kind of file ("bank file").

    Devices and FIFOs are refused before they are read: `/dev/zero` never ends and a FIFO
    blocks, so reading one would hang or exhaust memory.
    """
    file = Path(path)
    article = "an" if what[0] in "aeiou" else "a"
    try:
        # O_NONBLOCK: opening a FIFO without a writer would otherwise block before fstat.
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise error(f"{file}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{file}: is a directory, not {article} {what}") from None
    except OSError as exc:
        raise error(f"{file}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{file}: is a directory, not {article} {what}")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{file}: not a regular file (a device, FIFO or socket)")
        if info.st_size > limit:
            raise error(f"{file}: too large ({_size(info.st_size)}; studykit reads at most "
                        f"{_size(limit)} here)")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            # One byte past the limit: a file that grew after fstat is still refused.
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{file}: cannot read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise error(f"{file}: too large (over {_size(limit)}; studykit reads at most "
                    f"{_size(limit)} here)")
    return data


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"
