"""Files that are not what they claim: devices, FIFOs, huge inputs, protected banks."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from studykit.errors import OutputError
from studykit.fsutil import MAX_ARTICLE_BYTES, atomic_write
from tests.abuse.conftest import DECK, assert_one_line_error, studykit

needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")


@needs_devices
def test_build_into_dev_full_is_refused_not_read_forever(tmp_path: Path) -> None:
    proc = studykit("build", DECK / "article.ar.txt", "-o", "/dev/full", timeout=30)
    assert_one_line_error(proc, "/dev/full", "not a regular file")


@needs_devices
@pytest.mark.parametrize("command", [["check"], ["export", "json"], ["quiz", "--cram"]])
def test_dev_zero_as_bank_is_refused(command: list[str]) -> None:
    proc = studykit(*command, "/dev/zero", timeout=30)
    assert_one_line_error(proc, "/dev/zero", "not a regular file")


@needs_devices
@pytest.mark.parametrize("command", ["build", "extract"])
def test_dev_zero_as_article_is_refused(command: str, tmp_path: Path) -> None:
    args = ["-o", str(tmp_path / "b.yaml")] if command == "build" else []
    proc = studykit(command, "/dev/zero", *args, timeout=30)
    assert_one_line_error(proc, "/dev/zero", "not a regular file")


def test_fifo_as_article_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    proc = studykit("extract", fifo, timeout=30)
    assert_one_line_error(proc, "not a regular file")


def test_check_with_a_fifo_as_source_path_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "article.ar.txt"
    os.mkfifo(fifo)
    text = (DECK / "bank.yaml").read_text(encoding="utf-8").replace(
        "path: decks/iran-russia-2023/article.ar.txt", f"path: {fifo}")
    bank = tmp_path / "bank.yaml"
    bank.write_text(text, encoding="utf-8")
    proc = studykit("check", bank, timeout=30)
    assert "Traceback" not in proc.stderr
    assert "not a regular file" in proc.stdout + proc.stderr


def test_article_over_the_size_cap_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = "قام وزير الخارجية الإيراني بزيارة رسمية إلى موسكو في 29 مارس 2023.\n"
    big.write_text(line * (MAX_ARTICLE_BYTES // len(line.encode()) + 10), encoding="utf-8")
    proc = studykit("build", big, "-o", tmp_path / "b.yaml", timeout=30)
    assert_one_line_error(proc, "big.txt", "too large", "1.0 MB")


def test_save_keeps_a_private_mode(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("x", encoding="utf-8")
    bank.chmod(0o600)
    atomic_write(bank, "y")
    assert stat.S_IMODE(bank.stat().st_mode) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="changing owners needs root")
def test_save_keeps_the_owner(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("x", encoding="utf-8")
    os.chown(bank, 65534, 65534)
    atomic_write(bank, "y")
    assert (bank.stat().st_uid, bank.stat().st_gid) == (65534, 65534)


def test_read_only_bank_is_not_replaced(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("x", encoding="utf-8")
    bank.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        atomic_write(bank, "y")
    assert bank.read_text(encoding="utf-8") == "x"


def test_build_into_a_read_only_bank_is_one_line_error(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_bytes((DECK / "bank.yaml").read_bytes())
    bank.chmod(0o444)
    before = bank.read_bytes()
    proc = studykit("build", DECK / "article.ar.txt", "-o", bank)
    assert_one_line_error(proc, "read-only")
    assert bank.read_bytes() == before


def test_output_to_dev_stdout_into_a_pipe() -> None:
    # The shell gives studykit a pipe as fd 1; /dev/stdout then resolves to `pipe:[...]`.
    code = ("import subprocess, sys; p = subprocess.run([sys.executable, '-m', 'studykit', "
            "'export', 'csv', '-o', '/dev/stdout'], stdout=subprocess.PIPE, "
            "stderr=subprocess.PIPE); sys.stdout.write(str(p.returncode) + '|' + "
            "p.stderr.decode() + '|' + str(len(p.stdout)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    rc, err, size = out.split("|")
    assert rc == "0", err
    assert int(size) > 1000


def test_fifo_as_review_database_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "reviews.sqlite3"
    os.mkfifo(fifo)
    proc = studykit("stats", "--db", fifo, timeout=30)
    assert_one_line_error(proc, "not a regular file")
