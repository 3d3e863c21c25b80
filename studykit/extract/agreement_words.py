"""The words that name an agreement after its head: modifiers, a quoted name, a purpose
(`لمكافحة التصحر`), a field (`في مجال الطاقة`) or a topic (`بشأن الجفاف`).

Split from studykit.extract.agreements, which finds heads and groups mentions; everything here
reads forward from a head token and returns where the name ends.
"""

from __future__ import annotations

import re
from functools import cache

from studykit.arabic import normalize
from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.context import Context
from studykit.extract.datewords import _yaml
from studykit.extract.places import match_place

MAX_WORDS = 6


_QUOTED = re.compile(r"\s*[“”«\"]([^“”«»\"\n]{2,80})[“”»\"]")


def quoted_name(ctx: Context, k: int) -> tuple[int, int] | None:
    """Last token and end (closing quote included) of a quoted name right after the head:
    `مبادرة "الشرق الأوسط الأخضر"`."""
    toks = ctx.tokens
    match = _QUOTED.match(ctx.folded, toks[k].end)
    if match is None or len(match.group(1).split()) > MAX_WORDS:
        return None
    last = k
    while last + 1 < len(toks) and toks[last + 1].end <= match.end(1):
        last += 1
    return (last, match.end()) if last > k else None


def field_end(ctx: Context, last: int) -> int:
    """Past `في مجال الطاقة الخضراء`: the field a memorandum covers is part of its name."""
    toks = ctx.tokens
    k = last + 1
    if toks[last].text in ("الخاص", "الخاصه") and k < len(toks) and ctx.joined(last, 2):
        return _concerning_end(ctx, k, last)
    if k + 2 < len(toks) and toks[k].text == "في" and toks[k + 1].text in _FIELDS:
        end = k + 1
    elif k + 1 < len(toks) and toks[k].text in ("حول", "بشان", "بخصوص", "حيال"):
        end = k  # `مذكرة تفاهم حول الشراكة الاستراتيجية`
    else:
        return last
    if not ctx.joined(last, end - last + 2):
        return last
    nouns = _name_nouns()
    while end + 1 < len(toks) and end - k < 5 and not ctx.breaks[end + 1]:
        word = toks[end + 1].text
        if N.is_stop(word) or word in _SIGNED:
            break
        bare = word[1:] if word[:1] == "و" else word
        if (end == k + 1 and toks[k].text == "في" and not word.startswith("ال")
                and word[:1] != "و" and end + 2 < len(toks) and not ctx.breaks[end + 2]
                and toks[end + 2].text.startswith("ال")):
            end += 1  # a field in idafa: `في مجال مكافحة الإرهاب`
            continue
        # Definite words (`الشراكة الاستراتيجية`), a listed name noun even bare (`عدم
        # الاعتداء`), and a coordinated one (`عدم الاعتداء والتعاون`).
        if not (word.startswith("ال") or bare in nouns
                or (bare.startswith("ال") and bare[2:] in nouns and word != bare)):
            break
        end += 1
    if end > k + 1 or (end > k and toks[k].text != "في"):
        # A topic then a field: `حول الشراكة الاستراتيجية في مجال الطاقة`.
        return field_end(ctx, end)
    return last


# What a text covers after في: `في مجال الطاقة`, `في قطاع السياحة`, `في ميدان التعليم`.
_FIELDS = frozenset({"مجال", "مجالات", "مجالي", "قطاع", "قطاعات", "ميدان", "ميادين"})


@cache
def _name_nouns() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in _yaml("agreements.yaml")["name_nouns"])


def coordinated_noun(w: str, prev: str, nouns: frozenset[str]) -> bool:
    """`معاهدة الصداقة وحسن الجوار والتعاون`: و + a name noun (bare or definite) right after
    another name noun continues the name; after other words (`الاتفاق النووي والتعاون`) it
    opens a new phrase."""
    if w[:1] != "و" or len(w) < 4:
        return False
    bare, before = w[1:], prev[2:] if prev.startswith("ال") else prev
    noun = bare in nouns or (bare.startswith("ال") and bare[2:] in nouns)
    return noun and (before in nouns or prev in nouns)


def _concerning_end(ctx: Context, k: int, last: int) -> int:
    """`مذكرة التفاهم الخاصة بالخط فائق السرعة`: after الخاصة a ب-phrase says what the text
    is about; it runs over definite words and improper idafas (`فائق السرعة`)."""
    toks = ctx.tokens
    if not toks[k].text.startswith("بال") or N.is_stop(toks[k].text):
        return last
    end = k
    while end + 1 < len(toks) and end - k < 4 and not ctx.breaks[end + 1]:
        word = toks[end + 1].text
        if word.startswith("ال") and not N.is_stop(word) and word not in _SIGNED:
            end += 1
        elif (end + 2 < len(toks) and not ctx.breaks[end + 2] and not N.is_stop(word)
              and word[:1] != "و" and toks[end + 2].text.startswith("ال")
              and not N.is_stop(toks[end + 2].text)):
            end += 2  # an adjective governing a definite noun: `فائق السرعة`
        else:
            break
    return end


