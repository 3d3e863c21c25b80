"""Places: countries (CLDR Arabic names + aliases), capitals and cities (curated, then GeoNames),
regions; unlisted places told by their neighbours are in studykit.extract.place_clues.

Matched on folded words, longest name first, with a clitic on the first word handled
(`وموسكو`, `بطهران`, `لروسيا`, `للعراق`). A country fact carries the nationality adjective
the text uses for it (`الإيرانية` → attrs adjective `ايراني`). A place word names what follows
(`محافظة الأنبار`); a site word (`معبر`, `ميناء`, `حقل`, `ممر`) a site (`معبر نصيب`). A capital
named like its country is told by العاصمة (`الجزائر العاصمة`); Amman from Oman by the shadda
(`عمّان`) or `العاصمة الأردنية` nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, compress, count
from operator import or_

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract import place_clues as C
from studykit.extract.byline import byline_outlets, byline_places
from studykit.extract.context import Context, Found, build_facts
from studykit.models import Fact, FactKind

_TANWEEN = re.compile("[\u064B-\u064D]")


def extract_places(ctx: Context) -> list[Fact]:
    """Place facts, one per canonical name; subkind city/country/region."""
    toks = ctx.tokens
    words = toks.words
    found: list[Found] = []
    adjectives: dict[str, str] = {}
    i = 0
    for at in _visits(ctx):
        if at < i:
            continue  # inside the place found last
        i = at
        # `مخيمات جنين وطولكرم ونور شمس`: a plural place word lists several names.
        plural = next((_HEADS[v] for v in L.strip_proclitics(words[i])
                       if v in _HEADS and v.endswith("ات")), None)
        if plural and ctx.joined(i, 2):
            found.extend(_listed_after(ctx, i + 2, plural))
        found.extend(C.dual(ctx, i))  # `حقلي الخفجي والوفرة`
        hit = match_place(ctx, i) or _named_by_head(ctx, i) or C.clue(ctx, i)
        if hit is None:
            nat = L.nationality(words[i])
            if nat:
                adjectives.setdefault(nat, _stem(words[i]))
            i += 1
            continue
        n, start, entry = hit
        if n < 0:  # a name after a place word: the mention is the name only
            i, n = i + 1, -n
        if entry.value in L.guarded_places() and not _cued(ctx, i, n, start):
            i += n  # `العيون` "eyes", not Laayoune, without a cue
            continue
        end = toks.end(i + n - 1)
        if _TANWEEN.search(ctx.surface(start, end)) or (
                n == 1 and i > 0 and _adjective_use(ctx, i)) or _masculine_noun(ctx, i, n, entry):
            i += n  # `هجومًا روسيًا`, `العاصمة السعودية`: adjectives, not the country
            continue
        if _club(ctx, i, n):
            i += n  # `مانشستر يونايتد`, `ريال مدريد`: a club, not the city (blind review)
            continue
        if entry.subkind == "country" and ctx.joined(i + n - 1, 2) and (
                toks[i + n].text == "العاصمه"):
            # `الجزائر العاصمة`, `الكويت العاصمة`: the capital named like its country.
            entry = L.PlaceEntry(f"{entry.value} العاصمة", "city", entry.value)
            end = toks[i + n].end
            n += 1
        elif entry.value == _OMAN and _amman(ctx, i, start, end):
            entry = _AMMAN
        attrs = {"country": entry.country} if entry.country else {}
        found.append(Found(entry.value, start, end, subkind=entry.subkind, attrs=attrs))
        i += n
    found.extend(_dateline(ctx, found))
    for item in found:
        if item.subkind == "country" and item.value in adjectives:
            item.attrs["adjective"] = adjectives[item.value]
    return build_facts(ctx, FactKind.PLACE, found)


# Words that make a city the name of a club (folded): before it (`ريال مدريد`, `بايرن
# ميونخ`) or after it (`مانشستر يونايتد`, `باريس سان جرمان`).
_CLUB_BEFORE = frozenset({"ريال", "اتلتيكو", "اتليتيكو", "بايرن", "بوروسيا", "اولمبيك", "انتر",
                          "سبورتنغ", "ديبورتيفو", "رايو", "باير", "شالكه", "اينتراخت"})
_CLUB_AFTER = frozenset({"يونايتد", "سيتي", "سان", "هوتسبير", "هوتسبر", "الفيس", "البيون"})


def _club(ctx: Context, i: int, n: int) -> bool:
    """Whether the place at tokens i..i+n-1 is part of a club's name."""
    toks = ctx.tokens
    words = toks.words

    def same_line(a: int) -> bool:  # a headline's last word is not part of the dateline
        return ctx.joined(a, 2) and "\n" not in ctx.folded[toks.end(a):toks.starts[a + 1]]

    before = i > 0 and same_line(i - 1) and any(
        v in _CLUB_BEFORE for v in L.strip_proclitics(words[i - 1]))
    after = i + n < len(words) and same_line(i + n - 1) and words[i + n] in _CLUB_AFTER
    return before or after


