"""Fixtures for extractor tests: the seed article and its gold annotation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studykit.extract import extract
from studykit.models import Fact
from studykit.score import load_gold

DATA = Path(__file__).parent.parent / "data"
SEED_PUBLISHED = date(2023, 3, 30)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "iran-russia-visit-2023.ar.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_facts(seed_text: str) -> list[Fact]:
    return extract(seed_text, SEED_PUBLISHED, source="seed")


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return load_gold(DATA / "iran-russia-visit-2023.gold.json")


def facts_of(text: str, kind: str, published: date | None = SEED_PUBLISHED) -> list[Fact]:
    """Facts of one kind extracted from a short text."""
    return [f for f in extract(text, published) if f.kind.value == kind]
