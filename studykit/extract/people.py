"""People with their roles: title-anchored names, then every later mention merged.

Arabic news introduces a person by title: `وزير الخارجية الإيراني حسين أمير عبد اللهيان`,
`الرئيس الإيراني، إبراهيم رئيسي،`, `المتحدث باسم ...، جون كيربي،`, `نظيره الروسي سيرجي لافروف`.
Later the surname alone, a misspelling or another transliteration refers back; those are found
by name skeleton (names.skeleton) and merged into one fact with aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studykit.arabic import normalize
from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.extract.datewords import month_words
from studykit.extract.given_names import given_name_people
from studykit.extract.honorifics import honorific_names
from studykit.extract.person_evidence import (
    HeldBack,
    Span,
    closed_class,
    combine,
    function_words,
    is_name_word,
)
from studykit.extract.titles import Title, titled_names
from studykit.models import Fact, FactKind, fact_id


@dataclass
class Person:
    # Mentions as (first token, last token, folded start after any clitic on the first word).
    forms: list[tuple[int, int, int]] = field(default_factory=list)
    titles: list[tuple[int, Title]] = field(default_factory=list)  # (mention token, title)
    names: set[tuple[str, ...]] = field(default_factory=set)  # distinct spellings seen


def _candidates(ctx: Context) -> tuple[list[tuple[Span, Title]], list[HeldBack], list[Title]]:
    titled, all_titles = titled_names(ctx)
    titled = titled + honorific_names(ctx, titled, all_titles)
    covered = {t for f, _ in titled for t in range(f[0], f[1] + 1)}
    covered.update(t for title in all_titles for t in range(title.start, title.end + 1))
    # Titled people first, in text order; names with no title after them, so that the
    # order of titled facts does not depend on a bare mention earlier in the text.
    titled = sorted(titled, key=lambda t: t[0][0]) + given_name_people(ctx, covered)
    kept, held = combine(ctx, titled)
    return kept, held, all_titles


def held_back_people(ctx: Context) -> list[tuple[str, str]]:
    """The person candidates the extractor did not keep, as (text, reason), in text order:
    for a reviewer curious what was left out (`studykit extract --held-back`)."""
    held = sorted(_candidates(ctx)[1], key=lambda h: h.start)
    out = []
    for h in held:
        start, end = ctx.orig(h.start, h.end)
        out.append((" ".join(ctx.text[start:end].split()), h.reason))
    return list(dict.fromkeys(out))


def extract_people(ctx: Context) -> list[Fact]:
    """Person facts: value the fullest spelling, role the title near the first full mention."""
    titled, _, all_titles = _candidates(ctx)
    people: list[Person] = []
    for span, title in titled:
        person = _find(ctx, people, span)
        if person is None:
            person = Person()
            people.append(person)
        person.forms.append(span)
        person.titles.append((span[0], title))
        person.names.add(_key(ctx, span))
        nickname = _nickname(ctx, span[1])
        if nickname is not None:
            person.forms.append(nickname)
    _add_later_mentions(ctx, people)
    return _facts(ctx, people, all_titles)


_NICKNAME = re.compile(r"\s*\(\s*([\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)\s*\)")


def _nickname(ctx: Context, last: int) -> tuple[int, int, int] | None:
    """`محمد حمدان دقلو (حميدتي)`: a name in brackets right after a name is the same person."""
    toks = ctx.tokens
    match = _NICKNAME.match(ctx.folded, toks[last].end)
    if match is None or not N.can_start(match.group(1).split()[0]):
        return None
    first = ctx.token_starting(match.start(1))
    if first is None:
        return None
    end = first + len(match.group(1).split()) - 1
    return first, end, toks[first].start


def _key(ctx: Context, span: tuple[int, int] | tuple[int, int, int]) -> tuple[str, ...]:
    if len(span) == 3:
        return tuple(ctx.folded[span[2]:ctx.tokens.end(span[1])].split())
    return N.words(ctx.tokens, span[0], span[1])


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and long[:len(short)] == short and sum(
            w not in L.connectors() for w in short) >= 2:
        return True  # `الشيخ صباح الخالد` after `صباح الخالد الحمد الصباح`: the first names
    sa, sb = N.surname(a), N.surname(b)
    if len(sa) != len(sb) or not all(N.same_word(x, y) for x, y in zip(sa, sb, strict=True)):
        return False
    ga, gb = a[:len(a) - len(sa)], b[:len(b) - len(sb)]
    if len(ga) >= 2 and len(gb) >= 2:
        # Gulf names share the family name: `صباح الأحمد الجابر الصباح` and `صباح الخالد
        # الحمد الصباح` are two men, told apart by the father's name (past بن: `حمد بن
        # خليفة آل ثاني` is not `حمد بن جاسم بن جبر آل ثاني`).
        pa, pb = _plain(ga), _plain(gb)
        if len(pa) >= 2 and len(pb) >= 2:
            return N.same_word(pa[0], pb[0]) and N.same_word(pa[1], pb[1])
        return N.same_word(a[0], b[0]) and N.same_word(a[1], b[1])
    if ga and gb:
        return N.same_word(a[0], b[0])
    return True


def _plain(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in L.connectors())


def _find(ctx: Context, people: list[Person], span: tuple[int, int, int]) -> Person | None:
    name = _key(ctx, span)
    for person in people:
        if name in person.names or any(_same_person(name, known) for known in person.names):
            return person
    return None


def _add_later_mentions(ctx: Context, people: list[Person]) -> None:
    """One pass over the tokens: full names, first name + surname, surname alone."""
    toks = ctx.tokens
    index: dict[str, list[tuple[Person, tuple[str, ...]]]] = {}
    for person in people:
        known = {_key(ctx, f) for f in person.forms}
        full = max(known, key=len)
        patterns = {full, N.surname(full), (full[0], *N.surname(full))} | known
        for pattern in patterns:
            for k in {pattern[0], N.skeleton_of(pattern[0])}:
                index.setdefault(k, []).append((person, pattern))
    for entries in index.values():
        entries.sort(key=lambda e: len(e[1]), reverse=True)
    taken = {t for p in people for f in p.forms for t in range(f[0], f[1] + 1)}
    # Per distinct word: could any of its variants open a known name? Most words cannot,
    # and the text repeats its words, so the answer is worked out once a word.
    hopeful: dict[str, bool] = {}
    for i, word in enumerate(toks.words):
        if i in taken:
            continue
        maybe = hopeful.get(word)
        if maybe is None:
            maybe = hopeful[word] = any(v in index or N.skeleton_of(v) in index
                                        for v in L.strip_proclitics(word))
        if not maybe:
            continue
        for variant in L.strip_proclitics(word):
            hit = _match_at(ctx, i, variant, index, taken)
            if hit is not None and hit[1] == 1 and _lone_word_doubt(ctx, i, variant):
                hit = None
            if hit is not None:
                person, n = hit
                person.forms.append((i, i + n - 1, toks.end(i) - len(variant)))
                taken.update(range(i, i + n))
                break


def _lone_word_doubt(ctx: Context, i: int, word: str) -> bool:
    """A surname alone is a later mention only when it is no common word (`على` folds like the
    surname `علي`; `رمضان` is a month) and no other name's first word stands before it (`نور
    الدين` is not `ماجد بهاء الدين`)."""
    if word in function_words() or word in L.stopwords() or word in month_words():
        return True
    if i > 0 and not ctx.breaks[i]:
        before = ctx.tokens[i - 1].text
        return is_name_word(before) and not closed_class(before)
    return False


def _match_at(ctx: Context, i: int, first: str,
              index: dict[str, list[tuple[Person, tuple[str, ...]]]],
              taken: set[int]) -> tuple[Person, int] | None:
    toks = ctx.tokens
    candidates = index.get(first, []) + index.get(N.skeleton_of(first), [])
    for person, pattern in sorted(candidates, key=lambda e: len(e[1]), reverse=True):
        n = len(pattern)
        if i + n > len(toks) or not N.same_word(first, pattern[0]):
            continue
        if any(t in taken for t in range(i + 1, i + n)):
            continue
        if all(N.same_word(toks[i + k].text, pattern[k])
               and not ctx.gap_breaks(toks[i + k - 1], toks[i + k]) for k in range(1, n)):
            return person, n
    return None


def _facts(ctx: Context, people: list[Person], all_titles: list[Title]) -> list[Fact]:
    # Who holds which rank, by mention: `بوريطة ... استقبل نظيره الموريتاني` makes the
    # counterpart a foreign minister too.
    ranked = sorted((f[0], t.rank) for p in people for f in p.forms
                    for _, t in p.titles[:1]
                    if t.rank not in ("counterpart", "honorific", "given"))
    facts: list[Fact] = []
    for person in people:
        facts.extend(_fact(ctx, person, all_titles, ranked))
    return facts


# Honorifics that are a degree or a form of address, not a rank (folded).
_ADDRESS = frozenset({"الدكتور", "الدكتوره", "المهندس", "المهندسه", "السيد", "السيده"})


def _fact(ctx: Context, person: Person, all_titles: list[Title],
          ranked: list[tuple[int, str]]) -> list[Fact]:
    toks = ctx.tokens
    forms = sorted(person.forms)
    freq: dict[str, int] = {}
    for f in forms:
        for w in _key(ctx, f):
            freq[w] = freq.get(w, 0) + 1
    best = max(forms, key=lambda f: (len(_key(ctx, f)), sum(freq[w] for w in _key(ctx, f)),
                                     -f[0]))
    value = " ".join(ctx.surface(best[2], toks[best[1]].end).split())
    title = _role_title(person, best)
    role = " ".join(ctx.surface(toks[title.start].start, toks[title.end].end).split())
    role = _strip_clitic_text(role, ctx, title.start)
    if role.count("(") > role.count(")"):
        role += ")"  # a title ending in a bracketed gloss: `... أنصار الله (الحوثيين)`
    rank, country = title.rank, title.country
    if rank == "given":
        role, rank = "", ""  # a bare name: `أكد أيمن الصاوي` says nothing of the role
    if rank == "counterpart":
        rank = _counterpart_rank(ctx, title, all_titles, ranked)
    if rank == "honorific":
        rank = ""  # `الأمير فيصل بن فرحان` with no title: the honorific is the role, no rank
        if normalize(role) in _ADDRESS:
            # `الدكتور عادل العفالق`: a degree or a form of address is not a post, and
            # «ما منصب ...؟ — الدكتور» was a wrong key (blind review). No role rather than that.
            role = ""
    attrs = {k: v for k, v in (("rank", rank), ("country", country)) if v}
    found = [Found(value, f[2], toks[f[1]].end, role=role, attrs=attrs) for f in forms]
    facts = build_facts(ctx, FactKind.PERSON, found)
    fact = facts[0]
    aliases = tuple(a for a in (fact.text, *fact.aliases) if a != value)
    return [fact.model_copy(update={"id": fact_id(FactKind.PERSON, value), "text": value,
                                    "aliases": aliases})]


def _strip_clitic_text(role: str, ctx: Context, start_tok: int) -> str:
    word = ctx.tokens[start_tok].text
    for variant in L.strip_proclitics(word)[1:]:
        if any(variant == t[0] for t, _ in L.titles()):
            return role[len(word) - len(variant):]
    return role


def _role_title(person: Person, best: tuple[int, int, int]) -> Title:
    """A specific title beats `نظيره`; among equals, the one nearest the fullest mention."""
    return min(person.titles, key=lambda t: (t[1].rank == "given",
                                             t[1].rank in ("counterpart", "honorific"),
                                             abs(t[0] - best[0])))[1]


def _counterpart_rank(ctx: Context, title: Title, all_titles: list[Title],
                      ranked: list[tuple[int, str]]) -> str:
    """`نظيره الروسي` has the rank of the title, or of the ranked person, it answers earlier
    in the sentence."""
    toks = ctx.tokens
    here = ctx.sentence_of(ctx.orig(toks[title.start].start, toks[title.start].end)[0])
    candidates = [(t.start, t.rank) for t in all_titles if t.rank != "counterpart"] + ranked
    for start, rank in sorted(candidates, reverse=True):
        if start >= title.start:
            continue
        if ctx.sentence_of(ctx.orig(toks[start].start, toks[start].end)[0]) != here:
            break
        return rank
    return "counterpart"
