"""Handout as Markdown, for teachers who edit in a word processor (pandoc, LibreOffice...).

Plain structure only: headings, numbered paragraphs, option lines, tables for matching.
Markdown has no direction of its own, so the text is written in logical order and the editor
lays it out; characters Markdown would read as markup are backslash-escaped.
"""

from __future__ import annotations

import re

from studykit.exporters.handout.layout import (
    HEADER_FIELDS,
    KEY_TITLE,
    LABELS,
    SCORE,
    SHEET_INSTRUCTIONS,
    SHEET_TITLE,
    SOURCE_WORD,
    TEXT_TITLE,
    VERSION_WORD,
    Handout,
    Item,
    Version,
    row_label,
    sheet_rows,
    split_blank,
)
from studykit.models import QuestionType

BLANK = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md_escape(text: str) -> str:
    """Escape Markdown (and inline HTML) syntax so bank text prints as written."""
    return _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def render_markdown(handout: Handout, *, questions: bool = True, keys: bool = True) -> str:
    """Each version, then its key when asked, separated by horizontal rules."""
    parts: list[str] = []
    for version in handout.versions:
        if questions:
            parts.append(_version_md(handout, version))
            if handout.answer_sheet and sheet_rows(version):
                parts.append(_sheet_md(version))
        if keys:
            parts.append(_key_md(version))
    return "\n\n---\n\n".join(parts) + "\n"


def _version_md(handout: Handout, version: Version) -> str:
    label = f"{VERSION_WORD} {version.label}"
    fields = " &nbsp; ".join(f"{name}: ..........." for name in HEADER_FIELDS)
    out = [f"**{md_escape(handout.school)}**", ""] if handout.school else []
    out += [f"# {md_escape(handout.title)} ({label})" if handout.title else f"# {label}", "",
            f"{fields} &nbsp; {label}", "",
            f"**{SCORE}: ...... / {version.total or len(version.items)}**", ""]
    if handout.instructions:
        out += [md_escape(handout.instructions), ""]
    if handout.excerpts:
        out += [f"## {TEXT_TITLE}", ""]
        for text in handout.excerpts:
            out += [f"> {md_escape(text)}", ">"]
        out[-1] = ""
    for section in version.sections:
        out += [f"## {section.title}", "", f"*{section.instructions}*", ""]
        for item in section.items:
            out += _item_md(item)
    return "\n".join(out).rstrip()


def _sheet_md(version: Version) -> str:
    """The answer sheet as a table of `( )` boxes to fill, one row per question."""
    out = [f"## {SHEET_TITLE} — {VERSION_WORD} {version.label}", "", f"*{SHEET_INSTRUCTIONS}*",
           "", "| | |", "|---|---|"]
    out += [f"| {number}. | " + " &nbsp; ".join(f"( ) {c}" for c in choices) + " |"
            for number, choices in sheet_rows(version)]
    return "\n".join(out)


def _item_md(item: Item) -> list[str]:
    qtype = item.question.type
    prompt = md_escape(item.prompt)
    if qtype == QuestionType.CLOZE:
        parts = split_blank(item.prompt)
        prompt = (f"{md_escape(parts[0])}{BLANK}{md_escape(parts[1])}" if parts
                  else f"{prompt} {BLANK}")
    out = [f"{item.number}\\. {prompt}", ""]
    if qtype in (QuestionType.MCQ, QuestionType.TIMELINE):
        box = "[ &nbsp; ] " if qtype == QuestionType.TIMELINE else ""
        out += [f"- {box}{LABELS[i]}. {md_escape(opt)}" for i, opt in enumerate(item.options)]
        out.append("")
    elif qtype == QuestionType.TRUE_FALSE:
        out += [" &nbsp; &nbsp; ".join(md_escape(o) for o in item.options), ""]
    elif qtype == QuestionType.SHORT_ANSWER:
        out += [BLANK * 3, "", BLANK * 3, ""]
    elif qtype == QuestionType.MATCHING:
        out += ["| | |", "|---|---|"]
        for i in range(max(len(item.rows), len(item.options))):
            right = f"{row_label(i)} {md_escape(item.rows[i])} ......" if i < len(item.rows) else ""
            left = f"{LABELS[i]}. {md_escape(item.options[i])}" if i < len(item.options) else ""
            out.append(f"| {right} | {left} |")
        out.append("")
    return out


def _key_md(version: Version) -> str:
    out = [f"# {KEY_TITLE} — {VERSION_WORD} {version.label}", ""]
    for item in version.items:
        out += [f"{item.number}\\. **{md_escape(item.key)}**  ",
                f"    {SOURCE_WORD}: {md_escape(item.source_sentence)}", ""]
    return "\n".join(out).rstrip()
