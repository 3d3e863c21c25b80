"""Bylines and datelines: `الدمام: ميرزا الخويلدي`, `عرعر - جاسر الصقري`, `أحمد الشميري (صنعاء)`,
`مشاري الفهد من الرياض`, `الرياض - واس`.

A byline is the short line right after the headline (the first two non-empty lines of the
text). It is split at its separators; a part that is a place is the dateline, a part that is
an agency or newspaper is skipped, and a part of two to four name words is the journalist:
a person with no role. Nothing else in the text is read here.
"""

from __future__ import annotations

import re

from studykit.extract import lexicon as L
from studykit.extract.context import Context
from studykit.extract.organizations import organization_names

_MAX_WORDS = 9
_ARABIC = re.compile(r"[\u0621-\u064a]+")
_NON_SPACE = re.compile(r"\S")
# Tatweel dashes (`زيوريخ ــ رويترز`) fold away and leave two spaces.
_SEPARATOR = re.compile(r"[:\-–—()«»\"“”*/|،,‏]+|\s+من\s+|\s{2,}")
# Wire and newspaper names short enough to stand alone in a byline (folded).
_OUTLETS = frozenset({"واس", "ا ف ب", "رويترز", "وكالات", "د ب ا", "الويام", "سبق", "زاير",
                      "الاقتصاديه", "الشرق الاوسط", "الشرق الاوسط اونلاين", "عكاظ", "اليوم",
                      "الجزيره", "الحياه", "الوطن", "المدينه", "الرياض", "ا ش ا", "قنا", "وام",
                      "كونا", "بنا", "العربيه نت", "ايلاف",
                      # newsroom words that stand where an outlet would: `الوئام - متابعات`
                      "متابعات", "خاص", "تقرير", "تحقيق", "حوار"})


def byline_parts(ctx: Context) -> list[tuple[int, int]]:
    """Folded [start, end) of each part of the byline, or nothing when there is none."""
    folded = ctx.folded
    lines: list[tuple[int, int]] = []
    pos = 0
    # Line by line from the top (not folded.split, which copies the whole text to read two
    # lines of it).
    while len(lines) < 2:
        end = folded.find("\n", pos)
        if end < 0:
            end = len(folded)
        if _NON_SPACE.search(folded, pos, end):
            lines.append((pos, end))
        if end == len(folded):
            break
        pos = end + 1
    if len(lines) < 2:
        return []
    start, end = lines[1]
    text = folded[start:end]
    words = re.findall(r"\w+", text)
    if not words or len(words) > _MAX_WORDS or re.search(r"[.!?؟]\s*\S", text):
        return []
    if not _SEPARATOR.search(text) and len(words) > 4:
        return []
    parts: list[tuple[int, int]] = []
    last = 0
    for m in [*_SEPARATOR.finditer(text), None]:
        cut = m.start() if m else len(text)
        piece = text[last:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            parts.append((start + last + lead, start + last + len(piece.rstrip())))
        last = m.end() if m else len(text)
    return parts


def _words(ctx: Context, span: tuple[int, int]) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", ctx.folded[span[0]:span[1]]))


def _outlet(words: tuple[str, ...]) -> bool:
    return " ".join(words) in _OUTLETS or words in organization_names()


def _classify(ctx: Context) -> tuple[list[tuple[int, int]], list[tuple[tuple[int, int], bool]]]:
    """(outlet parts, place parts with whether the gazetteer knows them).

    `الرياض` is a city and a newspaper: beside another place (`شيلدز (المملكة المتحدة) -
    الرياض`) it is the newspaper, alone it is the city. An unknown one or two words count as
    a place only beside an outlet (`زيوريخ ــ رويترز`, `وادي الدواسر-الوئام:`), where the
    other part of the line can only be where the story was filed from."""
    from studykit.extract.person_evidence import closed_class, is_name_word

    parts = [(p, _words(ctx, p)) for p in byline_parts(ctx)]
    places = [p for p, w in parts if w in L.places() and not _outlet(w)]
    both = [p for p, w in parts if w in L.places() and _outlet(w)]
    if not places and both:
        places, both = both[:1], both[1:]
    outlets = [p for p, w in parts if _outlet(w) and p not in places] + both
    out: list[tuple[tuple[int, int], bool]] = [(p, True) for p in places]
    if places:
        return outlets, out  # the dateline is known; other parts are people or outlets
    for p, w in parts:
        if p in places or p in outlets or not outlets or not 1 <= len(w) <= 2:
            continue
        # `فهد العتيبي- سبق- جدة:`: two words with a name word are the journalist.
        if len(w) == 2 and any(is_name_word(x) for x in w):
            continue
        if not any(closed_class(x) or x.isdigit() for x in w):
            out.append((p, False))
    return outlets, out


def byline_outlets(ctx: Context) -> list[tuple[int, int]]:
    """Folded spans of the byline's agency or newspaper names (`«الشرق الأوسط أونلاين»`)."""
    return _classify(ctx)[0]


def byline_places(ctx: Context) -> list[tuple[tuple[int, int], bool]]:
    """Folded spans of the dateline's places, each with whether the gazetteer knows it."""
    return _classify(ctx)[1]


def byline_people(ctx: Context) -> list[tuple[int, int]]:
    """Token spans (first, last) of the journalists named in the byline."""
    from studykit.extract.person_evidence import closed_class, is_name_word

    datelines = {span for span, _ in byline_places(ctx)}
    found: list[tuple[tuple[int, int], tuple[str, ...]]] = []
    for span in byline_parts(ctx):
        words = _words(ctx, span)
        if not 2 <= len(words) <= 4 or _outlet(words) or any(_outlet((w,)) for w in words):
            continue
        if words in L.places() or words in organization_names() or any(
                (w,) in L.places() or closed_class(w) or w.isdigit() for w in words):
            continue
        if span in datelines or not _ARABIC.fullmatch("".join(words)):
            continue  # `رويترز - لاس فيجاس`: the dateline; `Next Previous`: page residue
        found.append((span, words))
    if any(is_name_word(w[0]) for _, w in found):
        # `عبدالله عابد - حفر الباطن`: beside a part that opens with a name word, one that
        # does not is the dateline (a place the gazetteer lacks), not a second journalist.
        found = [(span, w) for span, w in found if is_name_word(w[0])]
    out: list[tuple[int, int]] = []
    for span, words in found:
        first = ctx.token_starting(span[0])
        if first is not None:
            out.append((first, first + len(words) - 1))
    return out
