"""Scoring extracted facts against a hand annotation: per-kind precision, recall and F1.

Dates are matched on their ISO value (a range's end counts as a predicted value too); names
(people, places, agreements) on normalized tokens: a predicted fact matches a gold one when any
of its spellings (value, text, aliases) equals any of the gold spellings after folding.
Matching is one-to-one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studykit.arabic import tokens
from studykit.errors import InputError
from studykit.models import Fact


@dataclass(frozen=True)
class KindScore:
    """Counts for one kind; precision/recall/F1 derived from them."""

    matched: int
    predicted: int
    expected: int
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    kinds: dict[str, KindScore] = field(default_factory=dict)

    @property
    def micro(self) -> KindScore:
        return KindScore(sum(k.matched for k in self.kinds.values()),
                         sum(k.predicted for k in self.kinds.values()),
                         sum(k.expected for k in self.kinds.values()))

    def table(self) -> str:
        """Plain-text table: kind, P, R, F1, counts."""
        rows = [f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6}  matched/predicted/expected"]
        for name, k in [*self.kinds.items(), ("micro", self.micro)]:
            rows.append(f"{name:<10} {k.precision:6.3f} {k.recall:6.3f} {k.f1:6.3f}  "
                        f"{k.matched}/{k.predicted}/{k.expected}")
        return "\n".join(rows)


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold annotation JSON (`{"facts": [...], "relative_dates": [...]}`)."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{file}: not a gold annotation JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError(f"{file}: gold annotation has no 'facts' list")
    return data


def name_key(text: str) -> tuple[str, ...]:
    """Folded word tokens: the form names are compared in."""
    return tuple(tokens(text))


def score(facts: Sequence[Fact], gold: Mapping[str, Any], strict_people: bool = False) -> Score:
    """Score `facts` against `gold` for every kind the gold annotates.

    `strict_people`: a person matches only by its full name — the predicted value and the gold
    name (its `value`, else `text`) share at least 60% of the longer name's words — so a bare
    «جون» for «جون كيري» is a miss and a spurious person, not a hit through an alias.
    """
    gold_facts: list[Mapping[str, Any]] = list(gold["facts"])
    kinds = list(dict.fromkeys(str(g["kind"]) for g in gold_facts))
    if gold.get("relative_dates") and "date" not in kinds:
        kinds.append("date")  # only relative dates (`أمس`) in the gold: still scored
    result: dict[str, KindScore] = {}
    for kind in kinds:
        expected = [g for g in gold_facts if g["kind"] == kind]
        predicted = [f for f in facts if f.kind.value == kind]
        if kind == "date":
            extra = gold.get("relative_dates") or []
            result[kind] = _score_dates(predicted, [*expected, *extra])
        elif kind == "person" and strict_people:
            result[kind] = _score_people_strict(predicted, expected)
        else:
            result[kind] = _score_names(predicted, expected)
    return Score(result)


def _score_dates(predicted: list[Fact], expected: Iterable[Mapping[str, Any]]) -> KindScore:
    """Dates match on ISO value. A range (`16 و17 فيفري`) predicts both its start (the value)
    and its end (attrs["end"]), as a human annotator lists both days."""
    want = {str(g["value"]) for g in expected if g.get("value")}
    got = {f.value for f in predicted if f.value}
    got |= {f.attrs["end"] for f in predicted if f.value and f.attrs.get("end")}
    hit = want & got
    return KindScore(len(hit), len(got), len(want), tuple(sorted(want - got)),
                     tuple(sorted(got - want)))


def _score_names(predicted: list[Fact], expected: list[Mapping[str, Any]]) -> KindScore:
    pred_keys = [{name_key(n) for n in (f.value or "", f.text, *f.aliases) if n}
                 for f in predicted]
    used: set[int] = set()
    missed: list[str] = []
    for g in expected:
        keys = {name_key(str(n)) for n in (g["text"], *(g.get("aliases") or []))}
        match = next((i for i, k in enumerate(pred_keys) if i not in used and k & keys), None)
        if match is None:
            missed.append(str(g["text"]))
        else:
            used.add(match)
    spurious = tuple(predicted[i].text for i in range(len(predicted)) if i not in used)
    return KindScore(len(used), len(predicted), len(expected), tuple(missed), spurious)


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    longer = max(len(a), len(b))
    return len(set(a) & set(b)) / longer if longer else 0.0


def _score_people_strict(predicted: list[Fact], expected: list[Mapping[str, Any]]) -> KindScore:
    pred_keys = [name_key(f.value or f.text) for f in predicted]
    used: set[int] = set()
    missed: list[str] = []
    for g in expected:
        want = name_key(str(g.get("value") or g["text"]))
        best = max((i for i in range(len(pred_keys)) if i not in used),
                   key=lambda i: _overlap(pred_keys[i], want), default=None)
        if best is None or _overlap(pred_keys[best], want) < 0.6:
            missed.append(str(g.get("value") or g["text"]))
        else:
            used.add(best)
    spurious = tuple(predicted[i].value or predicted[i].text
                     for i in range(len(predicted)) if i not in used)
    return KindScore(len(used), len(predicted), len(expected), tuple(missed), spurious)
