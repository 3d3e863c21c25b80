"""People introduced by an honorific alone: `أن الأمير فيصل بن فرحان سيزور`, `السيد حسين
إبراهيم طه`. Run after the title pass (studykit.extract.titles) on what it left uncovered.
"""

from __future__ import annotations

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context
from studykit.extract.titles import Title

# Honorifics that introduce a person on their own (no title), first token folded.
_INTRODUCING = frozenset({"الشيخ", "الشيخه", "الامير", "الاميره", "الدكتور", "الدكتوره",
                          "المهندس", "المهندسه", "اللواء", "العميد", "العقيد", "الفريق",
                          "العماد", "المشير", "السيد", "السيده"})


# Nouns that take a person's name as their own: `مسجد الشيخ زايد`, `شارع الملك فهد`.
_NAMED_AFTER = frozenset({
    "مسجد", "جامع", "حي", "شارع", "جسر", "مدينه", "مستشفي", "مطار", "ميناء", "جامعه",
    "مدرسه", "قصر", "مركز", "موسسه", "جايزه", "ضاحيه", "منطقه", "قريه", "شرم", "محطه",
    "طريق", "ميدان", "ساحه", "برج", "مجمع", "قاعه", "معهد", "كليه", "قاعده", "مخيم", "محميه",
    "مستشفيات", "كاس", "بطوله", "ملعب", "استاد", "صندوق", "برنامج", "مبادره", "متحف"})


def honorific_names(ctx: Context, found: list[tuple[tuple[int, int, int], Title]],
                     titles: list[Title]) -> list[tuple[tuple[int, int, int], Title]]:
    """`أن الأمير فيصل بن فرحان سيزور`: an honorific with no title still opens a name of two
    or more words; the honorific stands as the role. Not after a noun that makes it the name
    of a place or a prize: `مسجد الشيخ زايد`, `حي الشيخ جراح`, `جائزة الأمير سلطان`."""
    toks = ctx.tokens
    covered = {t for f, _ in found for t in range(f[0], f[1] + 1)}
    covered.update(t for title in titles for t in range(title.start, title.end + 1))
    out: list[tuple[tuple[int, int, int], Title]] = []
    for word in _INTRODUCING:
        for i in ctx.positions.get(word, ()):
            if i in covered or (i > 0 and not ctx.breaks[i] and any(
                    w in _NAMED_AFTER for w in L.strip_proclitics(toks[i - 1].text))):
                continue
            span = N.read_name(ctx, i)
            if span is None or span[1] == span[0] or span[0] in covered:
                continue
            head = span[0] - 1
            out.append(((*span, toks[span[0]].start), Title(i, head, "honorific", "")))
            covered.update(range(i, span[1] + 1))
    return sorted(out, key=lambda item: item[0][0])


def named_after(word: str) -> bool:
    """`مسجد`, `جامعة`, `شارع` (with any clitic): a word that names a thing after a person."""
    return any(w in _NAMED_AFTER for w in L.strip_proclitics(word))
