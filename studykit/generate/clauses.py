"""Clause boundaries: which part of a sentence a question quotes, and whether it stands alone.

A sentence in news is often three clauses long; a question quotes the clause that holds the
fact (at most MAX_WORDS words where possible), never a fragment that needs the one before.
"""

from __future__ import annotations

import re

from studykit.arabic import Span, fold
from studykit.generate.text import word_count

MAX_WORDS = 30
# Clause boundaries inside a sentence: semicolon and colon always; a comma only before a word
# that opens a clause (a comma also sets off appositions: `وزير الخارجية الروسي، سيرجي لافروف،`).
_CLAUSE_END = re.compile(r"[؛:;]")
_CLAUSE_START = (
    "قام", "كان", "كانت", "وكان", "وكانت", "وقد", "فقد", "كما", "حيث", "إذ", "إلا", "لكن",
    "ولكن", "بل", "ثم", "فيما", "بينما", "وهو", "وهي", "وهذا", "ليصبح", "لتصبح", "مؤكدًا",
    "مؤكدا", "مضيفًا", "مضيفا", "مشيرًا", "مشيرا", "مضيفة", "وأضاف", "وأكد", "وقال", "وأشار",
    "فإن", "وسوف", "علاوة", "خاصة", "ما", "وذلك", "وأعلن", "أعلن", "وتابع", "وبحسب", "وحسب",
)
# Words a clause cannot stand on its own after: it continues the previous clause.
FRAGMENT_START = (
    "خاصة", "ما", "بعد", "في", "حيث", "إلى", "من", "على", "أن", "إن", "مؤكدًا", "مؤكدا",
    "مضيفًا", "مضيفا", "مضيفة", "مشيرًا", "ليصبح", "لتصبح", "علاوة", "سواء", "إذ", "وهو", "وهي",
    "عن", "بين", "مع", "للمرة", "بينما", "لكن",
)
_ATTRIBUTIONS = frozenset(fold(w).text for w in (
    "حسب", "وحسب", "بحسب", "وبحسب", "وفق", "ووفق", "وفقا", "ووفقا", "طبقا", "وطبقا", "نقلا",
    "ونقلا"))
_OPEN_QUOTES = "“«\""
_CLOSE_QUOTES = "”»\""


def is_heading(text: str, span: Span) -> bool:
    # A headline or subheading: a whole line that ends without sentence punctuation.
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end == -1 else line_end
    whole_line = not text[line_start:span.start].strip() and not text[span.end:line_end].strip()
    return whole_line and span.text.rstrip()[-1:] not in ".؟?!:»”\""


def is_lead_in(text: str, start: int, end: int) -> bool:
    # `توتر العلاقات بين باكو وطهران مع افتتاح ...: يبدو المشهد` — an inline subheading that
    # opens a paragraph and ends in a colon is a title, not a statement.
    line_start = text.rfind("\n", 0, start) + 1
    return (not text[line_start:start].strip() and text[end:end + 1] == ":"
            and word_count(text[start:end]) < 15)


def trim_clause(text: str, start: int, end: int, a_start: int, a_end: int) -> tuple[int, int]:
    """Shrink a long sentence [start, end) to the clauses around the answer [a_start, a_end)."""
    if word_count(text[start:end]) <= MAX_WORDS:
        return strip_span(text, start, end)
    cuts = [start]
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN_QUOTES and not (ch == "\"" and depth):
            depth += 1
        elif ch in _CLOSE_QUOTES and depth:
            depth -= 1
        elif depth == 0 and not a_start <= i < a_end and (
                _CLAUSE_END.match(ch) or (ch == "،" and _opens_clause(text, i + 1, end))):
            cuts.append(i + 1)
    cuts.append(end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    k = next(i for i, (s, e) in enumerate(pieces) if s <= a_start < e)
    lo = hi = k
    # Grow towards the fuller context while the clause is too short to stand alone.
    while word_count(text[pieces[lo][0]:pieces[hi][1]]) < 12:
        grow_right = hi + 1 < len(pieces)
        grow_left = lo > 0
        if grow_right and (not grow_left or word_count(text[pieces[hi + 1][0]:pieces[hi + 1][1]])
                           <= word_count(text[pieces[lo - 1][0]:pieces[lo - 1][1]])):
            if word_count(text[pieces[lo][0]:pieces[hi + 1][1]]) > MAX_WORDS:
                break
            hi += 1
        elif grow_left:
            if word_count(text[pieces[lo - 1][0]:pieces[hi][1]]) > MAX_WORDS:
                break
            lo -= 1
        else:
            break
    # A clause opening on `خاصة` or `بعد` leans on the one before it: take that one too.
    while lo > 0 and starts_fragment(text[pieces[lo][0]:pieces[lo][1]]) and word_count(
            text[pieces[lo - 1][0]:pieces[hi][1]]) <= MAX_WORDS + 10:
        lo -= 1
    # `وحسب تقرير نشرته الصحيفة في ...،` only introduces what follows: keep what it says.
    if hi + 1 < len(pieces) and fold(text[pieces[lo][0]:pieces[hi][1]].split(maxsplit=1)[0]
                                      ).text in _ATTRIBUTIONS and word_count(
            text[pieces[lo][0]:pieces[hi + 1][1]]) <= MAX_WORDS + 10:
        hi += 1
    s, e = strip_span(text, pieces[lo][0], pieces[hi][1])
    return (min(s, a_start), max(e, a_end))


def _opens_clause(text: str, at: int, end: int) -> bool:
    words = text[at:end].split(maxsplit=1)
    return bool(words) and words[0] in _CLAUSE_START


def starts_fragment(clause: str) -> bool:
    """True when the clause begins with a word that needs the clause before it."""
    words = clause.strip(" ،,؛:\"“”«»").split(maxsplit=1)
    return bool(words) and words[0] in FRAGMENT_START


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "،؛:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،؛:;"):
        end -= 1
    return start, end


# Head nouns that make the next word part of a longer name: `خليج العقبة`, `بحر قزوين`.
