"""Agreements, treaties, memoranda, declarations, initiatives, deals and action plans.

A name is a head (`اتفاق`, `اتفاقية`, `معاهدة`, `مذكرة تفاهم`, `خطة العمل` ...) plus the words
that name it (`النووي`, `الشاملة المشتركة`, `تعاون سيبراني`, `الـ 20 عامًا`, `لعام 2015`).
Mentions of one agreement are merged when their base names match, one glosses the other in
brackets (`خطة العمل الشاملة المشتركة (الاتفاق النووي لعام 2015)`), they state the same
duration, or they share a distinctive word under the same kind of head. A generic name
(`مذكرة تفاهم`) is one text per partner: memoranda with different parties stay apart. The
cabinet style `اتفاقية بين حكومة ... وحكومة ... لتجنب الازدواج الضريبي` names the agreement by
its purpose, the governments becoming its parties. Attributes come from the words around a
mention; studykit.extract.agreement_words reads the name after a head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from studykit.arabic import normalize
from studykit.extract import agreement_words as W
from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.extract.datewords import _yaml
from studykit.extract.places import match_place
from studykit.models import Fact, FactKind

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
    value: str = ""  # set when the name is not one stretch of text (`اتفاقية بين ... لتجنب`)


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
            forms = [words, ("ال" + words[0], *words[1:])]
            if words[0][-1] not in "هيا":
                forms.append((words[0] + "ا", *words[1:]))  # accusative: `أقرت إعلانا بشأن`
            for form in forms:
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
    used: set[str] = set()
    for group in groups:
        # The name most mentions start with: `اتفاقية الـ 20 عامًا` over its longer forms.
        per_base: dict[tuple[str, ...], int] = {}
        for m in group:
            per_base[m.base] = per_base.get(m.base, 0) + 1
        counts = {b: sum(c for o, c in per_base.items() if o[:len(b)] == b) for b in per_base}
        best = max(group, key=lambda m: (counts[m.base], -m.fstart))
        base_end = best.fend if best.base == best.words else (
            ctx.tokens[best.first + len(best.base) - 1].end)
        value = best.value or " ".join(ctx.surface(best.fstart, base_end).split())
        attrs: dict[str, str] = {}
        for m in group:
            for k, v in m.attrs.items():
                attrs.setdefault(k, v)
        # Two texts with one generic name (`مذكرة تفاهم`) are two facts: the id says whose.
        key = ""
        if value in used:
            key = " ".join([value, attrs.get("parties", ""), attrs.get("date", ""),
                            str(len(used))]).strip()
        used.add(value)
        for m in group:
            found.append(Found(value, m.fstart, m.fend, key=key, attrs=attrs))
    return build_facts(ctx, FactKind.AGREEMENT, found)


def _mentions(ctx: Context) -> list[_Mention]:
    out: list[_Mention] = []
    heads = _heads().keys()
    i = 0  # the first token not inside the last mention
    for at in ctx.visits(lambda w: not heads.isdisjoint(L.strip_proclitics(w))):
        if at < i:
            continue
        m = _read(ctx, at)
        if m is not None:
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
            quoted = W.quoted_name(ctx, i + n - 1)
            fend: int | None = None
            if quoted is not None:
                (last, fend), has_place = quoted, True
            else:
                last, has_place = W.name_end(ctx, i + n - 1, lex, head[-1].startswith("ال"))
                topic = W.field_end(ctx, last)
                # A purpose or topic makes even a plain word a name: `مبادرة دولية لمواجهة
                # الجفاف`, `إعلانا بشأن الجفاف`.
                has_place = has_place or topic > last or W.purpose_at(ctx, i + n - 1, last)
                last = topic
            signed = W.signed_with(ctx, last) if (
                last == i + n - 1 and head[-1].startswith("ال")) else None
            if last == i + n - 1 and strong and not head[-1].startswith("ال"):
                between = _between(ctx, last, lex)
                if between is not None:
                    return between
            if last == i + n - 1 and (len(head) == 1 or (
                    head[0].endswith("ات") and signed is None)):
                return None  # a bare `الاتفاق`, a plural `مذكرات التفاهم`: not a name
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
            if signed is not None:
                # The mention stays the head: the partner is a place of its own.
                end, country = signed
                m.value = " ".join(ctx.surface(fstart, toks[end].end).split())
                m.attrs["parties"] = country
            return m
    return None


def _between(ctx: Context, k: int, lex: dict[str, frozenset[str]]) -> _Mention | None:
    """`اتفاقية بين حكومة المملكة وحكومة الهند لتجنب الازدواج الضريبي` (the cabinet-decision
    style): the agreement is named by its purpose after the parties, who become attrs."""
    toks = ctx.tokens
    if k + 2 >= len(toks) or toks[k + 1].text != "بين" or ctx.breaks[k + 1]:
        return None
    for t in range(k + 2, min(k + 16, len(toks))):
        if ctx.breaks[t]:
            return None
        word = toks[t].text
        # `لتجنب الازدواج`, or with the article: `للتعاون الاقتصادي`.
        end = t if word.startswith("لل") and len(word) > 4 else W.purpose_end(ctx, t)
        if end is None:
            continue
        while (end + 1 < len(toks) and end - t < 5 and not ctx.breaks[end + 1]
               and toks[end + 1].text.startswith("ال") and not N.is_stop(toks[end + 1].text)
               and toks[end + 1].text not in lex["closers"]):
            end += 1
        head, name = toks[k], toks[t]
        value = " ".join([ctx.surface(head.start, head.end),
                          *ctx.surface(name.start, toks[end].end).split()])
        words = (head.text, *(x.text for x in toks[t:end + 1]))
        # The mention is the purpose only: the parties between are places of their own.
        m = _Mention(name.start, toks[end].end, t, end, words, words, value=value)
        _attrs(ctx, m, lex)
        parties = []
        j = k + 2
        while j < t:
            place = match_place(ctx, j)
            if place is not None and place[2].subkind == "country":
                parties.append(place[2].value)
                j += place[0]
            else:
                j += 1
        if parties:
            m.attrs["parties"] = "، ".join(dict.fromkeys(parties))
        return m
    return None


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
    # `مذكرة تفاهم مع الجانب اليوناني`, `مع اليونان`: the partner named after the name.
    k = m.last + 1
    if k + 1 < len(toks) and toks[k].text == "مع" and ctx.joined(k, 2):
        k += 1 + (toks[k + 1].text in ("الجانب", "الطرف", "دوله"))
        if k < len(toks):
            place = match_place(ctx, k)
            country = (place[2].country or place[2].value if place and place[2].subkind in
                       ("country", "city") else L.nationality(toks[k].text))
            parties.append(country or None)
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


def _family(head: str) -> str:
    """The head noun without article, accusative alif or ية: اتفاق/الاتفاقية/اتفاقا → اتفاق."""
    word = head[2:] if head.startswith("ال") else head
    if word.endswith("يه") and len(word) > 5:
        word = word[:-2]
    return word[:-1] if word.endswith("ا") and len(word) > 4 else word


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
    last_generic: dict[tuple[str, ...], int] = {}
    for k, m in enumerate(mentions):
        # A shared word links mentions of one kind of head only: `إعلان بشأن الجفاف` and
        # `مبادرة لمواجهة الجفاف` are two texts.
        family = _family(m.words[0])
        content = _content(m, lex)
        base_key: object = ("base", m.base)
        if not content:
            # A generic name (`مذكرة تفاهم`) is one text per parties and date: two memoranda
            # with different partners stay apart; a mention naming neither joins the last one.
            who = (m.attrs.get("parties", ""), m.attrs.get("date", ""))
            if who == ("", ""):
                if m.base in last_generic:
                    union(k, last_generic[m.base])
                last_generic[m.base] = k
                base_key = None
            else:
                base_key = ("base", m.base, who)
                last_generic[m.base] = k
        keys: list[object] = [*([base_key] if base_key else []),
                              *(("word", family, w) for w in content)]
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
