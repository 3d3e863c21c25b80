"""Titles that introduce people in Arabic news, and the names written next to them.

`وزير الخارجية الإيراني حسين أمير عبد اللهيان` (title, then name), `الرئيس الإيراني، إبراهيم
رئيسي،` (an appositive between commas), `الدكتور مصطفى مدبولي رئيس مجلس الوزراء` (the name
first, Egyptian style), `رئيس وزراء اليابان`, `الأمين العام لحلف شمال الأطلسي` (idafa chains),
`السفير الروسي لدى الولايات المتحدة` (a posting).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context
from studykit.extract.places import match_place

# Construct nouns inside a title, folded: `المتحدث باسم مجلس الأمن القومي`, `حلف شمال الأطلسي`.
_CONSTRUCT = frozenset({"باسم", "مجلس", "وزاره", "جهاز", "هييه", "لشوون", "شوون", "وفد",
                        "حكومه", "دوله", "منظمه", "حركه", "حزب", "قوات", "اداره", "مكتب",
                        "حلف", "جامعه", "صندوق", "بنك", "وكاله", "اتحاد", "لجنه", "موسسه",
                        "شركه", "جبهه", "تحالف", "رياسه", "جماعه", "مجمع", "مركز", "معهد",
                        "اتفاقيه", "برنامج", "مجموعه", "سلطه", "محكمه", "منتدي"})
_MAX_MODIFIERS = 8
# What a president presides over: `رئيس الجمهورية`, `رئيس الدولة`.
_STATE = frozenset({"الجمهوريه", "الدوله", "البلاد", "السلطه"})


@dataclass
class Title:
    """A title found in the text: token span, rank (`foreign_minister`...), country if named."""

    start: int  # token numbers
    end: int
    rank: str
    country: str


def titled_names(ctx: Context) -> tuple[list[tuple[tuple[int, int, int], Title]], list[Title]]:
    """Names next to a title: (first token, last token, folded start) with the title."""
    toks = ctx.tokens
    found: list[tuple[tuple[int, int, int], Title]] = []
    titles: list[Title] = []
    i = 0
    while i < len(toks):
        head = _match_head(ctx, i)
        if head is None:
            i += 1
            continue
        end, rank = head
        title, after = _modifiers(ctx, i, end, rank)
        titles.append(title)
        after_name = _name_after(ctx, title, after)
        name = None if after_name is None else (*after_name, toks[after_name[0]].start)
        if name is None:
            floor = max(found[-1][0][1] if found else -1,
                        titles[-2].end if len(titles) > 1 else -1)
            name = _name_before(ctx, title, floor)
        if name is not None:
            found.append((name, title))
            i = name[1] + 1
        else:
            i = title.end + 1
    return found, titles


@cache
def _possessed() -> dict[str, str]:
    """`رئيسها`, `وزيره`, `سفيرهم`: one-word heads with a possessive pronoun → rank."""
    out: dict[str, str] = {}
    for words, rank in L.titles():
        if len(words) == 1 and words[0] != "نظير":
            for suffix in ("ها", "ه", "هم"):
                out.setdefault(words[0] + suffix, rank)
    return out


def _match_head(ctx: Context, i: int) -> tuple[int, str] | None:
    toks = ctx.tokens
    variants = L.strip_proclitics(toks[i].text)
    firsts = L.titles_by_first()
    if not any(v in firsts for v in variants):
        return (i, _possessed()[toks[i].text]) if toks[i].text in _possessed() else None
    for variant in variants:
        for words, rank in L.titles_by_first().get(variant, ()):
            n = len(words)
            if i + n > len(toks):
                continue
            if all(toks[i + k].text == words[k] and not ctx.gap_breaks(toks[i + k - 1], toks[i + k])
                   for k in range(1, n)):
                return i + n - 1, rank
    # `رئيسها فاروق بوعسكر`, `وزيرها`: a one-word head with a possessive pronoun.
    word = toks[i].text
    return (i, _possessed()[word]) if word in _possessed() else None


def _modifiers(ctx: Context, i: int, end: int, rank: str) -> tuple[Title, int]:
    toks = ctx.tokens
    country = ""
    closed = end > i and toks[end].text.startswith("ال")
    chained = False  # the previous word was the governed noun of an idafa: `حلف شمال`
    seen_construct = False  # the title names a body: `الأمين التنفيذي لاتفاقية ...`
    k = end + 1
    while k < len(toks) and k - end <= _MAX_MODIFIERS:
        if ctx.gap_breaks(toks[k - 1], toks[k]):
            after = _gloss_end(ctx, k)
            if after is None:
                break
            k = after  # `باسم جماعة أنصار الله (الحوثيين) العميد ...`
            continue
        word = toks[k].text
        nat = L.nationality(word)
        if rank == "counterpart" and nat is None:
            break
        prev = toks[k - 1].text
        after_construct = prev in _CONSTRUCT or prev[1:] in _CONSTRUCT
        construct = word in _CONSTRUCT or (word[:1] == "ل" and word[1:] in _CONSTRUCT)
        # An idafa chain inside a title: `حكومة تصريف الأعمال`, `حزب الله`.
        idafa = after_construct and (word == "الله" or (
            k + 1 < len(toks) and toks[k + 1].text.startswith("ال") and not N.is_stop(word)
            and not ctx.gap_breaks(toks[k], toks[k + 1]) and N.can_start(word)))
        if _new_title(ctx, i, end, k):
            break  # `استقبل الوزير السفير الفرنسي ...`: the ambassador's own title begins
        if after_construct and prev[:1] == "ل" and _body_name(ctx, k):
            k += 1  # `المدير العام لمجمع سوناطراك توفيق حكار`: the body's one-word name
            continue
        nisba = _al_surname(word) and _nisba_before_name(ctx, k)
        if _al_surname(word) and not nisba:
            break  # `الرئيس السيسي`: the name itself, not part of the title
        if _honorific_at(ctx, k):
            break
        # A country after an indefinite head: `رئيس وزراء اليابان`, `أمير قطر`.
        place = match_place(ctx, k) if not toks[i].text.startswith("ال") else None
        if place is not None and place[2].subkind == "country":
            country = country or place[2].value
            k += place[0]
            continue
        # Coordinated portfolios: `وزير الشؤون الخارجية والتعاون الإفريقي`.
        coordinated = (word.startswith("وال") or word[1:] in _CONSTRUCT) and word[:1] == "و" and (
            prev.startswith(("ال", "وال")))
        # `لمكافحة التصحر` inside a body's name: a ل-noun governing a definite noun.
        purpose = (seen_construct and word[:1] == "ل" and len(word) >= 4 and not N.is_stop(word)
                   and k + 1 < len(toks) and toks[k + 1].text.startswith("ال")
                   and not ctx.gap_breaks(toks[k], toks[k + 1]))
        if prev == "المنتهيه" and word.startswith("ولايت"):
            coordinated = True  # `الرئيس المنتهية ولايته`: the outgoing president
        # A head that ends in its own complement (`ولي العهد`, `رئيس الوزراء`) takes no further
        # bare definite word: `ولي العهد المجلس` is the crown prince and his object.
        bare_ok = (not closed or after_construct or chained or nat is not None or nisba
                   or prev.startswith(("لل", "بال")))
        if not (nat is not None or construct or idafa or coordinated or purpose
                or word.startswith(("لل", "بال"))
                or (word.startswith("ال") and not N.is_stop(word) and bare_ok)
                or word in L.title_complements()):
            break
        # The genitive of a body takes its adjectives: `لاتفاقية الأمم المتحدة`.
        chained = idafa or purpose or (after_construct and word.startswith("ال"))
        seen_construct = seen_construct or construct or purpose
        if nat and not country:
            country = nat
        if rank == "minister" and word in L.ministries():
            rank = L.ministries()[word]
        if (rank == "president" and k == end + 1 and i == end and nat is None
                and not toks[i].text.startswith("ال") and word not in _STATE
                and word not in L.title_complements()):
            rank = "head"  # `رئيس الموساد`, `رئيس الهيئة`: heads an body, not a state
        k += 1
    k = _posted_to(ctx, k)
    if rank == "expert":
        k = _affiliation(ctx, k)
    return Title(i, k - 1, rank, country), k


def _new_title(ctx: Context, i: int, end: int, k: int) -> bool:
    """A one-word definite title followed by another definite title head: two people, as in
    `استقبل الوزير السفير الفرنسي`; `الرئيس المدير العام` is listed as one head."""
    toks = ctx.tokens
    word = toks[k].text
    return (i == end and k == end + 1 and toks[i].text.startswith("ال")
            and word.startswith("ال") and word in L.titles_by_first())


def _body_name(ctx: Context, k: int) -> bool:
    """Token k is the one-word name of a body (`لشركة إيني`) when a name of two or more words
    follows it: `الرئيس التنفيذي لشركة إيني كلاوديو ديسكالزي`."""
    toks = ctx.tokens
    word = toks[k].text
    if (word.startswith("ال") or not N.can_start(word) or k + 1 >= len(toks)
            or ctx.gap_breaks(toks[k], toks[k + 1]) or not N.name_like(ctx, toks[k])):
        return False
    span = N.read_name(ctx, k + 1, nisba=True)
    return span is not None and span[1] > span[0] and span[0] == k + 1


def _nisba_before_name(ctx: Context, k: int) -> bool:
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


def _gloss_end(ctx: Context, k: int) -> int | None:
    """Token after a short bracketed gloss that opens before token k, or None."""
    toks = ctx.tokens
    if ctx.gap(toks[k - 1], toks[k]).strip() != "(":
        return None
    for j in range(k, min(k + 4, len(toks) - 1)):
        if ctx.breaks[j + 1]:
            return j + 1 if ctx.gap(toks[j], toks[j + 1]).strip() == ")" else None
    return None


def _affiliation(ctx: Context, k: int) -> int:
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


def _al_surname(word: str) -> bool:
    """An ال-word that is a surname (`السيسي`, `الحوثي`), not a title's adjective."""
    return (word.startswith("ال") and word.endswith("ي") and len(word) >= 5
            and L.nationality(word) is None and word not in L.title_complements()
            and word not in L.ministries() and not N.is_stop(word))