# Signed (`الموقعة`, `المبرم`) describes a text; it never continues a topic phrase.
_SIGNED = frozenset({"الموقعه", "الموقع", "المبرم", "المبرمه"})
# Definite cardinals that count a set of texts: `اتفاقيات التعاون التسع`.
_COUNTS = frozenset({"الثلاث", "الاربع", "الخمس", "الست", "السبع", "الثماني", "الثمان",
                     "التسع", "العشر", "الثلاثه", "الاربعه", "الخمسه", "السته", "السبعه",
                     "الثمانيه", "التسعه", "العشره"})


def purpose_at(ctx: Context, k: int, last: int) -> bool:
    """A ل-phrase (`لمواجهة الجفاف`) is among the words k+1..last."""
    toks = ctx.tokens
    # An adjective first (`دولية`, `وطنية`): `خطة لتطوير التعليم` alone is no name.
    return last - k >= 3 and toks[k + 1].text.endswith(("ي", "يه")) and any(
        t.text[:1] == "ل" and not t.text.startswith("لل") and len(t.text) >= 4
        for t in toks[k + 2:last + 1])


def purpose_end(ctx: Context, j: int) -> int | None:
    """Last token of `ل + verbal noun (+ up to two nouns) + definite noun` starting at j:
    `لتبادل الأسرى`, `لرفع صادرات الغاز`, `لمكافحة التصحر`; None if no such phrase."""
    toks = ctx.tokens
    w = toks[j].text
    # ل before a listed verb form is a verbal noun (`لدعم`), as ل never governs a past verb.
    if w[:1] != "ل" or w.startswith("لل") or len(w) < 4 or (
            N.is_stop(w) and w[1:] not in L.verbs()):
        return None
    m = j + 1
    while m < len(toks) and m - j <= 3 and not ctx.breaks[m]:
        word = toks[m].text
        if word.startswith("ال"):
            return m if not N.is_stop(word) else None
        if word[:1] == "و" and m == j + 1 and len(word) >= 5 and not N.is_stop(word):
            m += 1  # two verbal nouns: `لتشغيل وصيانة القطارات`
            continue
        if N.is_stop(word) or word[:1] == "و" or word.isdigit():
            return None
        if m > j and word[:1] == "ل" and not word.startswith("لل"):
            # a purpose inside the purpose: `لإحداث محطة لتحلية مياه البحر`
            inner = purpose_end(ctx, m)
            return None if inner is None else _located(ctx, inner)
        m += 1
    return None


def _located(ctx: Context, end: int) -> int:
    """`... مياه البحر بالداخلة`: a known place after ب ends a nested purpose."""
    toks = ctx.tokens
    k = end + 1
    if k < len(toks) and not ctx.breaks[k] and toks[k].text[:1] == "ب":
        hit = match_place(ctx, k)
        if hit is not None and hit[1] > toks[k].start:
            return k + hit[0] - 1
    return end


@cache
def _org_names() -> frozenset[tuple[str, ...]]:
    from studykit.extract.organizations import organization_names

    return organization_names()


def _after_org(ctx: Context, k: int, j: int) -> bool:
    """Tokens k+1..j-1 end with a listed organisation (`اتفاقية الأمم المتحدة ...`)."""
    words = tuple(t.text for t in ctx.tokens[k + 1:j])
    return any(words[-n:] in _org_names() for n in range(1, min(len(words), 6) + 1))


def _participle(w: str) -> bool:
    """A definite active participle (فاعل/فاعلة): `العابر`, `العابرة`."""
    stem = w[2:-1] if w.endswith("ه") else w[2:]
    return w.startswith("ال") and len(stem) == 4 and stem[1] == "ا"


def _wa_adjective(w: str, at: int) -> bool:
    """An adjective that starts with و right after the head (`مبادرة وطنية`, `مذكرة وزارية`),
    not the conjunction و."""
    return at == 1 and w.endswith(("يه", "ي")) and len(w) >= 5 and not w.startswith("وال")


def _participle_adjective(w: str, lex: dict[str, frozenset[str]]) -> bool:
    """An indefinite passive or active participle of a derived form (`موسع`, `مؤقت`,
    `مشترك`) describing the agreement, but not one that only comments on it (`مرتقب`,
    whose definite form closes names)."""
    return (w[:1] == "م" and 4 <= len(w) <= 6 and not N.is_stop(w)
            and "ال" + w not in lex["closers"] and "ال" + w + "ه" not in lex["closers"])


def _masdar(w: str) -> bool:
    """Verbal nouns of forms II and VI (`توريد`, `تعيين`, `تبادل`), not imperfect verbs."""
    return w[:1] == "ت" and len(w) == 5 and (w[3] == "ي" or w[2] == "ا")


