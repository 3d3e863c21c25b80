"""Where an event happened: `أين {event}؟` from a verbal clause with a locative place."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.generate import generate
from studykit.models import QuestionType
from studykit.pipeline import extract_articles
from studykit.sources import read_article


def questions_for(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "a.ar.txt"
    path.write_text("---\ntitle: خبر\npublished: 2024-05-02\n---\n" + body + "\n",
                    encoding="utf-8")
    article = read_article(path)
    made = generate("t", [article], extract_articles([article]))
    return [(q.prompt, q.answer) for q in made
            if q.template == "event-place" and q.type == QuestionType.SHORT_ANSWER]


@pytest.mark.parametrize("body, prompt_start, answer", [
    ("التقى وزير الخارجية المصري سامح شكري أمس نظيره الأردني أيمن الصفدي في عمّان لبحث "
     "التطورات الإقليمية وسبل دعم التعاون بين البلدين.", "أين التقى", "عمّان"),
    ("وقّع رئيس الوزراء العراقي محمد شياع السوداني اتفاقية للتعاون في مجال الطاقة في باريس "
     "على هامش مؤتمر دولي للطاقة الأسبوع الماضي.", "أين وقّع", "باريس"),
])
def test_place_of_an_event_is_asked(tmp_path: Path, body: str, prompt_start: str,
                                    answer: str) -> None:
    asked = questions_for(tmp_path, body)
    assert any(p.startswith(prompt_start) and p.endswith("؟") and a == answer
               for p, a in asked), asked
    assert all(answer not in p for p, _ in asked)


def test_a_capital_given_away_by_its_country_is_not_asked(tmp_path: Path) -> None:
    body = ("وقّع رئيس الوزراء العراقي محمد شياع السوداني اتفاقية للتعاون في مجال الطاقة في "
            "باريس خلال زيارته الرسمية إلى فرنسا الأسبوع الماضي.")
    assert questions_for(tmp_path, body) == []


def test_a_place_inside_a_reported_clause_is_not_where_the_speaker_spoke(tmp_path: Path) -> None:
    body = ("أكد وزير الخارجية الفلسطيني رياض المالكي أن الرئيس سيطرح القضية أمام الجمعية "
            "العامة للأمم المتحدة في نيويورك نهاية الشهر الجاري.")
    assert questions_for(tmp_path, body) == []
