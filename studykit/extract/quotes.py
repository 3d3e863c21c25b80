"""Quotations with their speaker: `قال X إن “...”`, `مضيفًا أن «...»`.

A quote is the text between quotation marks (“ ” « » "; news also opens with ” as in
`بـ”الشراكة”`). Two-word scare quotes and quoted names are not quotes. The speaker is the
nearest person mentioned before the quote in the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from studykit.arabic import fold
from studykit.extract import lexicon as L
from studykit.extract.context import Context, Found, build_facts
from studykit.models import Fact, FactKind

_QUOTE = re.compile(r"[“«\"”]([^“”«»\"\n]+)[”»\"“]")
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_MAX_GAP = 300  # characters between the speaker and the quote


def extract_quotes(ctx: Context, people: list[Fact], names: list[Fact]) -> list[Fact]:
    """Quote facts; attrs speaker (person fact id) and speaker_name when a speaker is found.

    `names` are facts (places, organisations, agreements) whose mentions, when they fill a
    quote, show it is a quoted name rather than a quotation.
    """
    named = sorted((m.start, m.end) for f in names for m in f.mentions)
    named_starts = [s for s, _ in named]
    said = sorted((m.end, m.start, m.sentence, k) for k, f in enumerate(people)
                  for m in f.mentions)
    ends = [s[0] for s in said]
    found: list[Found] = []
    for match in _QUOTE.finditer(ctx.folded):
        inner = match.group(1)
        lead = len(inner) - len(inner.lstrip())
        fstart, fend = match.start(1) + lead, match.start(1) + len(inner.rstrip())
        if fend <= fstart or len(_WORD.findall(inner)) < _MIN_WORDS:
            continue
        start, end = ctx.orig(fstart, fend)
        k = bisect_right(named_starts, start)
        if any(s <= start and end <= e for s, e in named[max(0, k - 3):k]):
            continue  # a quoted name: `مبادرة "الشرق الأوسط الأخضر"`, `صحيفة “...”`
        value = " ".join(ctx.text[start:end].split())
        sentence = ctx.mention(fstart, fstart + 1).sentence
        attrs = _speaker(ctx, start, sentence, said[:bisect_right(ends, start)], people)
        found.append(Found(value, fstart, fend, attrs=attrs))
    return build_facts(ctx, FactKind.QUOTE, found)


# `قائلًا إن`, `مضيفًا أن`: the participles that hand a clause's subject its quotation.
_PARTICIPLES = frozenset(fold(w).text for w in (
    "قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "موضحا", "موضحة", "مشيرا", "مشيرة",
    "معتبرا", "معتبرة", "لافتا", "لافتة", "مشددا", "مشددة", "متابعا", "متابعة"))


# The word right before a person who is spoken of or to, not speaking (folded).
_NOT_SPEAKER = frozenset({"عن", "وعن", "الي", "والي", "ضد", "وضد", "بحق"})


def _says(ctx: Context, before_person: str, between: str) -> bool:
    """A speech verb just before the person (`وقال كيري`, `أكد وزير الخارجية X`) or between
    the person and the quotation (`X، الذي قال إن`): the attribution clause names them."""
    verbs = L.verbs() | _PARTICIPLES
    near = [fold(w).text.strip("،,:") for w in before_person.split()[-12:]]
    if any(w in verbs or (w[:1] in ("و", "ف") and w[1:] in verbs) for w in near):
        return True
    return any(fold(w).text.strip("،,:") in verbs or fold(w).text[1:] in verbs
               for w in between.split())


def _speaker(ctx: Context, start: int, sentence: int, before: list[tuple[int, int, int, int]],
             people: list[Fact]) -> dict[str, str]:
    """The nearest person before the quote in its sentence whose own attribution clause says
    they spoke, preferring a grammatical subject; nobody when no clause says so (a quote
    keyed to the wrong person costs more than one with no speaker question)."""
    best: tuple[bool, int, int] | None = None
    for m_end, m_start, m_sentence, k in reversed(before):
        if start - m_end > _MAX_GAP or m_sentence < sentence:
            break
        # `اجتماع مع نظيره الروسي، X`: a person after مع is spoken to, not speaking.
        words = ctx.text[max(0, m_start - 40):m_start].split()[-4:]
        # `وقال ترامب ... عن ماكين "انه ليس بطل حرب"`: a person after عن/إلى/ضد is spoken
        # of or to (blind review: the quote was keyed to ماكين).
        subject = not any(w in ("مع", "ومع") for w in words) and not (
            words and fold(words[-1]).text in _NOT_SPEAKER)
        if not _says(ctx, ctx.text[max(0, m_start - 80):m_start], ctx.text[m_end:start]):
            continue
        if best is None or (subject, m_end) > best[:2]:
            best = (subject, m_end, k)
        if subject:
            break
    if best is None:
        return {}
    person = people[best[2]]
    return {"speaker": person.id, "speaker_name": person.value or person.text}
