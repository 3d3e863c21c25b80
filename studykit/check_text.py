"""Text rules for a question, from what blind reviewers of real-news banks rejected:

- `not-a-name`: a person answer that is no name (`وجرى`, `وعضو`, `لحقوق الإنسان`): a verb,
  particle, common noun or a word glued to a preposition, by the extractor's closed classes;
- `unbalanced`: quotation marks or brackets opened and never closed (or the reverse) in the
  prompt, so the text is cut inside a quote;
- `dangling-speech`: a prompt that ends on its attribution (`... المنطقة، قال كيري.`);
- `mixed-options`: MCQ options of different shapes (numbers beside words, a nationality
  adjective beside countries).
Each is checked on what students see (`shown_*`), so a hand edit that fixes it passes.
"""

from __future__ import annotations

import re

from studykit.arabic import fold, normalize
from studykit.models import Fact, FactKind, Question, QuestionType

_PAIRS = (("«", "»"), ("“", "”"), ("(", ")"), ("[", "]"))
_SPEECH_END = re.compile(
    r"[،,]\s*(?:و|ف)?(?:قال|قالت|اضاف|اضافت|اكد|اكدت|تابع|تابعت|اوضح|اوضحت|اشار|اشارت|ذكر|"
    r"ذكرت|صرح|صرحت)(?:\s+\S+){0,3}\s*[.؟?!]?\s*$")
_DIGIT = re.compile(r"[0-9٠-٩]")
_YEAR = re.compile(r"(?:عام\s*)?(?:19|20|١٩|٢٠)[0-9٠-٩]{2}")
# Templates whose answer is a person's name.
_PERSON_ANSWERS = ("who-holds-role", "quote-speaker")


def text_violations(q: Question, facts: dict[str, Fact]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    prompt = q.shown_prompt
    if q.type not in (QuestionType.TIMELINE, QuestionType.MATCHING):
        bad = _unbalanced(_without_blank(prompt))
        if bad:
            found.append(("unbalanced", f"{bad} not closed in the prompt"))
        if _SPEECH_END.search(fold(prompt).text):
            found.append(("dangling-speech", "the prompt ends on its attribution (قال ...)"))
    if _person_answer(q, facts) and not_a_name(q.shown_answer):
        found.append(("not-a-name", f"person answer {q.shown_answer!r} is no name"))
    if q.type == QuestionType.MCQ and q.shown_options:
        mixed = _mixed(q.shown_options)
        if mixed:
            found.append(("mixed-options", mixed))
    return found


def _without_blank(prompt: str) -> str:
    return prompt.replace("[...]", " ")


def _unbalanced(text: str) -> str | None:
    for open_, close in _PAIRS:
        depth = 0
        for ch in text:
            if ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth < 0:
                    return close
        if depth > 0:
            return open_
    if text.count('"') % 2:
        return '"'
    return None


def _person_answer(q: Question, facts: dict[str, Fact]) -> bool:
    if q.template in _PERSON_ANSWERS:
        return True
    if q.type not in (QuestionType.CLOZE, QuestionType.MCQ) or not q.fact_ids:
        return False
    first = facts.get(q.fact_ids[0])
    return first is not None and first.kind == FactKind.PERSON


def not_a_name(answer: str) -> bool:
    """Whether a person answer is made of words that are never names."""
    from studykit.extract.person_evidence import closed_class, is_name_word

    words = normalize(answer).split()
    if not words:
        return True
    if words[0].startswith(("ال", "لل", "وال", "بال")) and not is_name_word(words[0]):
        return True  # `والطاقة المتجددة`
    if len(words) >= 2 and words[0][:1] in ("ل", "ب") and words[1].startswith("ال") and (
            not is_name_word(words[0])):
        return True  # `لحقوق الإنسان`, `لبورصة الأوراق`: a preposition and a noun phrase
    return all(closed_class(w) and not is_name_word(w) for w in words) or (
        len(words) == 1 and closed_class(words[0]))


def _mixed(options: tuple[str, ...]) -> str | None:
    # A number option opens with its number (`612 مليون`); `الاتفاق النووي لعام 2015` is a name.
    with_digits = [bool(o.split() and _DIGIT.search(o.split()[0])) for o in options]
    if any(with_digits) and not all(with_digits):
        return "some options are numbers, some are not"
    # `2014` among percentages: a year is not a quantity (blind review of real news).
    years = [bool(_YEAR.fullmatch(o.strip())) for o in options]
    if any(years) and not all(years):
        return "a year among quantities"
    from studykit.extract import lexicon as L

    adjectives = [L.nationality(normalize(o)) is not None and " " not in o.strip()
                  and L.key(o) not in L.places() for o in options]  # `اليونان` is a country
    if any(adjectives) and not all(adjectives):
        return "a nationality adjective among names"
    return None
