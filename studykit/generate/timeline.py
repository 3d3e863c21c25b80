"""Timeline: order 3-5 dated events of the article. Events are the date's clause with the
date phrase cut out; ambiguous pairs (a year and a month inside it) never share a timeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from studykit.generate.clauses import starts_fragment
from studykit.generate.common import Context, Spot, inside_quote, make_question
from studykit.generate.subject import needs_subject, speculative
from studykit.generate.text import word_count
from studykit.models import Fact, FactKind, Pair, Question, QuestionType

MIN_EVENTS, MAX_EVENTS = 3, 5
T = TypeVar("T")
MAX_EVENT_WORDS = 30
# Words that introduce a date and dangle once it is cut out (`في`, `يوم`, `منذ`...).
_LEAD = re.compile(r"\s*(?:(?:و|ف)?(?:في|يوم|منذ|خلال|بتاريخ|عام|شهر|قبل|بعد)\s+)+$")
_ARROW = " ← "
# `قبل أن توقع الشركة` states the event once `قبل أن` goes; `وحسب تقرير نشرته صحيفة` is the
# report itself.
_CONNECTIVE = re.compile(r"^(?:قبل أن|بعد أن|حين|عندما|كما|و?ب?حسب|وفق|طبقًا ل)\s+")
_RELATIVE = re.compile(r"(?:^|\s)(?:الذي|التي|اللذين|اللتين|الذين)\s")
_AFTER = re.compile(r"(?:^|\s)(?:بعد|منذ|عقب|قبيل|إثر)\s+(?!أن\s)(.+)$")


_OPENERS = ("كان", "كانت", "قد", "جاء", "جاءت")


def event_of(spot: Spot) -> str | None:
    """The event a date belongs to: a noun phrase after `بعد`/`منذ`, else the date's clause
    (comma-clause first, whole clause second) minus the date and the words introducing it."""
    text = spot.sentence
    left = max(text.rfind(mark, 0, spot.answer_start) for mark in "،؛:")
    right = min((i for i in (text.find(mark, spot.answer_end) for mark in "،؛:") if i != -1),
                default=len(text))
    head = text[left + 1:spot.answer_start]
    before_all = text[:spot.answer_start]
    if inside_quote(before_all):
        return None  # `(الاتفاق النووي لعام 2015)` inside a quotation is no event of its own
    if _RELATIVE.search(head):
        return None  # `... التي وقعت عليها مع الصين في مارس`: the date is the relative's
    nominal = _AFTER.search(head)
    if nominal:
        phrase = _LEAD.sub("", nominal.group(1)).strip(" ،,")
        first = phrase.split(maxsplit=1)[0] if phrase.split() else ""
        # `توليه مهام منصبه` leans on a pronoun: not an event a reader can place.
        if 2 <= word_count(phrase) <= 8 and not first.endswith(("ه", "ها", "هم")):
            return None if starts_fragment(phrase) else phrase
    for start, end in ((left + 1, right), (0, len(text))):
        event = _clean(text[start:spot.answer_start], text[spot.answer_end:end])
        if event is not None:
            return event
    return None


def _clean(before: str, after: str) -> str | None:
    before = _LEAD.sub("", before).strip()
    event = " ".join(f"{before} {after.strip(' ،,.')}".split()).strip(" ،,.؛:")
    event = _CONNECTIVE.sub("", event)
    first = event.split(maxsplit=1)
    # `وكان البلدان قد وقعا` reads as a list item once the conjunction goes: `كان البلدان`.
    if first and first[0].startswith("و") and (first[0][1:] in _OPENERS or first[0][1:2] in "تي"):
        event = event[1:]
    if word_count(event) < 4 or word_count(event) > MAX_EVENT_WORDS or starts_fragment(event):
        return None
    return event


def _split(items: list[T]) -> list[list[T]]:
    """Consecutive groups of 3-5, as even as possible: 6 → 3+3, 7 → 4+3, 11 → 4+4+3."""
    if len(items) < MIN_EVENTS:
        return []
    count = -(-len(items) // MAX_EVENTS)
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def _forecast(ctx: Context, fact: Fact, spot: Spot) -> bool:
    """A date after publication (`بحلول 2030`) or a prediction is no event that happened: a
    timeline of forecasts has no order the article fixes."""
    article = ctx.article_of(spot.source)
    published = article.source.published if article is not None else None
    value = fact.value or ""
    if published is not None and value > published.isoformat()[:len(value)]:
        return True
    return speculative(spot.sentence)


def timelines(ctx: Context, facts: Sequence[Fact]) -> list[Question]:
    dated: list[tuple[Fact, Spot, str]] = []
    seen_events: set[str] = set()
    values = [f.value for f in facts if f.kind == FactKind.DATE and f.value]
    # `2022` cannot be ordered against `2022-02`: keep the more precise date.
    coarse = {v for v in values if any(o != v and o.startswith(v) for o in values)}
    for fact in sorted((f for f in facts if f.kind == FactKind.DATE and f.value
                        and f.value not in coarse), key=lambda f: (f.value or "", f.id)):
        spot = ctx.good_spot(fact)
        # An event is the clause itself, not the sentence a widening took in before it; a
        # clause that needed that sentence (`وأشار إلى ...`) names no event on its own.
        if spot is None or spot.widened or _forecast(ctx, fact, spot):
            continue
        event = event_of(spot)
        if event is None or event in seen_events or needs_subject(event):
            continue
        if dated and dated[-1][0].value == fact.value:
            continue
        seen_events.add(event)
        dated.append((fact, spot, event))
    groups = _split(dated)
    out: list[Question] = []
    for n, group in enumerate(groups):
        group_facts = [f for f, _, _ in group]
        template = f"timeline-{n + 1}"
        # The events are the pairs; each output shuffles them its own way (per handout
        # version, per quiz showing), so the prompt holds only the instruction.
        prompt = "رتّب الأحداث الآتية من الأقدم إلى الأحدث:"
        pairs = [Pair(left=event, right=spot.answer) for _, spot, event in group]
        answer = _ARROW.join(event for _, _, event in group)
        out.append(make_question(ctx, template, QuestionType.TIMELINE, group_facts, prompt,
                                 answer, group[0][1], verbatim=False, pairs=pairs))
    return out
