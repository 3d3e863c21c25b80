"""Speed work must not change a single byte of a bank: whole banks built from fixed inputs,
compared by sha256 with what studykit wrote before the work on issue 13 (commit 6e2fd67), and
since the merge with the generator's later rounds, with what main wrote just before that merge
(the merged code gave the same bytes on all four banks).

The articles are given as paths relative to the repository (a bank records them), so the
checksums do not depend on where the repository is. If a change *means* to alter banks (a
better question, a new rule), rebuild and paste the new sums, saying why in the commit:

    python tests/test_golden_banks.py
"""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from studykit.bank import load_bank, loads_bank
from studykit.pipeline import build_bank_file

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "bulk"
DECK = Path("decks/iran-russia-2023")

SUMS = {
    # The bundled article into a new bank, and merged into the curated bank (`make demo`).
    "deck": "fd049764c0ff1ce4e69ef2583ca9e45fa82d55e6cbc712ed178aa6d3edd48912",
    "curated": "617c6ea3eab8b490bb781160f9e1c38dc25eadd4367943b2094b77cfc5f0022a",
    # All 41 test articles (tests/data/**/*.ar.txt) into one bank.
    "many": "83cef2341f1492a6834857736897fc791af7e802e061985592e80db2969b7fa6",
    # The first 40 of ../shared's 300 bulk articles into one bank, published 2015-08-01.
    "bulk": "e03dc4c2ffc4fdf9a5fce05b8be06af45e8de0896e01db7672642165d418cba6",
}


def _inputs(name: str) -> list[Path]:
    if name in ("deck", "curated"):
        return [DECK / "article.ar.txt"]
    return sorted(Path("tests/data").rglob("*.ar.txt"))


def build(name: str, folder: Path) -> str:
    """Build the named bank in `folder` (run from the repository root); its sha256."""
    target = folder / f"{name}.yaml"
    if name == "deck":
        build_bank_file([DECK / "article.ar.txt"], target)
    elif name == "curated":
        shutil.copy(DECK / "bank.yaml", target)
        build_bank_file([DECK / "article.ar.txt"], target)
    elif name == "many":
        build_bank_file(sorted(Path("tests/data").rglob("*.ar.txt")), target)
    else:
        bulk = sorted(Path("../shared/corpus/saudinewsnet/bulk").glob("*.txt"))[:40]
        build_bank_file(bulk, target, published=date(2015, 8, 1))
    return hashlib.sha256(target.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["deck", "curated", "many"])
def test_bank_bytes_unchanged(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert build(name, tmp_path) == SUMS[name]
    # The JSON copy the save kept (bankcopy) loads as exactly the bank the YAML holds.
    target = tmp_path / f"{name}.yaml"
    assert load_bank(target) == loads_bank(target.read_text(encoding="utf-8"), name)
    # A rebuild reads its own bank back through that copy: still the same bytes.
    build_bank_file(_inputs(name), target, published=None)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == SUMS[name]


@pytest.mark.skipif(not BULK.is_dir(), reason="../shared/corpus/saudinewsnet/bulk is not here")
def test_bulk_bank_bytes_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert build("bulk", tmp_path) == SUMS["bulk"]


if __name__ == "__main__":
    import tempfile

    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        for key in SUMS:
            if key != "bulk" or BULK.is_dir():
                print(f'    "{key}": "{build(key, Path(tmp))}",')
