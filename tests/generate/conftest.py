"""Facts for generator tests, built from hand annotations (gold files) on real articles.

The extractor is developed separately; these facts are what it should find, with mentions
located by searching the article body, so the generators are tested on real sentences.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studykit.generate.text import find_phrase
from studykit.models import Fact, FactKind, Mention, fact_id
from studykit.sources import Article, read_article

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = ROOT / "decks" / "iran-russia-2023" / "article.ar.txt"
OTHER = DATA / "egypt-saudi-power-link-2024.ar.txt"

# Sub-kinds of the seed's places (the seed gold file records names only).
SEED_PLACES = {
    "city": ["موسكو", "أنقرة", "فيينا", "الدوحة", "واشنطن", "طهران", "بكين", "دير الزور",
             "الحسكة", "دمشق", "باكو", "كييف"],
    "region": ["جنوب القوقاز", "آسيا", "أمريكا اللاتينية", "أفريقيا", "الشرق الأوسط",
               "القوقاز", "ناجورنو قرة باغ"],
}


def _mentions(article: Article, names: list[str]) -> tuple[Mention, ...]:
    found: set[tuple[int, int]] = set()
    for name in names:
        pos = 0
        while (at := find_phrase(article.body, name, pos)) is not None:
            found.add(at)
            pos = at[1]
    # Drop mentions nested in a longer one (`القوقاز` inside `جنوب القوقاز`).
    spans = sorted(found)
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return tuple(Mention(start=s, end=e, sentence=0, source=article.source.id) for s, e in kept)


def facts_from_gold(article: Article, gold: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    taken = [m for item in gold["facts"]
             for m in _mentions(article, [item["text"], *item.get("aliases", ())])]
    subkinds = {n: k for k, names in SEED_PLACES.items() for n in names}
    for item in gold["facts"]:
        kind = FactKind(item["kind"])
        text = item["text"]
        aliases = tuple(item.get("aliases", ()))
        value = item.get("value", text)
        subkind = item.get("subkind")
        if kind == FactKind.DATE and value and not subkind:
            subkind = {4: "year", 7: "month", 10: "day"}[len(value)]
        if kind == FactKind.PLACE and not subkind:
            subkind = subkinds.get(text, "country")
        mentions = tuple(m for m in _mentions(article, [text, *aliases]) if not any(
            (o.start, o.end) != (m.start, m.end) and o.start <= m.start and m.end <= o.end
            for o in taken))
        if not mentions:
            continue
        fid = fact_id(kind, value or text)
        facts.append(Fact(
            id=fid, kind=kind, text=article.text[mentions[0].start:mentions[0].end],
            value=value, mentions=mentions, aliases=aliases, role=item.get("role"),
            subkind=subkind, relative=any(w in text for w in ("الجاري", "الماضي")),
            attrs={k: str(v) for k, v in item.get("attrs", {}).items()},
        ))
    return facts


def load(article_path: Path, gold_path: Path) -> tuple[Article, list[Fact]]:
    article = read_article(article_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return article, facts_from_gold(article, gold)


@pytest.fixture(scope="session")
def seed() -> tuple[Article, list[Fact]]:
    return load(SEED, DATA / "iran-russia-visit-2023.gold.json")


@pytest.fixture(scope="session")
def other() -> tuple[Article, list[Fact]]:
    return load(OTHER, DATA / "egypt-saudi-power-link-2024.gold.json")
