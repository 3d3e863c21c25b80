"""Standard output that cannot take the output: one line on stderr, exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.abuse.conftest import DECK, ROOT

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


@pytest.mark.parametrize("args", [
    ["--help"],
    ["extract", str(DECK / "article.ar.txt"), "--json"],
    ["check", str(DECK / "bank.yaml")],
    ["stats", "--json"],
    ["export", "csv", "-o", "-"],
], ids=["help", "extract-json", "check", "stats-json", "export-csv"])
def test_full_stdout_is_one_line_and_exit_1(args: list[str], tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "STUDYKIT_DB": str(tmp_path / "r.sqlite3"),
           "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "studykit", *args], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60, cwd=ROOT, env=env)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [
        "Error: cannot write to standard output (No space left on device)"], proc.stderr


def test_console_script_has_the_same_guard(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "studykit"
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(script), "--help"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr


def test_closed_pipe_stays_quiet() -> None:
    proc = subprocess.run(f"{sys.executable} -m studykit export json -o - | head -c 10",
                          shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.stderr == "" and len(proc.stdout) == 10
