"""Anki export (.apkg via genanki) with right-to-left cards and stable identity.

Identity rules (DESIGN.md): deck and note-type ids derive from the bank id; a note's GUID
derives from the question id, never from field text, so fixing a typo updates the note in
the user's collection instead of duplicating it. The package is byte-reproducible for the same
bank and timestamp (zip entries get a fixed date).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Sequence
from html import escape as _html_escape
from pathlib import Path
from typing import Any

from studykit.errors import OutputError
from studykit.exporters.valid import exportable
from studykit.fsutil import atomic_write
from studykit.models import Bank, Question, QuestionType
from studykit.textsafe import xml_text

FONT_MEDIA = "_studykit-Amiri-Regular.ttf"
ANKI_TYPES = (QuestionType.CLOZE, QuestionType.MCQ, QuestionType.SHORT_ANSWER,
              QuestionType.TRUE_FALSE)
# Option labels as Arabic handouts write them (أ ب ج د), shown before each option.
OPTION_LABELS = "أبجدهوزح"

CSS = f"""\
@font-face {{ font-family: "StudykitAmiri"; src: url("{FONT_MEDIA}"); }}
.card {{
  font-family: "StudykitAmiri", "Amiri", "Noto Naskh Arabic", "Geeza Pro",
    "Traditional Arabic", "Arabic Typesetting", "Times New Roman", serif;
  font-size: 26px; line-height: 1.7; color: #1d1d1d; background: #fffdf8;
}}
.studykit {{ direction: rtl; text-align: right; max-width: 42em; margin: 0 auto; }}
.prompt {{ font-weight: bold; }}
.options {{ list-style: none; padding: 0; margin: .6em 0; }}
.options li {{ margin: .25em 0; }}
.options .label {{ display: inline-block; min-width: 1.6em; color: #666; }}
.answer {{ font-weight: bold; color: #0b6e4f; }}
.source {{ margin-top: 1em; font-size: 20px; color: #444; border-right: 3px solid #ccc;
  padding-right: .6em; }}
.source mark {{ background: #fff2a8; color: inherit; }}
.extra {{ margin-top: .8em; font-size: 18px; color: #666; }}
.cloze {{ font-weight: bold; color: #0b6e4f; }}
.nightMode .card, .card.nightMode {{ background: #1e1e1e; color: #eee; }}
.nightMode .source mark {{ background: #5a4b00; }}
"""

_QA_FRONT = """\
<div class="studykit" dir="rtl" lang="ar">
<div class="prompt">{{Prompt}}</div>
{{#Options}}<ul class="options">{{Options}}</ul>{{/Options}}
</div>"""

_QA_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="studykit" dir="rtl" lang="ar">
<div class="answer">{{Answer}}</div>
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}
</div>"""

_CLOZE_FRONT = '<div class="studykit" dir="rtl" lang="ar">{{cloze:Text}}</div>'
_CLOZE_BACK = """\
<div class="studykit" dir="rtl" lang="ar">{{cloze:Text}}
{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}
</div>"""


def escape(text: str) -> str:
    """Bank text as an Anki field fragment: HTML-escaped, characters XML forbids dropped, and
    braces as entities, so `{{c2::...}}` written in an article is shown, never made a cloze
    deletion (Anki looks for clozes in the field's raw HTML, where `&#123;` is no brace)."""
    return _html_escape(xml_text(text)).replace("{", "&#123;").replace("}", "&#125;")


def stable_id(*parts: str) -> int:
    """A 31-bit positive id from text, in the range Anki expects for deck/model ids."""
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def highlight(question: Question) -> str:
    """The source sentence, HTML-escaped, with the shown answer wrapped in <mark> (an edited
    answer's own words, never the generator's old span)."""
    text = question.source.sentence
    start, end = question.shown_span or (None, None)
    if start is None or end is None or not 0 <= start < end <= len(text):
        return escape(text)
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def cloze_text(question: Question) -> str:
    """The sentence with the answer as `{{c1::...}}`; the text around it escaped.

    A reviewer's edited answer replaces the generated one inside the cloze.
    """
    src = question.source
    start, end = src.answer_start, src.answer_end
    answer = question.shown_answer
    edited_prompt = bool(question.edit and question.edit.prompt and "[...]" in question.edit.prompt)
    if edited_prompt or start is None or end is None or not 0 <= start < end <= len(
            src.sentence):
        # No verbatim span: blank the prompt's placeholder instead.
        before, _, after = question.shown_prompt.partition("[...]")
        return f"{escape(before)}{{{{c1::{_cloze_safe(answer)}}}}}{escape(after)}"
    s = src.sentence
    return f"{escape(s[:start])}{{{{c1::{_cloze_safe(answer)}}}}}{escape(s[end:])}"


def _cloze_safe(text: str) -> str:
    # `}}` and `::` would end the cloze early; escaping braces/colons keeps the text visible.
    return escape(text).replace("::", ":&#58;")


def options_html(question: Question) -> str:
    return "".join(
        f'<li><span class="label">{OPTION_LABELS[i % len(OPTION_LABELS)]}.</span> '
        f"{escape(option)}</li>"
        for i, option in enumerate(question.shown_options)
    )


def _extra(question: Question) -> str:
    parts = []
    # The reviewer's note stays in the bank: it is about the question, not for students.
    if question.shown_alternatives:
        parts.append("يُقبل أيضًا: " + "، ".join(escape(a) for a in question.shown_alternatives))
    return "<br>".join(parts)


def _models(bank: Bank) -> tuple[Any, Any]:
    import genanki

    qa = genanki.Model(
        stable_id("studykit-model-qa", bank.id),
        f"studykit Q/A ({bank.id})",
        fields=[{"name": n, "rtl": True, "font": "Amiri"} for n in
                ("Prompt", "Options", "Answer", "Source", "Extra", "Id")],
        templates=[{"name": "Card 1", "qfmt": _QA_FRONT, "afmt": _QA_BACK}],
        css=CSS,
    )
    cloze = genanki.Model(
        stable_id("studykit-model-cloze", bank.id),
        f"studykit Cloze ({bank.id})",
        fields=[{"name": n, "rtl": True, "font": "Amiri"} for n in ("Text", "Extra", "Id")],
        templates=[{"name": "Cloze", "qfmt": _CLOZE_FRONT, "afmt": _CLOZE_BACK}],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    return qa, cloze


def note_tags(question: Question) -> list[str]:
    """Anki tags cannot hold spaces; keep Arabic letters, join words with `_`."""
    return sorted({"_".join(t.split()) for t in question.tags if t.strip()})


def build_notes(bank: Bank, questions: Sequence[Question], typed: bool = False) -> list[Any]:
    """One note per Anki-able question; with `typed`, short answers and clozes are type-in
    notes (studykit.exporters.ankityped)."""
    import genanki

    from studykit.exporters.ankityped import TYPED_TYPES, typed_models, typed_note

    qa, cloze = _models(bank)
    typed_pair = typed_models(bank, CSS) if typed else None
    notes = []
    for q in questions:
        if q.type not in ANKI_TYPES:
            continue  # timeline and matching are handout-only (README)
        guid = genanki.guid_for("studykit", q.id)
        if typed_pair is not None and q.type in TYPED_TYPES:
            notes.append(typed_note(q, typed_pair, note_tags(q)))
        elif q.type == QuestionType.CLOZE:
            fields = [cloze_text(q), _extra(q), q.id]
            notes.append(genanki.Note(model=cloze, fields=fields, tags=note_tags(q), guid=guid))
        else:
            fields = [escape(q.shown_prompt), options_html(q), escape(q.shown_answer),
                      highlight(q), _extra(q), q.id]
            notes.append(genanki.Note(model=qa, fields=fields, tags=note_tags(q), guid=guid))
    return notes


def _font_path() -> Path:
    import fontpkg_amiri

    return Path(fontpkg_amiri.__file__).parent / "files" / "Amiri-Regular.ttf"


def package_bytes(bank: Bank, questions: Sequence[Question], timestamp: float,
                  typed: bool = False) -> bytes:
    """The .apkg as bytes: genanki's collection, zipped with fixed dates for reproducibility."""
    import genanki

    deck = genanki.Deck(stable_id("studykit-deck", bank.id), bank.title or bank.id)
    for note in build_notes(bank, questions, typed=typed):
        deck.add_note(note)
    package = genanki.Package(deck)
    # The collection is built in memory and serialized: a file database would be synced to
    # disk on commit (14 ms of a 20 ms write), and it is only ever read from the zip.
    conn = sqlite3.connect(":memory:")
    try:
        package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        _add(out, "collection.anki2", collection)
        _add(out, "media", json.dumps({"0": FONT_MEDIA}).encode())
        # The font is most of the package and barely compresses: the fastest level gives
        # 222 kB instead of 210 kB in 7 ms instead of 18 ms (a tenth of an export).
        _add(out, "0", _font_path().read_bytes(), level=1)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes, level: int | None = None) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=level)


def write_apkg(
    bank: Bank,
    path: str | Path,
    include_drafts: bool = False,
    timestamp: float | None = None,
    typed: bool = False,
) -> int:
    """Write the bank's selected questions as an .apkg; returns the number of notes.

    `timestamp` becomes the notes' modification time. Anki updates an existing note on
    re-import only when this is newer, so callers pass the bank file's mtime: an edited bank
    yields newer notes, an unchanged bank the same bytes. `typed` makes short-answer and
    cloze questions "type the answer" cards.
    """
    questions = exportable(bank, include_drafts)
    if not any(q.type in ANKI_TYPES for q in questions):
        hint = "" if include_drafts else " (review the bank, or add --include-drafts)"
        which = "questions" if include_drafts else "approved questions"
        raise OutputError(f"{path}: not written: the bank has no {which} for Anki{hint}")
    data = package_bytes(bank, questions, timestamp if timestamp is not None else 0.0,
                         typed=typed)
    atomic_write(path, data)
    return sum(1 for q in questions if q.type in ANKI_TYPES)
