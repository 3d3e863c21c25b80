"""Rule spans and tagger spans combined into the person candidates the extractor keeps.

The title rules know roles; the tagger knows where names begin and end and finds names that
no title introduces. Each candidate carries its evidence, and only candidates with enough of
it become person facts (a wrong person costs a teacher more than a missed one):

- a rule span keeps the rule's boundaries, cut only at closed-class words (and at common
  words the tagger is sure lie outside a name), widened where the tagger reads more of the
  name (`خالد` → `خالد العطية`); the CRF's recall is too low (0.5) to veto a titled name, so
  its doubt cuts edges, it does not drop rule spans;
- held back: a title inside a thing's name (`مستشفى الملك فهد`), a given name that is also a
  word or is followed by common words with no tagger support (`جمال الجغبوب`, `أنا بخير`), a
  lone word the tagger reads as no name, a reduplication (`بيري بيري`);
- a tagger span no rule found: kept when the model is confident (0.8; 0.95 without a known
  name word), it has two or more words, none closed-class, and it is neither a thing named
  after someone nor a later mention opening with a known surname;
- a byline's journalist (extract/byline.py).
Everything else is held back, with the reason (`studykit extract ARTICLE --held-back` lists it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from studykit.extract import lexicon as L
from studykit.extract import names as N
from studykit.extract.byline import byline_people
from studykit.extract.context import Context
from studykit.extract.given_names import given_names, word_given_names
from studykit.extract.honorifics import named_after
from studykit.extract.ner_features import name_words, stem, word_list
from studykit.extract.tagger import Tagged, tag
from studykit.extract.titles import Title

Span = tuple[int, int, int]  # first token, last token, folded start (after a clitic)
CONFIDENT = 0.8  # mean marginal of a tagger-only name
SUPPORT = 0.5  # mean marginal for the tagger to vouch for a rule span
EDGE_SURE = 0.9  # a word at a span's edge the model is this sure of stays, closed class or not
EDGE_DOUBT = 0.6  # a word at a span's edge the model doubts this much goes
OUTSIDE = 0.1  # below this P(part of a name), a rule's extra word is cut from the name
SURE = 0.95  # a tagger-only name this sure needs no gazetteer word (foreign names: تشاك بليزر)


@dataclass(frozen=True)
class HeldBack:
    """A person candidate not kept, and why."""

    start: int  # folded offsets
    end: int
    reason: str


def is_name_word(word: str) -> bool:
    """A word known as a given or family name (arabnamer's dictionary, the given-name list)."""
    names = name_words()
    if word in names or stem(word) in names:
        return True
    return any(v in names or (v,) in given_names() for v in L.strip_proclitics(word))


@cache
def function_words() -> frozenset[str]:
    """Words never inside a named entity in the tagger's training data (data/function_words.txt,
    made by scripts/train_ner.py from ANERcorp)."""
    return word_list("function_words.txt")


def closed_class(word: str) -> bool:
    """A word that is never part of a name: particle, verb, common noun, nationality, title.
    A listed given name is never closed-class (`علي` folds like the preposition `على`)."""
    if (word,) in given_names() or word in word_given_names():
        return False
    return (word in function_words() or word in L.stopwords() or word in L.verbs()
            or word in L.common_nouns()
            or (word.startswith("س") and N.future_verb(word)) or L.nationality(word) is not None
            or (stem(word) in L.common_nouns()) or _title_word(word))


def _title_word(word: str) -> bool:
    heads = L.titles_by_first()
    return any(v in heads for v in L.strip_proclitics(word))


def _place_word(word: str) -> bool:
    return any((v,) in L.places() for v in L.strip_proclitics(word))


def _trim(ctx: Context, first: int, last: int,
          probs: dict[int, float] | None = None) -> tuple[int, int] | None:
    """Drop closed-class and place words from both ends of a tagger span, unless the model
    is sure of that word (`الحبيب الصيد`: الصيد is also "hunting")."""
    toks = ctx.tokens
    probs = probs or {}

    def junk(k: int) -> bool:
        word = toks[k].text
        if word in L.stopwords() or L.nationality(word) or _place_word(word):
            return True
        prob = probs.get(k, 1.0)
        if prob < EDGE_DOUBT or (len(word) <= 2 and prob < EDGE_SURE):
            return True  # `عبد الكريم الزبيدي كي`: a particle the model half-believes
        if closed_class(word):
            # `الحبيب الصيد`: the word also means "hunting", but stands alone as a subject
            # after a verb elsewhere (`وقال الصيد`), so here it is a surname.
            return prob < EDGE_SURE and not N.attested_surname(ctx, word, k)
        return False

    while first <= last and junk(first):
        first += 1
    while last >= first and junk(last):
        last -= 1
    return (first, last) if first <= last else None


def _marginals(tagged: list[Tagged]) -> dict[int, float]:
    return {t.first + k: p for t in tagged for k, p in enumerate(t.probs)}


def name_start(ctx: Context, i: int) -> int:
    """Folded start of token i's name part: a clitic (و، ف، ب، ل) is stripped only when what
    is left is a name word and the whole word is not (`وانغ` keeps its و; `ولافروف` loses it)."""
    tok = ctx.tokens[i]
    if is_name_word(tok.text) and tok.text in name_words():
        return tok.start
    for variant in L.strip_proclitics(tok.text)[1:]:
        if variant in name_words() or (variant,) in given_names():
            return tok.end - len(variant)
    if tok.text.startswith("لل") and len(tok.text) > 4:
        return tok.start + 1  # `للوليد` → `الوليد` (ل + ال; the alef is elided)
    if tok.text[:1] in ("و", "ف") and tok.text not in name_words() and len(tok.text) > 3:
        return tok.start + 1
    return tok.start


def _clean(ctx: Context, first: int, last: int) -> bool:
    words = [t.text for t in ctx.tokens[first:last + 1]]
    if any(closed_class(w) for w in words):
        return False
    if len(words) >= 2 and len(set(words)) == 1:
        return False  # `بيري بيري`: a dish, not a man
    return L.key(" ".join(words)) not in L.places()


def combine(ctx: Context, rules: list[tuple[Span, Title]]
            ) -> tuple[list[tuple[Span, Title]], list[HeldBack]]:
    """The person spans to keep, with their titles, and the candidates held back."""
    toks = ctx.tokens
    # The rules' spans and a word either side are all the tagger is asked about token by token.
    wanted = frozenset(k for (f, la, _), _ in rules for k in range(max(0, f - 1), la + 2))
    spans, inside = tag(ctx, wanted)
    tagged = [t for t in spans if t.prob >= SUPPORT]
    by_token: dict[int, Tagged] = {}
    for t in tagged:
        for k in range(t.first, t.last + 1):
            by_token[k] = t
    probs = _marginals(tagged)
    kept: list[tuple[Span, Title]] = []
    held: list[HeldBack] = []
    used: set[Tagged] = set()
    for (first, last, fstart), title in rules:
        span = _rule_span(ctx, first, last, by_token, probs, inside)
        if span is None:
            held.append(HeldBack(toks[first].start, toks[last].end, "not a name"))
            continue
        first2, last2, support = span
        used |= support
        if title.start > 0 and not ctx.breaks[title.start] and named_after(
                toks[title.start - 1].text):
            # `مستشفى الملك فهد التخصصي`: the title is part of a thing's name.
            held.append(HeldBack(toks[first2].start, toks[last2].end, "a thing's name"))
            continue
        if title.rank == "given" and not support and (any(
                closed_class(t.text) for t in toks[first2:last2 + 1])
                or toks[first2].text in word_given_names()):
            # `أنا بخير` (آنا, Anna, folds like the pronoun), `نادية ربما`: a given name
            # followed by common words; `جمال الجغبوب` ("the beauty of"): a given name that
            # is also a word. The tagger sees no name either.
            held.append(HeldBack(toks[first2].start, toks[last2].end, "not a name"))
            continue
        word = toks[first2].text
        if not support and first2 == last2 and (word in function_words() or (
                inside.get(first2, 1.0) < OUTSIDE and not is_name_word(word))):
            held.append(HeldBack(toks[first2].start, toks[last2].end,
                                 "the tagger reads no name here"))
            continue
        if not support and first2 == last2 and word.endswith("ي") and not word.startswith(
                "ال") and not is_name_word(word):
            # `وقال متحدث إعلامي`: an indefinite nisba adjective after an indefinite title
            # (blind review: «ما منصب إعلامي؟ — متحدث»).
            held.append(HeldBack(toks[first2].start, toks[last2].end, "an adjective"))
            continue
        if len({t.text for t in toks[first2:last2 + 1]}) == 1 and last2 > first2:
            held.append(HeldBack(toks[first2].start, toks[last2].end, "not a name"))
            continue
        start = fstart if first2 == first else name_start(ctx, first2)
        kept.append(((first2, last2, start), title))
    covered = {k for (f, la, _), _ in kept for k in range(f, la + 1)}
    surnames: dict[str, list[str]] = {}
    for (f, la, _), _ in kept:
        if la > f:
            surnames.setdefault(N.skeleton_of(toks[la].text), []).append(toks[la].text)
    for first, last in byline_people(ctx):
        if not any(k in covered for k in range(first, last + 1)):
            kept.append(((first, last, toks[first].start), Title(first, first, "given", "")))
            covered.update(range(first, last + 1))
    for t in tagged:
        if t in used or any(k in covered for k in range(t.first, t.last + 1)):
            continue
        bounds = _trim(ctx, t.first, t.last, probs)
        if bounds is None:
            continue
        first, last = bounds
        if _names_a_thing(ctx, first, last):
            continue  # `جامعة محمد الخامس`, `مسجد الشيخ زايد`: a thing named after a person
        if _known_surname(ctx, surnames, first):
            continue  # `بلاتر بوضوح` after `سيب بلاتر`: a later mention, not a new person
        reason = _tagger_only_doubt(ctx, first, last, probs)
        if reason:
            held.append(HeldBack(toks[first].start, toks[last].end, reason))
            continue
        kept.append(((first, last, name_start(ctx, first)), Title(first, first, "given", "")))
        covered.update(range(first, last + 1))
        if last > first:
            surnames.setdefault(N.skeleton_of(toks[last].text), []).append(toks[last].text)
    # Titled people first, in text order, then names with no title (see people.py).
    return sorted(kept, key=lambda k: (k[1].rank == "given", k[0][0])), held


def _names_a_thing(ctx: Context, first: int, last: int) -> bool:
    """The words before a name make it a thing's name: `جامعة محمد الخامس`, `مسجد الشيخ زايد
    الكبير` (past an honorific), `القاعة الكبرى للمعارض محمد السادس` (a definite noun
    before a king's name with an ordinal)."""
    toks = ctx.tokens
    k = first - 1
    while k >= 0 and not ctx.breaks[k + 1] and (toks[k].text,) in L.honorifics():
        k -= 1
    if k < 0 or ctx.breaks[k + 1]:
        return False
    before = toks[k].text
    return named_after(before) or (toks[last].text in N.ORDINALS
                                   and before.startswith(("ال", "لل")))


def _known_surname(ctx: Context, surnames: dict[str, list[str]], first: int) -> bool:
    """Token `first` is the last word of a kept multi-word name (`surnames`, by skeleton): a
    name never opens with another person's surname."""
    toks = ctx.tokens
    word = ctx.folded[name_start(ctx, first):toks[first].end]
    # (`امبيكي` and `مبيكي` are one word with different skeletons: look under both.)
    keys = {N.skeleton_of(word), N.skeleton_of("ا" + word)}
    if word.startswith("ا"):
        keys.add(N.skeleton_of(word[1:]))
    return any(N.same_word(word, known) for key in keys for known in surnames.get(key, ()))


def _rule_span(ctx: Context, first: int, last: int, by_token: dict[int, Tagged],
               probs: dict[int, float], inside: dict[int, float]
               ) -> tuple[int, int, set[Tagged]] | None:
    """A title rule's name, its edges cut where they are no name (closed-class words, or words
    the tagger is sure are outside any name: `تكليف عبد الكريم الزبيدي`, `علي بونغو اتهامات`)
    and widened where the tagger reads more of the name (`خالد` → `خالد العطية`)."""
    toks = ctx.tokens

    def cut_lead(k: int) -> bool:
        word = toks[k].text
        if inside.get(k, 0.0) >= 0.5:
            return False  # the tagger reads it as part of the name (`صباح الخالد`)
        if strict_closed(word) or (_place_word(word) and not L.nationality(word)):
            return True
        # `إذا شعر`: a common word the tagger is sure is outside the name.
        return (word in function_words() and inside.get(k, 1.0) < OUTSIDE
                and not is_name_word(word))

    def cut_trail(k: int) -> bool:
        # A name may end in a word that is also an adjective, an ordinal or a noun (`محمد
        # شياع السوداني`, `عبد الله الثاني`, `منى أبو عودة`): particles and verbs end it,
        # and a common word only where the tagger is sure it is outside (`علي بونغو اتهامات`).
        word = toks[k].text
        if (word,) in given_names() or word in N.ORDINALS or inside.get(k, 0.0) >= 0.5:
            return False
        if word in L.stopwords() or word in L.verbs() or (
                word.startswith("س") and N.future_verb(word)):
            return True
        return (word in function_words() and inside.get(k, 1.0) < OUTSIDE
                and not is_name_word(word))

    while first <= last and cut_lead(first):
        first += 1
    rule_last = last
    while last >= first and cut_trail(last):
        last -= 1
    if last == first < rule_last and (toks[first].text,) in given_names() and not (
            toks[first + 1].text in L.stopwords() or toks[first + 1].text in L.verbs()):
        last = first + 1  # `العميد يحيى سريع`: a title names a man by more than his given name
    if first > last:
        return None
    support = {by_token[k] for k in range(first, last + 1) if k in by_token}
    for t in sorted(support, key=lambda t: t.first):
        k = first - 1
        while k >= t.first and _extends(ctx, k, probs, left=True):
            first = k
            k -= 1
        k = last + 1
        while k <= t.last and _extends(ctx, k, probs, left=False):
            last = k
            k += 1
    return first, last, support


def _extends(ctx: Context, k: int, probs: dict[int, float], left: bool) -> bool:
    """Token k may join the name it touches: no punctuation between, not a closed-class or
    place word, and a known name word or one the model is sure of (not `ستيلانتس` before
    `كارلوس تافاريس`)."""
    toks = ctx.tokens
    word = toks[k].text
    if ctx.breaks[k + 1 if left else k]:
        return False
    if closed_class(word) or _place_word(word):
        return False
    if left:  # the title rule starts a name right after its title: only a name word precedes
        return is_name_word(word) and probs.get(k, 0.0) >= EDGE_DOUBT
    return probs.get(k, 0.0) >= (EDGE_DOUBT if is_name_word(word) else EDGE_SURE)


def strict_closed(word: str) -> bool:
    """Closed-class words that never end or open a name, even as a nisba surname: particles,
    verbs, common nouns (not nationality adjectives: `محمد شياع السوداني`)."""
    if (word,) in given_names() or word in word_given_names() or (
            is_name_word(word) and word not in L.stopwords()):
        return False
    return (word in function_words() or word in L.stopwords() or word in L.verbs()
            or (word.startswith("س") and N.future_verb(word)) or word in L.common_nouns())


def _named(ctx: Context, first: int, last: int) -> bool:
    """At least one word of the span is a known name word."""
    return any(is_name_word(t.text) for t in ctx.tokens[first:last + 1])


def _tagger_only_doubt(ctx: Context, first: int, last: int, probs: dict[int, float]) -> str:
    prob = sum(probs.get(k, 0.0) for k in range(first, last + 1)) / (last - first + 1)
    if prob < CONFIDENT:
        return f"tagger only, confidence {prob:.2f}"
    if last == first:
        return "a single word with no title"
    if not _clean(ctx, first, last):
        return "not a name"
    if prob < SURE and not _named(ctx, first, last):
        return "no known name word"
    return ""
