"""`studykit extract`: JSON contract, table output, the three input types and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.sources import read_article

ARTICLE = ("قال وزير الخارجية المصري سامح شكري في القاهرة يوم 3 مايو 2024 إن “الحوار هو "
           "السبيل الوحيد”.\nوأضاف شكري أن الاتفاق النووي لعام 2015 ما زال مهمًا أمس.\n")


def _files(tmp_path: Path) -> dict[str, Path]:
    txt = tmp_path / "a.txt"
    txt.write_text("---\npublished: 2024-05-10\n---\n" + ARTICLE, encoding="utf-8")
    md = tmp_path / "a.md"
    md.write_text("# خبر\n\n" + ARTICLE.replace("الاتفاق النووي", "**الاتفاق النووي**"),
                  encoding="utf-8")
    html = tmp_path / "a.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    html.write_text(f"<html><head><script>x=1</script></head><body>{paragraphs}</body></html>",
                    encoding="utf-8")
    return {"txt": txt, "md": md, "html": html}


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_json_contract_on_each_input_type(tmp_path: Path, kind: str) -> None:
    path = _files(tmp_path)[kind]
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2024-05-10",
                                       "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"]["id"] == "a"
    # Offsets index the file; the text there is the file's with markup blanked (read_article).
    text = read_article(path).body
    assert len(text) == len(path.read_text(encoding="utf-8"))
    by_id = {f["id"]: f for f in data["facts"]}
    for fact in data["facts"]:
        assert {"id", "kind", "text", "value", "mentions"} <= fact.keys()
        first = fact["mentions"][0]
        assert text[first["start"]:first["end"]] == fact["text"]
        assert isinstance(first["sentence"], int)
    assert by_id["date:2024-05-03"]["text"] == "3 مايو 2024"
    assert by_id["date:2024-05-09"]["relative"] is True  # أمس
    person = by_id["person:سامح-شكري"]
    assert person["role"] == "وزير الخارجية المصري" and len(person["mentions"]) == 2
    assert by_id["place:القاهرة"]["subkind"] == "city"
    assert "agreement:الاتفاق-النووي" in by_id
    quote = next(f for f in data["facts"] if f["kind"] == "quote")
    assert quote["attrs"]["speaker"] == "person:سامح-شكري"


def test_front_matter_date_is_used_and_absent_date_leaves_relative_unresolved(
        tmp_path: Path) -> None:
    files = _files(tmp_path)
    runner = CliRunner()
    with_front = json.loads(runner.invoke(main, ["extract", str(files["txt"]), "--json"]).stdout)
    assert "date:2024-05-09" in {f["id"] for f in with_front["facts"]}
    bare = json.loads(runner.invoke(main, ["extract", str(files["md"]), "--json"]).stdout)
    yesterday = next(f for f in bare["facts"] if f["text"] == "أمس")
    assert yesterday["value"] is None and yesterday["relative"] is True


def test_table_groups_by_kind_with_counts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(_files(tmp_path)["txt"])])
    assert result.exit_code == 0, result.output
    assert "facts: date 3, person 1" in result.output
    assert "person (1)" in result.output and "سامح شكري" in result.output


def test_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1 and "Error:" in missing.output and "no such file" in (
        missing.output)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("نص".encode() + b"\xff")
    undecodable = runner.invoke(main, ["extract", str(bad)])
    assert undecodable.exit_code == 1 and "at byte 4" in undecodable.output
    usage = runner.invoke(main, ["extract", str(bad), "--published", "2024-13-01"])
    assert usage.exit_code == 2


def test_help_is_documented() -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    assert "--published" in result.output and "--json" in result.output


def test_heavy_libraries_load_only_when_extracting() -> None:
    import subprocess
    import sys

    code = ("import sys, studykit.cli, studykit.extract; "
            "print(sorted(m for m in ('babel', 'hijridate', 'rich', 'rapidfuzz') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
