"""Handout as a Word document (.docx, python-docx), for teachers who edit before printing.

Same layout model as the PDF (versions, sections, numbering, keys: studykit.exporters
.handout.layout); this module only draws it. Word needs right-to-left said explicitly at
three levels, or Arabic comes out left-aligned with its punctuation on the wrong side:
- section: `w:bidi` (page and columns run right to left);
- paragraph: `w:bidi` (direction, start = right, list numbers on the right);
- run: `w:rtl` and a complex-script font and size (`w:rFonts/@w:cs`, `w:szCs`, `w:lang/@w:bidi`):
  Word sets Arabic in the complex-script font, not the Latin one.
Tables get `w:bidiVisual` so the first column is the rightmost. A paragraph without Arabic
letters (a Latin title) stays left to right.

Each version and each key is its own section, starting a new page, with a footer giving the
version label and the page number (a PAGE field), as the PDF prints on every page.
"""

from __future__ import annotations

import io
import re
from typing import Any

from studykit.exporters.handout.layout import (
    HEADER_FIELDS,
    KEY_TITLE,
    LABELS,
    PAGE_WORD,
    SCORE,
    SHEET_TITLE,
    SOURCE_WORD,
    TEXT_TITLE,
    VERSION_WORD,
    Handout,
    Item,
    Version,
    sheet_rows,
    split_blank,
)
from studykit.models import QuestionType
from studykit.textsafe import xml_text

# Amiri, as in the PDF; Word substitutes its default Arabic font where Amiri is not installed.
ARABIC_FONT = "Amiri"
FONT_SIZE_PT = 14
BLANK = "______________"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """True when `text` has an Arabic letter: such a paragraph is right to left."""
    return bool(_ARABIC.search(text))


def render_docx(handout: Handout, *, questions: bool = True, keys: bool = True) -> bytes:
    """Each version, then its key when asked, each starting a new page."""
    from docx import Document
    from docx.enum.section import WD_SECTION

    doc = Document()
    _arabic_defaults(doc)
    title = xml_text(handout.title)
    # File metadata only (the page shows the whole title); OOXML caps it at 255 characters.
    doc.core_properties.title = title if len(title) <= 255 else title[:254] + "…"
    if handout.created is not None:
        doc.core_properties.created = handout.created
    first = True
    for version in handout.versions:
        parts = ([_version_body] if questions else []) + ([_key_body] if keys else [])
        for draw in parts:
            section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
            first = False
            _rtl_section(section, version, key=draw is _key_body)
            draw(doc, handout, version)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _version_body(doc: Any, handout: Handout, version: Version) -> None:
    label = f"{VERSION_WORD} {version.label}"
    title = f"{handout.title} ({label})" if handout.title else label
    if handout.school:
        _para(doc, handout.school, bold=True)
    _para(doc, title, style="Title")
    _para(doc, "    ".join(f"{name}: ..................." for name in HEADER_FIELDS))
    _para(doc, f"{SCORE}: ...... / {version.total or len(version.items)}", bold=True)
    if handout.instructions:
        _para(doc, handout.instructions, italic=True)
    if handout.excerpts:
        _para(doc, TEXT_TITLE, style="Heading 2")
        for text in handout.excerpts:
            _para(doc, text, size=FONT_SIZE_PT - 2)
    for section in version.sections:
        # A heading and its instruction stay on the page of the section's first question.
        _para(doc, section.title, style="Heading 2", keep_with_next=True)
        _para(doc, section.instructions, italic=True, keep_with_next=True)
        for item in section.items:
            _item(doc, item)
    rows = sheet_rows(version) if handout.answer_sheet else []
    if rows:
        # The bubble sheet, as in the PDF: one row per multiple-choice or true/false item.
        _para(doc, f"{SHEET_TITLE} — {label}", style="Heading 2")
        for number, choices in rows:
            _para(doc, f"{number}.   " + "    ".join(f"◯ {c}" for c in choices))


def _item(doc: Any, item: Item) -> None:
    qtype = item.question.type
    prompt = item.prompt
    if qtype == QuestionType.CLOZE:
        parts = split_blank(item.prompt)
        prompt = f"{parts[0]}{BLANK}{parts[1]}" if parts else f"{prompt} {BLANK}"
    # A question stays with what follows it (options, answer line), never with the next
    # question: a chain of kept paragraphs would move a whole section to the next page.
    _para(doc, f"{item.number}. {prompt}", keep_with_next=qtype != QuestionType.CLOZE)
    if qtype == QuestionType.MCQ:
        for i, option in enumerate(item.options):
            _para(doc, f"{LABELS[i]}. {option}", indent=True,
                  keep_with_next=i < len(item.options) - 1)
    elif qtype == QuestionType.TIMELINE:
        for i, event in enumerate(item.options):
            _para(doc, f"[      ] {LABELS[i]}. {event}", indent=True,
                  keep_with_next=i < len(item.options) - 1)
    elif qtype == QuestionType.TRUE_FALSE:
        _para(doc, "          ".join(item.options), indent=True)
    elif qtype == QuestionType.SHORT_ANSWER:
        # No letters on the answer line: say RTL, or it starts at the left margin.
        _para(doc, BLANK * 3, indent=True, rtl=True)
    elif qtype == QuestionType.MATCHING:
        _matching_table(doc, item)


