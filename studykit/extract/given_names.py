"""People with no title at all, opened by a common given name: `وأكد أيمن الصاوي أن ...`,
`قال جون سميث`. Run after the title and honorific passes on what they left uncovered.

The list (data/given_names.yaml) keeps out given names that are also ordinary words (جمال,
أمل, سعيد, حسن ...); a listed name opens a person only when one or two more name words follow
(names.read_name stops at verbs, particles, nationality adjectives, places and common nouns),
and not after a noun that takes a person's name as its own (`مسجد محمد علي`, `جامعة محمد
الخامس`).
"""

from __future__ import annotations

from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context
from studykit.extract.datewords import _yaml
from studykit.extract.honorifics import _NAMED_AFTER
from studykit.extract.titles import Title


@cache
def given_names() -> frozenset[tuple[str, ...]]:
    """Folded given names, each as a tuple of words (`عبد الله` is two)."""
    return frozenset(L.key(str(n)) for n in _yaml("given_names.yaml")["given_names"])


@cache
def word_given_names() -> frozenset[str]:
    """Folded given names that are also ordinary words (`حسن` "good"): they open a name only
    when its surname stands alone after a verb elsewhere (`وأوضح الذوادي`)."""
    return frozenset(L.key(str(n))[0] for n in _yaml("given_names.yaml")["word_given_names"])


@cache
def _by_first() -> dict[str, list[tuple[str, ...]]]:
    groups: dict[str, list[tuple[str, ...]]] = {}
    for name in given_names():
        groups.setdefault(name[0], []).append(name)
    for word in word_given_names():
        groups.setdefault(word, []).append((word,))
    return groups


def given_name_people(ctx: Context, covered: set[int]) -> list[tuple[tuple[int, int, int], Title]]:
    """Names opened by a listed given name, as (first, last, folded start) with a title of
    rank `given` spanning the name's first token (the person has no role)."""
    toks = ctx.tokens
    out: list[tuple[tuple[int, int, int], Title]] = []
    by_first = _by_first()
    # In text order: `زياد محمد الغامدي` is one name opened by `زياد`, not `محمد الغامدي`
    # (the order of a set of names once decided that, differently from run to run).
    starts = sorted((i, first) for first in by_first for i in ctx.positions.get(first, ()))
    for i, first in starts:
        if i in covered or (i > 0 and not ctx.breaks[i] and names_a_thing(
                toks[i - 1].text) and not _after_title(ctx, covered, i)):
            continue
        n = max((len(e) for e in by_first[first]
                 if tuple(toks.words[i:i + len(e)]) == e), default=0)
        if n == 0 or not ctx.joined(i, n):
            continue
        span = N.read_name(ctx, i)
        if span is None or span[0] != i or span[1] < i + n or span[1] - i > 3:
            continue
        if first in word_given_names() and (first,) not in given_names() and not (
                N.attested_surname(ctx, toks[span[1]].text, span[1])):
            continue  # `حسن الجوار`: no later `وقال الجوار` shows a surname
        if any(t in covered for t in range(i, span[1] + 1)) or L.key(
                ctx.folded[toks[i].start:toks[span[1]].end]) in L.places():
            continue  # `إسلام آباد`: a place
        out.append(((*span, toks[i].start), Title(i, i, "given", "")))
        covered.update(range(i, span[1] + 1))
    return out


def _after_title(ctx: Context, covered: set[int], i: int) -> bool:
    """A title and its body's name run up to the given name with no punctuation between:
    `النائب عن ائتلاف دولة القانون علي الشلاه`, `أمين سر اللجنة التنفيذية لمنظمة التحرير
    الفلسطينية صائب عريقات` (the definite noun before the name ends the body, not a thing
    named after the person)."""
    for k in range(i - 1, max(-1, i - 8), -1):
        if k in covered:
            return True
        if ctx.breaks[k + 1]:
            return False
    return False


def names_a_thing(before: str) -> bool:
    """The word before a given name makes it the name of a thing: `مسجد محمد علي`, or any
    definite noun with no verb between (`المركز الدولي للمؤتمرات عبد اللطيف رحال`); a
    nationality or title adjective (`المصري`, `الدولي`) does not."""
    variants = L.strip_proclitics(before)
    if any(w in _NAMED_AFTER for w in variants):
        return True
    return any(_definite_noun(w) for w in variants)


def _definite_noun(word: str) -> bool:
    return (word.startswith("ال") and L.nationality(word) is None
            and word not in L.title_complements() and not N.is_stop(word))