def _visits(ctx: Context) -> Iterator[int]:
    """The tokens the main loop must look at, in order: the others are inert words no clue
    word stands before, where it would find nothing. Decided per distinct word (news repeats
    its words) and picked out of the word column in C, not token by token."""
    words = ctx.tokens.words
    live = {w for w in ctx.vocabulary if not _inert(w)}
    cues = C.CUE_WORDS
    return compress(count(), map(or_, map(live.__contains__, words),
                                 chain((False,), map(cues.__contains__, words))))


def _inert(word: str) -> bool:
    """No place, place word, dual place word or nationality starts with this word: the main
    loop finds nothing at it unless a clue word stands before it (place_clues.clue)."""
    index = L.places_by_first()
    return not L.nationality(word) and not any(
        v in index or v in _HEADS or C.dual_word(v) for v in L.strip_proclitics(word))


def _dateline(ctx: Context, found: list[Found]) -> list[Found]:
    """The byline's place the gazetteer does not know (`زيوريخ ــ رويترز`): a city. Places
    inside the byline's outlet name (`«الشرق الأوسط أونلاين»`) are dropped from `found`."""
    outlets = byline_outlets(ctx)
    found[:] = [f for f in found if not any(s <= f.fstart and f.fend <= e for s, e in outlets)]
    taken = {(f.fstart, f.fend) for f in found}
    out = []
    for (start, end), known in byline_places(ctx):
        if not known and (start, end) not in taken:
            value = " ".join(ctx.surface(start, end).split())
            out.append(Found(value, start, end, subkind="city"))
    return out


_OMAN = "عُمان"
_AMMAN = L.PlaceEntry("عمّان", "city", "الأردن")
_SHADDA_M = re.compile("م\u0651")


def _amman(ctx: Context, i: int, start: int, end: int) -> bool:
    """`عمان` folds alike for Oman and Amman: a shadda on the mim (`عمّان`) or `العاصمة
    الأردنية` next to it means Amman; a damma (`عُمان`) or `سلطنة` before it means Oman."""
    surface = ctx.surface(start, end)
    if _SHADDA_M.search(surface):
        return True
    if "\u064f" in surface:
        return False
    toks = ctx.tokens
    near = " ".join(t.text for t in toks[max(0, i - 3):i + 4])
    return "الاردنيه" in near and "سلطنه" not in near


# Words before a guarded city that make it a place: `في العيون`, `بمدينة الداخلة`, `جهة العيون`.
_CUES = frozenset({"في", "الي", "مدينه", "بمدينه", "لمدينه", "جهه", "بجهه", "اقليم", "باقليم",
                   "عماله", "ولايه", "والي", "مطار", "بمطار", "ميناء", "بميناء"})


def _cued(ctx: Context, i: int, n: int, start: int) -> bool:
    """A guarded city is a place after ب/ل (`بالعيون`), a cue word, or next to another place
    (`تيزنيت العيون الداخلة`, `في الوكرة والريان`)."""
    toks = ctx.tokens
    if start > toks[i].start and toks[i].text[:1] in "بل":
        return True
    if i > 0 and not ctx.breaks[i] and (toks[i - 1].text in _CUES or (
            match_place(ctx, i - 1) is not None)):
        return True
    return ctx.joined(i + n - 1, 2) and match_place(ctx, i + n) is not None


def _adjective_use(ctx: Context, i: int) -> bool:
    """A country name that is also a nationality adjective (`السعودية`), right after a
    definite noun (`العاصمة السعودية`, `الحكومة السعودية`), is the adjective."""
    word = ctx.tokens.words[i]
    prev = ctx.tokens.words[i - 1]
    return (word.startswith("ال") and L.nationality(word) is not None and not ctx.breaks[i]
            and prev.startswith("ال") and not N.is_stop(prev) and (prev,) not in L.places())


