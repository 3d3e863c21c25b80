"""Abuse tests run studykit as a real process: real files, devices, pipes and signals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DECK = ROOT / "decks" / "iran-russia-2023"


def studykit(*args: str | Path, cwd: Path | None = None, stdin: str | None = None,
             timeout: float = 60, **kw: object) -> subprocess.CompletedProcess[str]:
    """`python -m studykit ARGS` in a subprocess; output captured as text."""
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    return subprocess.run([sys.executable, "-m", "studykit", *map(str, args)], cwd=cwd,
                          input=stdin, capture_output=True, text=True, timeout=timeout,
                          env=env, **kw)  # type: ignore[call-overload]


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], proc.stderr


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A copy of the default bank and its article, laid out as in the repository (the bank
    records its source as `decks/iran-russia-2023/article.ar.txt`)."""
    folder = tmp_path / "repo" / "decks" / "iran-russia-2023"
    folder.mkdir(parents=True)
    (folder / "article.ar.txt").write_bytes((DECK / "article.ar.txt").read_bytes())
    (folder / "bank.yaml").write_bytes((DECK / "bank.yaml").read_bytes())
    return folder / "bank.yaml"
