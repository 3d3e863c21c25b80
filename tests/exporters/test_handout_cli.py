"""`studykit handout` through the real click app."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_handout_bank import make_bank

from studykit.bank import save_bank
from studykit.cli import main
from studykit.models import Status


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    save_bank(make_bank(), path)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["handout", *args])


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".md"])
def test_key_separate_writes_file_and_key(bank_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"quiz{suffix}"
    result = run(str(bank_file), "-o", str(out), "--versions", "2", "--seed", "3",
                 "--key", "separate", "--with-text", "--title", "اختبار الوحدة")
    assert result.exit_code == 0, result.output
    key = tmp_path / f"quiz-key{suffix}"
    assert out.stat().st_size > 0 and key.stat().st_size > 0
    assert "quiz-key" in result.output


def test_same_seed_same_bytes_for_text_formats(bank_file: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        assert run(str(bank_file), "-o", str(out), "--versions", "3",
                   "--seed", "11").exit_code == 0
    assert a.read_text("utf-8") == b.read_text("utf-8")


def test_types_and_count(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.md"
    result = run(str(bank_file), "-o", str(out), "--types", "mcq,true-false", "--count", "2")
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "صح أم خطأ" in text or "الاختيار من متعدد" in text
    assert "المطابقة" not in text and "أكمل الفراغ" not in text


@pytest.mark.parametrize("args, code, message", [
    (["--types", "essay"], 2, "unknown type 'essay'"),
    (["--versions", "0"], 2, "--versions"),
    (["--key", "inline"], 2, "--key"),
])
def test_bad_options_are_usage_errors(bank_file: Path, tmp_path: Path, args: list[str],
                                      code: int, message: str) -> None:
    result = run(str(bank_file), "-o", str(tmp_path / "x.pdf"), *args)
    assert result.exit_code == code
    assert message in result.output


def test_user_errors_are_one_line(bank_file: Path, tmp_path: Path) -> None:
    bad_suffix = run(str(bank_file), "-o", str(tmp_path / "x.odt"))  # .docx is Word
    assert bad_suffix.exit_code == 1
    assert bad_suffix.output.startswith("Error: ") and "x.odt" in bad_suffix.output
    no_folder = run(str(bank_file), "-o", str(tmp_path / "missing" / "x.pdf"))
    assert no_folder.exit_code == 1 and "does not exist" in no_folder.output
    no_bank = run(str(tmp_path / "none.yaml"), "-o", str(tmp_path / "x.pdf"))
    assert no_bank.exit_code == 1 and "none.yaml" in no_bank.output


def test_drafts_need_include_drafts(tmp_path: Path) -> None:
    bank = make_bank()
    drafts = bank.model_copy(update={"questions": tuple(
        q.model_copy(update={"status": Status.DRAFT}) for q in bank.questions)})
    path = tmp_path / "drafts.yaml"
    save_bank(drafts, path)
    refused = run(str(path), "-o", str(tmp_path / "x.pdf"))
    assert refused.exit_code == 1 and "no questions" in refused.output
    done = run(str(path), "-o", str(tmp_path / "x.pdf"), "--include-drafts")
    assert done.exit_code == 0 and (tmp_path / "x.pdf").stat().st_size > 0


def test_left_out_siblings_are_announced(bank_file: Path, tmp_path: Path) -> None:
    few = run(str(bank_file), "-o", str(tmp_path / "a.md"), "--count", "500")
    assert few.exit_code == 0, few.output
    assert "--siblings" in few.stderr
    every = run(str(bank_file), "-o", str(tmp_path / "b.md"), "--siblings")
    assert every.exit_code == 0
    assert "--siblings" not in every.stderr
