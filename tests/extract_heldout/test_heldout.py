"""Held-out evaluation of the fact extractor on articles annotated before it ran on them.

tests/data/heldout/ (Lebanese 2019, Algerian 2022, Saudi 2024, Egyptian 2020) and
tests/data/heldout2/ (Iraqi 2009, Kuwaiti 2020, Moroccan 2018, Sudanese 2013, Yemeni 2022)
were written and annotated by hand before the extractor was run on them; their gold files must
not be edited to suit the extractor (only to fix real annotation errors). Both sets have since
been used to find general rules, so they guard against regressions rather than measure
generalisation (heldout2 scored micro-F1 0.871 when it was still blind). tests/data/heldout3/
(Algerian 2022, Egyptian 2025, Lebanese 2016, Saudi 2019, Sudanese 2012) scored 0.828 blind;
round 3 fixed its failure categories with family-wide rules, each shown on other members of
the family in tests/extract/test_families.py. Floors: 0.80 on heldout, 0.85 on heldout2 and
heldout3; the target on unseen news is 0.90. Run with `-s` for the tables.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from studykit.arabic import fold
from studykit.extract import extract
from studykit.score import KindScore, Score, load_gold, score
from studykit.sources import read_article

DATA = Path(__file__).parent.parent / "data"
# heldout4 (Kurdistan 2014, Qatar 2010, Morocco 2015, Gaza 2018, Egypt 2022) scored 0.815
# blind; round 4 fixed it (gazetteer data, camps and crossings named with their word, given
# names after a title's body, MP blocs, kunyas, Gulf genealogies, nested purposes, deadline
# years, word given names with an attested surname) to 0.986, each rule shown on other
# sentences in tests/extract/test_conventions_*.py. Its floor is that minus 0.05.
# heldout5 (Syria 2018, UAE 2021, Tunisia 2023, Jordan 2022, Yemen 2018) is still blind: no rule
# was written while looking at it (0.775 before round 4, 0.786 after); its floor only guards
# against regressions. Fix rules against it and it stops measuring anything.
FLOORS = {"heldout": 0.80, "heldout2": 0.85, "heldout3": 0.85, "heldout4": 0.93,
          "heldout5": 0.74}
SETS = {name: sorted(p.name.removesuffix(".gold.json") for p in (DATA / name).glob("*.gold.json"))
        for name in FLOORS}
ARTICLES = [(name, slug) for name, slugs in SETS.items() for slug in slugs]
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@cache
def scored(name: str, slug: str) -> Score:
    """Extract facts from one held-out article and score them against its gold file."""
    article = read_article(DATA / name / f"{slug}.ar.txt")
    facts = extract(article.body, article.source.published, article.source.id)
    return score(facts, load_gold(DATA / name / f"{slug}.gold.json"))


def overall(scores: list[Score]) -> Score:
    """Sum the per-kind counts of several articles (micro averaging across articles)."""
    kinds: dict[str, KindScore] = {}
    for s in scores:
        for name, k in s.kinds.items():
            old = kinds.get(name, KindScore(0, 0, 0))
            kinds[name] = KindScore(old.matched + k.matched, old.predicted + k.predicted,
                                    old.expected + k.expected, old.missed + k.missed,
                                    old.spurious + k.spurious)
    return Score(kinds)


def errors(result: Score) -> str:
    """The missed and spurious items of every kind, one line each."""
    lines = []
    for name, k in result.kinds.items():
        if k.missed:
            lines.append(f"  {name} missed:   " + " | ".join(k.missed))
        if k.spurious:
            lines.append(f"  {name} spurious: " + " | ".join(k.spurious))
    return "\n".join(lines)


def report(name: str) -> str:
    """Per-article tables of one set with their errors, then the set's overall table."""
    parts = []
    for slug in SETS[name]:
        result = scored(name, slug)
        parts += [f"== {slug}  micro-F1 {result.micro.f1:.3f}", result.table(), errors(result)]
    parts += [f"== overall {name}", overall([scored(name, s) for s in SETS[name]]).table()]
    return "\n".join(parts)


@pytest.mark.parametrize("name", list(FLOORS))
def test_heldout_set_is_complete(name: str) -> None:
    assert len(SETS[name]) >= 4
    for slug in SETS[name]:
        assert (DATA / name / f"{slug}.ar.txt").is_file(), slug


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_gold_is_consistent_with_article(name: str, slug: str) -> None:
    """Every gold fact is written in the article (folded), and date values are ISO."""
    gold: dict[str, Any] = load_gold(DATA / name / f"{slug}.gold.json")
    article = read_article(DATA / name / f"{slug}.ar.txt")
    published = article.source.published
    assert published is not None and gold["published"] == published.isoformat()
    body = " ".join(fold(article.body).text.split())
    for fact in [*gold["facts"], *gold.get("relative_dates", [])]:
        if fact.get("kind", "date") == "date":
            assert ISO.match(str(fact["value"])), fact
            date.fromisoformat(str(fact["value"]) + "-01" * (2 - str(fact["value"]).count("-")))
        # Aliases may be canonical forms; the surface text itself must occur (ل+ال → لل).
        text = fold(fact["text"]).text
        assert text in body or "ل" + text[1:] in body, fact["text"]


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_article_report(name: str, slug: str) -> None:
    """Prints one article's table; fails only if the extractor finds nothing at all."""
    result = scored(name, slug)
    print(f"\n== {slug}  micro-F1 {result.micro.f1:.3f}\n{result.table()}\n{errors(result)}")
    assert result.micro.predicted > 0, slug


@pytest.mark.parametrize("name", list(FLOORS))
def test_overall_micro_f1(name: str) -> None:
    total = overall([scored(name, s) for s in SETS[name]])
    print("\n" + report(name))
    assert total.micro.f1 >= FLOORS[name], "\n" + report(name)


if __name__ == "__main__":
    print("\n\n".join(report(name) for name in FLOORS))
