"""True/false: a clause as written (true) or with one fact swapped for a same-kind distractor
(false). Which facts get the false version is decided by a stable hash rank, so the bank is
balanced and a rebuild with one more fact changes the verdict of at most one question.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

from studykit.arabic import fold
from studykit.generate.clauses import starts_fragment
from studykit.generate.clean import drop_then, has_then, vague_date
from studykit.generate.common import (
    WIDE_WORDS,
    Context,
    Spot,
    inside_quote,
    make_question,
    swappable,
)
from studykit.generate.distractors import distractors
from studykit.generate.giveaway import beside_the_blank, given_away
from studykit.generate.numbers import approximate
from studykit.generate.subject import speculative
from studykit.generate.text import contains_phrase, word_count
from studykit.models import Fact, FactKind, Question, QuestionType, question_id

TRUE, FALSE = "صح", "خطأ"
TF_PROMPT = "صح أم خطأ: "
# Shorter clauses are fragments (`فقبيل اندلاع الحرب العام الماضي`), not statements.
MIN_STATEMENT_WORDS = 8
# `وحسب تقرير نشرته الصحيفة في ...` only introduces the statement that follows it.
_LEAD_INS = ("حسب", "وحسب", "بحسب", "وبحسب", "وفق", "ووفق", "وفقًا", "ووفقًا", "طبقًا", "وطبقًا")
# `وترى إيران هذا بمثابة تهديد`, `يعيد هذا مرة أخرى`: a statement about "this" is about
# the sentence before it, which the student does not see.
_BARE_DEMONSTRATIVE = re.compile(r"(?:^|\s)(?:هذا|هذه|ذلك)\s+(?!ال)")
_ATTRIBUTION_WORDS = frozenset(fold(w).text for w in (*_LEAD_INS, "نقلا", "ونقلا", "وطبقا"))
TF_KINDS = (FactKind.DATE, FactKind.PERSON, FactKind.PLACE, FactKind.AGREEMENT,
            FactKind.NUMBER, FactKind.ORGANIZATION)


def _rank(bank_id: str, fact: Fact) -> str:
    return hashlib.sha256(f"{bank_id}|tf|{fact.id}".encode()).hexdigest()


def _in_bank(ctx: Context, fact: Fact, text: str) -> bool:
    return ctx.index.named_by_other(fact, text)


def _attributed(ctx: Context, spot: Spot) -> Spot | None:
    """`spot` with the attribution its sentence opens with (`حسب تقرير نشرته الصحيفة، فإن
    [...]`): a newspaper's claim is not a fact. None when that would be too long to read."""
    if spot.opening < 0 or spot.opening >= spot.start:
        return spot
    article = ctx.article_of(spot.source)
    if article is None:
        return spot
    lead = article.text[spot.opening:spot.start].split(maxsplit=1)
    if not lead or fold(lead[0].strip("،,")).text not in _ATTRIBUTION_WORDS:
        return spot
    if word_count(article.text[spot.opening:spot.end]) > WIDE_WORDS:
        return None
    return spot.moved(spot.opening, article.text)


def true_false(ctx: Context, facts: Sequence[Fact]) -> list[Question]:
    """One true/false question per usable fact, about half of them false."""
    spots: dict[str, Spot] = {}
    swaps: dict[str, str] = {}
    used: set[tuple[str, int]] = set()
    for fact in facts:
        if fact.kind not in TF_KINDS or vague_date(fact):
            continue
        # One statement per clause (two facts of one clause would repeat the prompt), and a
        # statement must stand on its own.
        spot = next((s for s in ctx.good_spots(fact, trivial=True)
                     if (s.source, s.start + s.narrow) not in used and not has_then(s.sentence)
                     and (s.widened or not _BARE_DEMONSTRATIVE.search(s.sentence))), None)
        said = _attributed(ctx, spot) if spot is not None else None
        # `وحسب تقرير ...، فإن [statement]`: the lead-in now belongs to the statement.
        kept_lead_in = said is not None and spot is not None and said.start < spot.start
        spot = said
        if (spot is None or starts_fragment(spot.sentence)
                or word_count(spot.sentence) < MIN_STATEMENT_WORDS
                or (spot.sentence.split()[0] in _LEAD_INS and not kept_lead_in)):
            continue
        used.add((spot.source, spot.start + spot.narrow))
        spots[fact.id] = spot
        rng = random.Random(question_id(ctx.bank_id, "tf", (fact.id,)))
        # Never put words in someone's mouth: no swaps inside a quotation.
        if inside_quote(spot.sentence[:spot.answer_start]) or not swappable(fact, spot):
            continue
        # `الحضور الإيراني في [النمسا] ... بعيدًا عن دمشق` contradicts itself: no swap where the
        # clause itself points at the answer.
        if given_away(fact, spot.blanked(" "), ctx.title(spot.source),
                      spot.sentence[:spot.answer_start]) or beside_the_blank(
                fact, spot.sentence, spot.answer_start, spot.answer_end):
            continue  # also `تلقت [تنظيم الدولة] (كونا)`: the alias refutes the swap
        # `المتحدث باسم الوزارة [نيد برايس]`: the role next to the name already refutes any
        # other person, so the statement tests nothing.
        if fact.kind == FactKind.PERSON and fact.role and contains_phrase(spot.sentence,
                                                                          fact.role):
            continue
        # `يمكن القول إن ...`, `سوف يثير غضب ...`: an opinion or a prediction; the article
        # cannot refute a version of it with another name, so it stays true.
        if fact.kind not in (FactKind.DATE, FactKind.NUMBER) and speculative(spot.sentence):
            continue
        # `أكثر من 500 مليون`, `نحو 70 كيلومترا`: a bound or an estimate; another number
        # may make a statement that is still true, so it is never the false version.
        if fact.kind == FactKind.NUMBER and approximate(spot.sentence[:spot.answer_start]):
            continue
        wrong = distractors(ctx, fact, spot.sentence, 1, rng)
        # A name the article never mentions (`زيارة [ظريف] إلى روسيا`) may be true in the
        # world; only a name the article gives another part is false by the article.
        if wrong and (fact.kind in (FactKind.DATE, FactKind.NUMBER)
                      or _in_bank(ctx, fact, wrong[0])):
            swaps[fact.id] = wrong[0]
    usable = [f for f in facts if f.id in spots]
    can_swap = sorted((f for f in usable if f.id in swaps), key=lambda f: _rank(ctx.bank_id, f))
    swapped = {f.id for f in can_swap[:len(usable) // 2]}
    out: list[Question] = []
    for fact in usable:
        spot = spots[fact.id]
        if fact.id in swapped:
            # The template (hence the id) names no distractor: a new fact elsewhere in the
            # article can change the one drawn, and that must not orphan a reviewed question,
            # its Anki note and its review history.
            template, prompt, answer = "tf-swap", TF_PROMPT + spot.replaced(swaps[fact.id]), FALSE
        else:
            template, prompt, answer = "tf-true", TF_PROMPT + drop_then(spot.sentence), TRUE
        out.append(make_question(ctx, template, QuestionType.TRUE_FALSE, [fact], prompt, answer,
                                 spot, verbatim=False, options=(TRUE, FALSE)))
    return out
