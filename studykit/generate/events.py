"""Questions about an event's time and place, asked from a verbal news clause:
`متى قام وزير الخارجية ... بزيارة رسمية إلى موسكو؟`, `أين افتتح وزير الخارجية ... سفارة بلاده؟`.
"""

from __future__ import annotations

import re

from studykit.arabic import fold
from studykit.generate.cloze import alternatives
from studykit.generate.common import Context, make_question
from studykit.generate.dates import absolute_form
from studykit.generate.text import word_count
from studykit.generate.timeline import event_of
from studykit.models import Fact, FactKind, Question, QuestionType

# Past-tense verbs that open a news event clause (`قام الوزير بزيارة`, `وقّع البلدان`);
# an event opening with one reads as a question after `متى`.
_EVENT_VERBS = {fold(v).text for v in (
    "قام", "قامت", "زار", "زارت", "وقع", "وقعت", "وقّع", "وقّعت", "أعلن", "أعلنت", "التقى",
    "التقت", "عقد", "عقدت", "افتتح", "افتتحت", "أجرى", "أجرت", "بدأ", "بدأت", "اندلع",
    "اندلعت", "توصل", "توصلت", "اتفق", "اتفقت", "أصدر", "أصدرت", "نشر", "نشرت", "استقبل",
    "استقبلت", "وصل", "وصلت", "أطلق", "أطلقت", "شارك", "شاركت", "دعا", "دعت", "أكد", "أكدت",
)}


def event_date_question(ctx: Context, fact: Fact) -> list[Question]:
    """`متى قام وزير الخارجية ... بزيارة رسمية إلى موسكو؟` from a dated verbal clause."""
    if fact.kind != FactKind.DATE or not fact.value:
        return []
    spot = ctx.good_spot(fact)
    event = event_of(spot) if spot else None
    if spot is None or event is None:
        return []
    first = fold(event.split()[0]).text
    if first.startswith(("و", "ف")) and first[1:] in _EVENT_VERBS:
        event = event[1:]
    elif first not in _EVENT_VERBS:
        return []
    answer = absolute_form(spot.answer, fact.value, fact.relative)
    return [make_question(ctx, "event-date", QuestionType.SHORT_ANSWER, [fact],
                          f"متى {event}؟", answer, spot, verbatim=answer == spot.answer,
                          alternatives=[spot.answer, *alternatives(ctx, fact, spot.answer)])]


# `في` or a glued `ب` right before the place: where something happened (`افتتح ... في إسرائيل`).
_LOCATIVE = re.compile(r"(?:^|\s)(?:في|ب)\s*$")
MAX_EVENT_WORDS = 22
# A complementiser or relative before the place: the place belongs to the reported clause.
_REPORTED = re.compile(r"(?:^|\s)(?:ان|بان|لان|الذي|التي|الذين|حيث)(?:\s|$)")


def _event_verb(event: str) -> str | None:
    """The event with a leading و/ف dropped, if it opens with a past-tense event verb."""
    first = fold(event.split()[0]).text if event.split() else ""
    if first.startswith(("و", "ف")) and first[1:] in _EVENT_VERBS:
        return event[1:]
    return event if first in _EVENT_VERBS else None


def event_place_question(ctx: Context, fact: Fact) -> list[Question]:
    """`أين {event}؟` for a city or country written as the place of a verbal clause's event."""
    if fact.kind != FactKind.PLACE or fact.subkind not in ("city", "country"):
        return []
    for spot in ctx.good_spots(fact):
        # The verb may open an earlier comma-clause of the sentence (`افتتح الوزير، فلان، ...
        # سفارة بلاده في إسرائيل`): read from the sentence's start.
        article = ctx.article_of(spot.source)
        lead = article.text[spot.opening:spot.start] if article and spot.opening >= 0 else ""
        before = lead + spot.sentence[:spot.answer_start]
        locative = _LOCATIVE.search(before)
        if locative is None:
            continue
        after = spot.sentence[spot.answer_end:]
        if after[:1].isalpha():
            continue  # `في موسكوفيا`: the place is part of a longer word
        event = " ".join(f"{before[:locative.start()]} {after}".split()).strip(" ،,.؛:")
        event = _event_verb(event) or ""
        if not event or word_count(event) > MAX_EVENT_WORDS:
            continue
        if _REPORTED.search(fold(before).text):
            continue  # `أكد عريقات أن ... أمام الجمعية العامة في نيويورك`: not where he spoke
        return [make_question(ctx, "event-place", QuestionType.SHORT_ANSWER, [fact],
                              f"أين {event}؟", spot.answer, spot,
                              alternatives=alternatives(ctx, fact, spot.answer))]
    return []
