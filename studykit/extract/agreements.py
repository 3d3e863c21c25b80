"""Agreements, treaties, memoranda, declarations, initiatives, deals and action plans.

A name is a head (`اتفاق`, `اتفاقية`, `معاهدة`, `مذكرة تفاهم`, `خطة العمل` ...) plus the words
that name it (`النووي`, `الشاملة المشتركة`, `تعاون سيبراني`, `الـ 20 عامًا`, `لعام 2015`).
Mentions of one agreement are merged when their base names match, one glosses the other in
brackets (`خطة العمل الشاملة المشتركة (الاتفاق النووي لعام 2015)`), they state the same
duration, or they share a distinctive word. Attributes come from the words around a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from studykit.arabic import normalize
from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.extract.datewords import _yaml
from studykit.models import Fact, FactKind

_MAX_WORDS = 6
_WINDOW = 8
_DURATION = re.compile(r"(?:لمده|مدتها|مدته|ال)\s+(\d+)\s+(عاما|سنه|سنوات|اعوام|عام|شهرا|اشهر)")


@dataclass
class _Mention:
    fstart: int
    fend: int
    first: int
    last: int
    words: tuple[str, ...]
    base: tuple[str, ...]
    attrs: dict[str, str] = field(default_factory=dict)


@cache
def _lex() -> dict[str, frozenset[str]]:
    data = _yaml("agreements.yaml")
    out = {k: frozenset(normalize(str(w)) for w in data[k]) for k in
           ("name_nouns", "closers", "generic")}
    for k, v in data["status"].items():
        out[f"status:{k}"] = frozenset(normalize(str(w)) for w in v)
    return out


@cache
def _heads() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    data = _yaml("agreements.yaml")
    heads: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for strong, group in ((True, "strong_heads"), (False, "weak_heads")):
        for head in data[group]:
            words = L.key(str(head))
            for form in (words, ("ال" + words[0], *words[1:])):
                if form[0].startswith("الال"):
                    continue
                heads.setdefault(form[0], []).append((form, strong))
    for entries in heads.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return heads


def extract_agreements(ctx: Context) -> list[Fact]:
    """Agreement facts with aliases and attrs date/duration/parties/status when found."""
    mentions = _mentions(ctx)
    groups = _group(ctx, mentions)
    found: list[Found] = []
    for group in groups:
        # The name most mentions start with: `اتفاقية الـ 20 عامًا` over its longer forms.
        per_base: dict[tuple[str, ...], int] = {}
        for m in group:
            per_base[m.base] = per_base.get(m.base, 0) + 1
        counts = {b: sum(c for o, c in per_base.items() if o[:len(b)] == b) for b in per_base}
        best = max(group, key=lambda m: (counts[m.base], -m.fstart))
        base_end = best.fend if best.base == best.words else (
            ctx.tokens[best.first + len(best.base) - 1].end)
        value = " ".join(ctx.surface(best.fstart, base_end).split())
        attrs: dict[str, str] = {}
        for m in group:
            for k, v in m.attrs.items():
                attrs.setdefault(k, v)
        for m in group:
            found.append(Found(value, m.fstart, m.fend, attrs=attrs))
    return build_facts(ctx, FactKind.AGREEMENT, found)


def _mentions(ctx: Context) -> list[_Mention]:
    toks = ctx.tokens
    out: list[_Mention] = []
    i = 0
    heads = _heads()
    while i < len(toks):
        if heads.keys().isdisjoint(L.strip_proclitics(toks[i].text)):
            i += 1
            continue
        m = _read(ctx, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = m.last + 1
    return out


def _read(ctx: Context, i: int) -> _Mention | None:
    toks = ctx.tokens
    lex = _lex()
    for variant in L.strip_proclitics(toks[i].text):
        for head, strong in _heads().get(variant, ()):
            n = len(head)
            if i + n > len(toks) or tuple(t.text for t in toks[i + 1:i + n]) != head[1:]:
                continue
            quoted = _quoted_name(ctx, i + n - 1)
            fend: int | None = None
            if quoted is not None:
                (last, fend), has_place = quoted, True
            else:
                last, has_place = _modifiers(ctx, i + n - 1, lex, head[-1].startswith("ال"))
                last = _field(ctx, last)
            if last == i + n - 1 and len(head) == 1:
                return None  # a bare `الاتفاق`: not a name
            if not strong and not has_place:
                return None
            words = (variant, *(t.text for t in toks[i + 1:last + 1]))
            base = words
            for k in range(1, len(words) - 1):
                if words[k] in ("لعام", "عام") and words[k + 1].isdigit():
                    base = words[:k]
                    break
            fstart = toks[i].end - len(variant)
            m = _Mention(fstart, fend or toks[last].end, i, last, words, base)
            _attrs(ctx, m, lex)
            return m
    return None


_QUOTED = re.compile(r"\s*[“”«\"]([^“”«»\"\n]{2,80})[“”»\"]")


def _quoted_name(ctx: Context, k: int) -> tuple[int, int] | None:
    """Last token and end (closing quote included) of a quoted name right after the head:
    `مبادرة "الشرق الأوسط الأخضر"`."""
    toks = ctx.tokens
    match = _QUOTED.match(ctx.folded, toks[k].end)
    if match is None or len(match.group(1).split()) > _MAX_WORDS:
        return None
    last = k
    while last + 1 < len(toks) and toks[last + 1].end <= match.end(1):
        last += 1
    return (last, match.end()) if last > k else None


def _field(ctx: Context, last: int) -> int:
    """Past `في مجال الطاقة الخضراء`: the field a memorandum covers is part of its name."""
    toks = ctx.tokens
    k = last + 1
    if k + 2 < len(toks) and toks[k].text == "في" and toks[k + 1].text in ("مجال", "مجالات"):
        end = k + 1
    elif k + 1 < len(toks) and toks[k].text in ("حول", "بشان", "بخصوص"):
        end = k  # `مذكرة تفاهم حول الشراكة الاستراتيجية`
    else:
        return last
    if not ctx.joined(last, end - last + 2):
        return last
    while end + 1 < len(toks) and end - k < 4 and toks[end + 1].text.startswith("ال") and (
            not ctx.breaks[end + 1]) and not N.is_stop(toks[end + 1].text):
        end += 1
    return end if end > k + 1 or (end > k and toks[k].text != "في") else last


def _modifiers(ctx: Context, k: int, lex: dict[str, frozenset[str]],
               head_definite: bool) -> tuple[int, bool]:
    """Last token of the name that starts before token k+1, and whether it names a place."""
    toks = ctx.tokens
    last, has_place = k, False
    # A definite name takes only definite words (`الاتفاق النووي`), so `هذه الاتفاقية أهمية`
    # stops at the head; an indefinite one may add indefinite words, then a definite tail.
    definite = head_definite
    j = k + 1
    while j < len(toks) and j - k <= _MAX_WORDS and not ctx.gap_breaks(toks[j - 1], toks[j]):
        w = toks[j].text
        if w == "ال" and j + 2 < len(toks) and toks[j + 1].text.isdigit():
            last = j = j + 2  # `اتفاقية الـ 20 عامًا`
            j += 1
            definite = True
            continue
        if w in ("لعام", "عام") and j + 1 < len(toks) and toks[j + 1].text.isdigit():
            return j + 1, has_place
        noun = w in lex["name_nouns"]
        if w in lex["closers"] or N.is_stop(w) or (w[:1] == "و" and not noun) or w.isdigit():
            break
        # A place names an agreement after its head: `اتفاقية أوسلو`, `اتفاق باريس`.
        place = j == k + 1 and (w,) in L.places()
        is_def = w.startswith("ال")
        if definite and not is_def and not place:
            break
        if w.startswith("لل") and j == k + 1 and not definite:
            # `اتفاقية للتعاون القضائي`: the purpose names an indefinite agreement
            definite = True
            last = j
            j += 1
            continue
        if (w[:1] == "ل" and j == k + 1 and not definite and j + 1 < len(toks)
                and toks[j + 1].text.startswith("ال") and not ctx.breaks[j + 1]
                and not N.is_stop(toks[j + 1].text)):
            # `صفقة لتبادل الأسرى`, `اتفاقية لتجنب الازدواج الضريبي`: ل + verbal noun + object
            definite = True
            last = j = j + 1
            j += 1
            continue
        if w[:1] in "بلك" and not noun and not place:
            break  # a preposition: `اتفاقية قرض بقيمة ...`
        # The noun an indefinite head governs: `اتفاقية قرض`, `مذكرة تفاهم` (not a verb:
        # `اتفاق ينص`).
        governed = (j == k + 1 and not definite and not is_def and len(w) >= 3
                    and not (w[:1] in "يتن" and len(w) >= 4) and not N.is_stop(w))
        if not (is_def or place or noun or governed or w.endswith(("ي", "يه", "ه"))):
            break
        if place or L.nationality(w) is not None or (w,) in L.places():
            has_place = True
        definite = definite or is_def or place
        last = j
        j += 1
    return last, has_place


def _attrs(ctx: Context, m: _Mention, lex: dict[str, frozenset[str]]) -> None:
    toks = ctx.tokens
    words = list(m.words)
    for k, w in enumerate(words[:-1]):
        if w in ("لعام", "عام") and words[k + 1].isdigit():
            m.attrs["date"] = words[k + 1]
    after = ctx.folded[m.fstart:toks[min(m.last + _WINDOW, len(toks) - 1)].end]
    dur = _DURATION.search(after)
    if dur:
        m.attrs["duration"] = ctx.surface(m.fstart + dur.start(1), m.fstart + dur.end(2))
    parties = [L.nationality(w) for w in words[1:]]
    named = [p for p in parties if p]
    if named:
        m.attrs["parties"] = "، ".join(dict.fromkeys(named))
    here = ctx.sentence_of(ctx.orig(m.fstart, m.fstart + 1)[0])
    window = [*toks[max(0, m.first - _WINDOW):m.first], *toks[m.last + 1:m.last + 1 + _WINDOW]]
    near = {t.text for t in window if ctx.sentence_of(ctx.orig(t.start, t.end)[0]) == here}
    for status in ("draft", "pending", "stalled", "signed"):
        if near & lex[f"status:{status}"]:
            m.attrs["status"] = status
            break


def _content(m: _Mention, lex: dict[str, frozenset[str]]) -> set[str]:
    out: set[str] = set()
    for w in m.base[1:]:
        stem = w[2:] if w.startswith("ال") else w
        stem = stem[:-1] if stem.endswith("ه") else stem
        if len(stem) > 2 and stem not in lex["generic"] and L.nationality(w) is None:
            out.add(stem)
    return out


def _group(ctx: Context, mentions: list[_Mention]) -> list[list[_Mention]]:
    lex = _lex()
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    # Link each mention to the first one sharing a base, a distinctive word or a duration.
    first_by: dict[object, int] = {}
    for k, m in enumerate(mentions):
        keys: list[object] = [("base", m.base), *(("word", w) for w in _content(m, lex))]
        if "duration" in m.attrs:
            keys.append(("duration", m.attrs["duration"]))
        for key in keys:
            if key in first_by:
                union(k, first_by[key])
            else:
                first_by[key] = k
        if k and ctx.folded[mentions[k - 1].fend:m.fstart].strip() == "(":
            union(k, k - 1)
    groups: dict[int, list[_Mention]] = {}
    for k, m in enumerate(mentions):
        groups.setdefault(find(k), []).append(m)
    return list(groups.values())
