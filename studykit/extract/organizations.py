"""Organisations and media outlets: a curated list, name patterns, and quoted media names.

`مجلس الأمن القومي`, `وزارة الخارجية الإيرانية`, `جهاز أمن الدولة` are built from a head and
definite words; `صحيفة “وول ستريت جورنال”` names a medium by its quoted name after a head.
"""

from __future__ import annotations

import re
from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.extract.datewords import _yaml
from studykit.models import Fact, FactKind

_QUOTED = re.compile(r"\s*[“”«\"]([^“”«»\"\n]{2,60})[“”»\"]")
_MAX_WORDS = 5


@cache
def _tables() -> tuple[dict[tuple[str, ...], tuple[str, str]], frozenset[tuple[str, ...]],
                       frozenset[tuple[str, ...]]]:
    data = _yaml("organizations.yaml")
    in_context = {L.key(str(n)) for n in data["media_in_context"]}
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for name in data["organizations"]:
        table[L.key(str(name))] = (str(name), "organization")
    for name in data["media"]:
        if L.key(str(name)) not in in_context:
            table[L.key(str(name))] = (str(name), "media")
    heads = frozenset(L.key(str(h)) for h in data["heads"])
    media_heads = frozenset(L.key(str(h)) for h in data["media_heads"])
    return table, heads, media_heads


def organization_names() -> frozenset[tuple[str, ...]]:
    """The listed organisations and media, as folded word tuples."""
    return frozenset(_tables()[0])


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]]:
    return L.by_first_word(_tables()[0])


@cache
def _quoted_media() -> frozenset[tuple[str, ...]]:
    """Media names that are ordinary words too: media only inside quotation marks."""
    return frozenset(L.key(str(n)) for n in _yaml("organizations.yaml")["media_in_context"])


def _quoted(ctx: Context, i: int) -> tuple[Found | None, int]:
    """`تحدث لـ"الشرق الأوسط"`, `«الجزيرة»`: a quoted outlet name on its own."""
    toks = ctx.tokens
    tok = toks[i]
    if tok.start == 0 or ctx.folded[tok.start - 1] not in "“”«\"":
        return None, i
    for words in sorted(_quoted_media(), key=len, reverse=True):
        n = len(words)
        if ctx.joined(i, n) and tuple(t.text for t in toks[i:i + n]) == words:
            end = toks[i + n - 1].end
            if end < len(ctx.folded) and ctx.folded[end] in "“”»\"":
                value = ctx.surface(tok.start, end)
                return Found(value, tok.start, end, subkind="media"), i + n
    return None, i


@cache
def _first_words() -> frozenset[str]:
    """Every word an organisation or media name (or its head) can start with."""
    table, heads, media_heads = _tables()
    return frozenset(k[0] for group in (table, heads, media_heads) for k in group)


def extract_organizations(ctx: Context) -> list[Fact]:
    """Organisation and media facts; subkind organization or media."""
    _, heads, media_heads = _tables()
    index = _index()
    words = ctx.tokens.words
    firsts = _first_words()
    found: list[Found] = []
    quoted_firsts = {k[0] for k in _quoted_media()}
    i = 0  # the first token not inside the last name found
    for at in ctx.visits(lambda w: w in quoted_firsts
                         or not firsts.isdisjoint(L.strip_proclitics(w))):
        if at < i:
            continue
        i = at
        if words[i] in quoted_firsts:
            item, nxt = _quoted(ctx, i)
            if item is not None:
                found.append(item)
                i = nxt
                continue
        if firsts.isdisjoint(L.strip_proclitics(words[i])):
            continue
        item, nxt = _media(ctx, i, media_heads)
        if item is None:
            item, nxt = _listed(ctx, i, index)
        if item is None:
            item, nxt = _built(ctx, i, heads)
        if item is not None:
            found.append(item)
            i = nxt
    return build_facts(ctx, FactKind.ORGANIZATION, found)


def _media(ctx: Context, i: int,
           media_heads: frozenset[tuple[str, ...]]) -> tuple[Found | None, int]:
    toks = ctx.tokens
    for n in (2, 1):
        words = tuple(toks.words[i:i + n])
        if len(words) < n or not any((v, *words[1:]) in media_heads
                                     for v in L.strip_proclitics(words[0])):
            continue
        match = _QUOTED.match(ctx.folded, toks[i + n - 1].end)
        if match:
            value = " ".join(ctx.surface(match.start(1), match.end(1)).split())
            last = i + n - 1
            while last + 1 < len(toks) and toks[last + 1].start < match.end(1):
                last += 1
            return Found(value, match.start(1), match.start(1) + len(match.group(1).rstrip()),
                         subkind="media"), last + 1
    return None, i


def _listed(ctx: Context, i: int, index: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]]
            ) -> tuple[Found | None, int]:
    tok = ctx.tokens[i]
    for variant in L.strip_proclitics(tok.text):
        for rest, hit in index.get(variant, ()):
            n = len(rest) + 1
            if ctx.joined(i, n) and all(ctx.tokens[i + 1 + k].text == w
                                        for k, w in enumerate(rest)):
                start = tok.end - len(variant) if len(variant) < len(tok.text) else tok.start
                return Found(hit[0], start, ctx.tokens[i + n - 1].end, subkind=hit[1]), i + n
    return None, i


def _built(ctx: Context, i: int, heads: frozenset[tuple[str, ...]]) -> tuple[Found | None, int]:
    toks = ctx.tokens
    variant = next((v for v in L.strip_proclitics(toks[i].text) if (v,) in heads), None)
    if variant is None:
        return None, i
    last = i
    j = i + 1
    # One indefinite word may sit between the head and its definite words: `جهاز أمن الدولة`.
    if (j + 1 < len(toks) and not toks[j].text.startswith("ال") and toks[j + 1].text.startswith(
            ("ال", "لل")) and not N.is_stop(toks[j].text) and toks[j].text[:1] not in "وفب"
            and not ctx.gap_breaks(toks[j - 1], toks[j])):
        j += 1
    while j < len(toks) and j - i <= _MAX_WORDS and not ctx.gap_breaks(toks[j - 1], toks[j]):
        w = toks[j].text
        if not (w.startswith("ال") or w.startswith("لل")) or N.is_stop(w):
            break
        last = j
        j += 1
    if last == i or (last == i + 1 and not toks[last].text.startswith(("ال", "لل"))):
        return None, i
    start = toks[i].end - len(variant)
    value = " ".join(ctx.surface(start, toks[last].end).split())
    return Found(value, start, toks[last].end, subkind="organization"), last + 1
