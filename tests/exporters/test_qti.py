"""QTI 1.2 package: the manifest, the assessment, and every question and answer parsed back.

No Canvas is reachable and the IMS XSDs are not shipped, so `check_item` encodes the QTI 1.2
ASI content model for the elements we write (child order, required attributes, cardinality
values) and the Canvas conventions its importer reads (`question_type` metadata, SCORE
outcomes, `response1` for single-response items). `parse_back` then rebuilds each question as
Canvas would show and score it and compares it with the bank.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_handout_bank import NASTY, make_bank

from studykit.bank import load_bank, save_bank
from studykit.cli import main
from studykit.defaults import default_bank_path
from studykit.exporters.accepted import accepted_forms
from studykit.exporters.qti import BLANK, CANVAS_TYPES
from studykit.exporters.qtipackage import package_files
from studykit.models import Bank, QuestionType, Status

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
# QTI 1.2 ASI content model (ims_qtiasiv1p2p1.xsd), for the elements studykit writes: the
# children each may have, in the order the schema requires.
ORDER = {
    "item": ["itemmetadata", "presentation", "resprocessing", "itemfeedback"],
    "presentation": ["material", "response_lid", "response_str"],
    "resprocessing": ["outcomes", "respcondition"],
    "respcondition": ["conditionvar", "setvar", "displayfeedback"],
    "response_lid": ["material", "render_choice"],
    "response_str": ["render_fib"],
    "render_choice": ["response_label"],
    "render_fib": ["response_label"],
    "response_label": ["material"],
    "itemfeedback": ["flow_mat"],
    "flow_mat": ["material"],
    "material": ["mattext"],
    "qtimetadatafield": ["fieldlabel", "fieldentry"],
}
REQUIRED = {"item": ["ident"], "response_lid": ["ident"], "response_str": ["ident"],
            "response_label": ["ident"], "itemfeedback": ["ident"], "varequal": ["respident"],
            "setvar": ["varname", "action"], "decvar": ["varname"]}
_WRAP = re.compile(r'^<div dir="rtl" lang="ar">(.*)</div>$', re.S)


def local(el: ET.Element) -> str:
    return el.tag.removeprefix(QTI)


def check_order(el: ET.Element) -> None:
    name = local(el)
    for attr in REQUIRED.get(name, []):
        assert el.get(attr), (name, attr)
    if name in ORDER:
        allowed = ORDER[name]
        positions = [allowed.index(local(c)) if local(c) in allowed else -1 for c in el]
        assert -1 not in positions, (name, [local(c) for c in el])
        assert positions == sorted(positions), (name, [local(c) for c in el])
    if name == "setvar":
        assert el.get("action") in ("Set", "Add", "Subtract") and float(el.text or "x") >= 0
    if name in ("response_lid", "response_str") and el.get("rcardinality"):
        assert el.get("rcardinality") in ("Single", "Multiple", "Ordered")
    if name == "mattext":
        assert el.get("texttype", "text/plain") in ("text/plain", "text/html")
    for child in el:
        check_order(child)


def html_text(fragment: str) -> str:
    match = _WRAP.match(fragment)
    assert match, f"not an RTL div: {fragment!r}"
    assert "<" not in match.group(1), "bank text must arrive escaped, not as markup"
    return unescape(match.group(1))


def parse_back(assessment: str) -> dict[str, dict[str, object]]:
    """item ident → type, prompt, options, right answers or pairs, as Canvas reads them."""
    root = ET.fromstring(assessment.encode("utf-8"))
    assert root.tag == f"{QTI}questestinterop"
    [test] = root.findall(f"{QTI}assessment")
    out: dict[str, dict[str, object]] = {}
    for item in test.iter(f"{QTI}item"):
        check_order(item)
        meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") or ""
                for f in item.iter(f"{QTI}qtimetadatafield")}
        pres = item.find(f"{QTI}presentation")
        assert pres is not None
        entry: dict[str, object] = {
            "type": meta["question_type"],
            "prompt": html_text(pres.findtext(f"{QTI}material/{QTI}mattext") or ""),
            "feedback": html_text(item.findtext(f".//{QTI}itemfeedback//{QTI}mattext") or ""),
        }
        conditions = item.findall(f"{QTI}resprocessing/{QTI}respcondition")
        scored = [c for c in conditions if c.find(f"{QTI}setvar") is not None]
        labels = {lab.get("ident"): lab.findtext(f".//{QTI}mattext") or ""
                  for lab in pres.iter(f"{QTI}response_label")}
        if meta["question_type"] in ("multiple_choice_question", "true_false_question"):
            lid = pres.find(f"{QTI}response_lid")
            assert lid is not None and lid.get("ident") == "response1"
            idents = [lab.get("ident") for lab in lid.iter(f"{QTI}response_label")]
            assert meta["original_answer_ids"] == ",".join(str(i) for i in idents)
            entry["options"] = [html_text(labels[i]) for i in idents]
            [right] = scored
            assert right.findtext(f"{QTI}setvar") == "100"
            entry["right"] = html_text(labels[right.findtext(f".//{QTI}varequal")])
        elif meta["question_type"] == "short_answer_question":
            assert pres.find(f"{QTI}response_str/{QTI}render_fib") is not None
            [right] = scored
            assert right.findtext(f"{QTI}setvar") == "100"
            entry["answers"] = [v.text for v in right.iter(f"{QTI}varequal")]
        else:
            assert meta["question_type"] == "matching_question"
            pairs, total = [], 0.0
            for lid in pres.findall(f"{QTI}response_lid"):
                [cond] = [c for c in scored
                          if c.find(f".//{QTI}varequal").get("respident") == lid.get("ident")]
                assert lid.find(f"{QTI}material/{QTI}mattext").get("texttype") == "text/plain"
                pairs.append((lid.findtext(f"{QTI}material/{QTI}mattext"),
                              labels[cond.findtext(f".//{QTI}varequal")]))
                total += float(cond.findtext(f"{QTI}setvar") or 0)
            assert abs(total - 100) < 0.1
            entry["pairs"] = pairs
        out[item.get("ident") or ""] = entry
    return out


def check_manifest(files: dict[str, str]) -> str:
    """Every resource file exists, every file is a resource, dependencies resolve; returns
    the path of the QTI assessment."""
    root = ET.fromstring(files["imsmanifest.xml"].encode("utf-8"))
    assert root.tag == f"{CP}manifest" and root.get("identifier")
    assert [local_cp(c) for c in root] == ["metadata", "organizations", "resources"]
    resources = root.findall(f"{CP}resources/{CP}resource")
    ids = {r.get("identifier") for r in resources}
    assert len(ids) == len(resources)
    hrefs = [f.get("href") for r in resources for f in r.findall(f"{CP}file")]
    assert sorted(hrefs) == sorted(n for n in files if n != "imsmanifest.xml")
    for r in resources:
        for dep in r.findall(f"{CP}dependency"):
            assert dep.get("identifierref") in ids
    [qti] = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    path = qti.find(f"{CP}file").get("href")  # type: ignore[union-attr]
    assert path == f"{qti.get('identifier')}/{qti.get('identifier')}.xml"
    return str(path)


def local_cp(el: ET.Element) -> str:
    return el.tag.removeprefix(CP)


def check_against_bank(bank: Bank, parsed: dict[str, dict[str, object]],
                       include_drafts: bool = False) -> None:
    selected = bank.selected(include_drafts)
    assert set(parsed) == {q.id for q in selected}
    for q in selected:
        got = parsed[q.id]
        assert got["type"] == CANVAS_TYPES[q.type]
        assert got["feedback"] == q.source.sentence
        if q.type == QuestionType.CLOZE:
            assert got["prompt"] == q.shown_prompt.replace("[...]", BLANK, 1)
        else:
            assert got["prompt"] == q.shown_prompt
        if q.type == QuestionType.MCQ:
            assert got["options"] == list(q.shown_options) and got["right"] == q.shown_answer
        elif q.type == QuestionType.TRUE_FALSE:
            assert got["options"] == ["صح", "خطأ"] and got["right"] == q.shown_answer.strip()
        elif q.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            assert got["answers"] == accepted_forms(q)
            assert q.shown_answer in got["answers"]  # type: ignore[operator]
        else:
            assert got["pairs"] == [(p.left, p.right) for p in q.shown_pairs]


def test_every_type_parses_back_with_escaped_rtl_text() -> None:
    bank = make_bank()
    files = package_files(bank)
    parsed = parse_back(files[check_manifest(files)])
    check_against_bank(bank, parsed)
    assert {p["type"] for p in parsed.values()} == set(CANVAS_TYPES.values())
    assert any(NASTY in str(p["prompt"]) for p in parsed.values())  # shown, not run


def test_default_bank_round_trips_with_every_accepted_form() -> None:
    bank = load_bank(default_bank_path())
    files = package_files(bank)
    parsed = parse_back(files[check_manifest(files)])
    check_against_bank(bank, parsed)
    date_q = next(q for q in bank.selected() if q.type == QuestionType.SHORT_ANSWER
                  and q.shown_answer == "29 مارس 2023")
    assert "٢٩/٣/٢٠٢٣" in parsed[date_q.id]["answers"]  # type: ignore[operator]


def test_cli_writes_a_reproducible_zip(runner: CliRunner, tmp_path: Path) -> None:
    bank_path = tmp_path / "bank.yaml"
    save_bank(make_bank(), bank_path)
    outputs = []
    for name in ("a.zip", "b.zip"):
        result = runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert f"({len(make_bank().questions)} questions)" in result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.testzip() is None
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    parse_back(files[check_manifest(files)])


def test_drafts_only_when_asked_and_empty_bank_is_an_error(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    bank = make_bank()
    drafts = bank.model_copy(update={"questions": tuple(
        q.model_copy(update={"status": Status.DRAFT}) for q in bank.questions)})
    bank_path = tmp_path / "bank.yaml"
    save_bank(drafts, bank_path)
    out = tmp_path / "q.zip"
    result = runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr.count("\n") == 1 and "--include-drafts" in result.stderr
    result = runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(out),
                                  "--include-drafts"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    check_against_bank(drafts, parse_back(files[check_manifest(files)]), include_drafts=True)


def test_invalid_question_is_skipped_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    bank = make_bank()
    broken = next(q for q in bank.questions if q.type == QuestionType.MCQ)
    bad = broken.model_copy(update={"answer": "ليس بين الخيارات"})
    bank = bank.model_copy(update={"questions": tuple(
        bad if q.id == broken.id else q for q in bank.questions)})
    bank_path = tmp_path / "bank.yaml"
    save_bank(bank, bank_path)
    result = runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(tmp_path / "q.zip")])
    assert result.exit_code == 0
    assert f"Warning: {broken.id}: not exported" in result.stderr
    with zipfile.ZipFile(tmp_path / "q.zip") as archive:
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    assert broken.id not in parse_back(files[check_manifest(files)])


@pytest.mark.parametrize("target", ["missing-dir/q.zip", "."])
def test_unwritable_output_is_one_line(runner: CliRunner, tmp_path: Path, target: str) -> None:
    bank_path = tmp_path / "bank.yaml"
    save_bank(make_bank(), bank_path)
    result = runner.invoke(main, ["export", "qti", str(bank_path), "-o", str(tmp_path / target)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
