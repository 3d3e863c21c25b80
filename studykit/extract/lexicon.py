"""Word lists the extractors share, loaded once: places (CLDR + curated + GeoNames cities),
nationality adjectives, titles, stopwords. Every key is folded (studykit.arabic.normalize) and
split into words.

babel is imported lazily here and the derived tables are cached, so only the first extraction
pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from studykit.arabic import normalize
from studykit.extract.datewords import DATA, _yaml

T = TypeVar("T")


@dataclass(frozen=True)
class PlaceEntry:
    value: str
    subkind: str  # city | country | region
    country: str = ""


def key(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@cache
def country_names() -> dict[str, str]:
    """ISO code → the Arabic name used as the canonical value (CLDR, a few overrides)."""
    from babel import Locale

    data: dict[str, Any] = _yaml("places.yaml")
    names = {code: str(name) for code, name in Locale("ar").territories.items()}
    names.update({str(k): str(v) for k, v in data["canonical"].items()})
    return names


@cache
def places() -> dict[tuple[str, ...], PlaceEntry]:
    """Folded word tuple → place. Countries win over a city of the same spelling."""
    data: dict[str, Any] = _yaml("places.yaml")
    names = country_names()
    table: dict[tuple[str, ...], PlaceEntry] = {}
    for name in data["regions"]:
        table.setdefault(key(name), PlaceEntry(str(name), "region"))
    for name, code in data["cities"].items():
        # The first spelling listed is the canonical one (`إسطنبول` before `اسطنبول`).
        table.setdefault(key(name), PlaceEntry(str(name), "city", names.get(str(code), "")))
    drop = {str(c) for c in data["drop_countries"]}
    regions = {str(c) for c in data["cldr_regions"]}
    for code, name in names.items():
        if code in drop or "-" in name or "(" in name:
            continue
        if code in regions:
            table[key(name)] = PlaceEntry(name, "region")
        elif code.isalpha() and len(code) == 2:
            table[key(name)] = PlaceEntry(name, "country")
    for code, aliases in data["country_aliases"].items():
        for alias in aliases:
            table[key(alias)] = PlaceEntry(names[str(code)], "country")
    for name, entry in _geonames(table, names).items():
        table.setdefault(name, entry)  # curated cities, countries and regions win
    return table


def _geonames(curated: dict[tuple[str, ...], PlaceEntry],
              countries: dict[str, str]) -> dict[tuple[str, ...], PlaceEntry]:
    """GeoNames' Arabic city names (data/geonames_cities.tsv, CC BY 4.0, made by
    scripts/make_geonames_places.py): the towns no curated list can keep up with. A city the
    curated list already knows under another spelling keeps the curated value, so one town
    never becomes two facts; nor does a city named like its country (`الجزائر`, `الكويت`)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "geonames_cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, canonical, code, _population = line.rstrip("\n").split("\t")
            groups.setdefault(f"{canonical}\t{code}", []).append((name, code))
    out: dict[tuple[str, ...], PlaceEntry] = {}
    for group, members in groups.items():
        canonical, code = group.split("\t")
        if curated.get(key(canonical), PlaceEntry("", "city")).subkind != "city":
            continue  # a capital named like its country is told by العاصمة (places.py)
        known = [curated[key(n)] for n, _ in members if key(n) in curated]
        entry = next((e for e in known if e.subkind == "city"), None)
        if entry is None:
            entry = PlaceEntry(canonical, "city", countries.get(code, ""))
        for name, _ in members:
            out.setdefault(key(name), entry)
    return out


@cache
def place_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in places()}, reverse=True))


def by_first_word(table: dict[tuple[str, ...], T]) -> dict[str, list[tuple[tuple[str, ...], T]]]:
    """Group a word-tuple table by first word, longest entry first: one dict lookup a token."""
    groups: dict[str, list[tuple[tuple[str, ...], T]]] = {}
    for words, value in table.items():
        groups.setdefault(words[0], []).append((words[1:], value))
    for entries in groups.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return groups


