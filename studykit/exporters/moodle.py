"""Moodle XML export (docs.moodle.org/en/Moodle_XML_format): one file a teacher imports.

Types: mcq → multichoice, short_answer → shortanswer (alternatives and every spelling the quiz
accepts, studykit.exporters.accepted, are further 100% answers),
true_false → truefalse, cloze → cloze (embedded answers, `{1:SHORTANSWER:=...}`), matching →
matching, timeline → matching of event to date (core Moodle has no ordering type).
Questions go in a category per bank and source: `$course$/top/<bank title>/<source>`.

Text fields are HTML (`format="html"`): bank text is HTML-escaped first, then the XML layer
escapes again, so `<script>` arrives as visible text. Embedded cloze answers have their own
escaping (`\\}` `\\#` `\\~` `\\/` `\\"` `\\\\`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from html import escape

from studykit.exporters.accepted import accepted_forms
from studykit.exporters.valid import exportable
from studykit.models import Bank, Question, QuestionType
from studykit.textsafe import xml_text

CLOZE_SPECIAL = '\\}#~/"'
TRUE_WORD = "صح"
# Moodle's default penalty for a wrong try in adaptive mode, as its own exports write it.
PENALTY = "0.3333333"


def html_text(text: str) -> str:
    """Bank text as a right-to-left HTML fragment (escaped: text is never markup)."""
    return f'<div dir="rtl" lang="ar">{escape(text, quote=False)}</div>'


def cloze_escape(text: str) -> str:
    """Escape an answer inside an embedded-answers field, as Moodle's cloze parser expects."""
    return "".join(f"\\{ch}" if ch in CLOZE_SPECIAL else ch for ch in text)


def category_path(*parts: str) -> str:
    """`$course$/top/a/b`; a `/` inside a name is written `//` (Moodle's escape)."""
    return "/".join(["$course$", "top", *(p.replace("/", "//") for p in parts)])


def dumps_moodle(bank: Bank, include_drafts: bool = False) -> str:
    """The bank's selected questions as a Moodle XML document (UTF-8 text)."""
    quiz = ET.Element("quiz")
    questions = exportable(bank, include_drafts)
    for source in _sources(questions):
        cat = ET.SubElement(quiz, "question", type="category")
        _text(ET.SubElement(cat, "category"),
              category_path(bank.title or bank.id, source or bank.id))
        _text(ET.SubElement(cat, "info", format="html"), "")
        for question in questions:
            if question.source.source == source:
                quiz.append(question_element(question))
    ET.indent(quiz)
    # ElementTree writes any character; XML 1.0 forbids some (`\v` from Word), and they
    # can only come from bank text, so dropping them from the document drops them there.
    body = xml_text(ET.tostring(quiz, encoding="unicode"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def question_element(question: Question) -> ET.Element:
    """One `<question>` element in Moodle's documented shape for its type."""
    qtype = {
        QuestionType.MCQ: "multichoice", QuestionType.SHORT_ANSWER: "shortanswer",
        QuestionType.TRUE_FALSE: "truefalse", QuestionType.CLOZE: "cloze",
        QuestionType.MATCHING: "matching", QuestionType.TIMELINE: "matching",
    }[question.type]
    el = ET.Element("question", type=qtype)
    _text(ET.SubElement(el, "name"), _name(question))
    prompt = _cloze_text(question) if qtype == "cloze" else html_text(question.shown_prompt)
    _text(ET.SubElement(el, "questiontext", format="html"), prompt)
    _text(ET.SubElement(el, "generalfeedback", format="html"), html_text(question.source.sentence))
    ET.SubElement(el, "defaultgrade").text = "1.0000000"
    ET.SubElement(el, "penalty").text = PENALTY
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = question.id
    if qtype == "multichoice":
        _multichoice(el, question)
    elif qtype == "shortanswer":
        ET.SubElement(el, "usecase").text = "0"
        for answer in _answers(question):
            _answer(el, "100", answer, fmt="moodle_auto_format")
    elif qtype == "truefalse":
        right = question.shown_answer.strip() == TRUE_WORD
        _answer(el, "100" if right else "0", "true", fmt="moodle_auto_format")
        _answer(el, "0" if right else "100", "false", fmt="moodle_auto_format")
    elif qtype == "matching":
        ET.SubElement(el, "shuffleanswers").text = "true"
        for pair in question.shown_pairs:
            sub = ET.SubElement(el, "subquestion", format="html")
            _text(sub, html_text(pair.left))
            _text(ET.SubElement(sub, "answer"), pair.right)
    tags = ET.SubElement(el, "tags")
    for tag in dict.fromkeys((question.type.value, *question.tags)):
        _text(ET.SubElement(tags, "tag"), tag)
    return el


def _multichoice(el: ET.Element, question: Question) -> None:
    ET.SubElement(el, "single").text = "true"
    ET.SubElement(el, "shuffleanswers").text = "true"
    ET.SubElement(el, "answernumbering").text = "abc"
    for option in question.shown_options:
        right = option == question.shown_answer
        _answer(el, "100" if right else "0", html_text(option), fmt="html")


def _cloze_text(question: Question) -> str:
    """The sentence with its blank replaced by a SHORTANSWER field accepting the alternatives."""
    # The field sits in HTML: an answer is HTML-escaped too (an edit's `<img onerror>`
    # must arrive as text), then escaped for Moodle's cloze parser.
    field = "{1:SHORTANSWER:" + "~".join(
        f"={cloze_escape(escape(a, quote=False))}" for a in _answers(question)) + "}"
    prompt = question.shown_prompt
    before, marker, after = prompt.partition("[...]")
    if not marker:
        before, after = f"{prompt} ", ""
    # Braces in the surrounding text become entities so Moodle cannot read them as a field.
    parts = [escape(p, quote=False).replace("{", "&#123;").replace("}", "&#125;")
             for p in (before, after)]
    return f'<div dir="rtl" lang="ar">{parts[0]}{field}{parts[1]}</div>'


def _answers(question: Question) -> list[str]:
    """The answer, its alternatives and every other spelling the quiz accepts (Arabic-Indic
    digits, no hamza, other date forms): Moodle compares short answers exactly."""
    return accepted_forms(question)


def _answer(el: ET.Element, fraction: str, text: str, fmt: str) -> None:
    ans = ET.SubElement(el, "answer", fraction=fraction, format=fmt)
    _text(ans, text)
    _text(ET.SubElement(ans, "feedback", format="html"), "")


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def _name(question: Question) -> str:
    """A short name for the question bank list: the prompt's first words and the id."""
    words = question.shown_prompt.replace("[...]", "…").split()
    short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f"{short} ({question.id})"


def _sources(questions: Sequence[Question]) -> list[str]:
    seen: dict[str, None] = {}
    for q in questions:
        seen.setdefault(q.source.source, None)
    return list(seen)
