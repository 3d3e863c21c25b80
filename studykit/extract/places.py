"""Places: countries (CLDR Arabic names + aliases), capitals and cities, regions.

Matched on folded words, longest name first, with a clitic on the first word handled
(`وموسكو`, `بطهران`, `لروسيا`, `للعراق`). A country fact carries the nationality adjective
the text uses for it (`الإيرانية` → attrs adjective `ايراني`).
"""

from __future__ import annotations

from studykit.extract import lexicon as L
from studykit.extract.context import Context, Found, build_facts
from studykit.models import Fact, FactKind


def extract_places(ctx: Context) -> list[Fact]:
    """Place facts, one per canonical name; subkind city/country/region."""
    toks = ctx.tokens
    found: list[Found] = []
    adjectives: dict[str, str] = {}
    i = 0
    while i < len(toks):
        hit = _match(ctx, i)
        if hit is None:
            nat = L.nationality(toks[i].text)
            if nat:
                adjectives.setdefault(nat, _stem(toks[i].text))
            i += 1
            continue
        n, start, entry = hit
        attrs = {"country": entry.country} if entry.country else {}
        found.append(Found(entry.value, start, toks[i + n - 1].end, subkind=entry.subkind,
                           attrs=attrs))
        i += n
    for item in found:
        if item.subkind == "country" and item.value in adjectives:
            item.attrs["adjective"] = adjectives[item.value]
    return build_facts(ctx, FactKind.PLACE, found)


def _match(ctx: Context, i: int) -> tuple[int, int, L.PlaceEntry] | None:
    tok = ctx.tokens[i]
    index = L.places_by_first()
    for variant in L.strip_proclitics(tok.text):
        for rest, entry in index.get(variant, ()):
            n = len(rest) + 1
            if ctx.joined(i, n) and all(ctx.tokens[i + 1 + k].text == w
                                        for k, w in enumerate(rest)):
                return n, tok.end - len(variant) if len(variant) < len(tok.text) else (
                    tok.start), entry
    return None


def _stem(word: str) -> str:
    stem = word[2:] if word.startswith("ال") else word
    return stem[:-1] if stem.endswith("يه") else stem
