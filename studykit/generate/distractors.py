"""Wrong answers of the same kind and sub-kind: first from the bank, then generated.

A date is replaced by a date of the same written shape and precision, a city by a city, a
foreign minister by a foreign minister. Candidates equal to the answer (after normalization),
to one of its aliases, or already present in the clause are dropped.
"""

from __future__ import annotations

import random
import re
from functools import cache, lru_cache
from importlib import resources

from studykit.arabic import normalize
from studykit.generate.common import Context, names_of
from studykit.generate.dates import parse_written, shifted
from studykit.generate.giveaway import ruled_out
from studykit.generate.media import kind_before, media_kind, outlet_aliases
from studykit.generate.nations import TOP_RANKS, nation_of, of_nation, officials_of
from studykit.generate.numbers import number_bound, number_shape, shifted_number
from studykit.generate.tenures import fits
from studykit.generate.text import contains_phrase, find_phrase
from studykit.models import Fact, FactKind

# Rank from a role as written, when the extractor gave none (first match wins). Patterns
# match folded text: ة → ه, ئ → ي, أ → ا.
_RANKS = (
    ("foreign_minister", r"وزير[ه]? (ال)?خارجي"),
    ("defense_minister", r"وزير[ه]? (ال)?دفاع"),
    ("prime_minister", r"رييس[ه]? (ال)?(وزراء|حكوم)"),
    ("spokesperson", r"(ال)?(متحدث|ناطق)"),
    ("secretary_general", r"(ال)?امين[ه]? (ال)?عام"),
    ("minister", r"وزير"),
    ("president", r"^(ال)?رييس[ه]?( |$)(?!(ال)?(اركان|مجلس|وزراء|حكوم|برلمان))"),
)


_RANK_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson",
                  "foreign_secretary": "foreign_minister", "premier": "prime_minister"}


def rank_of(fact: Fact) -> str | None:
    """The person's rank: `attrs["rank"]`, else guessed from the role (`وزير الخارجية`)."""
    if fact.attrs.get("rank"):
        return _RANK_SYNONYMS.get(fact.attrs["rank"], fact.attrs["rank"])
    role = normalize(fact.role or "")
    for rank, pattern in _RANKS:
        if re.search(pattern, role):
            return rank
    return None


@cache
def _data(name: str) -> dict[str, list[str]]:
    import yaml

    text = resources.files("studykit.generate").joinpath("data", name).read_text("utf-8")
    loaded = yaml.safe_load(text)
    return {str(k): [str(v) for v in vs] for k, vs in loaded.items() if isinstance(vs, list)}


def officials(rank: str) -> list[str]:
    return _data("officials.yaml").get(rank, [])


def places(subkind: str) -> list[str]:
    return _data("places.yaml").get(subkind, [])


@cache
def _regions() -> dict[str, set[str]]:
    import yaml

    text = resources.files("studykit.generate").joinpath("data", "places.yaml").read_text("utf-8")
    loaded = yaml.safe_load(text).get("contains", {})
    inside: dict[str, set[str]] = {}
    for outer, parts in loaded.items():
        for part in parts:
            inside.setdefault(normalize(part), set()).add(normalize(outer))
            inside.setdefault(normalize(outer), set())
    changed = True
    while changed:  # `ناجورنو قرة باغ` is in `جنوب القوقاز`, hence in `القوقاز` and `آسيا`
        changed = False
        for outers in inside.values():
            more = set().union(*(inside.get(o, set()) for o in outers)) - outers
            if more:
                outers |= more
                changed = True
    return inside


def nested(a: str, b: str) -> bool:
    """True when one region lies inside the other (`الشرق الأوسط` and `آسيا`)."""
    x, y = normalize(a), normalize(b)
    regions = _regions()
    return y in regions.get(x, set()) or x in regions.get(y, set())


@lru_cache(maxsize=1 << 14)
def _text_shape(text: str) -> str:
    return parse_written(text).shape


def _shape(fact: Fact) -> str:
    return _text_shape(fact.text)


