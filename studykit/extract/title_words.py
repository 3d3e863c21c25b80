"""Word tests for titles: where a title's words end and a name begins.

Split from studykit.extract.titles (which walks the text and pairs titles with names): each
function here answers one question about the tokens at a position, e.g. whether `النيجري`
before `ماهامان ساني` is a nationality adjective or whether `سوناطراك` names a body.
"""

from __future__ import annotations

from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context
from studykit.extract.places import match_place


def new_title(ctx: Context, i: int, end: int, k: int) -> bool:
    """A one-word definite title followed by another definite title head: two people, as in
    `استقبل الوزير السفير الفرنسي`, `اجتمع الوزير بالسفير الياباني`; `الرئيس المدير العام` is
    listed as one head."""
    toks = ctx.tokens
    return (i == end and k == end + 1 and toks[i].text.startswith("ال") and any(
        w.startswith("ال") and w in L.titles_by_first() for w in L.strip_proclitics(toks[k].text)))


def body_name(ctx: Context, k: int) -> bool:
    """Token k is the one-word name of a body (`لشركة إيني`) when a name of two or more words
    follows it: `الرئيس التنفيذي لشركة إيني كلاوديو ديسكالزي`."""
    toks = ctx.tokens
    word = toks[k].text
    if (word.startswith("ال") or not N.can_start(word) or k + 1 >= len(toks)
            or ctx.gap_breaks(toks[k], toks[k + 1]) or not N.name_like(ctx, toks[k])):
        return False
    span = N.read_name(ctx, k + 1, nisba=True)
    return span is not None and span[1] > span[0] and span[0] == k + 1


def body_before_comma(ctx: Context, k: int) -> bool:
    """Token k is ل + a one-word body name closing a title before a comma and a name:
    `المدير العام لسوناطراك، توفيق حكار،`, `الرئيس التنفيذي لأرامكو، أمين الناصر،`."""
    toks = ctx.tokens
    word = toks[k].text
    if (word[:1] != "ل" or len(word) < 5 or word.startswith("ال") or N.is_stop(word)
            or not N.can_start(word[1:]) or k + 2 >= len(toks)
            or ctx.gap(toks[k], toks[k + 1]).strip() not in ("،", ",")):
        return False
    return N.can_start(toks[k + 1].text) and ctx.joined(k + 1, 2) and N.can_continue(
        toks[k + 2].text, toks[k + 1].text, appositive=True)


def nisba_before_name(ctx: Context, k: int) -> bool:
    """`وزير الطاقة النيجري محمد ...`: an ال...ي word right after a title and before a name is
    a nationality adjective (even one missing from the list), not an ال-surname."""
    toks = ctx.tokens
    if k + 2 >= len(toks) or not ctx.joined(k, 3) or N.attested_surname(ctx, toks[k].text, k):
        return False  # `وقال السيسي` elsewhere: the word is a surname
    first, second = toks[k + 1].text, toks[k + 2].text
    # Two plain name words follow (`ماهامان ساني`), not a noun phrase (`ضرورة التوصل`).
    return (not first.startswith("ال") and not second.startswith("ال") and N.can_start(first)
            and N.can_continue(second, first) and N.name_like(ctx, toks[k + 1])
            and N.name_like(ctx, toks[k + 2]) and L.nationality(first) is None)


def gloss_end(ctx: Context, k: int) -> int | None:
    """Token after a short bracketed gloss that opens before token k, or None."""
    toks = ctx.tokens
    if ctx.gap(toks[k - 1], toks[k]).strip() != "(":
        return None
    for j in range(k, min(k + 4, len(toks) - 1)):
        if ctx.breaks[j + 1]:
            return j + 1 if ctx.gap(toks[j], toks[j + 1]).strip() == ")" else None
    return None


_OPEN_QUOTES = ('"', "«", "“")
_CLOSE_QUOTES = ('"', "»", "”")


