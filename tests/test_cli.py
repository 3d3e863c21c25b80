"""CLI basics: help everywhere, version, errors as one line with the right exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from studykit import __version__
from studykit.bank import dumps_bank, save_bank
from studykit.cli import main
from studykit.models import Bank


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, cmd in sorted(group.commands.items()):
        found.append(((*prefix, name), cmd))
        if isinstance(cmd, click.Group):
            found.extend(all_commands(cmd, (*prefix, name)))
    return found


def test_every_command_has_help_text(runner: CliRunner) -> None:
    commands = all_commands(main)
    assert len(commands) >= 4
    for path, cmd in commands:
        assert cmd.help and cmd.help.strip(), f"`studykit {' '.join(path)}` has no help text"
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage:" in result.output
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"`studykit {' '.join(path)}` option {param.name} has no help"


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for path, cmd in all_commands(main):
        if not isinstance(cmd, click.Group):
            assert f"studykit {' '.join(path)}" in readme, f"README lacks `studykit {' '.join(path)}`"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_python_dash_m() -> None:
    out = subprocess.run([sys.executable, "-m", "studykit", "--help"],
                         capture_output=True, text=True, check=True)
    assert "Usage: studykit" in out.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from studykit.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'genanki', 'fsrs', 'fpdf', 'anki', 'babel', 'uharfbuzz', 'rich', 'rapidfuzz',"
        " 'bidi', 'arabic_reshaper', 'hijridate', 'yaml', 'pydantic',"
        " 'openpyxl', 'docx', 'lxml'}\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def assert_one_line_error(result: click.testing.Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_build_missing_article(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.yaml")])
    assert_one_line_error(result, "nope.txt", "no such file")


def test_export_missing_bank(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", "anki", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.apkg")])
    assert_one_line_error(result, "nope.yaml", "no such bank file")


def test_export_malformed_yaml(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nquestions: [\n  - {id: 1,\n", encoding="utf-8")
    result = runner.invoke(main, ["export", "json", str(bad)])
    assert_one_line_error(result, "bad.yaml", "line ", "column ")


def test_export_schema_violation(runner: CliRunner, tmp_path: Path, small_bank: Bank) -> None:
    bad = tmp_path / "bank.yaml"
    bad.write_text(dumps_bank(small_bank).replace("  answer: سيرجي لافروف\n", "", 1), encoding="utf-8")
    result = runner.invoke(main, ["export", "anki", str(bad), "-o", str(tmp_path / "x.apkg")])
    assert_one_line_error(result, f"{bad}: questions[2].answer: field required")
    assert not (tmp_path / "x.apkg").exists()


@pytest.mark.parametrize("fmt, name", [("anki", "x.apkg"), ("json", "x.json")])
def test_unwritable_output(runner: CliRunner, tmp_path: Path, small_bank: Bank, fmt: str, name: str) -> None:
    bank = save_bank(small_bank, tmp_path / "bank.yaml")
    target = tmp_path / "no-such-dir" / name
    result = runner.invoke(main, ["export", fmt, str(bank), "-o", str(target)])
    assert_one_line_error(result, "no-such-dir", "does not exist")


def test_output_is_a_directory(runner: CliRunner, tmp_path: Path, small_bank: Bank) -> None:
    bank = save_bank(small_bank, tmp_path / "bank.yaml")
    result = runner.invoke(main, ["export", "anki", str(bank), "-o", str(tmp_path)])
    assert_one_line_error(result, "is a directory")


def test_usage_error_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["build", "a.txt", "--published", "30/3/2023"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    result = runner.invoke(main, ["no-such-command"])
    assert result.exit_code == 2


def test_export_json_contract(runner: CliRunner, tmp_path: Path, small_bank: Bank) -> None:
    import json

    bank = save_bank(small_bank, tmp_path / "bank.yaml")
    result = runner.invoke(main, ["export", "json", str(bank), "-o", "-"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["bank"]["id"] == "bank"
    assert len(data["questions"]) == len(small_bank.selected())
    for q in data["questions"]:
        assert {"id", "type", "prompt", "answer", "fact_ids", "source", "status"} <= set(q)
        assert {"sentence", "start", "end"} <= set(q["source"])
        assert q["status"] == "approved"
    drafts = runner.invoke(main, ["export", "json", str(bank), "--include-drafts"])
    assert len(json.loads(drafts.stdout)["questions"]) == len(small_bank.questions)


def test_installed_wheel_finds_default_deck(tmp_path: Path) -> None:
    """Build the wheel and import studykit from it: the default deck must ship inside."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "decks" / "iran-russia-2023" / "bank.yaml").exists():
        pytest.fail("the default bank is missing from decks/")
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheel_dir), str(root)], check=True, capture_output=True)
    [wheel] = wheel_dir.glob("studykit-*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    code = ("import studykit.defaults as d, studykit; "
            "print(studykit.__file__); print(d.default_bank_path())")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env, cwd=tmp_path)
    package_file, bank_path = out.stdout.strip().splitlines()
    assert package_file.startswith(str(target))
    assert bank_path.startswith(str(target))
    assert Path(bank_path).is_file()