def _posted_to(ctx: Context, k: int) -> int:
    """Past `لدى`/`إلى`/`في` + a place when a name follows: `السفير الروسي لدى الولايات
    المتحدة`, `المبعوث الأممي إلى السودان` are one title."""
    toks = ctx.tokens
    if k + 2 >= len(toks) or toks[k].text not in ("لدي", "الي", "في") or ctx.breaks[k]:
        return k
    place = match_place(ctx, k + 1)
    if place is None or place[0] < 0:
        return k
    after = k + 1 + place[0]
    if toks[k].text == "لدي" or (after < len(toks) and not ctx.breaks[after]
                                 and N.can_start(toks[after].text)):
        return after
    return k


def _name_after(ctx: Context, title: Title, k: int) -> tuple[int, int] | None:
    toks = ctx.tokens
    if k >= len(toks) or k == 0:
        return None
    gap = ctx.gap(toks[k - 1], toks[k]).strip()
    if gap == ")":
        gap = ""  # the title ended with a bracketed gloss
    if gap == "" and _al_surname(toks[k].text):
        return k, k
    if gap == "":
        return N.read_name(ctx, k, nisba=title.country or True)
    if gap in ("،", ","):
        span = N.read_name(ctx, k, appositive=True)
        # The appositive form `الرئيس الإيراني، إبراهيم رئيسي،` closes with punctuation.
        if span and (span[1] + 1 >= len(toks) or ctx.gap_breaks(toks[span[1]], toks[span[1] + 1])):
            return span
    return None


