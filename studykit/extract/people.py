"""People with their roles: title-anchored names, then every later mention merged.

Arabic news introduces a person by title: `وزير الخارجية الإيراني حسين أمير عبد اللهيان`,
`الرئيس الإيراني، إبراهيم رئيسي،`, `المتحدث باسم ...، جون كيربي،`, `نظيره الروسي سيرجي لافروف`.
Later the surname alone, a misspelling or another transliteration refers back; those are found
by name skeleton (names.skeleton) and merged into one fact with aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context, Found, build_facts
from studykit.models import Fact, FactKind, fact_id

# Construct nouns inside a title: `المتحدث باسم مجلس الأمن القومي`.
_CONSTRUCT = frozenset({"باسم", "مجلس", "وزاره", "جهاز", "هييه", "لشوون", "شوون", "وفد",
                        "حكومه", "دوله", "منظمه", "حركه", "حزب", "قوات", "اداره", "مكتب"})
_MAX_MODIFIERS = 8


@dataclass
class Title:
    start: int  # token numbers
    end: int
    rank: str
    country: str


@dataclass
class Person:
    # Mentions as (first token, last token, folded start after any clitic on the first word).
    forms: list[tuple[int, int, int]] = field(default_factory=list)
    titles: list[tuple[int, Title]] = field(default_factory=list)  # (mention token, title)
    names: set[tuple[str, ...]] = field(default_factory=set)  # distinct spellings seen


def extract_people(ctx: Context) -> list[Fact]:
    """Person facts: value the fullest spelling, role the title near the first full mention."""
    titled, all_titles = _titled_names(ctx)
    people: list[Person] = []
    for span, title in titled:
        person = _find(ctx, people, span)
        if person is None:
            person = Person()
            people.append(person)
        person.forms.append(span)
        person.titles.append((span[0], title))
        person.names.add(_key(ctx, span))
    _add_later_mentions(ctx, people)
    return _facts(ctx, people, all_titles)


def _titled_names(ctx: Context) -> tuple[list[tuple[tuple[int, int, int], Title]], list[Title]]:
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
            name = _name_before(ctx, title, found[-1][0][1] if found else -1)
        if name is not None:
            found.append((name, title))
            i = name[1] + 1
        else:
            i = title.end + 1
    return found, titles


def _match_head(ctx: Context, i: int) -> tuple[int, str] | None:
    toks = ctx.tokens
    for variant in L.strip_proclitics(toks[i].text):
        for words, rank in L.titles_by_first().get(variant, ()):
            n = len(words)
            if i + n > len(toks):
                continue
            if all(toks[i + k].text == words[k] and not ctx.gap_breaks(toks[i + k - 1], toks[i + k])
                   for k in range(1, n)):
                return i + n - 1, rank
    return None


def _modifiers(ctx: Context, i: int, end: int, rank: str) -> tuple[Title, int]:
    toks = ctx.tokens
    country = ""
    k = end + 1
    while k < len(toks) and k - end <= _MAX_MODIFIERS and not ctx.gap_breaks(toks[k - 1], toks[k]):
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
        if _al_surname(word) or (word,) in L.honorifics():
            break  # `الرئيس السيسي`: the name itself, not part of the title
        # A country after an indefinite head: `رئيس وزراء اليابان`, `أمير قطر`.
        place = L.places().get((word,)) if not toks[i].text.startswith("ال") else None
        if place is not None and place.subkind == "country":
            country = country or place.value
            k += 1
            continue
        # Coordinated portfolios: `وزير الشؤون الخارجية والتعاون الإفريقي`.
        coordinated = word.startswith("وال") and prev.startswith("ال") and k > end + 1
        if not (nat is not None or construct or idafa or coordinated
                or word.startswith(("لل", "بال"))
                or (word.startswith("ال") and not N.is_stop(word))):
            break
        if nat and not country:
            country = nat
        if rank == "minister" and word in L.ministries():
            rank = L.ministries()[word]
        k += 1
    k = _posted_to(ctx, k)
    return Title(i, k - 1, rank, country), k


def _al_surname(word: str) -> bool:
    """An ال-word that is a surname (`السيسي`, `الحوثي`), not a title's adjective."""
    return (word.startswith("ال") and word.endswith("ي") and len(word) >= 5
            and L.nationality(word) is None and word not in L.title_complements()
            and word not in L.ministries() and not N.is_stop(word))


