"""Name boundaries and name keys for people.

A name after a title runs until a verb, a preposition, a time word, a nationality adjective or
punctuation. Foreign names come in several spellings (سيرجي/سيرغي) and sources misspell them
(عبد الليهان for عبد اللهيان): `skeleton` keeps the consonants and merges letters
transliterations swap, so spellings of one name share a key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from studykit.extract import lexicon as L
from studykit.extract.context import Context, Token, Tokens

_SWAP = str.maketrans({"غ": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز",
                       "ث": "س", "ة": "ه", "ى": "ي", "گ": "ج", "پ": "ب", "ڤ": "ف"})
_VOWELS = re.compile(r"[اويءئؤ]")
_PRONOUN_END = re.compile(r"(?:ته|تها|تهم|هما|هم|ها|كم|نا)$")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
# Verbal nouns of derived forms, the usual object after `أعلن X ...`: استهداف، اجتماع، افتتاح,
# also with a possessive (`اعتزاله`, `انسحابها`).
_MASDAR = re.compile(r"^(?:است\w{3,}|ا\w[تط]\wا\w|ان\w\wا\w)(?:ه|ها|هم|هما)?$")
MAX_NAME = 5
# Participles in the accusative (tanween-alif, often unwritten) after a name: فاعلًا
# (`حاسما`, `واضحا`, `قادما`) and مفعلًا/مفتعلًا (`مؤكدا`, `معتبرا`, `مشيرا`).
_ADVERBIAL = re.compile(r"^(?:\wا\w\wا|م\w{3,4}ا)$")
# س + an imperfect of a derived form (تفعّل, افتعل, تفاعل): `سيتوجه`, `ستتخذ`, `سنتعاون`.
_FUTURE = re.compile(r"^س[يتن]ت\w{3,}$")
# س + any imperfect prefix + a stem: `سيعقد`, `ستبحث`, `سيلتقي`, `سنعمل`, `سيزور`.
_FUTURE_ANY = re.compile(r"^س([يتن])([\u0621-\u064A]{3,5})$")


def future_verb(word: str) -> bool:
    """A folded future verb (`سيعقد`, `ستلتقي`, `سيناقش`), not a name opened by سي/ست such
    as `سيمسون`, `ستيفن`, `ستالين` or `سيلفا`: the stem after the prefix has the shape of an
    imperfect (three letters, or four of a derived form: ـتـ/ـا second, ن first, ي last)."""
    if _FUTURE.match(word) or word[1:] in L.verbs():
        return True
    match = _FUTURE_ANY.match(word)
    if match is None:
        return False
    stem = match.group(2)
    if stem[0] in "يا" or stem.endswith(("ا", "ه", "ون", "ان", "ين", "وف", "يف")):
        return False
    if match.group(1) == "ن" and stem[0] == "و":
        return False  # `سنودن`
    if len(stem) == 3:
        return not stem.endswith("ي")  # `سيرغي`, `سيرجي` (Sergei); listed `سيبقى` aside
    return len(stem) == 4 and (stem[1] in "تطا" or stem[0] == "ن" or stem[-1] == "ي")


def skeleton(word: str) -> str:
    """Consonant key of one folded word: `بيراموف` and `بيرموف` both give `برمف`."""
    return _VOWELS.sub("", word.translate(_SWAP))


def same_word(a: str, b: str) -> bool:
    """Two folded name words are spellings of one word (skeleton, if long enough to trust)."""
    if a == b:
        return True
    # (Not sorted((a, b), key=len): this runs for every pair of names a long text holds.)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long == "ا" + short and short[:1] in ("م", "ن") and len(short) >= 4:
        return True  # a prothetic alif before a cluster: `امبيكي` for `مبيكي`
    if a[-1] != b[-1] or a[0] != b[0] or a.startswith("ال") != b.startswith("ال"):
        # Spellings of a name keep its first and last letters and its ال:
        # `قريبا` is not `كيربي`, `الامن` is not `لوموان`.
        return False
    sa, sb = skeleton_of(a), skeleton_of(b)
    return len(sa) >= 3 and sa == sb


def is_stop(word: str) -> bool:
    stops = L.stopwords()
    if word in stops:
        return True
    if word[:1] == "و":
        return word[1:] in stops
    if word[:1] in ("ب", "ل", "ك") and word[1:] in stops:
        return True  # `بأي`, `لما`: a preposition on a particle
    # ف + a past verb (`فقال`), but not `فيصل` (ف + the imperfect `يصل`).
    return word[:1] == "ف" and word[1:] in stops and word[1:2] not in ("ي", "ت")


def _common(word: str) -> bool:
    nouns = L.common_nouns()
    # A listed noun with the article (`الوفد`, `الملف`) is no surname either.
    return any(w in nouns or (w.startswith("ال") and w[2:] in nouns)
               for w in L.strip_proclitics(word))


def attested_surname(ctx: Context, word: str, here: int) -> bool:
    """`word` stands alone as a subject elsewhere in the text, right after a verb: `وقال بري`,
    `وأضاف فقيها`. News names a person in full once, then by surname: that later mention shows
    where the name ended (`نبيه بري ملف ...`) and that a ـها ending is no pronoun."""
    words = ctx.tokens.words
    verbs = L.verbs()
    for p in ctx.positions.get(word, ()):
        if p == here or p == 0 or ctx.breaks[p]:
            continue
        before = words[p - 1]
        if before in verbs or (before[:1] in ("و", "ف") and before[1:] in verbs):
            return True
    return False


# Connectors after which a common noun is still a name: `سميرة أبو عودة`, `أم كلثوم`.
_KUNYA = frozenset({"ابو", "ابي", "ام", "بن", "ابن", "بنت"})
ORDINALS = frozenset({"الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                       "التاسع", "العاشر"})


def can_start(word: str) -> bool:
    """Can this folded word open a name?"""
    if not _ARABIC_WORD.fullmatch(word) or len(word) < 2:
        return False
    if word.startswith("ال") or is_stop(word) or _common(word) or _MASDAR.match(word):
        return False
    if word[:1] == "س" and len(word) >= 5 and future_verb(word):
        return False  # `اللاعب سيبدأ جلسات`: a verb, not a name
    if L.nationality(word) is not None or word in _title_words():
        return False  # `رئيس مجلس السيادة قائد الجيش ...`: a second title, not a name
    if word[:1] in "وف" and word[1:] in _title_words():
        return False  # `العاهل المغربي وضيفه الفرنسي`: a second title, conjoined
    return not (word[:1] in "وفبل" and _PRONOUN_END.search(word) and len(word) > 4)


def can_continue(word: str, prev: str, appositive: bool = False,
                 nisba: bool | str = False, attested: bool = False) -> bool:
    """Can this folded word continue a name whose last word is `prev`?

    In an appositive (`الرئيس العراقي، محمد شياع السوداني،`) the commas bound the name, so
    only verbs, particles and conjunctions stop it. With `nisba` (True, or the country the
    title names) a nationality adjective of another country may end the name as a surname:
    `رئيس الوزراء محمد شياع السوداني`, `المحلل الفلسطيني هاني المصري`.
    """
    if word in ORDINALS and prev not in L.connectors():
        return True  # a regnal number: `عبد الله الثاني`
    if not _ARABIC_WORD.fullmatch(word) or len(word) < 2 or is_stop(word):
        return False
    if prev in _KUNYA:
        return True  # a kunya or patronymic takes any word: `أبو عودة`, `أبو مازن`
    if _common(word):
        return False
    if appositive:
        return word[:1] != "و" or word in L.connectors()
    if word in L.connectors():
        return True
    if prev in L.connectors():
        return True
    if _PRONOUN_END.search(word) and len(word) > 4 and word[-2:] != "له" and not attested:
        return False  # a noun with a pronoun suffix: `أبرزها`, `زيارته`
    if _MASDAR.match(word):
        return False  # `أعلن ... يحيى سريع استهداف سفينة`
    if word[:1] == "ت" and word.endswith("ت") and len(word) >= 5:
        return False  # a past verb, feminine: `... بيراموف تناولت`
    if word[:1] == "و" or word.startswith(("بال", "لل", "فال", "كال")):
        return False
    if word.startswith("ال") and word.endswith("يه"):
        return False
    country = L.nationality(word)
    if country is not None and not (nisba and word.startswith("ال") and word.endswith("ي")
                                    and country != nisba):
        return False
    if word == "الدين" and not prev.startswith("ال"):
        return True  # a compound given name: `سعد الدين العثماني`, `نور الدين`
    if word.startswith("ال") and word.endswith(("ات", "ون", "ين")):
        return False  # a plural noun after the name: `... التطورات`
    if word[:1] == "س" and len(word) >= 5 and future_verb(word):
        return False  # a verb in the future ends the name: `تيم ليندركينغ سيتوجه`
    if word[:1] == "م" and word.endswith(("ين", "ون")) and len(word) >= 7:
        return False  # a plural participle as object: `التقى ... مسؤولين`
    if any((v,) in L.places() for v in L.strip_proclitics(word)):
        return False  # the object of the verb: `زار ... مودي الإمارات`
    if word[:1] == "ب" and word.endswith("ه") and word[1:] in L.common_nouns():
        return False  # `بزيارة`: a preposition and a noun, not a surname
    # `أمير` is a title and a common given name (حسين أمير عبد اللهيان): it may continue a name.
    return word == "امير" or word not in _title_words()


@cache
def _title_words() -> frozenset[str]:
    # `أمين` opens the head `أمين سر` but is a given name on its own (`أمين الناصر`).
    return frozenset(t[0] for t, _ in L.titles()) - {"امين", "امينه"}


@lru_cache(maxsize=1 << 16)
def skeleton_of(word: str) -> str:
    return skeleton(word)


_TANWEEN = re.compile("[\u064B-\u064D]")


def name_like(ctx: Context, tok: Token) -> bool:
    """What the folded text cannot tell: tanween marks a common word (`اتصالًا`), and
    `علي` written with ي is the name Ali while the preposition is written على."""
    surface = ctx.surface(tok.start, tok.end)
    if _TANWEEN.search(surface):
        return False
    return tok.text != "علي" or surface.rstrip("\u064B-\u0652").endswith("ي")


def read_name(ctx: Context, j: int, appositive: bool = False,
              nisba: bool | str = False) -> tuple[int, int] | None:
    """Name tokens starting at token j: (first, last) token numbers, or None."""
    toks = ctx.tokens
    if j >= len(toks):
        return None
    start = j
    j = _skip_honorific(ctx, j)
    if j >= len(toks):
        return None
    # Gulf ruling families string ال-names after الشيخ: `الشيخ مشعل الأحمد الجابر الصباح`.
    sheikh = j > start and toks[j - 1].text in ("الشيخ", "الشيخه")
    ali = toks[j].text == "علي" and name_like(ctx, toks[j])
    first = toks[j].text
    if (first.startswith("ال") and not is_stop(first)
            and ctx.surface(toks[j].start, toks[j].end)[:1] in "إأآ"):
        first = "ء" + first[1:]  # `إلهام`, `إلياس`: a hamza, not the article ال
    # `الشيخ صباح الأحمد الجابر الصباح`: after الشيخ a time word (`صباح`) is a given name
    # when an ال-name follows, as Gulf names run.
    gulf = (sheikh and j + 1 < len(toks) and len(first) >= 3 and bool(_ARABIC_WORD.fullmatch(first))
            and toks[j + 1].text.startswith("ال") and not is_stop(toks[j + 1].text)
            and not ctx.gap_breaks(toks[j], toks[j + 1]))
    if not (ali or gulf or can_start(first)) or not name_like(ctx, toks[j]):
        return None
    if _preposition_noun(ctx, first):
        return None  # `وضيفه الفرنسي برحلة` when the text also says `الرحلة`
    end = j
    plain = 1  # name words so far, connectors aside: names run to three
    while end + 1 < len(toks) and end - j + 1 < MAX_NAME + 2 * _links(toks, end):
        nxt = toks[end + 1]
        if ctx.gap_breaks(toks[end], nxt) or not name_like(ctx, nxt):
            break
        ali = nxt.text == "علي"
        attested = bool(_PRONOUN_END.search(nxt.text)) and attested_surname(ctx, nxt.text, end + 1)
        if not (ali or can_continue(nxt.text, toks[end].text, appositive, nisba, attested)):
            break
        if _preposition_noun(ctx, nxt.text):
            break  # `بزيارة` when the text also says `زيارة`: not a name like `بوريطة`
        if (nxt.text[:1] in "بلك" and len(nxt.text) >= 4 and end + 2 < len(toks)
                and toks[end + 2].text.startswith("ال") and not is_stop(toks[end + 2].text)
                and not ctx.gap_breaks(nxt, toks[end + 2]) and not appositive):
            break  # a preposition opening an idafa: `كيشيدا بقصر الاتحادية`
        # `نور الدين` is one given name: الدين joins it as a connector would.
        connected = (nxt.text in L.connectors() or toks[end].text in L.connectors()
                     or nxt.text == "الدين")
        if (end > j and toks[end].text.startswith("ال") and toks[end - 1].text not in
                L.connectors() and nxt.text not in ORDINALS and not connected
                and toks[end].text != "الدين"
                and not (sheikh and nxt.text.startswith("ال"))):
            break  # an ال-surname ends the name: `أيمن الصفدي ضرورة ...`
        if not connected:
            if (plain == 2 and end == j + 1 and attested_surname(ctx, toks[end].text, end)
                    and not attested_surname(ctx, nxt.text, end + 1)):
                break  # `نبيه بري ملف ...` when the text later says `وقال بري`
            # `قيس سعيد بفارق كبير`: a third word with a preposition ends it; بي opens
            # transliterations (`شي جين بينغ`, `بيير`), hardly a preposition on a noun.
            if plain >= 3 + sheikh or (plain >= 2 and nxt.text[:1] in "بل" and len(nxt.text) >= 4
                              and nxt.text[:2] != "بي"):
                break
            if plain >= 2 and _ADVERBIAL.match(nxt.text):
                break  # `النائب وليد جنبلاط حاسما`: an accusative participle, not a name
            plain += 1
        end += 1
    while end > j and toks[end].text in L.connectors():
        end -= 1
    return j, end


def _links(toks: Sequence[Token], end: int) -> bool:
    """A connector at or right after `end`: Gulf genealogies run past five tokens
    (`حمد بن جاسم بن جبر آل ثاني`); the plain-word count still bounds them."""
    return toks[end].text in L.connectors() or toks[end + 1].text in L.connectors()


def _preposition_noun(ctx: Context, word: str) -> bool:
    """`بزيارة`, `برحلة`: ب and a feminine noun the text also uses without it."""
    return word[:1] == "ب" and word.endswith("ه") and (
        word[1:] in ctx.vocabulary or "ال" + word[1:] in ctx.vocabulary)


@cache
def _honorifics() -> tuple[frozenset[str], list[tuple[str, ...]]]:
    """The honorifics' first words, and the honorifics longest first."""
    return (frozenset(h[0] for h in L.honorifics()),
            sorted(L.honorifics(), key=len, reverse=True))


def _skip_honorific(ctx: Context, j: int) -> int:
    words = ctx.tokens.words
    firsts, honorifics = _honorifics()
    if j >= len(words) or words[j] not in firsts:
        return j  # the cheap test first: this runs for every name read
    for h in honorifics:
        n = len(h)
        if tuple(words[j:j + n]) == h and j + n < len(words) and not ctx.breaks[j + n]:
            return j + n
    return j


def words(tokens: Tokens, first: int, last: int) -> tuple[str, ...]:
    return tuple(tokens.words[first:last + 1])


def surname(name: tuple[str, ...]) -> tuple[str, ...]:
    """The last name unit: `عبد اللهيان`, `بن فرحان`, or the last word."""
    if len(name) >= 2 and name[-2] in L.connectors():
        return name[-2:]
    return name[-1:]