# Keys the bank's facts are grouped by (FactIndex.group), once per bank.
def _date_key(fact: Fact) -> tuple[str | None, str]:
    return fact.subkind, _shape(fact)


def _subkind(fact: Fact) -> str | None:
    return fact.subkind


def _org_key(fact: Fact) -> tuple[bool, str | None]:
    return fact.subkind == "media", org_class(_shown(fact))


def _number_key(fact: Fact) -> str:
    return number_shape(fact.text)


def _value(fact: Fact) -> str | None:
    return fact.value


def _bank_candidates(ctx: Context, fact: Fact) -> list[Fact]:
    """Facts of the bank that may stand in for `fact`: same kind and sub-kind (or rank)."""
    index = ctx.index
    kind = fact.kind
    if kind == FactKind.DATE:
        return [f for f in index.group(kind, _date_key, _date_key(fact))
                if f.id != fact.id and f.value != fact.value]
    if kind == FactKind.PERSON:
        rank = rank_of(fact)
        same: list[Fact] = index.group(kind, rank_of, rank) if rank else []
    elif kind == FactKind.PLACE:
        same = index.group(kind, _subkind, fact.subkind)
    elif kind == FactKind.ORGANIZATION:
        # A newspaper is replaced by a newspaper, a funder by a funder, a ministry by a ministry.
        same = index.group(kind, _org_key, _org_key(fact))
    elif kind == FactKind.AGREEMENT:
        same = index.of_kind(kind)
    elif kind == FactKind.NUMBER:
        same = index.group(kind, _number_key, _number_key(fact))
    else:
        return []
    return [f for f in same if f.id != fact.id]


def _year(ctx: Context, fact: Fact) -> int | None:
    """The publication year of the article a fact is first mentioned in."""
    article = ctx.article(fact.mentions[0]) if fact.mentions else None
    published = article.source.published if article is not None else None
    return published.year if published is not None else None


def _shown(fact: Fact) -> str:
    # People and organisations by their canonical name (the text may carry a preposition:
    # `للحرس الثوري`); places, dates and numbers as the article writes them.
    if fact.kind in (FactKind.PERSON, FactKind.ORGANIZATION):
        return fact.value or fact.text
    return fact.text


def _generated(fact: Fact) -> list[str]:
    if fact.kind == FactKind.DATE:
        return shifted(fact.text, fact.relative)
    if fact.kind == FactKind.PERSON:
        rank = rank_of(fact)
        if rank is None:
            return []
        # `energy_minister` has no list of its own: other ministers are the next best thing.
        return officials(rank) or (officials("minister") if rank.endswith("minister") else [])
    if fact.kind == FactKind.PLACE and fact.subkind == "city":
        return places("capital") + places("city")
    if fact.kind == FactKind.PLACE and fact.subkind:
        return places(fact.subkind)
    if fact.kind == FactKind.NUMBER:
        return shifted_number(fact.text)
    if fact.kind == FactKind.ORGANIZATION and fact.subkind == "media":
        return media()
    if fact.kind == FactKind.ORGANIZATION:
        return _data("organizations.yaml").get(org_class(_shown(fact)) or "", [])
    return []


_ORG_CLASSES = (("finance", ("بنك", "صندوق")), ("ministry", ("وزارة",)))
_ORG_HEADS = tuple((c, frozenset(normalize(h) for h in heads)) for c, heads in _ORG_CLASSES)


def org_class(name: str) -> str | None:
    """`البنك الإسلامي للتنمية` → finance, `وزارة الكهرباء` → ministry, else None."""
    first = normalize(name).split()[:1]
    head = first[0].removeprefix("ال") if first else ""
    return next((c for c, heads in _ORG_HEADS if head in heads), None)


_CONFLICT_WORDS = frozenset(normalize(w) for w in (
    "المعروفة", "المعروف", "أزمة", "الأزمة", "نزاع", "النزاع", "صراع", "الصراع", "إقليم"))


