"""Matching (for handouts): people to their roles, agreements to their dates."""

from __future__ import annotations

from collections.abc import Sequence

from studykit.arabic import normalize
from studykit.generate.common import Context, make_question
from studykit.generate.recall import is_relational
from studykit.models import Fact, FactKind, Pair, Question, QuestionType

MAX_PAIRS = 6


def people_roles(ctx: Context, facts: Sequence[Fact]) -> list[Question]:
    chosen: list[tuple[Fact, str]] = []
    roles: set[str] = set()
    for fact in facts:
        role = (fact.role or "").strip()
        if fact.kind != FactKind.PERSON or not role or is_relational(role):
            continue
        if normalize(role) in roles or not ctx.spots(fact):
            continue
        roles.add(normalize(role))
        chosen.append((fact, role))
    chosen = chosen[:MAX_PAIRS]
    if len(chosen) < 3:
        return []
    pairs = [Pair(left=f.value or f.text, right=role) for f, role in chosen]
    answer = "؛ ".join(f"{p.left}: {p.right}" for p in pairs)
    return [make_question(ctx, "match-people-roles", QuestionType.MATCHING,
                          [f for f, _ in chosen], "صِل كل شخص بمنصبه كما ورد في المقال:",
                          answer, ctx.spots(chosen[0][0])[0], verbatim=False, pairs=pairs)]


def agreements_dates(ctx: Context, facts: Sequence[Fact]) -> list[Question]:
    dates = {f.value: f for f in ctx.of_kind(FactKind.DATE) if f.value}
    chosen: list[tuple[Fact, Fact]] = []
    for fact in facts:
        when = dates.get(fact.attrs.get("date", "")) if fact.kind == FactKind.AGREEMENT else None
        if when is not None and ctx.spots(fact):
            chosen.append((fact, when))
    chosen = chosen[:MAX_PAIRS]
    if len(chosen) < 3:
        return []
    pairs = [Pair(left=a.text, right=d.text) for a, d in chosen]
    answer = "؛ ".join(f"{p.left}: {p.right}" for p in pairs)
    ids = [f for pair in chosen for f in pair]
    return [make_question(ctx, "match-agreements-dates", QuestionType.MATCHING, ids,
                          "صِل كل اتفاق بتاريخه كما ورد في المقال:", answer,
                          ctx.spots(chosen[0][0])[0], verbatim=False, pairs=pairs,
                          kind=FactKind.AGREEMENT)]


def matching(ctx: Context, facts: Sequence[Fact]) -> list[Question]:
    return [*people_roles(ctx, facts), *agreements_dates(ctx, facts)]
