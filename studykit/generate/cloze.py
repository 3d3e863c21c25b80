"""Cloze questions: the fact's clause with the fact blanked (`{{c1::...}}` in Anki)."""

from __future__ import annotations

from studykit.generate.clean import generic_description
from studykit.generate.common import Context, Spot, make_question, names_of
from studykit.generate.dates import other_forms
from studykit.generate.media import outlet_aliases
from studykit.models import Fact, FactKind, Question, QuestionType

# Kinds whose surface text makes a fair blank; a quote is asked about through its speaker.
CLOZE_KINDS = (FactKind.DATE, FactKind.PERSON, FactKind.PLACE, FactKind.AGREEMENT,
               FactKind.ORGANIZATION, FactKind.NUMBER)


def alternatives(ctx: Context, fact: Fact, answer: str) -> list[str]:
    """Other accepted answers: aliases, an unambiguous surname, other date forms."""
    alts = [n for n in names_of(fact) if n != answer]
    if fact.kind == FactKind.DATE:
        alts += other_forms(answer, fact.value)
    if fact.kind == FactKind.PLACE:
        alts += same_place(ctx, fact)
    if fact.kind == FactKind.ORGANIZATION and fact.subkind == "media":
        alts += [a for a in outlet_aliases(answer) if a not in alts]
    if fact.kind == FactKind.PERSON:
        surname = surname_of(fact.value or fact.text)
        same = ctx.index.group(FactKind.PERSON, _surname_key, surname) if surname else []
        if surname and not any(o.id != fact.id for o in same):
            alts.append(surname)
    return alts


def same_place(ctx: Context, fact: Fact) -> list[str]:
    """Places of the bank that fill the same blank: a country's capital and the country
    (`المفاوضات في [النمسا]` is as right with `فيينا`)."""
    from studykit.generate.giveaway import country_of

    mine = country_of(fact.value or fact.text)
    if mine is None:
        return []
    out = []
    for other in ctx.index.group(FactKind.PLACE, _country_key, mine[0]):
        theirs = country_of(other.value or other.text) if other.id != fact.id else None
        if theirs is not None and theirs[0] == mine[0] and theirs[1] != mine[1]:
            out.append(other.value or other.text)
    return out


def _surname_key(fact: Fact) -> str | None:
    return surname_of(fact.value or fact.text)


def _country_key(fact: Fact) -> str | None:
    from studykit.generate.giveaway import country_of

    theirs = country_of(fact.value or fact.text)
    return theirs[0] if theirs is not None else None


_NAME_JOINERS = ("عبد", "أبو", "ابو", "بن", "آل", "أبي", "ابن")
_SUFFIX_SURNAMES = ("أوغلو", "اوغلو", "أوغلي", "زاده", "زادة")


def surname_of(name: str) -> str | None:
    """Family name of a full name: the last word, with its joiner (`عبد اللهيان`)."""
    words = name.split()
    if len(words) < 2:
        return None
    if len(words) >= 3 and words[-2] in _NAME_JOINERS:
        return " ".join(words[-2:])
    # `داود أوغلو`, `خطيب زاده`: a Turkish or Persian "son of" needs the name before it.
    if len(words) >= 3 and words[-1] in _SUFFIX_SURNAMES:
        return " ".join(words[-2:])
    return words[-1]


def cloze(ctx: Context, fact: Fact, spot: Spot | None = None) -> list[Question]:
    """A cloze of `spot` (default: the fact's first good mention)."""
    if fact.kind not in CLOZE_KINDS:
        return []
    spot = spot or ctx.good_spot(fact)
    if spot is None:
        return []
    if fact.kind == FactKind.AGREEMENT and generic_description(spot.answer):
        # `توصل إيران إلى [اتفاقية استراتيجية شاملة]`: typed, many fills fit (`اتفاق تعاون`);
        # as multiple choice among named agreements it stays fair.
        return []
    return [make_question(ctx, "cloze", QuestionType.CLOZE, [fact], spot.blanked(), spot.answer,
                          spot, alternatives=alternatives(ctx, fact, spot.answer))]
