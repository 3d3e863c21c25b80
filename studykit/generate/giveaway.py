"""Blanks the clause gives away by meaning, not only by exact repeat.

An agreement is given away when the clause already holds the words of its name
(`اتفاقية تعاون سيبراني` beside `الدفاع السيبراني`).

A country is given away by its nationality adjective (`العاصمة الروسية [...]`, `الأذريين ...
داخل [...]`) or its capital in the same clause; a capital by its country or that country's
adjective; either by the article's title, which the student has read. The same pairs make a
blank ambiguous (`في [...]` where both `النمسا` and `فيينا` fit).
"""

from __future__ import annotations

import re
from functools import cache

from studykit.arabic import normalize
from studykit.models import Fact, FactKind


@cache
def _capitals() -> frozenset[str]:
    from studykit.generate.distractors import places

    return frozenset(normalize(c) for c in places("capital"))


def country_of(name: str) -> tuple[str, bool] | None:
    """(country, is_capital) for a country or a capital city, else None."""
    from studykit.extract.lexicon import key, places

    entry = places().get(key(name))
    if entry is None:
        return None
    if entry.subkind == "country":
        return entry.value, False
    if entry.subkind == "city" and entry.country and normalize(name) in _capitals():
        return entry.country, True
    return None


def _points_to(text: str, country: str, skip: str) -> bool:
    """Whether `text` names `country`, its capital or its nationality (other than `skip`)."""
    from studykit.extract.lexicon import key, nationality, places, strip_proclitics

    table = places()
    words = re.findall(r"\w+", normalize(text))
    for i, word in enumerate(words):
        for form in dict.fromkeys((word, *strip_proclitics(word))):
            if nationality(form) == country:
                return True
            for n in (3, 2, 1):
                phrase = (form, *words[i + 1:i + n])
                if len(phrase) < n:
                    continue
                entry = table.get(key(" ".join(phrase)))
                if entry is None or normalize(" ".join(phrase)) == skip:
                    continue
                named = entry.value if entry.subkind == "country" else entry.country
                is_capital = normalize(entry.value) in _capitals()
                if named == country and (entry.subkind == "country" or is_capital):
                    return True
    return False


# Words every agreement name has; the rest (`سيبراني`, `نووي`) is what names this one.
_GENERIC = frozenset(normalize(w) for w in (
    "اتفاق", "اتفاقية", "اتفاقيه", "مذكرة", "تفاهم", "تعاون", "معاهدة", "خطة", "مبادرة",
    "إعلان", "شراكة", "بين", "بشأن", "حول", "في", "من", "على", "عام", "لعام", "الـ"))


def _stem(word: str) -> str:
    word = normalize(word)
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix):]
            break
    for suffix in ("يه", "ه", "ي"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[:-len(suffix)]
    return word


def _words_given(answer: str, rest: str) -> bool:
    """`حيث وقعتا [اتفاقية تعاون سيبراني] ... الدفاع السيبراني`: every distinctive word of the
    agreement's name is already in the clause, in some form."""
    distinctive = {_stem(w) for w in re.findall(r"\w+", answer)
                   if normalize(w) not in _GENERIC and not w.isdigit()}
    have = {_stem(w) for w in re.findall(r"\w+", rest)}
    return bool(distinctive) and distinctive <= have


# `الحرب بين موسكو و[كييف]`, `في الحرب مع [أوكرانيا]`: who fights whom is world knowledge,
# not the article's.
_WAR = re.compile(r"(?:حرب|الحرب|غزو|الغزو|العدوان)\s+(?:(?:مع|في|على|ضد)|بين\s+\S+\s+و)\s*$")


def given_away(fact: Fact, rest: str, title: str = "", before: str = "") -> bool:
    """True when a blank is guessable from `rest` (the clause without the answer) or from the
    article `title`: a place by its country's adjective, capital or name, or as a party to a
    war (`before` is the clause up to the blank); an agreement by the words of its name."""
    if fact.kind == FactKind.AGREEMENT:
        return _words_given(fact.text, rest)
    if fact.kind != FactKind.PLACE:
        return False
    if _WAR.search(before):
        return True
    found = country_of(fact.value or fact.text)
    if found is None:
        return False
    country, _ = found
    skip = normalize(fact.value or fact.text)
    return _points_to(rest, country, skip) or (bool(title) and _points_to(title, country, ""))


def ruled_out(candidate: str, clause: str) -> bool:
    """True when the clause already names the candidate place's country by its name, capital
    or adjective: an option the clause itself excludes (or gives away)."""
    found = country_of(candidate)
    return found is not None and _points_to(clause, found[0], normalize(candidate))


# `وكالة الأنباء الكويتية (كونا)`, `تنظيم الدولة الإسلامية (داعش)`: a short bracket of words
# beside the blank is another name for what it hides (blind review). Numbers are not (`(78 عاما)`).
_ALIAS_AFTER = re.compile(r"\s*\(\s*[^()\d]{2,40}?\s*\)")
_PAIRED = re.compile(r"(\w+)\s*[-–/]\s*$")
_PAIRED_AFTER = re.compile(r"\s*[-–/]\s*(\w+)")


def beside_the_blank(fact: Fact, sentence: str, start: int, end: int) -> bool:
    """True when the words beside a blank name it again: for an organisation a bracketed
    alias right after it or the blank inside brackets after the full name; for a date, the
    month's other name paired with a dash or slash (`وفي شباط - [فبراير]`, `[آذار]/مارس`)."""
    after, before = sentence[end:], sentence[:start]
    if fact.kind == FactKind.ORGANIZATION:
        # Only an organisation's bracket is its other name; a person's holds an age or a
        # nationality (`كريستيان جروس (سويسري)`), a city's its country.
        alias = _ALIAS_AFTER.match(after)
        return bool(alias and len(alias.group().split()) <= 3) or (
            before.rstrip().endswith("(") and after.lstrip().startswith(")"))
    if fact.kind != FactKind.DATE:
        return False
    from studykit.extract.datewords import month_words

    months = month_words()
    paired = _PAIRED.search(before)
    following = _PAIRED_AFTER.match(after)
    return bool(paired and normalize(paired.group(1)) in months) or bool(
        following and normalize(following.group(1)) in months)
