"""Quality rules for a bank: what `studykit check` enforces and tests run on generated banks.

Rules (each violation names its rule):
- `answer-unsupported`: the answer is not written in the source sentence, nor is it another
  form of a date written there (true/false: the
  statement does not match the sentence the way its verdict says; timeline/matching: the pairs
  disagree with the bank's facts).
- `answer-in-prompt`: the prompt gives the answer away; `answer-in-options`: another option
  contains the answer.
- `duplicate-prompt`: two checked questions show the same prompt (and the same pairs).
- `page-residue`: the source sentence is navigation or tag residue, not article text.
- `options`: not exactly one correct option, repeated options, wrong option count.
- `interrogative`: the question word does not fit the answer (متى date, من person, أين place,
  كم number, ما agreement/role).
- `unknown-fact`: the question cites a fact the bank does not hold.
- `not-a-name`, `unbalanced`, `dangling-speech`, `mixed-options`: see studykit.check_text.
Hand edits count: rules look at `shown_prompt`, `shown_answer` and `shown_options`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studykit.arabic import normalize
from studykit.check_text import text_violations
from studykit.generate.text import contains_phrase, phrase_tokens
from studykit.models import Bank, Fact, FactKind, Question, QuestionType
from studykit.sourcefiles import Articles, find_articles
from studykit.sources import is_residue_line


@dataclass(frozen=True)
class Violation:
    question_id: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.question_id}  {self.rule}: {self.message}"


TRUE, FALSE = "صح", "خطأ"
MCQ_OPTIONS = 4
# Question word → the kinds of answer it may ask for.
INTERROGATIVES: dict[str, set[str]] = {
    "متى": {"date"},
    "من": {"person"},
    "أين": {"place"},
    "كم": {"number", "duration"},
    "ما": {"agreement", "role", "organization", "duration", "number", "quote"},
    "ماذا": {"agreement", "role", "organization", "quote"},
    "ماهي": {"agreement", "role", "organization"},
}
# Templates whose answer is not of the first fact's kind.
ANSWER_KIND = {
    "role-of-person": "role",
    "agreement-date": "date",
    "agreement-duration": "duration",
    "agreement-parties": "agreement",
    "quote-speaker": "person",
}
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_TAG_LINE = re.compile(r"[\u0621-\u064A]{8,}")


def check_bank(bank: Bank, include_drafts: bool = False,
               articles: Articles | None = None) -> list[Violation]:
    """Every rule violation among approved questions (and drafts when asked), in bank order.

    When a source article is still at its recorded path with the recorded checksum, each
    question's sentence is also checked against it: it must sit at its offsets, outside
    page residue. `articles` are the ones `sourcefiles.find_articles` found (default: looked
    up from the current folder).
    """
    facts = {f.id: f for f in bank.facts}
    if articles is None:
        articles = find_articles(bank)[0]
    out: list[Violation] = []
    seen: dict[str, str] = {}
    for q in bank.selected(include_drafts):
        found = _check_question(q, facts)
        found += _check_offsets(q, articles)
        # Timeline and matching prompts are instructions; their items are the pairs.
        key = normalize(" ".join([q.shown_prompt, *(f"{p.left}|{p.right}"
                                                   for p in q.shown_pairs)]))
        if key in seen:
            found.append(("duplicate-prompt", f"same prompt as {seen[key]}"))
        else:
            seen[key] = q.id
        out += [Violation(q.id, rule, message) for rule, message in found]
    return out


def question_violations(q: Question, bank: Bank) -> list[tuple[str, str]]:
    """(rule, message) for each rule one question breaks on its own (no duplicate or offset
    check): what the review editor tests an edit against."""
    return _check_question(q, {f.id: f for f in bank.facts})


def _check_question(q: Question, facts: dict[str, Fact]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    missing = [fid for fid in q.fact_ids if fid not in facts]
    if missing:
        found.append(("unknown-fact", f"cites {', '.join(missing)}, not in the bank"))
    if _is_residue(q.source.sentence):
        found.append(("page-residue", f"source is page residue: {q.source.sentence[:40]!r}"))
    if q.type in (QuestionType.CLOZE, QuestionType.MCQ, QuestionType.SHORT_ANSWER):
        found += _check_answer(q)
    if q.type == QuestionType.MCQ:
        found += _check_options(q)
    elif q.type == QuestionType.TRUE_FALSE:
        found += _check_true_false(q)
    elif q.type == QuestionType.TIMELINE:
        found += _check_timeline(q, facts)
    elif q.type == QuestionType.MATCHING:
        found += _check_matching(q, facts)
    found += _check_interrogative(q, facts)
    found += text_violations(q, facts)
    return found


def _check_offsets(q: Question, articles: Articles) -> list[tuple[str, str]]:
    if q.source.source not in articles:
        return []
    text, body = articles[q.source.source]
    src = q.source
    if text[src.start:src.end] != src.sentence:
        return [("answer-unsupported", f"the source sentence is not at {src.start}:{src.end} "
                                       f"of {src.source}")]
    if body[src.start:src.end] != src.sentence:
        return [("page-residue", "the source sentence overlaps page residue")]
    return []


def _is_residue(sentence: str) -> bool:
    lines = [line.strip() for line in sentence.splitlines() if line.strip()]
    return not lines or any(is_residue_line(line) or _TAG_LINE.fullmatch(line)
                            for line in lines)


def _accepted(q: Question) -> list[str]:
    return [a for a in (q.shown_answer, *q.shown_alternatives) if a.strip()]


def _check_answer(q: Question) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    answer = q.shown_answer
    src = q.source
    edited_answer = bool(q.edit and q.edit.answer)
    if src.answer_start is not None and src.answer_end is not None and not edited_answer:
        written = src.sentence[src.answer_start:src.answer_end]
        if normalize(written) != normalize(answer):
            found.append(("answer-unsupported",
                          f"source offsets give {written!r}, answer is {answer!r}"))
    elif not (_written_in(answer, src.sentence) if edited_answer
              else any(_written_in(a, src.sentence) for a in _accepted(q))):
        found.append(("answer-unsupported", f"{answer!r} is not in the source sentence"))
    prompt = _QUOTED.sub(" ", q.shown_prompt) if q.template == "quote-speaker" else q.shown_prompt
    giveaway = next((a for a in _accepted(q) if contains_phrase(prompt, a)), None)
    if giveaway is not None:
        found.append(("answer-in-prompt", f"the prompt contains {giveaway!r}"))
    return found


def _written_in(answer: str, sentence: str) -> bool:
    """The answer, or each part of a `X وY` list answer, is in the sentence, or the answer is
    another form of a date the sentence writes (`29 مارس 2023` for `29 مارس الجاري`)."""
    if contains_phrase(sentence, answer) or same_date_written(answer, sentence):
        return True
    parts = [p for p in re.split(r"\s+و", answer) if p.strip()]
    return len(parts) > 1 and all(contains_phrase(sentence, p) for p in parts)


_RELATIVE_YEAR = ("الجاري", "الماضي", "المقبل", "الحالي", "الفائت", "الفارط", "القادم")


def same_date_written(answer: str, sentence: str) -> bool:
    """True when `answer` names a month (and day) the sentence writes with the same day and
    month, and with the same year or a relative one (`الجاري`) in its place."""
    from studykit.arabic import to_latin_digits
    from studykit.generate.dates import parse_written

    want = parse_written(answer)
    if want.month is None:
        return False
    day = _number(answer, want.day)
    year = _number(answer, want.year)
    words = sentence.split()
    for i in range(len(words)):
        for n in (2, 3, 4):
            window = " ".join(words[i:i + n]).strip("،,.؛:()«»“”\"")
            got = parse_written(window)
            if got.month is None or got.month[3] != want.month[3]:
                continue
            day_before = i > 0 and to_latin_digits(words[i - 1]).isdigit()
            if _number(window, got.day) != day or (day is None and day_before):
                continue  # same precision: `نيسان 2024` is not `3 نيسان الماضي`
            got_year = _number(window, got.year)
            if got_year == year or (got_year is None and normalize(window).endswith(
                    tuple(normalize(r) for r in _RELATIVE_YEAR))):
                return True
    return False


def _number(text: str, span: tuple[int, int] | None) -> int | None:
    from studykit.arabic import to_latin_digits

    return int(to_latin_digits(text[span[0]:span[1]])) if span else None


def _check_options(q: Question) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    options = q.shown_options
    keys = [normalize(o) for o in options]
    if len(options) != MCQ_OPTIONS:
        found.append(("options", f"{len(options)} options, expected {MCQ_OPTIONS}"))
    if len(set(keys)) != len(keys):
        found.append(("options", "two options are the same after normalization"))
    accepted = {normalize(a) for a in _accepted(q)}
    right = [o for o in options if normalize(o) in accepted]
    if len(right) != 1 or normalize(q.shown_answer) not in keys:
        found.append(("options", f"{len(right)} options are correct, expected exactly one"))
    answer_tokens = phrase_tokens(q.shown_answer)
    for option in options:
        if normalize(option) not in accepted and answer_tokens and contains_phrase(
                option, q.shown_answer):
            found.append(("answer-in-options", f"option {option!r} contains the answer"))
    return found


def _statement(q: Question) -> str:
    prompt = q.shown_prompt
    head, sep, rest = prompt.partition(":")
    return rest.strip() if sep and len(head.split()) <= 4 else prompt.strip()


def _check_true_false(q: Question) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if tuple(q.shown_options) not in ((TRUE, FALSE), ()):
        found.append(("options", f"true/false options must be ({TRUE}, {FALSE})"))
    answer = q.shown_answer
    if answer not in (TRUE, FALSE):
        return [*found, ("options", f"true/false answer must be {TRUE} or {FALSE}")]
    if q.edit and q.edit.prompt:
        return found  # a reviewer rewrote the statement; their verdict stands
    same = normalize(_statement(q)) == normalize(q.source.sentence)
    if answer == TRUE and not same:
        found.append(("answer-unsupported", "a true statement must be the source as written"))
    if answer == FALSE and same:
        found.append(("answer-unsupported", "a false statement repeats the source unchanged"))
    return found


def _check_timeline(q: Question, facts: dict[str, Fact]) -> list[tuple[str, str]]:
    dates = [facts.get(fid) for fid in q.fact_ids]
    if any(f is None for f in dates) or len(q.shown_pairs) != len(dates):
        return [("answer-unsupported", "timeline pairs do not match its date facts")]
    values = [f.value or "" for f in dates if f is not None]
    if values != sorted(values) or not all(values):
        return [("answer-unsupported", "timeline dates are not in chronological order")]
    for pair, fact in zip(q.shown_pairs, dates, strict=True):
        if fact is not None and normalize(pair.right) not in {normalize(fact.text),
                                                              *map(normalize, fact.aliases)}:
            return [("answer-unsupported", f"{pair.right!r} is not how {fact.id} is written")]
    return []


def _check_matching(q: Question, facts: dict[str, Fact]) -> list[tuple[str, str]]:
    known = {(normalize(f.value or f.text), normalize(f.role or "")) for f in facts.values()
             if f.kind == FactKind.PERSON}
    agreements = [f for f in facts.values() if f.kind == FactKind.AGREEMENT]
    dates = [d for d in facts.values() if d.kind == FactKind.DATE] if agreements else []
    known |= {(normalize(f.text), normalize(d.text)) for f in agreements for d in dates
              if f.attrs.get("date") in (d.value, d.text)}
    for pair in q.shown_pairs:
        if (normalize(pair.left), normalize(pair.right)) not in known:
            return [("answer-unsupported", f"{pair.left!r} ↔ {pair.right!r} is not a bank fact")]
    return [] if len(q.shown_pairs) >= 2 else [("options", "a matching question needs 2+ pairs")]


def _check_interrogative(q: Question, facts: dict[str, Fact]) -> list[tuple[str, str]]:
    prompt = q.shown_prompt.strip()
    if not prompt.endswith(("؟", "?")) or q.type in (QuestionType.TRUE_FALSE,
                                                      QuestionType.TIMELINE):
        return []
    asked = _QUOTED.sub(" ", prompt.rstrip("؟?"))
    segments = [s.split() for s in re.split(r"[،,:\n]", asked) if s.split()]
    if not segments:
        return []
    word = segments[-1][0]
    if word not in INTERROGATIVES:
        word = segments[0][0]
    if word not in INTERROGATIVES:
        return []
    first = facts.get(q.fact_ids[0]) if q.fact_ids else None
    kind = ANSWER_KIND.get(q.template) or (first.kind.value if first else None)
    if kind is None or kind in INTERROGATIVES[word]:
        return []
    return [("interrogative", f"{word!r} does not ask for a {kind}")]
