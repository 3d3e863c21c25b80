"""The IMS content package around the QTI items: the .zip Canvas, Blackboard and D2L import.

Layout (as Canvas exports quizzes and text2qti writes them):

    imsmanifest.xml                 IMS CP 1.1 manifest naming both files below
    <ident>/<ident>.xml             the QTI 1.2 assessment (studykit.exporters.qti)
    <ident>/assessment_meta.xml     Canvas's quiz settings (title, points); others ignore it

Identifiers derive from the bank id, so re-exporting an edited bank gives the same quiz
identity; the zip has fixed entry dates, so the same bank gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from studykit.errors import OutputError
from studykit.exporters.qti import assessment_xml
from studykit.exporters.valid import exportable
from studykit.fsutil import atomic_write
from studykit.models import Bank
from studykit.textsafe import xml_text

CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
QTI_RESOURCE = "imsqti_xmlv1p2"
META_RESOURCE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"


def identifier(*parts: str) -> str:
    """`g` + 32 hex digits from `parts`: Canvas's own identifier shape, safe as a folder name."""
    return "g" + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


def package_files(bank: Bank, include_drafts: bool = False) -> dict[str, str]:
    """Path inside the zip → XML text, for the bank's exportable questions."""
    questions = exportable(bank, include_drafts)
    ident = identifier("studykit-qti", bank.id)
    title = bank.title or bank.id
    assessment = assessment_xml(ident, title, questions)
    return {
        "imsmanifest.xml": _xml(_manifest(bank, ident)),
        f"{ident}/{ident}.xml": _xml(assessment),
        f"{ident}/assessment_meta.xml": _xml(_meta(ident, title, len(questions))),
    }


def write_qti(bank: Bank, path: str | Path, include_drafts: bool = False) -> int:
    """Write the package; returns the number of questions in it."""
    questions = exportable(bank, include_drafts)
    if not questions:
        hint = "" if include_drafts else " (review the bank, or add --include-drafts)"
        which = "questions" if include_drafts else "approved questions"
        raise OutputError(f"{path}: not written: the bank has no {which}{hint}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in package_files(bank, include_drafts).items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    atomic_write(path, buffer.getvalue())
    return len(questions)


def _manifest(bank: Bank, ident: str) -> ET.Element:
    meta_ident = identifier("studykit-qti-meta", bank.id)
    root = ET.Element("manifest", {
        "identifier": identifier("studykit-qti-manifest", bank.id),
        "xmlns": CP_NS, "xmlns:imsmd": MD_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
                              f"{MD_NS} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd",
    })
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    lom = ET.SubElement(metadata, "imsmd:lom")
    title = ET.SubElement(ET.SubElement(lom, "imsmd:general"), "imsmd:title")
    ET.SubElement(title, "imsmd:string").text = bank.title or bank.id
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    qti = ET.SubElement(resources, "resource", identifier=ident, type=QTI_RESOURCE)
    ET.SubElement(qti, "file", href=f"{ident}/{ident}.xml")
    ET.SubElement(qti, "dependency", identifierref=meta_ident)
    meta = ET.SubElement(resources, "resource", identifier=meta_ident, type=META_RESOURCE,
                         href=f"{ident}/assessment_meta.xml")
    ET.SubElement(meta, "file", href=f"{ident}/assessment_meta.xml")
    return root


def _meta(ident: str, title: str, count: int) -> ET.Element:
    """Canvas's quiz settings: a practice quiz the teacher then configures (no assignment is
    created, so importing does not add a graded column to the gradebook unasked)."""
    root = ET.Element("quiz", {"identifier": ident, "xmlns": CANVAS_NS})
    for tag, value in (("title", title), ("description", ""), ("shuffle_answers", "true"),
                       ("scoring_policy", "keep_highest"), ("quiz_type", "practice_quiz"),
                       ("points_possible", f"{float(count):.1f}"),
                       ("show_correct_answers", "true"), ("allowed_attempts", "-1"),
                       ("one_question_at_a_time", "false"), ("available", "false")):
        ET.SubElement(root, tag).text = value
    return root


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    # Characters XML 1.0 forbids can only come from bank text (Word's `\v`): drop them.
    body = xml_text(ET.tostring(root, encoding="unicode"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