def name_end(ctx: Context, k: int, lex: dict[str, frozenset[str]],
               head_definite: bool) -> tuple[int, bool]:
    """Last token of the name that starts before token k+1, and whether it names a place."""
    toks = ctx.tokens
    last, has_place = k, False
    # A definite name takes only definite words (`الاتفاق النووي`), so `هذه الاتفاقية أهمية`
    # stops at the head; an indefinite one may add indefinite words, then a definite tail.
    definite = head_definite
    j = k + 1
    while j < len(toks) and j - k <= MAX_WORDS and not ctx.gap_breaks(toks[j - 1], toks[j]):
        w = toks[j].text
        if w == "ال" and j + 2 < len(toks) and toks[j + 1].text.isdigit():
            last = j = j + 2  # `اتفاقية الـ 20 عامًا`
            j += 1
            definite = True
            continue
        if w in ("لعام", "عام") and j + 1 < len(toks) and toks[j + 1].text.isdigit():
            return j + 1, has_place
        noun = w in lex["name_nouns"]
        purpose = purpose_end(ctx, j) if j <= k + 2 and not definite else None
        if purpose is not None:
            # `صفقة لتبادل الأسرى`, `اتفاقية لرفع صادرات الغاز`, `مبادرة دولية لمواجهة
            # الجفاف`: ل + verbal noun + object
            definite = True
            last = j = purpose
            j += 1
            continue
        if w in _COUNTS and j > k + 1:
            return j, True  # a counted set names the texts: `اتفاقيات التعاون التسع`
        if (not definite and j == k + 2 and last == k + 1 and _participle_adjective(w, lex)):
            last = j  # `اتفاق هدنة موسع`, `اتفاق نووي مؤقت`
            j += 1
            continue
        if coordinated_noun(w, toks[j - 1].text, lex["name_nouns"]):
            last = j  # `معاهدة الصداقة وحسن الجوار والتعاون`
            j += 1
            continue
        conjunction = w[:1] == "و" and not noun and not _wa_adjective(w, j - k)
        if w in lex["closers"] or N.is_stop(w) or conjunction or w.isdigit():
            break
        prev = toks[j - 1].text
        if (w.startswith("لل") and len(w) > 4 and _participle(prev) and j > k + 1):
            last = j  # an active participle's complement: `أنبوب الغاز العابر للصحراء`
            j += 1
            continue
        if definite and _after_org(ctx, k, j):
            end = purpose_end(ctx, j)
            if end is not None:
                last = j = end  # `اتفاقية الأمم المتحدة لقانون البحار`
                j += 1
                continue
        spot = match_place(ctx, j) if w.startswith("ال") else None
        if spot is not None and spot[0] > 1 and j + spot[0] - 1 - k <= MAX_WORDS:
            # A place of several words: `مبادرة الشرق الأوسط الأخضر`.
            has_place, definite = True, True
            last = j = j + spot[0] - 1
            j += 1
            continue
        # A place names an agreement after its head: `اتفاقية أوسلو`, `اتفاق باريس`.
        place = j == k + 1 and (w,) in L.places()
        is_def = w.startswith("ال")
        purpose_noun = w.startswith("لل") and j == k + 1 and w[2:] in lex["name_nouns"]
        if definite and not is_def and not place and not purpose_noun:
            break  # (but `البرنامج التنفيذي للتعاون ...` takes its purpose)
        if w.startswith("لل") and j == k + 1 and (not definite or purpose_noun):
            # `اتفاقية للتعاون القضائي`: the purpose names an indefinite agreement
            definite = True
            last = j
            j += 1
            continue
        if w[:1] in "بلك" and not noun and not place:
            break  # a preposition: `اتفاقية قرض بقيمة ...`
        # The noun an indefinite head governs: `اتفاقية قرض`, `مذكرة تفاهم` (not a verb:
        # `اتفاق ينص`).
        governed = (j == k + 1 and not definite and not is_def and len(w) >= 3
                    and not (w[:1] in "يتن" and len(w) >= 4 and not _masdar(w))
                    and not N.is_stop(w))
        if not (is_def or place or noun or governed or w.endswith(("ي", "يه", "ه"))):
            break
        if place or L.nationality(w) is not None or (w,) in L.places():
            has_place = True
        definite = definite or is_def or place
        last = j
        j += 1
    return last, has_place



def signed_with(ctx: Context, k: int) -> tuple[int, str] | None:
    """`مذكرات التفاهم الموقعة مع الصين`: a definite head with no name of its own is named
    by whom it was signed with: the last token of that phrase and the country, else None."""
    toks = ctx.tokens
    if k + 3 >= len(toks) or not ctx.joined(k, 4) or toks[k + 1].text not in _SIGNED or (
            toks[k + 2].text != "مع"):
        return None
    place = match_place(ctx, k + 3)
    if place is None or place[0] < 1 or place[2].subkind != "country":
        return None
    return k + 2 + place[0], place[2].value
