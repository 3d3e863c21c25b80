"""Moodle XML: well-formed, shaped like docs.moodle.org/en/Moodle_XML_format, and lossless.

`check_structure` is written from Moodle's documentation of the format (the elements each
question type needs, fractions, the category pseudo-question, the cloze field syntax).
`parse_back` reads the file as Moodle would and rebuilds prompts and answers to compare with
the bank.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_handout_bank import NASTY, make_bank

from studykit.bank import save_bank
from studykit.cli import main
from studykit.exporters.accepted import accepted_forms
from studykit.exporters.moodle import cloze_escape, dumps_moodle
from studykit.models import QuestionType, Status

COMMON = ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty",
          "hidden", "idnumber")
PER_TYPE = {
    "multichoice": ("single", "shuffleanswers", "answernumbering", "answer"),
    "shortanswer": ("usecase", "answer"),
    "truefalse": ("answer",),
    "matching": ("shuffleanswers", "subquestion"),
    "cloze": (),
}
# {1:SHORTANSWER:=a~=b} with Moodle's backslash escapes inside.
FIELD = re.compile(r"\{(\d+):(SHORTANSWER|SA|MW):((?:\\.|[^\\}])*)\}")
_WRAP = re.compile(r'^<div dir="rtl" lang="ar">(.*)</div>$', re.S)


def html_to_text(fragment: str) -> str:
    match = _WRAP.match(fragment)
    assert match, fragment
    assert "<" not in match.group(1), "bank text must arrive escaped, not as markup"
    return unescape(match.group(1))


def cloze_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def check_structure(root: ET.Element) -> None:
    assert root.tag == "quiz"
    assert root[0].get("type") == "category", "questions need a category first"
    for q in root.findall("question"):
        qtype = q.get("type")
        if qtype == "category":
            path = q.findtext("category/text") or ""
            assert path.startswith("$course$/top/"), path
            continue
        assert qtype in PER_TYPE, qtype
        for child in (*COMMON, *PER_TYPE[qtype]):
            assert q.find(child) is not None, (qtype, child)
        assert q.find("questiontext").get("format") == "html"  # type: ignore[union-attr]
        assert float(q.findtext("defaultgrade") or "") > 0
        assert 0 <= float(q.findtext("penalty") or "") <= 1
        answers = q.findall("answer")
        fractions = [float(a.get("fraction", "x")) for a in answers]
        assert all(-100 <= f <= 100 for f in fractions)
        if qtype == "multichoice":
            assert q.findtext("single") in ("true", "false")
            assert q.findtext("answernumbering") in ("abc", "ABCD", "123", "iii", "IIII", "none")
            assert len(answers) >= 2 and sum(f for f in fractions if f > 0) == 100
        elif qtype == "truefalse":
            assert sorted(a.findtext("text") or "" for a in answers) == ["false", "true"]
            assert sorted(fractions) == [0, 100]
        elif qtype == "shortanswer":
            assert q.findtext("usecase") in ("0", "1") and max(fractions) == 100
        elif qtype == "matching":
            subs = q.findall("subquestion")
            assert len(subs) >= 2 and len({s.findtext("answer/text") for s in subs}) >= 3
            assert all(s.findtext("text") and s.findtext("answer/text") for s in subs)
        elif qtype == "cloze":
            assert answers == [] and FIELD.search(q.findtext("questiontext/text") or "")


def parse_back(text: str) -> dict[str, dict[str, object]]:
    """idnumber → what Moodle would show and accept, in bank terms."""
    root = ET.fromstring(text.encode("utf-8"))
    check_structure(root)
    out: dict[str, dict[str, object]] = {}
    category = ""
    for q in root.findall("question"):
        if q.get("type") == "category":
            category = q.findtext("category/text") or ""
            continue
        qtext = q.findtext("questiontext/text") or ""
        entry: dict[str, object] = {"type": q.get("type"), "category": category,
                                    "source": html_to_text(q.findtext("generalfeedback/text")
                                                           or "")}
        if q.get("type") == "cloze":
            field = FIELD.search(qtext)
            assert field
            entry["answers"] = [cloze_unescape(a) for a in
                                re.findall(r"=((?:\\.|[^\\~])*)", field.group(3))]
            entry["prompt"] = html_to_text(qtext[:field.start()] + "[...]" + qtext[field.end():])
        else:
            entry["prompt"] = html_to_text(qtext)
        answers = q.findall("answer")
        if q.get("type") == "multichoice":
            entry["options"] = [html_to_text(a.findtext("text") or "") for a in answers]
            entry["right"] = [html_to_text(a.findtext("text") or "") for a in answers
                              if a.get("fraction") == "100"]
        elif q.get("type") == "shortanswer":
            entry["answers"] = [a.findtext("text") for a in answers]
        elif q.get("type") == "truefalse":
            entry["right"] = [a.findtext("text") for a in answers if a.get("fraction") == "100"]
        elif q.get("type") == "matching":
            entry["pairs"] = [(html_to_text(s.findtext("text") or ""), s.findtext("answer/text"))
                              for s in q.findall("subquestion")]
        out[q.findtext("idnumber") or ""] = entry
    return out


def test_short_answers_carry_the_spellings_the_quiz_accepts() -> None:
    """Moodle compares short answers exactly: the forms the quiz folds together (Arabic-Indic
    digits, no hamza, ه for ة) are further 100% answers, each one the quiz accepts too."""
    from studykit.review.grading import check_answer

    bank = make_bank()
    parsed = parse_back(dumps_moodle(bank))
    for q in bank.questions:
        if q.type not in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            continue
        answers = parsed[q.id]["answers"]
        for form in answers:
            assert check_answer(form, q.answer, q.alternatives).correct, form
        if any(ch.isdigit() for ch in q.answer):
            assert to_indic(q.answer) in answers
        if any(ch in "أإآ" for ch in q.answer):
            assert q.answer.translate(str.maketrans("أإآ", "ااا")) in answers


def to_indic(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_round_trip_matches_the_bank() -> None:
    bank = make_bank()
    parsed = parse_back(dumps_moodle(bank))
    assert set(parsed) == {q.id for q in bank.questions}
    for q in bank.questions:
        got = parsed[q.id]
        assert got["prompt"] == q.prompt and got["source"] == q.source.sentence
        assert got["category"] == f"$course$/top/{bank.title}/iran-russia-2023"
        if q.type == QuestionType.MCQ:
            assert got["options"] == list(q.options) and got["right"] == [q.answer]
        elif q.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            # The bank's answers first, then the other spellings the quiz accepts.
            assert got["answers"] == accepted_forms(q)
            assert got["answers"][:1 + len(q.alternatives)] == [q.answer, *q.alternatives]
        elif q.type == QuestionType.TRUE_FALSE:
            assert got["right"] == ["true"]
        else:
            assert got["type"] == "matching"
            assert got["pairs"] == [(p.left, p.right) for p in q.pairs]


def test_special_characters_and_markup_survive() -> None:
    bank = make_bank()
    text = dumps_moodle(bank)
    assert "<script>" not in text
    parsed = parse_back(text)
    assert any(NASTY in str(entry["prompt"]) for entry in parsed.values())
    q = bank.questions[0]
    nasty = q.model_copy(update={"answer": 'a}b#c~d/e"f\\g', "alternatives": (),
                                 "prompt": "{1:SHORTANSWER:=x} قبل [...] بعد & <b>"})
    text = dumps_moodle(bank.model_copy(update={"questions": (nasty,)}))
    root = ET.fromstring(text)
    assert len(FIELD.findall(root.findtext("question/questiontext/text") or "")) == 1
    got = parse_back(text)[q.id]
    assert got["answers"] == ['a}b#c~d/e"f\\g']
    assert got["prompt"] == "{1:SHORTANSWER:=x} قبل [...] بعد & <b>"


def test_cloze_escape_matches_moodle_rules() -> None:
    assert cloze_escape('}#~/"\\') == '\\}\\#\\~\\/\\"\\\\'
    assert cloze_escape("29 مارس") == "29 مارس"


def test_false_statement_and_categories_per_source() -> None:
    bank = make_bank()
    tf = next(q for q in bank.questions if q.type == QuestionType.TRUE_FALSE)
    flipped = tf.model_copy(update={"answer": "خطأ", "source": tf.source.model_copy(
        update={"source": "other-article"})})
    changed = bank.model_copy(update={"questions": (*bank.questions, flipped.model_copy(
        update={"id": "q-false"}))})
    parsed = parse_back(dumps_moodle(changed))
    assert parsed["q-false"]["right"] == ["false"]
    assert str(parsed["q-false"]["category"]).endswith("/other-article")
    root = ET.fromstring(dumps_moodle(changed))
    assert len(root.findall("question[@type='category']")) == 2


def test_drafts_only_when_asked() -> None:
    bank = make_bank()
    draft = bank.questions[0].model_copy(update={"status": Status.DRAFT})
    with_draft = bank.model_copy(update={"questions": (draft, *bank.questions[1:])})
    assert draft.id not in parse_back(dumps_moodle(with_draft))
    assert draft.id in parse_back(dumps_moodle(with_draft, include_drafts=True))


@pytest.mark.parametrize("fmt", ["moodle", "gift", "csv"])
def test_cli_writes_each_format(tmp_path: Path, fmt: str) -> None:
    bank_file = tmp_path / "bank.yaml"
    save_bank(make_bank(), bank_file)
    out = tmp_path / f"out.{ {'moodle': 'xml'}.get(fmt, fmt)}"
    result = CliRunner().invoke(main, ["export", fmt, str(bank_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").strip()
    stdout = CliRunner().invoke(main, ["export", fmt, str(bank_file)])
    assert stdout.exit_code == 0 and stdout.output.strip() == out.read_text("utf-8").strip()


def test_cli_missing_bank_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "moodle", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "nope.yaml" in result.output


def test_short_answers_list_every_form_the_quiz_accepts() -> None:
    """A student typing Arabic-Indic digits, no hamza or another date form is right in the
    quiz, so Moodle (which compares exactly) must list those spellings as 100% answers."""
    from studykit.bank import load_bank
    from studykit.defaults import default_bank_path
    from studykit.review.grading import check_answer

    bank = load_bank(default_bank_path())
    parsed = parse_back(dumps_moodle(bank))
    date_q = next(q for q in bank.selected() if q.type == QuestionType.SHORT_ANSWER
                  and q.shown_answer == "29 مارس 2023")
    answers = parsed[date_q.id]["answers"]
    assert isinstance(answers, list)
    for form in ("٢٩ مارس ٢٠٢٣", "29 اذار 2023", "٢٩/٣/٢٠٢٣", "2023-03-29"):
        assert form in answers
    name_q = next(q for q in bank.selected() if q.type == QuestionType.SHORT_ANSWER
                  and q.shown_answer == "حسين أمير عبد اللهيان")
    assert "حسين امير عبد اللهيان" in parsed[name_q.id]["answers"]  # type: ignore[operator]
    # Never more than the quiz accepts: every listed form passes the grader exactly.
    for q in bank.selected():
        if q.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            for form in parsed[q.id]["answers"]:  # type: ignore[attr-defined]
                verdict = check_answer(form, q.shown_answer, q.alternatives)
                assert verdict.correct and not verdict.near_miss, (q.id, form)