def _masculine_noun(ctx: Context, i: int, n: int, entry: L.PlaceEntry) -> bool:
    """A one-word city followed by a masculine nisba adjective is a common noun: cities are
    feminine, so `الرباط الصليبي` (the cruciate ligament) is no Rabat."""
    toks = ctx.tokens
    if entry.subkind != "city" or n != 1 or not ctx.joined(i, 2):
        return False
    word = toks[i + 1].text
    return (word.startswith("ال") and word.endswith("ي") and len(word) >= 5
            and L.nationality(word) is None and not N.is_stop(word))


def match_place(ctx: Context, i: int) -> tuple[int, int, L.PlaceEntry] | None:
    """The place starting at token i: (words, folded start after a clitic, entry) or None."""
    words = ctx.tokens.words
    word = words[i]
    index = L.places_by_first()
    for variant in L.strip_proclitics(word):
        for rest, entry in index.get(variant, ()):
            if variant != word and entry.value.startswith("ال") and not (
                    variant.startswith("ال")):
                continue  # `ورقة` is not و + `رقة` (a spelling of الرقة): no clitic there
            n = len(rest) + 1
            if ctx.joined(i, n) and all(words[i + 1 + k] == w for k, w in enumerate(rest)):
                return n, ctx.tokens.end(i) - len(variant) if len(variant) < len(word) else (
                    ctx.tokens.starts[i]), entry
    return None


# `في مدينة نخجوان`, `محافظة إدلب`: a place word makes the unknown name after it a place.
_HEADS = {"مدينه": "city", "بلده": "city", "قريه": "city", "محافظه": "region",
          "ولايه": "region", "اقليم": "region", "منطقه": "region", "مقاطعه": "region",
          "جزيره": "region", "قضاء": "region", "مخيم": "city", "مخيمات": "city",
          "مدن": "city", "محافظات": "region", "مناطق": "region", "بلدات": "city",
          # Named sites: a border crossing, a port, a gas or oil field (`حقل ظهر`).
          "معبر": "site", "ميناء": "site", "حقل": "site", "ممر": "site"}
# Time nouns that also name sites: `حقل ظهر` (the Zohr field), not a particle there.
_TIME_NAMES = frozenset({"ظهر", "فجر"})


_DIRECTIONS = frozenset({"شرق", "غرب", "شمال", "جنوب", "وسط"})
# What follows `حقل`/`معبر`/`ميناء` without naming it: `حقل غاز`, `معبر حدودي`.
_NOT_SITES = frozenset({"غاز", "نفط", "بترول", "نفطي", "غازي", "حدودي", "بري", "بحري",
                        "جوي", "تجاري", "رييسي", "جديد", "اخر", "واحد"})


def _named_by_head(ctx: Context, i: int) -> tuple[int, int, L.PlaceEntry] | None:
    variants = L.strip_proclitics(ctx.tokens.words[i])
    if _HEADS.keys().isdisjoint(variants) or not ctx.joined(i, 2):
        return None
    toks = ctx.tokens
    kind = next((_HEADS[v] for v in variants if v in _HEADS), None)
    if kind is None:
        return None
    name = toks[i + 1]
    word = name.text
    head = next((v for v in variants if v in _KEEP_HEAD), None)
    if head is not None:
        return _with_head(ctx, i, head, kind)
    if word in _NOT_NAMES or word.endswith(("ها", "هم")):
        return None  # `مخيمات اللاجئين`, `مخيمات أكبرها`: no name after the place word
    if kind == "site":
        # A site takes only an indefinite proper name: `معبر نصيب`, not `حقل الغاز`.
        if word.startswith("ال") or word in _NOT_SITES or word in _DIRECTIONS or not (
                N.name_like(ctx, name)) or not (
                word in _TIME_NAMES or N.can_start(word)) or match_place(ctx, i + 1):
            return None
        last = i + 1
        while ctx.joined(last, 3) and toks[last + 1].text in L.connectors():
            last += 2  # `معبر كرم أبو سالم`
        return -(last - i), name.start, L.PlaceEntry(
            " ".join(ctx.surface(name.start, toks[last].end).split()), "site")
    if match_place(ctx, i + 1) is not None:
        return None  # a listed place after its place word: the main loop takes it next
    compound = _compound(ctx, i + 1)
    if compound is not None:
        return compound, name.start, L.PlaceEntry(" ".join(ctx.surface(
            name.start, toks[i - compound].end).split()), kind)
    bare = word[2:] if word.startswith("ال") else word
    # An indefinite head governs a definite name (`منطقة الصالحية`); an indefinite word in ـية
    # after it is its adjective (`منطقة حدودية`).
    nisba_name = (word.startswith("ال") and word.endswith("يه") and len(word) >= 6
                  and L.nationality(word) is None
                  and not L.strip_proclitics(toks[i].text)[-1].startswith("ال"))
    if ((word.endswith(("ه", "ي")) and not nisba_name) or bare in _DIRECTIONS
            or not N.can_start(bare) or not N.name_like(ctx, name)):
        return None
    value = ctx.surface(name.start, name.end)
    # The head stays outside the mention: the place is `نخجوان`, not `مدينة نخجوان`.
    return -1, name.start, L.PlaceEntry(value, kind)