def _posted_to(ctx: Context, k: int) -> int:
    """Past `لدى` + a place: `السفير الروسي لدى الولايات المتحدة` is one title."""
    toks = ctx.tokens
    if k >= len(toks) or toks[k].text != "لدي" or ctx.gap_breaks(toks[k - 1], toks[k]):
        return k
    for n in L.place_lengths():
        words = tuple(t.text for t in toks[k + 1:k + 1 + n])
        if len(words) == n and words in L.places():
            return k + 1 + n
    return k


def _name_after(ctx: Context, title: Title, k: int) -> tuple[int, int] | None:
    toks = ctx.tokens
    if k >= len(toks) or k == 0:
        return None
    gap = ctx.gap(toks[k - 1], toks[k]).strip()
    if gap == "" and _al_surname(toks[k].text):
        return k, k
    if gap == "" and toks[k].i == toks[k - 1].i + 1:
        return N.read_name(ctx, k)
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
    if last <= floor or ctx.breaks[title.start] and ctx.gap(toks[last], toks[title.start]
                                                            ).strip() not in ("،", ","):
        return None
    first = last
    while first - 1 > floor and last - first < 2 and not ctx.breaks[first]:
        word = toks[first - 1].text
        if word[:1] == "و" and N.can_start(word[1:]) and not N.is_stop(word):
            first -= 1  # `وسامح شكري وزير الخارجية`: the conjunction opens the name
            break
        if not N.can_continue(word, word) or word.startswith("ال") or _honorific_before(
                ctx, first - 1):
            break
        first -= 1
    if last - first < 1 or not all(N.name_like(ctx, t) for t in toks[first:last + 1]):
        return None
    opener = first == 0 or ctx.breaks[first] or _honorific_before(ctx, first - 1) or (
        N.is_stop(toks[first - 1].text))
    word = toks[first].text
    start = toks[first].start
    if word[:1] == "و" and N.can_start(word[1:]) and not N.is_stop(word):
        opener, start = True, start + 1
    elif not N.can_start(word):
        return None
    return (first, last, start) if opener else None


def _honorific_before(ctx: Context, k: int) -> bool:
    return k >= 0 and any(ctx.tokens[k].text == h[-1] for h in L.honorifics())


def _key(ctx: Context, span: tuple[int, int] | tuple[int, int, int]) -> tuple[str, ...]:
    if len(span) == 3:
        return tuple(ctx.folded[span[2]:ctx.tokens[span[1]].end].split())
    return N.words(ctx.tokens, span[0], span[1])


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    sa, sb = N.surname(a), N.surname(b)
    if len(sa) != len(sb) or not all(N.same_word(x, y) for x, y in zip(sa, sb, strict=True)):
        return False
    if len(a) > len(sa) and len(b) > len(sb):
        return N.same_word(a[0], b[0])
    return True


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
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        for variant in L.strip_proclitics(tok.text):
            hit = _match_at(ctx, i, variant, index, taken)
            if hit is not None:
                person, n = hit
                person.forms.append((i, i + n - 1, tok.end - len(variant)))
                taken.update(range(i, i + n))
                break


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
                    for _, t in p.titles[:1] if t.rank != "counterpart")
    facts: list[Fact] = []
    for person in people:
        facts.extend(_fact(ctx, person, all_titles, ranked))
    return facts


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
    rank, country = title.rank, title.country
    if rank == "counterpart":
        rank = _counterpart_rank(ctx, title, all_titles, ranked)
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
    return min(person.titles, key=lambda t: (t[1].rank == "counterpart", abs(t[0] - best[0])))[1]


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