def _is_conflict(fact: Fact, clause: str) -> bool:
    """`الأزمة القوقازية المعروفة “[ناجورنو قرة باغ]”`: the blank names a conflict."""
    at = find_phrase(clause, fact.text)
    before = clause[:at[0]].rstrip(" “«\"").split() if at else []
    return bool(before) and normalize(before[-1]) in _CONFLICT_WORDS


@cache
def capitals() -> frozenset[str]:
    return frozenset(normalize(c) for c in places("capital"))


@cache
def media() -> list[str]:
    """Newspapers and news agencies the extractor knows by name."""
    from studykit.extract.datewords import load_data

    return [str(n) for n in load_data("organizations.yaml").get("media", [])]


def _country_named(clause: str) -> str | None:
    """The first country the clause names (`ففي سوريا، وقعت ...`) or whose capital it names,
    if any."""
    from studykit.extract.lexicon import key, places

    table = places()
    words = re.findall(r"\w+", normalize(clause))
    for i in range(len(words)):
        for n in (3, 2, 1):
            entry = table.get(key(" ".join(words[i:i + n])))
            if entry is not None and entry.subkind == "country":
                return entry.value
            if entry is not None and normalize(entry.value) in capitals():
                return entry.country or None  # `شرق القاهرة`: in Egypt
    return None


@cache
def _population() -> dict[str, int]:
    """Population by folded city name, from the GeoNames list the extractor ships."""
    from importlib import resources

    text = resources.files("studykit.extract").joinpath("data", "geonames_cities.tsv")
    out: dict[str, int] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[3].isdigit():
            for name in parts[:2]:
                out.setdefault(normalize(name), int(parts[3]))
    return out


def cities_of(country: str) -> list[str]:
    """Cities of `country` in the extractor's gazetteer, largest first: a student should
    choose between well-known cities, not spot the one famous name among villages."""
    from studykit.extract.lexicon import places

    names = list(dict.fromkeys(e.value for e in places().values()
                               if e.subkind == "city" and e.country == country))
    size = _population()
    return sorted(names, key=lambda n: -size.get(normalize(n), 0))


def _in_country(name: str, country: str) -> bool:
    from studykit.extract.lexicon import key, places

    entry = places().get(key(name))
    return entry is not None and entry.country == country


def _known(name: str) -> bool:
    from studykit.extract.lexicon import key, places

    return key(name) in places()


def _wrong_role(fact: Fact, candidate: Fact, clause: str) -> bool:
    """A person whose article role differs from the role written next to the answer:
    `وزير الخارجية الروسي، [إيلي كوهين]` contradicts the article, nothing to recall."""
    return bool(fact.role and candidate.role and contains_phrase(clause, fact.role)
                and normalize(candidate.role) != normalize(fact.role))


def _surname(name: str) -> str:
    words = normalize(name).split()
    return words[-1] if words else ""


