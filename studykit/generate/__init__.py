"""Question generation: facts → draft questions of six types, deterministic for one input.

Every random choice (distractors, option order) is seeded from the question id, so the same
articles and facts always give the same bank, and ids never depend on wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from studykit.generate.choice import mcq
from studykit.generate.cloze import cloze
from studykit.generate.common import Context, plausible
from studykit.generate.matching import matching
from studykit.generate.recall import recall
from studykit.generate.timeline import timelines
from studykit.generate.truefalse import true_false
from studykit.models import Fact, Question
from studykit.sources import Article

__all__ = ["generate"]

PER_CLAUSE = {"cloze": 2, "mcq": 2}


def generate(bank_id: str, articles: Sequence[Article], facts: Sequence[Fact]) -> list[Question]:
    """Draft questions of every type for `facts` found in `articles` (ids unique)."""
    facts = [f for f in facts if plausible(f)]
    ctx = Context(bank_id=bank_id, articles=articles, facts=facts)
    out: list[Question] = []
    for fact in facts:
        out += cloze(ctx, fact)
        out += mcq(ctx, fact)
        out += recall(ctx, fact)
    out += true_false(ctx, facts)
    out += timelines(ctx, facts)
    out += matching(ctx, facts)
    unique: dict[str, Question] = {}
    per_clause: Counter[tuple[str, str, str, int]] = Counter()
    for question in out:
        # Three blanks from one list (`في آسيا أو أمريكا اللاتينية أو أفريقيا`) is trivia, not
        # study: keep the first two questions of a template and fact kind per clause.
        key = (question.template, question.tags[0], question.source.source,
               question.source.start)
        if question.template in PER_CLAUSE and per_clause[key] >= PER_CLAUSE[question.template]:
            continue
        per_clause[key] += 1
        unique.setdefault(question.id, question)
    return list(unique.values())
