"""GIFT: parsed back with a reader written from docs.moodle.org/en/GIFT_format.

The reader honours what Moodle's does: blank lines separate questions, `//` lines are comments,
`$CATEGORY:` lines switch category, `::title::`, `[html]`, an answer block in braces (anywhere:
text after it makes a missing-word question), `=`/`~` answers, `->` matching, `T`/`F`, and a
backslash escaping any of `~ = # { } :` (and itself).
"""

from __future__ import annotations

import re
from html import unescape

from test_handout_bank import NASTY, make_bank

from studykit.exporters.accepted import accepted_forms
from studykit.exporters.gift import dumps_gift, gift_escape
from studykit.models import QuestionType

_WRAP = re.compile(r'^<div dir="rtl" lang="ar">(.*)</div>$', re.S)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split at unescaped mark characters: [(mark, raw text after it), ...]."""
    parts: list[tuple[str, str]] = []
    i, mark, start = 0, "", 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in marks:
            if i > start or mark:
                parts.append((mark, text[start:i]))
            mark, start = text[i], i + 1
        i += 1
    parts.append((mark, text[start:]))
    return [(m, t) for m, t in parts if m or t.strip()]


def unescape_gift(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def find_block(text: str) -> tuple[int, int]:
    """The unescaped `{`...`}` answer block."""
    opened = closed = -1
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "{" and opened < 0:
            opened = i
        elif text[i] == "}" and opened >= 0:
            closed = i
            break
        i += 1
    assert 0 <= opened < closed, text
    return opened, closed


def parse_gift(text: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    category = ""
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if not ln.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:"):].strip()
            continue
        title_match = re.match(r"::((?:\\.|[^\\:])*)::", body)
        assert title_match, body
        title = unescape_gift(title_match.group(1))
        rest = body[title_match.end():]
        assert rest.startswith("[html]")
        rest = rest[len("[html]"):]
        opened, closed = find_block(rest)
        before, answers, after = rest[:opened], rest[opened + 1:closed], rest[closed + 1:]
        # Missing word (text after the block, here the wrapper's closing tag): mark the blank.
        html = unescape_gift(before) + ("[...]" + unescape_gift(after) if after.strip() else "")
        match = _WRAP.match(html)
        assert match and "<" not in match.group(1), html
        entry: dict[str, object] = {"prompt": unescape(match.group(1)), "category": category}
        if answers.strip() in ("T", "F", "TRUE", "FALSE"):
            entry["verdict"] = answers.strip()[0]
        else:
            items = split_unescaped(answers, "=~")
            if any("->" in t for _, t in items):
                halves = [t.split("->", 1) for _, t in items]
                entry["pairs"] = [(unescape(unescape_gift(a).strip()), unescape_gift(b).strip())
                                  for a, b in halves]
            else:
                entry["right"] = [unescape_gift(t).strip() for m, t in items if m == "="]
                entry["wrong"] = [unescape_gift(t).strip() for m, t in items if m == "~"]
        out[title] = entry
    return out


def test_round_trip_matches_the_bank() -> None:
    bank = make_bank()
    parsed = parse_gift(dumps_gift(bank))
    assert set(parsed) == {q.id for q in bank.questions}
    for q in bank.questions:
        got = parsed[q.id]
        assert got["category"] == f"$course$/top/{bank.title}/iran-russia-2023"
        assert got["prompt"] == q.prompt
        if q.type == QuestionType.MCQ:
            assert [unescape(a) for a in got["right"]] == [q.answer]  # type: ignore[attr-defined]
            wrong = [unescape(a) for a in got["wrong"]]  # type: ignore[attr-defined]
            assert sorted(wrong) == sorted(o for o in q.options if o != q.answer)
        elif q.type in (QuestionType.SHORT_ANSWER, QuestionType.CLOZE):
            # The bank's answers first, then the other spellings the quiz accepts.
            assert got["right"] == accepted_forms(q) and got["wrong"] == []
        elif q.type == QuestionType.TRUE_FALSE:
            assert got["verdict"] == "T"
        else:
            assert got["pairs"] == [(p.left, p.right) for p in q.pairs]


def test_special_characters_are_escaped() -> None:
    assert gift_escape("~ = # { } : \\") == "\\~ \\= \\# \\{ \\} \\: \\\\"
    bank = make_bank()
    text = dumps_gift(bank)
    assert "<script>" not in text
    parsed = parse_gift(text)
    assert any(NASTY in str(e["prompt"]) for e in parsed.values())
    q = next(q for q in bank.questions if q.type == QuestionType.SHORT_ANSWER)
    odd = q.model_copy(update={"answer": "a=b~c#d{e}f:g\\h", "alternatives": ()})
    got = parse_gift(dumps_gift(bank.model_copy(update={"questions": (odd,)})))
    assert got[q.id]["right"] == ["a=b~c#d{e}f:g\\h"]


def test_false_statement() -> None:
    bank = make_bank()
    tf = next(q for q in bank.questions if q.type == QuestionType.TRUE_FALSE)
    got = parse_gift(dumps_gift(bank.model_copy(update={"questions": (
        tf.model_copy(update={"answer": "خطأ"}),)})))
    assert got[tf.id]["verdict"] == "F"
