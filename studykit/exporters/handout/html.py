"""Handout as one self-contained HTML file: right to left, print CSS, no external resources.

Every piece of bank text is escaped (a prompt may hold `<script>`). Each version starts on a new
printed page and so does each key (`break-before: page`). The browser does the bidi and
shaping, so this is also the fallback for text the PDF font cannot print.
"""

from __future__ import annotations

from html import escape

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
from studykit.textsafe import xml_text

CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm;
        @bottom-center { content: counter(page); } }
body { font-family: "Amiri", "Noto Naskh Arabic", "Scheherazade New", "Times New Roman", serif;
       font-size: 13pt; line-height: 1.6; direction: rtl; text-align: right; margin: 0 auto;
       max-width: 48rem; }
h1 { font-size: 19pt; margin: 0 0 .3em; }
h2 { font-size: 14pt; margin: 1em 0 0; }
.fields { display: flex; gap: 2em; flex-wrap: wrap; }
.score { border: 1px solid #000; padding: .2em .8em; display: inline-block; margin: .4em 0; }
.instructions { font-size: 10pt; margin: 0 0 .4em; }
.version, .key { break-before: page; page-break-before: always; }
.version:first-child { break-before: auto; page-break-before: auto; }
.label { font-size: 10pt; color: #444; }
ol.questions { list-style: none; padding: 0; }
section.sheet { break-before: page; }
table.sheet td { padding: .3em 1.2em .3em 0; }
.bubble { display: inline-block; width: .9em; height: .9em; border: 1px solid #000;
          border-radius: 50%; vertical-align: middle; }
li.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 .8em; }
ul.options { list-style: none; margin: .2em 2em 0 0; padding: 0; }
.blank { display: inline-block; min-width: 9em; border-bottom: 1px solid #000; }
.line { border-bottom: 1px solid #000; height: 1.8em; margin-inline-start: 2em; }
.box { display: inline-block; width: 1.2em; height: 1.2em; border: 1px solid #000;
       vertical-align: middle; margin-inline-end: .5em; }
table.matching { border-collapse: collapse; margin: .3em 2em 0 0; }
table.matching td { padding: .1em 1em; vertical-align: top; }
.source { font-size: 10pt; color: #555; margin: 0 2em .6em 0; }
.excerpts p { font-size: 11pt; margin: .2em 0; }
"""


def render_html(handout: Handout, *, questions: bool = True, keys: bool = True) -> str:
    """The whole handout as one HTML document (UTF-8, `dir="rtl"`, `lang="ar"`)."""
    parts: list[str] = []
    for version in handout.versions:
        if questions:
            parts.append(_version_html(handout, version))
            if handout.answer_sheet and sheet_rows(version):
                parts.append(_sheet_html(version))
        if keys:
            parts.append(_key_html(version))
    title = escape(handout.title or "اختبار")
    css = CSS + _page_labels(handout, questions, keys)
    # Characters XML forbids (`\v` from Word) are dropped: browsers differ on them and an
    # XHTML or XML tool reading the file would reject it.
    return xml_text(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def _page_labels(handout: Handout, questions: bool, keys: bool) -> str:
    """Named pages put the version label (and the key's title) on every printed page."""
    rules = []
    for version in handout.versions:
        label = f"{VERSION_WORD} {version.label}"
        parts = [("version", label)] if questions else []
        parts += [("key", f"{KEY_TITLE} — {label}")] if keys else []
        for kind, text in parts:
            name = f"{kind}-{version.label}"
            rules.append(f'section.{kind}[data-version="{version.label}"] {{ page: {name}; }}\n'
                         f'@page {name} {{ @top-center {{ content: "{text}"; '
                         "font-size: 9pt; } }")
    return "\n" + "\n".join(rules) + "\n"


def _version_html(handout: Handout, version: Version) -> str:
    label = f"{VERSION_WORD} {escape(version.label)}"
    fields = "".join(f"<span>{name}: ....................</span>" for name in HEADER_FIELDS)
    out = [
        f'<section class="version" data-version="{escape(version.label)}">',
        f'<p class="label">{label}</p>',
        f'<p class="school">{escape(handout.school)}</p>' if handout.school else "",
        f"<h1>{escape(handout.title)}</h1>" if handout.title else "",
        f'<div class="fields">{fields}<span>{label}</span></div>',
        f'<div class="score">{SCORE}: ........ / {version.total or len(version.items)}</div>',
    ]
    if handout.instructions:
        out.append(f'<p class="instructions">{escape(handout.instructions)}</p>')
    if handout.excerpts:
        out.append(f'<div class="excerpts"><h2>{TEXT_TITLE}</h2>')
        out += [f"<p>{escape(text)}</p>" for text in handout.excerpts]
        out.append("</div>")
    for section in version.sections:
        out.append(f"<h2>{escape(section.title)}</h2>")
        out.append(f'<p class="instructions">{escape(section.instructions)}</p>')
        out.append(f'<ol class="questions" start="{section.items[0].number}">')
        out += [_item_html(item) for item in section.items]
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)


def _sheet_html(version: Version) -> str:
    """The bubble sheet: a row per multiple-choice or true/false question, a circle per choice
    (CSS circles: they print the same in every browser)."""
    label = f"{VERSION_WORD} {escape(version.label)}"
    fields = "".join(f"<span>{name}: ....................</span>" for name in HEADER_FIELDS)
    rows = "".join(
        f'<tr><th>{number}.</th>' + "".join(
            f'<td><span class="bubble"></span> {escape(choice)}</td>' for choice in choices)
        + "</tr>" for number, choices in sheet_rows(version))
    return (f'<section class="sheet version" data-version="{escape(version.label)}">'
            f"<h2>{SHEET_TITLE} — {label}</h2>"
            f'<div class="fields">{fields}</div>'
            f'<p class="instructions">{SHEET_INSTRUCTIONS}</p>'
            f'<table class="sheet">{rows}</table></section>')


def _item_html(item: Item) -> str:
    qtype = item.question.type
    prompt = escape(item.prompt)
    if qtype == QuestionType.CLOZE:
        parts = split_blank(item.prompt)
        blank = '<span class="blank"></span>'
        prompt = (f"{escape(parts[0])}{blank}{escape(parts[1])}" if parts
                  else f"{prompt} {blank}")
    body = [f'<li class="question" data-id="{escape(item.question.id)}">',
            f"<p>{item.number}. {prompt}</p>"]
    if qtype in (QuestionType.MCQ, QuestionType.TIMELINE):
        box = '<span class="box"></span>' if qtype == QuestionType.TIMELINE else ""
        body.append('<ul class="options">')
        body += [f"<li>{box}{LABELS[i]}. {escape(opt)}</li>" for i, opt in enumerate(item.options)]
        body.append("</ul>")
    elif qtype == QuestionType.TRUE_FALSE:
        body.append('<ul class="options">' + "".join(
            f"<li>{escape(opt)}</li>" for opt in item.options) + "</ul>")
    elif qtype == QuestionType.SHORT_ANSWER:
        body.append('<div class="line"></div><div class="line"></div>')
    elif qtype == QuestionType.MATCHING:
        body.append('<table class="matching">')
        for i in range(max(len(item.rows), len(item.options))):
            right = f"{row_label(i)} {escape(item.rows[i])} ........" if i < len(item.rows) else ""
            left = f"{LABELS[i]}. {escape(item.options[i])}" if i < len(item.options) else ""
            body.append(f"<tr><td>{right}</td><td>{left}</td></tr>")
        body.append("</table>")
    body.append("</li>")
    return "\n".join(body)


def _key_html(version: Version) -> str:
    out = [f'<section class="key" data-version="{escape(version.label)}">',
           f"<h1>{KEY_TITLE} — {VERSION_WORD} {escape(version.label)}</h1>",
           '<ol class="questions">']
    for item in version.items:
        out.append(f'<li class="question" data-id="{escape(item.question.id)}">'
                   f"<p><strong>{item.number}. {escape(item.key)}</strong></p>"
                   f'<p class="source">{SOURCE_WORD}: {escape(item.source_sentence)}</p></li>')
    out += ["</ol>", "</section>"]
    return "\n".join(out)