def distractors(ctx: Context, fact: Fact, clause: str, count: int,
                rng: random.Random) -> list[str]:
    """Up to `count` wrong answers: bank candidates (shuffled) first, then generated ones."""
    taken = {normalize(n) for n in names_of(fact)}
    if fact.kind == FactKind.ORGANIZATION:
        taken |= {normalize(a) for n in names_of(fact) for a in outlet_aliases(n)}
    if fact.kind == FactKind.DATE and fact.value:
        taken |= {normalize(f.text) for f in ctx.index.group(FactKind.DATE, _value, fact.value)}
    candidates = [f for f in _bank_candidates(ctx, fact) if not _wrong_role(fact, f, clause)]
    generated_names = _generated(fact)
    nation = nation_of(fact, clause) if fact.kind == FactKind.PERSON else None
    if nation is not None:
        # `الرئيس الإيراني، [...]`: Biden or Xi contradict the stem; only people of that
        # country will do, and with fewer than asked the caller goes without.
        rank = rank_of(fact)
        candidates = [f for f in candidates if nation_of(f) == nation
                      or (nation_of(f) is None and of_nation(_shown(f), nation))]
        if rank in TOP_RANKS:
            generated_names = officials_of(nation, rank)
        else:
            # `وزير الكهرباء المصري`, `اللاعب`: only the same office will do, never a president.
            candidates = [f for f in candidates if rank is not None and rank_of(f) == rank]
            generated_names = officials_of(nation, rank) if rank is not None else []
    if fact.kind == FactKind.PERSON:
        # Built-in office holders only of the article's time (no 2023 leader in a 2015 story).
        year = _year(ctx, fact)
        generated_names = [n for n in generated_names if fits(n, year)]
    bank = [(_shown(f), names_of(f)) for f in candidates]
    rng.shuffle(bank)
    generated = [(text, [text]) for text in generated_names]
    if fact.kind == FactKind.PLACE and _is_conflict(fact, clause):
        bank = []
        generated = [(c, [c]) for c in places("conflict")]
    country = _country_named(clause) if fact.kind == FactKind.PLACE else None
    answer = fact.value or fact.text
    if country and fact.subkind == "city" and (_in_country(answer, country)
                                               or not _known(answer)):
        # `ففي سوريا ... في مناطق [دير الزور]`: only cities of that country will do.
        bank = [b for b in bank if _in_country(b[0], country)]
        generated = [(c, [c]) for c in cities_of(country)]
    elif fact.kind == FactKind.PLACE and fact.subkind == "city" and fact.attrs.get("country") \
            and normalize(answer) not in {normalize(c) for c in places("capital")}:
        # `حلب` among `القاهرة`, `طرابلس`, `الرياض` is the one Syrian city: a giveaway. A
        # city that is no capital is asked among cities of its own country, or not at all.
        own = fact.attrs["country"]
        bank = [b for b in bank if _in_country(b[0], own)]
        generated = [(c, [c]) for c in cities_of(own)]
    if fact.kind == FactKind.ORGANIZATION and fact.subkind == "media":
        at = find_phrase(clause, fact.text)
        kind = media_kind(answer) or (kind_before(clause, at[0]) if at else None)
        if kind is not None:
            # `لشبكة "[...]"`: only networks; an outlet of unknown kind may be any.
            bank = [b for b in bank if media_kind(b[0]) == kind]
            generated = [g for g in generated if media_kind(g[0]) == kind]
    capitals = {normalize(c) for c in places("capital")}
    # A capital is replaced by another capital, unless the clause names its own country:
    # then the other cities of that country are the plausible options.
    only_capitals = (fact.kind == FactKind.PLACE and normalize(answer) in capitals
                     and not (country and _in_country(answer, country)))
    # Names of the same kind already in the clause: `شمال أفريقيا` beside `أفريقيا` is no option.
    in_clause = ctx.index.names_in(fact, clause)
    bound = number_bound(clause, fact) if fact.kind == FactKind.NUMBER else None
    out: list[str] = []
    for candidate, names in [*bank, *generated]:
        key = normalize(candidate)
        if bound is not None and not bound(candidate):
            continue  # `أكثر من [500 مليون]`: 250 مليون would make a true sentence too
        if only_capitals and not {normalize(n) for n in names} & capitals:
            continue
        if key in taken or any(contains_phrase(clause, n) for n in names):
            continue  # `السعودية` is already in the clause as `المملكة العربية السعودية`
        if fact.kind == FactKind.PLACE and ruled_out(candidate, clause):
            continue  # `تسعى القاهرة ... ترتبط شبكتها بشبكات [مصر]` cannot be meant
        if fact.kind == FactKind.PERSON and _surname(candidate) in {
                _surname(n) for n in [*names_of(fact), *out]}:
            continue  # `سيرغي لافروف` beside `سيرجي لافروف`
        if any(contains_phrase(candidate, n) or contains_phrase(n, candidate)
               or nested(candidate, n) for n in [*names_of(fact), *out, *in_clause]):
            continue  # `لافروف` for `سيرجي لافروف`; `القوقاز` beside `جنوب القوقاز`
        if fact.kind == FactKind.ORGANIZATION and any(
                normalize(a) in taken for a in outlet_aliases(candidate)):
            continue  # `واس` beside `وكالة الأنباء السعودية`: one outlet twice among the options
        taken.add(key)
        out.append(candidate)
        if len(out) == count:
            break
    return out