@cache
def places_by_first() -> dict[str, list[tuple[tuple[str, ...], PlaceEntry]]]:
    return by_first_word(places())


@cache
def guarded_places() -> frozenset[str]:
    """Values of cities that are also ordinary words or given names (`العيون` "eyes"):
    places.py takes them only with a place cue next to them."""
    return frozenset(str(n) for n in _yaml("places.yaml")["guarded"])


@cache
def nationalities() -> dict[str, str]:
    """Folded masculine adjective stem (`ايراني`) → country name ('' for non-country ones)."""
    names = country_names()
    # Regional adjectives (`أوروبي`, `أفريقي`) are nationalities of no country.
    return {normalize(adj): names.get(str(code), "") if str(code).isalpha() else ""
            for adj, code in _yaml("places.yaml")["nationalities"].items()}


@lru_cache(maxsize=1 << 16)
def nationality(word: str) -> str | None:
    """Country for a folded nationality adjective (`الايرانيه` → إيران), else None."""
    stem = word[2:] if word.startswith("ال") else word
    if stem.endswith("يه"):
        stem = stem[:-1]
    elif stem.endswith(("يون", "يين")):
        stem = stem[:-2]  # plurals: `الإيرانيون`, `الإيرانيين`
    return nationalities().get(stem)


@cache
def titles() -> list[tuple[tuple[str, ...], str]]:
    """Title heads (folded words, rank), longest first."""
    heads = [(key(str(words)), str(rank)) for words, rank in _yaml("titles.yaml")["heads"]]
    return sorted(heads, key=lambda h: len(h[0]), reverse=True)


@cache
def titles_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Title heads grouped by their first word, longest first within a group."""
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, rank in titles():
        groups.setdefault(words[0], []).append((words, rank))
    return groups


@cache
def ministries() -> dict[str, str]:
    return {normalize(k): str(v) for k, v in _yaml("titles.yaml")["ministries"].items()}


@cache
def title_complements() -> frozenset[str]:
    """Adjectives that complete a title, with the feminine and plural of each ال...ي nisba
    (`الجنوبي` → `الجنوبيه`, `الجنوبيين`, `الجنوبيون`): `كبير المفاوضين الجنوبيين`."""
    words = {normalize(str(w)) for w in _yaml("titles.yaml")["complements"]}
    words |= {normalize(str(w)) for w in _yaml("titles.yaml")["sect_region"]}
    forms = {w + end for w in words if w.startswith("ال") and w.endswith("ي")
             for end in ("ه", "ين", "ون")}
    return frozenset(words | forms)


@cache
def sect_region() -> frozenset[str]:
    """Sect and region adjectives (`الدرزي`, `الجنوبي`): never a surname, never a name."""
    return frozenset(normalize(str(w)) for w in _yaml("titles.yaml")["sect_region"])


@cache
def honorifics() -> frozenset[tuple[str, ...]]:
    return frozenset(key(str(h)) for h in _yaml("titles.yaml")["honorifics"])


@cache
def connectors() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in _yaml("titles.yaml")["connectors"])


@cache
def stopwords() -> frozenset[str]:
    data = _yaml("stopwords.yaml")
    words = {normalize(str(w)) for group in ("particles", "verbs") for w in data[group]}
    return frozenset(words)


@cache
def verbs() -> frozenset[str]:
    """The verbs news puts before or after a name (`قال`, `أكد`), folded."""
    return frozenset(normalize(str(w)) for w in _yaml("stopwords.yaml")["verbs"])


@cache
def common_nouns() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in _yaml("stopwords.yaml")["nouns"])


@lru_cache(maxsize=1 << 16)
def strip_proclitics(word: str) -> tuple[str, ...]:
    """`word` and what it could be without a leading و/ف and ب/ل/ك (لل → ال)."""
    out = [word]
    rest = word
    if rest[:1] in ("و", "ف") and len(rest) >= 3:  # `وتل أبيب`
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 4:
        out.append("ا" + rest[1:])
    if rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
        out.append(rest[1:])
    return tuple(out)
