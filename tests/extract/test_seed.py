"""The seed article against its hand annotation, and the contract every fact must keep."""

from __future__ import annotations

from typing import Any

from studykit.arabic import sentences
from studykit.models import Fact, fact_id
from studykit.score import score


def test_seed_meets_quality_bar(seed_facts: list[Fact], gold: dict[str, Any]) -> None:
    result = score(seed_facts, gold)
    assert result.micro.f1 >= 0.97, result.table()
    for name, kind in result.kinds.items():
        assert kind.f1 >= 0.95, (name, kind.missed, kind.spurious)


def test_mentions_index_the_text(seed_text: str, seed_facts: list[Fact]) -> None:
    spans = sentences(seed_text)
    for fact in seed_facts:
        assert fact.mentions, fact.id
        assert seed_text[fact.mentions[0].start:fact.mentions[0].end] == fact.text or (
            fact.kind.value == "person")
        starts = [m.start for m in fact.mentions]
        assert starts == sorted(starts)
        for m in fact.mentions:
            assert m.source == "seed"
            assert spans[m.sentence].start <= m.start < spans[m.sentence].end
            # Only a quotation may run on past its first sentence.
            assert m.end <= spans[m.sentence].end or fact.kind.value == "quote"
            assert seed_text[m.start:m.end].strip() == seed_text[m.start:m.end]


def test_ids_are_kind_and_value(seed_facts: list[Fact]) -> None:
    ids = [f.id for f in seed_facts]
    assert len(ids) == len(set(ids))
    for fact in seed_facts:
        assert fact.value is not None
        assert fact.id == fact_id(fact.kind, fact.value)


def test_people_roles_ranks_and_aliases(seed_facts: list[Fact]) -> None:
    people = {f.value: f for f in seed_facts if f.kind.value == "person"}
    minister = people["حسين أمير عبد اللهيان"]
    assert minister.role == "وزير الخارجية الإيراني"
    assert minister.attrs == {"rank": "foreign_minister", "country": "إيران"}
    assert {"عبد اللهيان", "عبد الليهان"} <= set(minister.aliases)
    # Lavrov is first called `نظيره الروسي`; the specific title wins.
    assert people["سيرجي لافروف"].role == "وزير الخارجية الروسي"
    # A counterpart takes the rank of the title it answers.
    assert people["فلاديمير بوتين"].attrs["rank"] == "president"
    assert "بيرموف" in people["جيهون بيراموف"].aliases


def test_person_text_is_the_fullest_form(seed_text: str, seed_facts: list[Fact]) -> None:
    for fact in (f for f in seed_facts if f.kind.value == "person"):
        surfaces = {seed_text[m.start:m.end] for m in fact.mentions}
        assert fact.text in surfaces
        assert all(len(s.split()) <= len(fact.text.split()) for s in surfaces)


def test_agreement_aliases_and_attrs(seed_facts: list[Fact]) -> None:
    deals = {f.value: f for f in seed_facts if f.kind.value == "agreement"}
    nuclear = deals["الاتفاق النووي"]
    assert {"خطة العمل الشاملة المشتركة", "الاتفاق النووي لعام 2015"} <= {
        nuclear.text, *nuclear.aliases}
    assert nuclear.attrs["date"] == "2015"
    long_term = deals["اتفاقية الـ 20 عامًا"]
    assert long_term.attrs["duration"] == "20 عامًا"
    assert "اتفاق استراتيجي طويل الأمد" in long_term.aliases


def test_places_have_kinds_and_countries(seed_facts: list[Fact]) -> None:
    places = {f.value: f for f in seed_facts if f.kind.value == "place"}
    assert places["موسكو"].subkind == "city"
    assert places["موسكو"].attrs["country"] == "روسيا"
    assert places["إيران"].subkind == "country"
    assert places["جنوب القوقاز"].subkind == "region"