# Crossings and camps keep their word in the name, as news and every gold set write them
# (`معبر رفح` beside the town `رفح`, `مخيم جباليا`); other heads stay outside (`نخجوان`).
_KEEP_HEAD = frozenset({"معبر", "مخيم"})
# Nouns after a camp word that name no place: `مخيمات اللاجئين`, `مخيم النازحين`.
_NOT_NAMES = frozenset({"اللاجيين", "النازحين", "الايواء", "اللجوء", "الاعتصام", "التدريب"})


def _with_head(ctx: Context, i: int, head: str, kind: str) -> tuple[int, int, L.PlaceEntry] | None:
    """`معبر رفح`, `بمعبر كرم أبو سالم`, `مخيم الشاطئ`: the name with its head word."""
    toks = ctx.tokens
    name = toks[i + 1]
    word = name.text
    bare = word[2:] if word.startswith("ال") else word
    known = match_place(ctx, i + 1)
    if known is not None:
        last = i + known[0]
    elif (word in _NOT_NAMES or word in _NOT_SITES or bare in _DIRECTIONS or len(bare) < 3
          or (kind == "site" and word.startswith("ال")) or not N.can_start(bare)
          or not N.name_like(ctx, name) or word.endswith(("ها", "هم"))):
        return None
    else:
        last = i + 1
        while ctx.joined(last, 3) and toks[last + 1].text in L.connectors():
            last += 2  # `معبر كرم أبو سالم`
    start = toks[i].end - len(head)
    value = " ".join(ctx.surface(start, toks[last].end).split())
    return last - i + 1, start, L.PlaceEntry(value, kind)


# First words of two-word place names: `ذي قار`, `أعالي النيل`, `بيت لاهيا`, `كفر قاسم`.
_COMPOUND_FIRST = frozenset({"ذي", "ذو", "اعالي", "ابو", "ام", "بني", "بير", "بئر", "راس",
                             "دير", "بيت", "كفر", "تل", "جبل", "وادي", "خان", "سيدي", "عين",
                             "شرم", "سوق", "حاسي", "برج", "جسر", "مرسي", "حمام"})


def _compound(ctx: Context, k: int) -> int | None:
    """-2 when tokens k, k+1 are a two-word place name after a place word, else None."""
    toks = ctx.tokens
    if toks[k].text not in _COMPOUND_FIRST or not ctx.joined(k, 2):
        return None
    second = toks[k + 1].text
    bare = second[2:] if second.startswith("ال") else second
    if len(bare) < 2 or N.is_stop(second) or not N.name_like(ctx, toks[k + 1]) or (
            second[:1] == "و") or bare.isdigit():
        return None
    return -2


def _listed_after(ctx: Context, k: int, subkind: str) -> list[Found]:
    """The و-joined names after the first one under a plural place word."""
    toks = ctx.tokens
    out: list[Found] = []
    while k < len(toks) and not ctx.breaks[k] and toks[k].text[:1] == "و":
        word = toks[k].text[1:]
        known = match_place(ctx, k)
        if known is not None:
            k += max(known[0], 1)  # a listed place: the main loop takes it
            continue
        if len(word) < 3 or word.endswith(("ه", "ي")) or not N.can_start(word):
            break
        end = k
        # a two-word name: `نور شمس` (the second word has no و and is not a known word)
        if (k + 1 < len(toks) and not ctx.breaks[k + 1] and toks[k + 1].text[:1] != "و"
                and N.can_start(toks[k + 1].text) and not N.is_stop(toks[k + 1].text)):
            end = k + 1
        start = toks[k].start + 1
        value = " ".join(ctx.surface(start, toks[end].end).split())
        out.append(Found(value, start, toks[end].end, subkind=subkind))
        k = end + 1
    return out


def _stem(word: str) -> str:
    stem = word[2:] if word.startswith("ال") else word
    return stem[:-1] if stem.endswith("يه") else stem
