"""Outputs are written atomically, through symlinks, and never destroy special files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from studykit.errors import OutputError
from studykit.fsutil import atomic_write


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write(target, "أ")
    atomic_write(target, b"b")
    assert target.read_bytes() == b"b"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_mode_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "x", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x").stat().st_mode) == 0o644


def test_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "target.csv").write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real / "target.csv")
    atomic_write(link, "new")
    assert link.is_symlink()
    assert (real / "target.csv").read_text(encoding="utf-8") == "new"


def test_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write(fifo, "data")
        assert os.read(reader, 100) == b"data"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_device_is_an_error_not_a_replacement() -> None:
    with pytest.raises(OutputError, match="/dev/full: cannot write"):
        atomic_write("/dev/full", b"x" * 10000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "x.txt", "x")
