"""The handout layout model: which questions, in which order, with which labels and keys.

Renderers (pdf, html, markdown) only draw what this module decides, so every format shows the
same versions, the same numbering and the same keys. Shuffling is a pure function of the seed
and the version letter: the same command gives the same handout.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from studykit.exporters.handout.options import HandoutError, HandoutOptions, KeyMode
from studykit.exporters.handout.selection import select_questions, without_siblings
from studykit.models import Question, QuestionType
from studykit.ordering import most_different

# Option, event and matching-column labels in abjad order (أبجد هوز حطي كلمن), as exams use.
LABELS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل")
TRUE_FALSE = ("صح", "خطأ")
BLANK = "[...]"

# Section order and wording; one section per question type, in this order.
SECTION_TITLES: dict[QuestionType, str] = {
    QuestionType.MCQ: "أسئلة الاختيار من متعدد",
    QuestionType.TRUE_FALSE: "صح أم خطأ",
    QuestionType.CLOZE: "أكمل الفراغ",
    QuestionType.SHORT_ANSWER: "أجب باختصار",
    QuestionType.TIMELINE: "الترتيب الزمني",
    QuestionType.MATCHING: "المطابقة",
}
INSTRUCTIONS: dict[QuestionType, str] = {
    QuestionType.MCQ: "ضع دائرة حول حرف الإجابة الصحيحة.",
    QuestionType.TRUE_FALSE: "ضع دائرة حول «صح» أو «خطأ».",
    QuestionType.CLOZE: "اكتب الكلمة الناقصة في الفراغ.",
    QuestionType.SHORT_ANSWER: "اكتب إجابة قصيرة على السطر.",
    QuestionType.TIMELINE: "اكتب رقم الترتيب (1 للأقدم) أمام كل حدث.",
    QuestionType.MATCHING: "اكتب حرف العنصر المناسب أمام كل رقم.",
}


# Fixed wording of the page furniture.
HEADER_FIELDS = ("الاسم", "الصف", "التاريخ")
SCORE = "الدرجة"
VERSION_WORD = "النموذج"
KEY_TITLE = "مفتاح الإجابات"
PAGE_WORD = "صفحة"
TEXT_TITLE = "النص"
SOURCE_WORD = "المصدر"
SHEET_TITLE = "ورقة الإجابة"
SHEET_INSTRUCTIONS = "ظلّل الدائرة أمام الإجابة الصحيحة لكل سؤال من أسئلة الاختيار والصح والخطأ."


@dataclass(frozen=True)
class Item:
    """One numbered question as printed in one version.

    `options` are shown labelled أ ب ج...; for timeline they are the events to number and for
    matching the right-hand column. `rows` is the left-hand matching column. `key` is the answer
    line for this version (labels refer to this version's order).
    """

    number: int
    question: Question
    prompt: str
    options: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    key: str = ""
    source_sentence: str = ""


@dataclass(frozen=True)
class Section:
    type: QuestionType
    title: str
    instructions: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Version:
    """One printed version (A, B, ...): its label, sections and, derived from them, the key.
    `total` is the score the version is marked out of."""

    label: str
    sections: tuple[Section, ...]
    total: int = 0

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


@dataclass(frozen=True)
class Handout:
    title: str
    versions: tuple[Version, ...]
    excerpts: tuple[str, ...] = field(default=())
    created: datetime | None = None
    answer_sheet: bool = False
    school: str = ""
    instructions: str = ""


# Version names in abjad order, one letter each (ه without its tatweel, unlike option labels).
VERSION_LABELS = tuple("أبجدهوزحطيكلمنسعفصقرشتثخذض")
# Whole versions tried, keeping the one whose questions least keep their earlier numbers.
TRIES = 6


def version_label(index: int, arabic: bool = True) -> str:
    """`أ`, `ب`, `ج`... on an Arabic page (teachers asked); Latin `A`, `B`... on request. The
    footer and the key title say «النموذج أ», so a version is never taken for an option."""
    return VERSION_LABELS[index] if arabic else chr(ord("A") + index)


def build_handout(questions: Sequence[Question], options: HandoutOptions) -> Handout:
    """Lay out every version: sections by type, shuffled questions and options, keys."""
    if not 1 <= options.versions <= 26:
        raise HandoutError("--versions must be between 1 and 26")
    chosen = select_questions(questions, options)
    versions: list[Version] = []
    for i in range(options.versions):
        versions.append(_build_version(chosen, options, i, versions))
    excerpts = tuple(_excerpts(chosen)) if options.with_text else ()
    return Handout(title=options.title, versions=tuple(versions), excerpts=excerpts,
                   created=options.created, answer_sheet=options.answer_sheet,
                   school=options.school, instructions=options.instructions)


def marks_text(n: int) -> str:
    """`1 درجة`, `2 درجتان`, `5 درجات`, `12 درجة`: the counted noun as Arabic agrees it."""
    if n == 1:
        return "درجة واحدة"
    if n == 2:
        return "درجتان"
    return f"{n} درجات" if 3 <= n <= 10 else f"{n} درجة"


def sheet_rows(version: Version) -> list[tuple[int, tuple[str, ...]]]:
    """The answer sheet's rows: each multiple-choice or true/false question's number and the
    labels to bubble (أ ب ج د, or صح خطأ); other types are answered on the paper itself."""
    rows: list[tuple[int, tuple[str, ...]]] = []
    for item in version.items:
        if item.question.type == QuestionType.MCQ:
            rows.append((item.number, LABELS[:len(item.options)]))
        elif item.question.type == QuestionType.TRUE_FALSE:
            rows.append((item.number, tuple(item.options) or TRUE_FALSE))
    return rows


def _build_version(questions: list[Question], options: HandoutOptions, index: int,
                   earlier: list[Version]) -> Version:
    """The version whose questions sit at the fewest numbers they had in earlier versions,
    of a few tries (section and item orders interact, so each is tried whole)."""
    # Seeded by the Latin name, so the shuffles do not depend on the label script.
    rng = random.Random(f"version:{options.seed}:{chr(ord('A') + index)}")
    taken = {(i.question.id, i.number) for v in earlier for i in v.items}
    best: Version | None = None
    best_score = -1
    for _ in range(TRIES if earlier else 1):
        version = _try_version(questions, options, index, earlier, rng)
        score = sum((i.question.id, i.number) in taken for i in version.items)
        if best is None or score < best_score:
            best, best_score = version, score
        if score == 0:
            break
    assert best is not None
    return best


def _try_version(questions: list[Question], options: HandoutOptions, index: int,
                 earlier: list[Version], rng: random.Random) -> Version:
    types = [t for t in SECTION_TITLES if any(q.type == t for q in questions)]
    if earlier:  # version A keeps the usual section order; the others move sections too
        types = most_different(types, [[s.type for s in v.sections] for v in earlier], rng)
    previous = {item.question.id: item for v in earlier for item in v.items}
    sections: list[Section] = []
    number = 1
    for qtype in types:
        group = [q for q in questions if q.type == qtype]
        before = [[i.question.id for i in s.items] for v in earlier for s in v.sections
                  if s.type == qtype]
        ids = most_different([q.id for q in group], before, rng)
        by_id = {q.id: q for q in group}
        items = []
        for qid in ids:
            items.append(layout_item(by_id[qid], number, rng, previous.get(qid)))
            number += 1
        title = SECTION_TITLES[qtype]
        if options.marks:
            title += f" ({marks_text(len(items) * _marks(options, qtype))})"
        sections.append(Section(qtype, title, INSTRUCTIONS[qtype], tuple(items)))
    total = sum(len(s.items) * _marks(options, s.type) for s in sections)
    return Version(label=version_label(index, options.arabic_labels), sections=tuple(sections),
                   total=total)


def _marks(options: HandoutOptions, qtype: QuestionType) -> int:
    return dict(options.marks).get(qtype, 1)


def layout_item(question: Question, number: int, rng: random.Random,
                previous: Item | None = None) -> Item:
    """One question as printed: shuffled options where order is not the answer itself,
    another order than the question had in an earlier version when one exists."""
    prompt = without_instruction(question, question.shown_prompt)
    answer = question.shown_answer
    source = question.source.sentence
    if question.type == QuestionType.MCQ:
        options = most_different(list(question.shown_options),
                                 [list(previous.options)] if previous else [], rng)
        if answer not in options:
            raise HandoutError(f"question {question.id}: its answer is not among its options")
        right = options.index(answer)
        key = f"{LABELS[right]}. {answer}"
        return Item(number, question, prompt, tuple(options), key=key, source_sentence=source)
    if question.type == QuestionType.TRUE_FALSE:
        verdicts = question.shown_options or TRUE_FALSE
        return Item(number, question, prompt, verdicts, key=answer, source_sentence=source)
    if question.type == QuestionType.TIMELINE:
        events = [pair.left for pair in question.shown_pairs]
        order = list(range(len(events)))
        rng.shuffle(order)
        # Key: for each printed event (أ ب ج...), its chronological rank and date.
        key = "؛ ".join(
            f"{LABELS[pos]}={rank + 1}: {question.shown_pairs[rank].right}"
            for pos, rank in enumerate(order)
        )
        shown = tuple(events[rank] for rank in order)
        return Item(number, question, prompt, shown, key=key, source_sentence=source)
    if question.type == QuestionType.MATCHING:
        rows = tuple(pair.left for pair in question.shown_pairs)
        order = list(range(len(rows)))
        rng.shuffle(order)
        lettered = tuple(question.shown_pairs[i].right for i in order)
        key = "، ".join(f"{row_label(i)}={LABELS[order.index(i)]}" for i in range(len(rows)))
        return Item(number, question, prompt, lettered, rows=rows, key=key,
                    source_sentence=source)
    return Item(number, question, prompt, key=answer, source_sentence=source)


def row_label(index: int) -> str:
    """A matching row's label, `(١)`: Arabic-Indic in brackets, so it is not read as a question
    number (`3.`) or an option letter."""
    return "(" + str(index + 1).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + ")"


# A prompt's leading instruction that its section heading already gives.
_REPEATED = {QuestionType.TRUE_FALSE: ("صح أم خطأ", "صح أو خطأ"),
             QuestionType.MCQ: ("اختر ما يملأ الفراغ", "اختر الإجابة الصحيحة")}


def without_instruction(question: Question, prompt: str) -> str:
    """`صح أم خطأ: ...` → `...` under the «صح أم خطأ» section: every item repeating it was noise."""
    head, sep, rest = prompt.partition(":")
    if sep and rest.strip() and head.strip() in _REPEATED.get(question.type, ()):
        return rest.strip()
    return prompt


def split_blank(prompt: str) -> tuple[str, str] | None:
    """A cloze prompt's text before and after its blank, or None when it has no blank."""
    if BLANK not in prompt:
        return None
    before, after = prompt.split(BLANK, 1)
    return before, after


def _excerpts(questions: list[Question]) -> list[str]:
    """The distinct source sentences, in article order: the text the handout quizzes."""
    seen: dict[tuple[str, int, str], None] = {}
    for q in sorted(questions, key=lambda q: (q.source.source, q.source.start)):
        seen.setdefault((q.source.source, q.source.start, q.source.sentence), None)
    return [sentence for _, _, sentence in seen]


__all__ = ["HandoutError", "HandoutOptions", "KeyMode", "select_questions", "without_siblings"]
