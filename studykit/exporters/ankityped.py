"""Anki "type the answer" cards for short-answer and cloze questions (`export anki --typed`).

A student who studies in Anki instead of the terminal quiz still types the answer: the front
has Anki's `{{type:...}}` box, the back Anki's character diff and the other answers the quiz
would accept, so a student whose spelling differs only where the quiz is lenient (hamza,
digits, another date form) can grade themselves right.

Typed notes are their own note types with their own GUIDs (question id + "typed"): Anki does
not change a note's type on re-import, so sharing the plain notes' GUIDs would make a typed
deck silently skip every note already imported from a plain one.
"""

from __future__ import annotations

from typing import Any

from studykit.arabic import normalize
from studykit.exporters.accepted import accepted_forms
from studykit.models import Bank, Question, QuestionType

TYPED_TYPES = (QuestionType.SHORT_ANSWER, QuestionType.CLOZE)

_TYPED_FRONT = """\
<div class="studykit" dir="rtl" lang="ar">
<div class="prompt">{{Prompt}}</div>
</div>
<div class="studykit typein" dir="rtl" lang="ar">{{type:Answer}}</div>"""

_TYPED_BACK = """\
<div class="studykit" dir="rtl" lang="ar">
<div class="prompt">{{Prompt}}</div>
</div>
<div class="studykit typein" dir="rtl" lang="ar">{{type:Answer}}</div>
<hr id="answer">
<div class="studykit" dir="rtl" lang="ar">
{{#Accepted}}<div class="extra">يُقبل أيضًا: {{Accepted}}</div>{{/Accepted}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
</div>"""

_CLOZE_TYPED_FRONT = """\
<div class="studykit" dir="rtl" lang="ar">{{cloze:Text}}</div>
<div class="studykit typein" dir="rtl" lang="ar">{{type:cloze:Text}}</div>"""

_CLOZE_TYPED_BACK = """\
<div class="studykit" dir="rtl" lang="ar">{{cloze:Text}}</div>
<div class="studykit typein" dir="rtl" lang="ar">{{type:cloze:Text}}</div>
<div class="studykit" dir="rtl" lang="ar">
{{#Accepted}}<div class="extra">يُقبل أيضًا: {{Accepted}}</div>{{/Accepted}}
</div>"""

# Anki's type-in box and diff are left-to-right by default; an Arabic answer reads RTL.
TYPED_CSS = """
.typein input, .typein code, #typeans { direction: rtl; text-align: right;
  font-family: inherit; font-size: 24px; }
"""


def accepted_list(question: Question) -> list[str]:
    """The other answers the quiz accepts, one spelling of each: a form that differs from one
    already listed only by hamza or digits is left out (the student sees that it matches)."""
    seen = {normalize(question.shown_answer)}
    shown: list[str] = []
    for form in accepted_forms(question):
        key = normalize(form)
        if key not in seen:
            seen.add(key)
            shown.append(form)
    return shown


def typed_models(bank: Bank, css: str) -> tuple[Any, Any]:
    """The type-in Q/A and type-in cloze note types, ids fixed by the bank id."""
    import genanki

    from studykit.exporters.anki import stable_id

    qa = genanki.Model(
        stable_id("studykit-model-typed", bank.id),
        f"studykit Type-in ({bank.id})",
        fields=[{"name": n, "rtl": True, "font": "Amiri"} for n in
                ("Prompt", "Answer", "Accepted", "Source", "Id")],
        templates=[{"name": "Type-in", "qfmt": _TYPED_FRONT, "afmt": _TYPED_BACK}],
        css=css + TYPED_CSS,
    )
    cloze = genanki.Model(
        stable_id("studykit-model-cloze-typed", bank.id),
        f"studykit Cloze Type-in ({bank.id})",
        fields=[{"name": n, "rtl": True, "font": "Amiri"} for n in ("Text", "Accepted", "Id")],
        templates=[{"name": "Cloze Type-in", "qfmt": _CLOZE_TYPED_FRONT,
                    "afmt": _CLOZE_TYPED_BACK}],
        css=css + TYPED_CSS,
        model_type=genanki.Model.CLOZE,
    )
    return qa, cloze


def typed_note(question: Question, models: tuple[Any, Any], tags: list[str]) -> Any:
    """One type-in note for a short-answer or cloze question."""
    import genanki

    from studykit.exporters.anki import cloze_text, escape, highlight

    qa, cloze = models
    guid = genanki.guid_for("studykit-typed", question.id)
    accepted = "، ".join(escape(a) for a in accepted_list(question))
    if question.type == QuestionType.CLOZE:
        fields = [cloze_text(question), accepted, question.id]
        return genanki.Note(model=cloze, fields=fields, tags=[*tags, "typed"], guid=guid)
    fields = [escape(question.shown_prompt), escape(question.shown_answer), accepted,
              highlight(question), question.id]
    return genanki.Note(model=qa, fields=fields, tags=[*tags, "typed"], guid=guid)
