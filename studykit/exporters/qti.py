"""IMS QTI 1.2 items as Canvas imports them (Canvas's "QTI .zip" quiz import).

Canvas reads QTI 1.2 ASI with its own `question_type` metadata; the shapes here follow the
files Canvas exports and text2qti writes (the best-known generator Canvas accepts):

- mcq → multiple_choice_question, true_false → true_false_question (choices صح / خطأ);
- short_answer → short_answer_question: one `varequal` per accepted spelling
  (studykit.exporters.accepted), since Canvas compares typed answers exactly;
- cloze → short_answer_question too, which Canvas calls "Fill In the Blank": the sentence with
  a blank line where the answer was (one blank, so not fill_in_multiple_blanks);
- matching and timeline → matching_question (timeline as event ↔ date, as in the Moodle export).

Text goes in `mattext texttype="text/html"` as `<div dir="rtl" lang="ar">` with the bank text
HTML-escaped: article text is never markup. The general feedback is the source sentence.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from studykit.exporters.accepted import accepted_forms
from studykit.models import Question, QuestionType

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CANVAS_TYPES = {
    QuestionType.MCQ: "multiple_choice_question",
    QuestionType.TRUE_FALSE: "true_false_question",
    QuestionType.SHORT_ANSWER: "short_answer_question",
    QuestionType.CLOZE: "short_answer_question",
    QuestionType.MATCHING: "matching_question",
    QuestionType.TIMELINE: "matching_question",
}
TRUE_FALSE = ("صح", "خطأ")
# A blank the width of a typical answer; Canvas shows the answer box below the text.
BLANK = "________"


def rtl_html(text: str) -> str:
    """Bank text as a right-to-left HTML fragment, escaped (the XML layer escapes it again)."""
    return f'<div dir="rtl" lang="ar">{escape(text, quote=False)}</div>'


def assessment_xml(ident: str, title: str, questions: list[Question]) -> ET.Element:
    """`<questestinterop>` with one assessment, one section, one item per question."""
    root = ET.Element("questestinterop", {
        "xmlns": QTI_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}"})
    assessment = ET.SubElement(root, "assessment", ident=ident, title=title)
    _metadata(ET.SubElement(assessment, "qtimetadata"), {"cc_maxattempts": "1"})
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in questions:
        section.append(item_xml(question))
    return root


def item_xml(question: Question) -> ET.Element:
    """One `<item>`: metadata, presentation, response processing, feedback."""
    item = ET.Element("item", ident=question.id, title=_title(question))
    answer_ids: list[str] = []
    presentation = ET.Element("presentation")
    processing = ET.Element("resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE",
                  vartype="Decimal")
    # Shown whatever the answer: the sentence the question comes from.
    feedback = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(feedback, "conditionvar"), "other")
    ET.SubElement(feedback, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    if question.type in (QuestionType.MCQ, QuestionType.TRUE_FALSE):
        answer_ids = _choice(question, presentation, processing)
    elif question.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
        _short_answer(question, presentation, processing)
    else:
        answer_ids = _matching(question, presentation, processing)
    _metadata(ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata"), {
        "question_type": CANVAS_TYPES[question.type],
        "points_possible": "1.0",
        "original_answer_ids": ",".join(answer_ids),
        "assessment_question_identifierref": f"{question.id}-ref",
    })
    item.extend((presentation, processing))
    general = ET.SubElement(item, "itemfeedback", ident="general_fb")
    _mattext(ET.SubElement(ET.SubElement(general, "flow_mat"), "material"),
             rtl_html(question.source.sentence))
    return item


def prompt_text(question: Question) -> str:
    """The text a student reads: a cloze's `[...]` becomes a blank line."""
    prompt = question.shown_prompt
    if question.type == QuestionType.CLOZE:
        before, marker, after = prompt.partition("[...]")
        return f"{before}{BLANK}{after}" if marker else f"{prompt} {BLANK}"
    return prompt


def _choice(question: Question, presentation: ET.Element, processing: ET.Element) -> list[str]:
    _mattext(ET.SubElement(presentation, "material"), rtl_html(prompt_text(question)))
    lid = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
    render = ET.SubElement(lid, "render_choice")
    options = (question.shown_options if question.type == QuestionType.MCQ else TRUE_FALSE)
    ids = [f"{question.id}-a{i + 1}" for i in range(len(options))]
    right = question.shown_answer.strip() if question.type == QuestionType.TRUE_FALSE \
        else question.shown_answer
    for ident, option in zip(ids, options, strict=True):
        label = ET.SubElement(render, "response_label", ident=ident)
        _mattext(ET.SubElement(label, "material"), rtl_html(option))
        if option == right:
            _set_score(processing, "response1", ident, "Set", "100")
    return ids


def _short_answer(question: Question, presentation: ET.Element, processing: ET.Element) -> None:
    _mattext(ET.SubElement(presentation, "material"), rtl_html(prompt_text(question)))
    response = ET.SubElement(presentation, "response_str", ident="response1",
                             rcardinality="Single")
    ET.SubElement(ET.SubElement(response, "render_fib"), "response_label", ident="answer1",
                  rshuffle="No")
    condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
    var = ET.SubElement(condition, "conditionvar")
    # Several varequal under one conditionvar: any of them matching is right (Canvas's shape).
    for form in accepted_forms(question):
        ET.SubElement(var, "varequal", respident="response1").text = form
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"


def _matching(question: Question, presentation: ET.Element, processing: ET.Element) -> list[str]:
    _mattext(ET.SubElement(presentation, "material"), rtl_html(prompt_text(question)))
    pairs = question.shown_pairs
    # Each distinct right-hand text is one choice; two events on one date share it.
    rights = list(dict.fromkeys(p.right for p in pairs))
    right_ids = {text: f"{question.id}-m{i + 1}" for i, text in enumerate(rights)}
    share = f"{100 / len(pairs):.2f}" if pairs else "0"
    left_ids = []
    for i, pair in enumerate(pairs):
        left_id = f"response_{question.id}-l{i + 1}"
        left_ids.append(left_id.removeprefix("response_"))
        lid = ET.SubElement(presentation, "response_lid", ident=left_id)
        _mattext(ET.SubElement(lid, "material"), pair.left, html=False)
        render = ET.SubElement(lid, "render_choice")
        for text in rights:
            label = ET.SubElement(render, "response_label", ident=right_ids[text])
            _mattext(ET.SubElement(label, "material"), text, html=False)
        _set_score(processing, left_id, right_ids[pair.right], "Add", share)
    return left_ids


def _set_score(processing: ET.Element, respident: str, value: str, action: str,
               score: str) -> None:
    attrs = {"continue": "No"} if action == "Set" else {}
    condition = ET.SubElement(processing, "respcondition", attrs)
    ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                  respident=respident).text = value
    ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = score


def _mattext(material: ET.Element, text: str, html: bool = True) -> None:
    # Matching choices are plain text in Canvas's own exports (it shows them in a <select>).
    ET.SubElement(material, "mattext",
                  texttype="text/html" if html else "text/plain").text = text


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    for label, entry in fields.items():
        field = ET.SubElement(parent, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _title(question: Question) -> str:
    """A short item title for Canvas's question list: the prompt's first words."""
    words = prompt_text(question).split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
