"""Fifteen short articles in other outlets' styles (Lebanese, Egyptian, Moroccan, Saudi,
Ukraine wire copy, an analysis piece, Anadolu on the Caucasus, Sudan, Iraq, Jordan, Tunisia,
Qatar, Yemen, Palestine, Russia), with hand annotations in tests/data/dev/.

They were written for these tests and used while developing the rules, so they guard against
regressions in the conventions they show; they are not a held-out measure. dev7 to dev15
were annotated before the extractor first ran on them (micro-F1 then 0.82, 0.67, 0.88, 0.87,
0.88, 0.92, 0.83, 0.93, 0.85).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studykit.extract import extract
from studykit.score import load_gold, score

DEV = Path(__file__).parent.parent / "data" / "dev"


@pytest.mark.parametrize("name", [f"dev{i}" for i in range(1, 16)])
def test_dev_article_scores(name: str) -> None:
    gold = load_gold(DEV / f"{name}.gold.json")
    text = (DEV / f"{name}.ar.txt").read_text(encoding="utf-8")
    result = score(extract(text, date.fromisoformat(gold["published"])), gold)
    assert result.micro.f1 >= 0.90, result.table()