def _name_before(ctx: Context, title: Title, floor: int) -> tuple[int, int, int] | None:
    """A name written before its title, Egyptian style: `الدكتور مصطفى مدبولي رئيس مجلس
    الوزراء`, `وسامح شكري وزير الخارجية`. Two or three words, opened by an honorific, a
    conjunction, punctuation or a verb."""
    toks = ctx.tokens
    last = title.start - 1
    if title.end == title.start:
        return None  # a bare `رئيسة` after a noun is the adjective "main": `أطرافًا رئيسة`
    if last <= floor or (ctx.breaks[title.start] and ctx.gap(toks[last], toks[title.start]
                                                            ).strip() not in ("،", ",")):
        return None
    if _honorific_before(ctx, last) or ctx.tokens[last].text in L.connectors():
        return None
    first = last
    plain = 1  # name words read so far, connectors aside
    while first - 1 > floor and last - first < N.MAX_NAME + 2 and not ctx.breaks[first]:
        word = toks[first - 1].text
        if word[:1] == "و" and N.can_start(word[1:]) and not N.is_stop(word):
            first -= 1  # `وسامح شكري وزير الخارجية`: the conjunction opens the name
            break
        if word in L.connectors() or (first - 2 >= 0 and toks[first - 2].text in L.connectors()):
            first -= 1  # inside `محمد بن سلمان بن عبدالعزيز آل سعود`
            continue
        if not N.can_continue(word, word) or word.startswith("ال") or _honorific_before(
                ctx, first - 1) or plain >= 3:
            break
        first -= 1
        plain += 1
    if last - first < 1 or not all(N.name_like(ctx, t) for t in toks[first:last + 1]):
        return None
    if not all(N.can_continue(t.text, t.text) for t in toks[first + 1:last + 1]):
        return None  # `أبرزها زيارة الرئيس`: nouns before a title are not a name
    opener = first == 0 or ctx.breaks[first] or _honorific_before(ctx, first - 1) or (
        N.is_stop(toks[first - 1].text))
    word = toks[first].text
    start = toks[first].start
    if word[:1] == "و" and N.can_start(word[1:]) and not N.is_stop(word):
        opener, start = True, start + 1
    elif not N.can_start(word):
        return None
    return (first, last, start) if opener else None


def _honorific_at(ctx: Context, k: int) -> bool:
    """An honorific (`الشيخ`, `الفريق أول`) starts at token k."""
    words = tuple(t.text for t in ctx.tokens[k:k + 3])
    return any(words[:len(h)] == h for h in L.honorifics())


def _honorific_before(ctx: Context, k: int) -> bool:
    return k >= 0 and any(ctx.tokens[k].text == h[-1] for h in L.honorifics())