def _matching_table(doc: Any, item: Item) -> None:
    count = max(len(item.rows), len(item.options))
    table = doc.add_table(rows=count, cols=2)
    table.style = "Table Grid"
    _set(table._tbl.tblPr, "w:bidiVisual")
    for i in range(count):
        right = f"{i + 1}. {item.rows[i]} ......" if i < len(item.rows) else ""
        left = f"{LABELS[i]}. {item.options[i]}" if i < len(item.options) else ""
        for cell, text in zip(table.rows[i].cells, (right, left), strict=True):
            _fill(cell.paragraphs[0], text)
    _para(doc, "")


def _key_body(doc: Any, handout: Handout, version: Version) -> None:
    _para(doc, f"{KEY_TITLE} — {VERSION_WORD} {version.label}", style="Title")
    for item in version.items:
        _para(doc, f"{item.number}. {item.key}", bold=True, keep_with_next=True)
        _para(doc, f"{SOURCE_WORD}: {item.source_sentence}", size=FONT_SIZE_PT - 2,
              indent=True)


def _para(doc: Any, text: str, *, style: str | None = None, bold: bool = False,
          italic: bool = False, size: int | None = None, indent: bool = False,
          keep_with_next: bool = False, rtl: bool | None = None) -> Any:
    from docx.shared import Cm

    paragraph = doc.add_paragraph(style=style)
    _fill(paragraph, text, bold=bold, italic=italic, size=size, rtl=rtl)
    if indent:
        # With w:bidi, Word's "left" indent is the start side: the right margin.
        paragraph.paragraph_format.left_indent = Cm(1)
    if keep_with_next:  # a question stays on the page of its options
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _fill(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False,
          size: int | None = None, rtl: bool | None = None) -> None:
    """One run of `text`; right to left when it has Arabic letters (or `rtl` says so)."""
    from docx.shared import Pt

    clean = xml_text(text)  # lxml refuses characters XML forbids (Word's own `\v`)
    rtl = has_arabic(clean) if rtl is None else rtl
    if rtl:
        _set(paragraph._p.get_or_add_pPr(), "w:bidi")
    run = paragraph.add_run(clean)
    run.bold, run.italic = bold or None, italic or None
    if size is not None:
        run.font.size = Pt(size)
    _run_font(run._r.get_or_add_rPr(), rtl, size)


def _run_font(rpr: Any, rtl: bool, size: int | None) -> None:
    from docx.oxml.ns import qn

    fonts = _set(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), ARABIC_FONT)
    if rtl:
        _set(rpr, "w:rtl")
    if size is not None:
        _set(rpr, "w:szCs").set(qn("w:val"), str(size * 2))  # half-points


def _arabic_defaults(doc: Any) -> None:
    """Normal style: Arabic font and size for both scripts, Arabic as the bidi language."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = ARABIC_FONT
    normal.font.size = Pt(FONT_SIZE_PT)
    rpr = normal.element.get_or_add_rPr()
    _run_font(rpr, rtl=False, size=FONT_SIZE_PT)
    _set(rpr, "w:lang").set(qn("w:bidi"), "ar-SA")


def _rtl_section(section: Any, version: Version, key: bool = False) -> None:
    """Right-to-left section with its own footer (version label, page number counted from 1
    in each version and each key, as the PDF does)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _set(section._sectPr, "w:bidi")
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        later = next((section._sectPr.find(qn(tag)) for tag in _AFTER_PGNUM
                      if section._sectPr.find(qn(tag)) is not None), None)
        if later is not None:
            later.addprevious(numbering)
        else:
            section._sectPr.append(numbering)
    numbering.set(qn("w:start"), "1")
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    label = f"{VERSION_WORD} {version.label}"
    _fill(paragraph, f"{KEY_TITLE} — {label} — {PAGE_WORD} " if key else f"{label} — {PAGE_WORD} ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


# CT_SectPr: what must come after w:pgNumType.
_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
                "w:sectPrChange")

# WordprocessingML fixes the order of properties (ECMA-376 CT_PPrBase, CT_RPr, CT_SectPr,
# CT_TblPr); Word calls a file with them out of order corrupt. For each property we add, the
# siblings that must come after it.
_AFTER = {
    "w:bidi": ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
               # in w:sectPr
               "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
    "w:rFonts": ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                 "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
                 "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w",
                 "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                 "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em",
                 "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:szCs": ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
               "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
               "w:specVanish", "w:oMath"),
    "w:rtl": ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:lang": ("w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:bidiVisual": ("w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                     "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                     "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange"),
}


def _set(parent: Any, tag: str) -> Any:
    """The child `tag` of `parent`, added in schema order when missing (an on/off property
    such as `w:bidi` is on when present)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert_element_before(child, *_AFTER[tag])
    return child
