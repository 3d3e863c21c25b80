"""Hypothesis through the commands: articles with hostile text are built and exported (every
output parses and carries no injected markup); mangled banks give one-line errors, never a
traceback. In-process through click (the process-level cases are the other abuse tests)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.cli import main
from tests.abuse.conftest import DECK

SEED = (DECK / "article.ar.txt").read_text(encoding="utf-8").split("\n---\n", 1)[-1]
SENTENCES = [s.strip() for s in re.split(r"(?<=[.؟!])\s+", SEED) if len(s.split()) >= 8][:40]
HOSTILE = ["{{c2::سر}}", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\x1b]0;t\x07",
           "\x1b[2J", "\v", "\f", "\x00", "<script>alert(1)</script>", "<img src=x onerror=y>",
           "&amp;", "]]>", "~=#{}:", "\\", "\ufffe", "\u202e", "\r", "'", '"']
# Derandomized and small: `make test` stays fast and a failure reproduces on every run.
SETTINGS = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

articles = st.lists(
    st.one_of(st.sampled_from(SENTENCES),
              st.tuples(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE),
                        st.integers(0, 200)).map(lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:])),
    min_size=2, max_size=8).map(lambda parts: "\n\n".join(parts) + "\n")


def _invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert lines and lines[-1].startswith("Error: ") and "Traceback" not in result.stderr
    return result


@SETTINGS
@given(articles)
def test_hostile_articles_through_build_check_and_every_export(tmp_path: Path, text: str
                                                               ) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example: tmp_path is shared
    article = folder / "article.ar.txt"
    article.write_text("---\npublished: 2023-03-30\n---\n" + text, encoding="utf-8")
    bank = folder / "bank.yaml"
    if _invoke("build", article, "-o", bank).exit_code:
        return
    _invoke("check", bank, "--include-drafts")
    outputs: dict[str, Any] = {}
    for fmt, name in (("moodle", "m.xml"), ("gift", "g.gift"), ("csv", "c.csv"),
                      ("json", "j.json"), ("anki", "a.apkg"), ("qti", "q.zip"),
                      ("kahoot", "k.xlsx")):
        out = folder / name
        if _invoke("export", fmt, bank, "-o", out, "--include-drafts").exit_code == 0:
            outputs[fmt] = out
    if "moodle" in outputs:
        ET.parse(outputs["moodle"])  # well-formed whatever the article held
    if "csv" in outputs:
        for row in csv.reader(io.StringIO(outputs["csv"].read_text(encoding="utf-8"))):
            assert not [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")], row
    if "json" in outputs:
        json.loads(outputs["json"].read_text(encoding="utf-8"))
    if "anki" in outputs:
        with zipfile.ZipFile(outputs["anki"]) as package:
            (folder / "collection.anki2").write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(folder / "collection.anki2") as db:
            fields = [row[0] for row in db.execute("SELECT flds FROM notes")]
        assert fields and not [f for f in fields if "{{c2::" in f or "\v" in f]
    if "qti" in outputs:
        with zipfile.ZipFile(outputs["qti"]) as package:
            for name in package.namelist():
                ET.fromstring(package.read(name))
    if "kahoot" in outputs:
        from openpyxl import load_workbook

        load_workbook(outputs["kahoot"])
    docx = folder / "h.docx"
    if _invoke("handout", bank, "-o", docx, "--include-drafts").exit_code == 0:
        from docx import Document

        assert not set("".join(p.text for p in Document(str(docx)).paragraphs)) & {"\v", "\x00"}
    html = folder / "h.html"
    if _invoke("handout", bank, "-o", html, "--include-drafts").exit_code == 0:
        page = html.read_text(encoding="utf-8")
        assert "<script>" not in page and not set(page) & {"\v", "\f", "\x00"}


BANK_DATA = yaml.safe_load((DECK / "bank.yaml").read_text(encoding="utf-8"))
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-2, 10**12), st.text(max_size=20),
                   st.lists(st.text(max_size=5), max_size=3), st.sampled_from(HOSTILE))


@st.composite
def mangled_banks(draw: st.DrawFn) -> dict[str, Any]:
    data = json.loads(json.dumps(BANK_DATA))
    data["questions"] = data["questions"][:6]
    data["facts"] = data["facts"][:20]
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["questions", "facts", "sources", None]))
        if section is None:
            key = draw(st.sampled_from(["schema_version", "id", "title", "extra"]))
            data[key] = draw(LEAVES)
            continue
        items = data[section]
        if not items:
            continue
        item = items[draw(st.integers(0, len(items) - 1))]
        key = draw(st.sampled_from([*sorted(item), "unknown"]))
        if draw(st.booleans()):
            item.pop(key, None)
        else:
            item[key] = draw(LEAVES)
    return data


@settings(SETTINGS, max_examples=30)
@given(mangled_banks())
def test_mangled_banks_give_one_line_errors(tmp_path: Path, data: dict[str, Any]) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args in (["check", bank], ["export", "json", bank, "-o", "-"],
                 ["export", "moodle", bank, "-o", tmp_path / "m.xml"],
                 ["export", "csv", bank, "-o", tmp_path / "c.csv"],
                 ["export", "qti", bank, "-o", tmp_path / "q.zip"],
                 ["export", "kahoot", bank, "-o", tmp_path / "k.xlsx"],
                 ["handout", bank, "-o", tmp_path / "h.md"]):
        _invoke(*args)
