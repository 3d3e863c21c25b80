"""The scorer: per-kind precision/recall/F1, dates on value, names on normalized tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit.errors import InputError
from studykit.models import Fact, FactKind, fact_id
from studykit.score import load_gold, name_key, score


def fact(kind: FactKind, value: str, text: str | None = None,
         aliases: tuple[str, ...] = ()) -> Fact:
    return Fact(id=fact_id(kind, value), kind=kind, text=text or value, value=value,
                aliases=aliases)


GOLD = {
    "facts": [
        {"kind": "date", "text": "أغسطس 2021", "value": "2021-08"},
        {"kind": "date", "text": "عام 2015", "value": "2015"},
        {"kind": "person", "text": "حسين أمير عبد اللهيان", "aliases": ["عبد اللهيان"]},
        {"kind": "person", "text": "سيرجي لافروف"},
        {"kind": "place", "text": "إيران"},
    ],
    "relative_dates": [{"text": "العام الماضي", "value": "2022"}],
}


def test_perfect_prediction_scores_one() -> None:
    facts = [fact(FactKind.DATE, "2021-08"), fact(FactKind.DATE, "2015"),
             fact(FactKind.DATE, "2022"), fact(FactKind.PERSON, "حسين أمير عبد اللهيان"),
             fact(FactKind.PERSON, "سيرجي لافروف"), fact(FactKind.PLACE, "إيران")]
    result = score(facts, GOLD)
    assert set(result.kinds) == {"date", "person", "place"}
    assert result.micro.f1 == 1.0


def test_dates_match_on_value_not_text() -> None:
    result = score([fact(FactKind.DATE, "2021-08", text="شهر أغسطس 2021"),
                    fact(FactKind.DATE, "2019")], GOLD)
    d = result.kinds["date"]
    assert (d.matched, d.predicted, d.expected) == (1, 2, 3)
    assert d.precision == 0.5 and d.recall == pytest.approx(1 / 3)
    assert d.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert d.missed == ("2015", "2022") and d.spurious == ("2019",)


def test_range_end_counts_as_a_predicted_date() -> None:
    # `16 و17 فيفري الماضي`: one fact (value the first day, attrs end the last); an annotator
    # lists both days, so both count as predicted values.
    gold = {"facts": [{"kind": "date", "text": "16 و17 فيفري", "value": "2022-02-16"},
                      {"kind": "date", "text": "17 فيفري", "value": "2022-02-17"}]}
    span = fact(FactKind.DATE, "2022-02-16").model_copy(update={"attrs": {"end": "2022-02-17"}})
    d = score([span], gold).kinds["date"]
    assert (d.matched, d.predicted, d.expected) == (2, 2, 2)
    wrong_end = span.model_copy(update={"attrs": {"end": "2022-02-18"}})
    d = score([wrong_end], gold).kinds["date"]
    assert (d.matched, d.predicted, d.expected) == (1, 2, 2)
    assert d.spurious == ("2022-02-18",) and d.missed == ("2022-02-17",)


def test_names_match_on_folded_tokens_and_aliases() -> None:
    # hamza and diacritics folded; a gold alias matches a predicted value
    people = [fact(FactKind.PERSON, "عبد اللهيان"), fact(FactKind.PERSON, "سيرغي لافروف",
                                                        aliases=("سيرجي لافروف",))]
    p = score(people, GOLD).kinds["person"]
    assert (p.matched, p.predicted, p.expected) == (2, 2, 2)
    assert name_key("إيرانُ") == name_key("ايران")


def test_matching_is_one_to_one() -> None:
    doubled = [fact(FactKind.PLACE, "إيران"), fact(FactKind.PLACE, "ايران", text="إيران")]
    p = score(doubled, GOLD).kinds["place"]
    assert (p.matched, p.predicted, p.expected) == (1, 2, 1)
    assert p.precision == 0.5


def test_empty_prediction() -> None:
    result = score([], GOLD)
    assert result.micro.matched == 0 and result.micro.f1 == 0.0
    assert result.kinds["date"].precision == 1.0  # nothing predicted, nothing wrong


def test_table_lists_every_kind_and_micro() -> None:
    table = score([fact(FactKind.PLACE, "إيران")], GOLD).table()
    assert [line.split()[0] for line in table.splitlines()[1:]] == [
        "date", "person", "place", "micro"]


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    assert load_gold(path)["facts"][0]["value"] == "2021-08"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a gold annotation JSON"):
        load_gold(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="no 'facts' list"):
        load_gold(path)
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "missing.json")
