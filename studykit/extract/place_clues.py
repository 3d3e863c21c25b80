"""Places no list knows, told by the words around them.

Split from studykit.extract.places (which matches listed names and names after a place word):
- a dual place word names two places: `حقلي الخفجي والوفرة`, `مدينتي حلب وإدلب`;
- a nationality adjective after a name agrees with a town: `في نيفاشا الكينية` (a city in
  Kenya), as it would with `في العاصمة الكينية`;
- a route joins two places with a dash: `خط هجليج – بورتسودان`, `طريق حلب – دمشق`;
- a place located in a region: `من أور في محافظة ذي قار`.
"""

from __future__ import annotations

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found

# Dual place words, folded: `حقلي الخفجي والوفرة`.
_DUALS = {"حقلي": "site", "معبري": "site", "ميناءي": "site", "مينايي": "site",
          "مدينتي": "city", "بلدتي": "city", "قريتي": "city", "مخيمي": "city",
          "محافظتي": "region", "ولايتي": "region", "منطقتي": "region", "اقليمي": "region"}
# What a dual place word governs without naming places: `حقلي النفط والغاز`.
_NOT_NAMES = frozenset({"الغاز", "النفط", "البترول", "الشمال", "الجنوب", "الشرق", "الغرب",
                        "الوسط", "النفطيين", "الغازيين", "الحدوديين"})
# Words before a dashed pair of places that make it a route.
_ROUTES = frozenset({"خط", "طريق", "سكه", "رحله", "رحلات", "محور", "الطريق", "الخط"})
_PREPOSITIONS = frozenset({"في", "من", "الي", "وفي", "ومن", "والي", "نحو", "حتي"})
# A region word after `في` that locates the place before it.
_REGION_WORDS = frozenset({"محافظه", "ولايه", "اقليم", "منطقه", "مقاطعه", "قضاء"})


def dual_word(word: str) -> bool:
    return word in _DUALS


# The words that may make the word after them a place (see clue).
CUE_WORDS = _PREPOSITIONS | _ROUTES


def cued(ctx: Context, i: int) -> bool:
    """The word before token i may make it a place (see clue)."""
    return i > 0 and ctx.tokens.words[i - 1] in CUE_WORDS


def dual(ctx: Context, i: int) -> list[Found]:
    """The unlisted places of the two a dual place word at token i names (the main loop
    reports listed ones itself)."""
    kind = next((_DUALS[v] for v in L.strip_proclitics(ctx.tokens.words[i]) if v in _DUALS),
                None)
    if kind is None or not ctx.joined(i, 3) or ctx.tokens.words[i + 2][:1] != "و":
        return []
    toks = ctx.tokens
    first, second = toks[i + 1], toks[i + 2]
    words = (first.text, second.text[1:])
    if any(w in _NOT_NAMES or len(w) < 3 or N.is_stop(w) or (
            not N.can_start(w[2:] if w.startswith("ال") else w)) for w in words):
        return []
    if not (N.name_like(ctx, first) and N.name_like(ctx, second)):
        return []
    out = []
    for k, start in ((i + 1, first.start), (i + 2, second.start + 1)):
        if _listed(ctx, k):
            continue
        value = " ".join(ctx.surface(start, toks[k].end).split())
        out.append(Found(value, start, toks[k].end, subkind=kind))
    return out


def clue(ctx: Context, i: int) -> tuple[int, int, L.PlaceEntry] | None:
    """An unlisted one-word place at token i told by its neighbours: (1, start, entry)."""
    if not cued(ctx, i):
        return None  # the cheap test first: this runs on nearly every token
    word = ctx.tokens.words[i]
    if (word.startswith("ال") or len(word) < 3 or word.isdigit()
            or not N.can_start(word) or word.endswith(("ه", "ات"))):
        return None
    toks = ctx.tokens
    if not N.name_like(ctx, toks[i]):
        return None
    prev = toks[i - 1].text
    after_preposition = prev in _PREPOSITIONS and not ctx.breaks[i]
    value = ctx.surface(toks[i].start, toks[i].end)
    if after_preposition and i + 1 < len(toks) and not ctx.breaks[i + 1]:
        adjective = toks[i + 1].text
        country = L.nationality(adjective)
        if country and adjective.startswith("ال") and adjective.endswith("يه"):
            return 1, toks[i].start, L.PlaceEntry(value, "city", country)  # `في نيفاشا الكينية`
        if (adjective == "في" and i + 3 < len(toks) and ctx.joined(i + 1, 3)
                and toks[i + 2].text in _REGION_WORDS):
            return 1, toks[i].start, L.PlaceEntry(value, "city")  # `من أور في محافظة ذي قار`
    if prev in _ROUTES and not ctx.breaks[i] and i + 1 < len(toks):
        dash = ctx.gap(toks[i], toks[i + 1]).strip()
        if dash in ("–", "-", "—") and _listed(ctx, i + 1):
            return 1, toks[i].start, L.PlaceEntry(value, "city")  # `خط هجليج – بورتسودان`
    return None


def _listed(ctx: Context, k: int) -> bool:
    from studykit.extract.places import match_place

    return match_place(ctx, k) is not None
