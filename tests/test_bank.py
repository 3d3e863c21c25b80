"""Bank files: readable YAML, exact round-trip, one-line errors with field paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.bank import dumps_bank, load_bank, loads_bank, save_bank
from studykit.errors import BankError
from studykit.models import Bank, Edit, Status


def test_round_trip_is_exact(small_bank: Bank, tmp_path: Path) -> None:
    path = save_bank(small_bank, tmp_path / "bank.yaml")
    loaded = load_bank(path)
    assert loaded == small_bank
    assert dumps_bank(loaded) == path.read_text(encoding="utf-8")


def test_round_trip_keeps_edits_and_status(small_bank: Bank, tmp_path: Path) -> None:
    q = small_bank.questions[0].model_copy(
        update={"status": Status.REJECTED, "edit": Edit(prompt="نص معدل", note="لماذا")})
    bank = small_bank.model_copy(update={"questions": (q, *small_bank.questions[1:])})
    assert load_bank(save_bank(bank, tmp_path / "b.yaml")) == bank


def test_arabic_is_readable_not_escaped(small_bank: Bank) -> None:
    text = dumps_bank(small_bank)
    assert "سيرجي لافروف" in text
    assert "\\u" not in text
    assert "status: approved" in text and "status: draft" in text


def test_missing_field_names_file_and_path(small_bank: Bank) -> None:
    text = dumps_bank(small_bank)
    broken = text.replace("  answer: سيرجي لافروف\n", "\n", 1)
    assert broken != text
    with pytest.raises(BankError) as err:
        loads_bank(broken, "decks/x/bank.yaml")
    assert str(err.value) == "decks/x/bank.yaml: questions[2].answer: field required"


def test_bad_enum_value_is_reported(small_bank: Bank) -> None:
    text = dumps_bank(small_bank).replace("status: draft", "status: maybe", 1)
    with pytest.raises(BankError, match=r"^b.yaml: questions\[4\]\.status: Input should be"):
        loads_bank(text, "b.yaml")


def test_yaml_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(BankError) as err:
        loads_bank("id: x\ntitle: [unclosed\nquestions: []\n", "bank.yaml")
    message = str(err.value)
    assert message.startswith("bank.yaml: line 3, column 10:")
    assert "\n" not in message


@pytest.mark.parametrize("text, reason", [
    ("", "not a bank"),
    ("- a\n- b\n", "not a bank"),
])
def test_not_a_mapping(text: str, reason: str) -> None:
    with pytest.raises(BankError, match=reason):
        loads_bank(text, "b.yaml")


def test_missing_bank_file(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no such bank file"):
        load_bank(tmp_path / "nope.yaml")


def test_save_survives_sigkill_mid_write(small_bank: Bank, tmp_path: Path) -> None:
    """A process killed while saving leaves either the old or the new bank, never a torn one."""
    import random
    import signal
    import subprocess
    import sys
    import time

    big = small_bank.model_copy(update={"questions": small_bank.questions * 400})
    path = save_bank(big, tmp_path / "bank.yaml")
    versions = {path.read_text(encoding="utf-8")}
    script = (
        "import sys\n"
        "from studykit.bank import load_bank, save_bank\n"
        "bank = load_bank(sys.argv[1])\n"
        "for i in range(10_000):\n"
        "    save_bank(bank.model_copy(update={'title': f'v{i % 2}'}), sys.argv[1])\n"
    )
    versions |= {dumps_bank(big.model_copy(update={"title": f"v{i}"})) for i in (0, 1)}
    rng = random.Random(7)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", script, str(path)])
        time.sleep(0.5 + rng.random() * 0.4)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert path.read_text(encoding="utf-8") in versions
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "bank.yaml"]
    # A kill between mkstemp and os.replace may leave a hidden temp file, never a torn bank.
    assert all(name.startswith(".bank.yaml.") for name in leftovers)
