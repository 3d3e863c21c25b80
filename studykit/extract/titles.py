"""Titles that introduce people in Arabic news, and the names written next to them.

`وزير الخارجية الإيراني حسين أمير عبد اللهيان` (title, then name), `الرئيس الإيراني، إبراهيم
رئيسي،` (an appositive between commas), `الدكتور مصطفى مدبولي رئيس مجلس الوزراء` (the name
first, Egyptian style), `رئيس وزراء اليابان`, `الأمين العام لحلف شمال الأطلسي` (idafa chains),
`السفير الروسي لدى الولايات المتحدة` (a posting).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract import title_words as P
from studykit.extract.context import Context
from studykit.extract.places import match_place

# Construct nouns inside a title, folded: `المتحدث باسم مجلس الأمن القومي`, `حلف شمال الأطلسي`.
_CONSTRUCT = frozenset({"باسم", "مجلس", "وزاره", "جهاز", "هييه", "لشوون", "شوون", "وفد",
                        "حكومه", "دوله", "منظمه", "حركه", "حزب", "قوات", "اداره", "مكتب",
                        "حلف", "جامعه", "صندوق", "بنك", "وكاله", "اتحاد", "لجنه", "موسسه",
                        "شركه", "جبهه", "تحالف", "رياسه", "جماعه", "مجمع", "مركز", "معهد",
                        "اتفاقيه", "برنامج", "مجموعه", "سلطه", "محكمه", "منتدي", "مطار",
                        "ميناء", "حقل", "معبر", "محطه", "مصفاه", "مصنع", "مشروع",
                        # groups a person leads: `رئيس فريق الوساطة`, `زعيم تيار`, `كتلة`
                        "فريق", "تيار", "كتله", "تكتل", "بعثه", "نادي", "منتخب", "لقاء"})
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
    # Only the tokens a title can start at are looked at; the next one at or after i is
    # found by bisection (i may step back: a name found before its title sends the reading
    # back to that title).
    heads = list(ctx.visits(_may_head))
    i = 0
    while (k := bisect_left(heads, i)) < len(heads):
        i = heads[k]
        head = _match_head(ctx, i)
        if head is None:
            i += 1
            continue
        end, rank = head
        title, after = _modifiers(ctx, i, end, rank)
        prev = titles[-1] if titles else None
        if prev is not None and rank != "counterpart" and _chains(ctx, prev, i):
            # `ولي العهد رئيس مجلس الوزراء`, `نائب رئيس الوزراء وزير الخارجية`: one person
            # holding both offices; the first title keeps its rank.
            title = Title(prev.start, title.end, prev.rank, prev.country or title.country)
            titles.pop()
            if found and (found[-1][1].start, found[-1][1].end) == (prev.start, prev.end):
                found[-1] = (found[-1][0], title)
                titles.append(title)
                i = title.end + 1
                continue
        titles.append(title)
        after_name = _name_after(ctx, title, after)
        name = None if after_name is None else (*after_name, toks[after_name[0]].start)
        if after_name is not None and title.start == title.end:
            appositive = _appositive(ctx, after_name[1])
            if appositive is not None:
                # `المستشار أحمد حافظ، المتحدث الرسمي باسم وزارة الخارجية`: the office after
                # the comma is the role; the word before the name was a form of address.
                titles.append(appositive)
                found.append((name, appositive))  # type: ignore[arg-type]
                i = appositive.end + 1
                continue
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


# Offices news names together with a second one held by the same person.
_CHAINING = frozenset({"crown_prince", "deputy_prime_minister", "vice_president"})


def _chains(ctx: Context, prev: Title, i: int) -> bool:
    """An indefinite title head right after a crown prince's or a deputy's title continues it
    (`ولي العهد رئيس مجلس الوزراء`, `نائب رئيس الوزراء وزير الخارجية`). After other titles
    the next one is another person, the verb's object: `استقبل وزير الدفاع رئيس الأركان`;
    after `الرئيس التركي` likewise."""
    toks = ctx.tokens
    return (prev.rank in _CHAINING and prev.end + 1 == i and prev.end > prev.start
            and not ctx.breaks[i]
            and not L.strip_proclitics(toks[prev.start].text)[-1].startswith("ال")
            and not toks[i].text.startswith("ال") and toks[i].text in L.titles_by_first())


def _appositive(ctx: Context, last: int) -> Title | None:
    """The title between commas right after a name ending at token `last`, or None."""
    toks = ctx.tokens
    k = last + 1
    if k >= len(toks) or ctx.gap(toks[last], toks[k]).strip() not in ("،", ","):
        return None
    head = _match_head(ctx, k)
    if head is None or _possessed().get(toks[k].text):
        return None
    title, _ = _modifiers(ctx, k, head[0], head[1])
    return title if title.end > title.start else None


@cache
def _possessed() -> dict[str, str]:
    """`رئيسها`, `وزيره`, `سفيرهم`: one-word heads with a possessive pronoun → rank."""
    out: dict[str, str] = {}
    for words, rank in L.titles():
        if len(words) == 1 and words[0] != "نظير":
            for suffix in ("ها", "ه", "هم"):
                out.setdefault(words[0] + suffix, rank)
    return out


def _may_head(word: str) -> bool:
    """_match_head finds nothing at a word that passes no test here."""
    firsts = L.titles_by_first()
    return word in _possessed() or any(v in firsts for v in L.strip_proclitics(word))


def _match_head(ctx: Context, i: int) -> tuple[int, str] | None:
    word = ctx.tokens.words[i]
    variants = L.strip_proclitics(word)
    firsts = L.titles_by_first()
    if not any(v in firsts for v in variants):
        return (i, _possessed()[word]) if word in _possessed() else None
    toks = ctx.tokens
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
            prev = toks[k - 1].text
            if (k - 1 == end or prev in _CONSTRUCT) and not toks[i].text.startswith("ال"):
                quoted = P.quoted_end(ctx, k)
                if quoted is not None:
                    k = quoted  # `رئيس حزب "القوات اللبنانية" سمير جعجع`: the body's name
                    continue
            after = P.gloss_end(ctx, k)
            if after is None:
                break
            k = after  # `باسم جماعة أنصار الله (الحوثيين) العميد ...`
            continue
        word = toks[k].text
        if rank == "mp" and k == end + 1 and word == "عن" and k + 1 < len(toks) and (
                not ctx.gap_breaks(toks[k], toks[k + 1])) and N.can_start(
                    L.strip_proclitics(toks[k + 1].text)[-1].removeprefix("ال")):
            # `النائب عن ائتلاف دولة القانون`, `النائبة عن التحالف الكوردستاني`: the bloc
            # an MP sits for is part of the title; its first word governs what follows.
            k += 2
            chained = seen_construct = True
            continue
        if word.startswith("ال") and ctx.surface(toks[k].start, toks[k].end)[:1] in "إأآ":
            break  # `الكاتب إلياس خوري`: a hamza (إلياس, إلهام), not the article ال
        nat = L.nationality(word)
        if rank == "counterpart" and nat is None and word not in L.sect_region():
            break  # `نظيره الجنوبي جون كونغ نيون`: a regional adjective, like a nationality
        prev = toks[k - 1].text
        after_construct = prev in _CONSTRUCT or prev[1:] in _CONSTRUCT
        construct = word in _CONSTRUCT or (word[:1] == "ل" and word[1:] in _CONSTRUCT)
        if word == "باسم" and seen_construct:
            construct = False  # `المتحدث باسم الحكومة باسم العوادي`: the name Basim
        # An idafa chain inside a title: `حكومة تصريف الأعمال`, `حزب الله`.
        idafa = after_construct and (word == "الله" or (
            k + 1 < len(toks) and toks[k + 1].text.startswith("ال") and not N.is_stop(word)
            and not ctx.gap_breaks(toks[k], toks[k + 1]) and N.can_start(word)))
        if (not word.startswith("ال") and k + 1 < len(toks) and toks[k + 1].text == "المستوي"
                and not ctx.gap_breaks(toks[k], toks[k + 1])):
            k += 2  # `الآلية الأفريقية رفيعة المستوى`: an adjective of level, not a name
            continue
        if P.new_title(ctx, i, end, k):
            break  # `استقبل الوزير السفير الفرنسي ...`: the ambassador's own title begins
        if P.body_before_comma(ctx, k):
            k += 1  # `الرئيس المدير العام لسوناطراك، توفيق حكار،`: the body ends the title
            continue
        if after_construct and P.body_name(ctx, k):
            k += 1  # `المدير العام لمجمع سوناطراك توفيق حكار`: the body's one-word name
            continue
        nisba = P.al_surname(word) and P.nisba_before_name(ctx, k)
        if P.al_surname(word) and not nisba:
            break  # `الرئيس السيسي`: the name itself, not part of the title
        if P.honorific_at(ctx, k):
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
    k = P.posted_to(ctx, k)
    if rank == "expert":
        k = P.affiliation(ctx, k)
    return Title(i, k - 1, rank, country), k


def _name_after(ctx: Context, title: Title, k: int) -> tuple[int, int] | None:
    toks = ctx.tokens
    if k >= len(toks) or k == 0:
        return None
    gap = ctx.gap(toks[k - 1], toks[k]).strip()
    if gap == ")" or (gap in ('"', "»", "”") and any(
            q in ctx.folded[toks[title.start].end:toks[title.end].start] for q in '"«“')):
        gap = ""  # the title ended with a bracketed gloss or a quoted body name
    if gap == "" and P.al_surname(toks[k].text):
        return k, k
    if gap == "":
        return N.read_name(ctx, k, nisba=title.country or True)
    if gap in ("،", ","):
        if _conjoined(toks[k].text):
            return None  # `عزيز أخنوش، وزير الفلاحة، وعزيز رباح، وزير ...`: the next person
        span = N.read_name(ctx, k, appositive=True)
        # The appositive form `الرئيس الإيراني، إبراهيم رئيسي،` closes with punctuation.
        if span and (span[1] + 1 >= len(toks) or ctx.gap_breaks(toks[span[1]], toks[span[1] + 1])):
            return span
    return None


def _conjoined(word: str) -> bool:
    """A name opened by و after a title and a comma starts the next item of a list; a given
    name spelled with و (`وليد`, `وائل`) does not."""
    from studykit.extract.given_names import given_names  # given_names imports this module

    return (word[:1] == "و" and len(word) >= 4 and (word,) not in given_names()
            and N.can_start(word[1:]) and not N.is_stop(word))


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
    if P.honorific_before(ctx, last) or ctx.tokens[last].text in L.connectors():
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
        if not N.can_continue(word, word) or word.startswith("ال") or P.honorific_before(
                ctx, first - 1) or plain >= 3:
            break
        first -= 1
        plain += 1
    if last - first < 1 or not all(N.name_like(ctx, t) for t in toks[first:last + 1]):
        return None
    if not all(N.can_continue(t.text, t.text) for t in toks[first + 1:last + 1]):
        return None  # `أبرزها زيارة الرئيس`: nouns before a title are not a name
    opener = first == 0 or ctx.breaks[first] or P.honorific_before(ctx, first - 1) or (
        N.is_stop(toks[first - 1].text))
    word = toks[first].text
    start = toks[first].start
    if word[:1] == "و" and N.can_start(word[1:]) and not N.is_stop(word):
        opener, start = True, start + 1
    elif not N.can_start(word):
        return None
    return (first, last, start) if opener else None