def quoted_end(ctx: Context, k: int) -> int | None:
    """Token after a short quoted body name that opens before token k (`رئيس حزب "القوات
    اللبنانية" سمير جعجع`, `رئيس "التيار الوطني الحر" الوزير جبران باسيل`), or None."""
    toks = ctx.tokens
    if ctx.gap(toks[k - 1], toks[k]).strip() not in _OPEN_QUOTES:
        return None
    for j in range(k, min(k + 5, len(toks) - 1)):
        if ctx.breaks[j + 1]:
            gap = ctx.gap(toks[j], toks[j + 1]).strip()
            return j + 1 if gap in _CLOSE_QUOTES else None
    return None


def affiliation(ctx: Context, k: int) -> int:
    """Past `في مركز كارنيغي للشرق الأوسط` when a comma and the expert's name follow:
    `الباحث في مركز كارنيغي للشرق الأوسط، يزيد صايغ،`."""
    toks = ctx.tokens
    if k >= len(toks) or toks[k].text not in ("في", "لدي", "بجامعه", "بمركز", "بمعهد"):
        return k
    for j in range(k + 1, min(k + 8, len(toks) - 1)):
        if ctx.breaks[j + 1]:
            gap = ctx.gap(toks[j], toks[j + 1]).strip()
            return j + 1 if gap in ("،", ",") else k
    return k


def al_surname(word: str) -> bool:
    """An ال-word that is a surname (`السيسي`, `الحوثي`), not a title's adjective."""
    return (word.startswith("ال") and word.endswith("ي") and len(word) >= 5
            and L.nationality(word) is None and word not in L.title_complements()
            and word not in L.ministries() and not N.is_stop(word))


def posted_to(ctx: Context, k: int) -> int:
    """Past `لدى`/`إلى`/`في` + a place when a name follows: `السفير الروسي لدى الولايات
    المتحدة`, `المبعوث الأممي إلى السودان` are one title."""
    toks = ctx.tokens
    if k + 2 >= len(toks) or toks[k].text not in ("لدي", "الي", "في") or ctx.breaks[k]:
        return k
    if toks[k].text == "في" and toks[k + 1].text in ("السفاره", "سفاره") and ctx.joined(k, 3):
        # `القائمة بالأعمال في السفارة الأمريكية`, `... في سفارة فرنسا`
        if L.nationality(toks[k + 2].text) is not None:
            return k + 3
        place = match_place(ctx, k + 2)
        return k + 2 + place[0] if place is not None and place[0] > 0 else k
    place = match_place(ctx, k + 1)
    if place is None or place[0] < 0:
        return k
    after = k + 1 + place[0]
    # `إلى السودان وجنوب السودان`: coordinated places belong to the posting.
    while after < len(toks) and toks[after].text[:1] == "و" and not ctx.breaks[after]:
        more = match_place(ctx, after)
        if more is None or more[0] <= 0:
            break
        after += more[0]
    if toks[k].text == "لدي" or (after < len(toks) and not ctx.breaks[after]
                                 and N.can_start(toks[after].text)):
        return after
    return k


def honorific_at(ctx: Context, k: int) -> bool:
    """An honorific (`الشيخ`, `الفريق أول`) starts at token k."""
    words = tuple(ctx.tokens.words[k:k + 3])
    by_first = _honorifics_by_first()
    return any(words[:len(h)] == h for h in by_first.get(words[:1], by_first[()]))


@cache
def _honorifics_by_first() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The honorifics by their first word (as a 1-tuple; () for an empty one, which every
    word would start): only those can start where that word stands."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for h in L.honorifics():
        out.setdefault(h[:1], []).append(h)
    empty = out.pop((), [])
    return {first: tuple(hs + empty) for first, hs in out.items()} | {(): tuple(empty)}


def honorific_before(ctx: Context, k: int) -> bool:
    return k >= 0 and ctx.tokens.words[k] in _honorific_ends()


@cache
def _honorific_ends() -> frozenset[str]:
    return frozenset(h[-1] for h in L.honorifics())