def test_build_several_articles_into_one_bank(runner: CliRunner, tmp_path: Path) -> None:
    from studykit.bank import load_bank

    root = Path(__file__).resolve().parent.parent
    a = root / "decks" / "iran-russia-2023" / "article.ar.txt"
    b = root / "tests" / "data" / "egypt-saudi-power-link-2024.ar.txt"
    out = tmp_path / "both.yaml"
    result = runner.invoke(main, ["build", str(a), str(b), "-o", str(out),
                                  "--published", "2024-05-02"])
    assert result.exit_code == 0, result.output
    assert "facts:" in result.output and "questions:" in result.output
    bank = load_bank(out)
    slugs = {s.id for s in bank.sources}
    assert len(slugs) == 2
    assert {q.source.source for q in bank.questions} == slugs
    for q in bank.questions:
        assert q.source.source in q.tags
    # --published overrides the front matter for every article
    assert {s.published.isoformat() for s in bank.sources if s.published} == {"2024-05-02"}


def test_build_warns_about_missing_date_and_non_arabic(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "en.txt"
    article.write_text("The quick brown fox jumps over the lazy dog.\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(article), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 0
    assert "Warning: " in result.stderr and "no publication date" in result.stderr
    assert "mostly non-Arabic text" in result.stderr


def test_export_anki_with_nothing_approved_is_an_error(runner: CliRunner, tmp_path: Path,
                                                       small_bank: Bank) -> None:
    from studykit.models import Status

    drafts = small_bank.model_copy(update={"questions": tuple(
        q.model_copy(update={"status": Status.DRAFT}) for q in small_bank.questions)})
    bank = save_bank(drafts, tmp_path / "bank.yaml")
    result = runner.invoke(main, ["export", "anki", str(bank), "-o", str(tmp_path / "x.apkg")])
    assert_one_line_error(result, "no approved questions", "--include-drafts")
    assert not (tmp_path / "x.apkg").exists()
    ok = runner.invoke(main, ["export", "anki", str(bank), "-o", str(tmp_path / "x.apkg"),
                              "--include-drafts"])
    assert ok.exit_code == 0


def test_an_article_given_as_a_bank(runner: CliRunner, seed_article: Path) -> None:
    result = runner.invoke(main, ["check", str(seed_article)])
    assert_one_line_error(result, "not a bank file")


def test_every_bank_built_from_test_articles_passes_check(tmp_path: Path) -> None:
    """Nineteen articles in other outlets' styles: the built bank never breaks a rule."""
    from studykit.check import check_bank
    from studykit.pipeline import build_bank
    from studykit.sources import read_article

    data = Path(__file__).resolve().parent / "data"
    paths = sorted(data.glob("heldout*/*.ar.txt"))
    assert len(paths) >= 19
    for path in paths:
        bank = build_bank([read_article(path)], "t", "t")
        assert bank.questions, path
        assert check_bank(bank, include_drafts=True) == [], path


def test_drop_failing_removes_only_the_questions_that_break_a_rule(small_bank: Bank) -> None:
    from studykit.pipeline import drop_failing

    cloze = small_bank.questions[0]
    leaky = cloze.model_copy(update={"id": "q-leaky", "prompt": cloze.source.sentence})
    bank = small_bank.model_copy(update={"questions": (*small_bank.questions, leaky)})
    kept = [q.id for q in drop_failing(bank).questions]
    assert "q-leaky" not in kept
    assert kept == [q.id for q in drop_failing(small_bank).questions]
    assert len(kept) >= 3
