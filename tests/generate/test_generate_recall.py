"""Short answer, matching and distractor rules on small hand-made facts over real sentences."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from studykit.check import check_bank
from studykit.generate import generate
from studykit.generate.common import Context
from studykit.generate.distractors import distractors, officials, places, rank_of
from studykit.generate.recall import recall
from studykit.models import Bank, Fact, FactKind, Mention, QuestionType, fact_id
from studykit.sources import Article, read_article

TEXT = (
    "وخلال المحادثات في موسكو، دعا وزير الخارجية الروسي، سيرجي لافروف، إلى استئناف المفاوضات.\n"
    "وقالت وزيرة الخارجية الألمانية، أنالينا بيربوك، إن “الحوار هو الطريق الوحيد للخروج من هذه "
    "الأزمة الطويلة”.\n"
    "والتقى الرئيس الروسي، فلاديمير بوتين، نظيره الإيراني، إبراهيم رئيسي، في طهران.\n"
    "ووقّع البلدان اتفاقية تعاون سيبراني في يناير 2021 لمدة 20 عامًا بين إيران وروسيا.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "mini.ar.txt"
    path.write_text(TEXT, encoding="utf-8")
    return read_article(path)


def fact(article: Article, kind: FactKind, text: str, **extra: object) -> Fact:
    start = article.text.index(text)
    value = str(extra.pop("value", text))
    return Fact(id=fact_id(kind, value), kind=kind, text=text, value=value,
                mentions=(Mention(start=start, end=start + len(text), sentence=0,
                                  source=article.source.id),), **extra)


def test_role_questions_and_alternatives(article: Article) -> None:
    lavrov = fact(article, FactKind.PERSON, "سيرجي لافروف", role="وزير الخارجية الروسي",
                  aliases=("سيرغي لافروف",))
    ctx = Context("b", [article], [lavrov])
    by_template = {q.template: q for q in recall(ctx, lavrov)}
    who = by_template["who-holds-role"]
    assert who.prompt == "بحسب المقال، من هو وزير الخارجية الروسي؟"
    assert who.answer == "سيرجي لافروف"
    assert set(who.alternatives) == {"سيرغي لافروف", "لافروف"}
    role = by_template["role-of-person"]
    assert role.prompt == "ما منصب سيرجي لافروف كما ورد في المقال؟"
    assert role.source.sentence[role.source.answer_start:role.source.answer_end] == \
        "وزير الخارجية الروسي"


def test_feminine_role_and_quote_speaker(article: Article) -> None:
    baerbock = fact(article, FactKind.PERSON, "أنالينا بيربوك",
                    role="وزيرة الخارجية الألمانية")
    quote = fact(article, FactKind.QUOTE,
                 "الحوار هو الطريق الوحيد للخروج من هذه الأزمة الطويلة",
                 attrs={"speaker": baerbock.id, "speaker_name": "أنالينا بيربوك"})
    ctx = Context("b", [article], [baerbock, quote])
    who = next(q for q in recall(ctx, baerbock) if q.template == "who-holds-role")
    assert who.prompt == "بحسب المقال، من هي وزيرة الخارجية الألمانية؟"
    said = recall(ctx, quote)
    assert len(said) == 1
    assert said[0].prompt == "من قال: «الحوار هو الطريق الوحيد للخروج من هذه الأزمة الطويلة»؟"
    assert said[0].answer == "أنالينا بيربوك"
    assert said[0].type == QuestionType.SHORT_ANSWER


def test_counterpart_roles_make_no_role_question(article: Article) -> None:
    putin = fact(article, FactKind.PERSON, "فلاديمير بوتين", role="نظيره الروسي")
    assert recall(Context("b", [article], [putin]), putin) == []


def test_agreement_date_duration_parties(article: Article) -> None:
    when = fact(article, FactKind.DATE, "يناير 2021", value="2021-01", subkind="month")
    deal = fact(article, FactKind.AGREEMENT, "اتفاقية تعاون سيبراني",
                attrs={"date": "2021-01", "duration": "20 عامًا", "parties": "إيران، روسيا",
                       "status": "signed"})
    ctx = Context("b", [article], [when, deal])
    asked = {q.template: q for q in recall(ctx, deal)}
    # An indefinite name is made definite: the question is about this agreement.
    assert asked["agreement-date"].prompt == \
        "متى وُقّعت اتفاقية التعاون السيبراني بين إيران وروسيا؟"
    assert asked["agreement-date"].answer == "يناير 2021"
    assert asked["agreement-duration"].prompt == \
        "ما مدة اتفاقية التعاون السيبراني بين إيران وروسيا؟"
    assert asked["agreement-parties"].answer == "إيران وروسيا"
    bank = Bank(id="b", title="t", facts=(when, deal), questions=tuple(asked.values()))
    assert check_bank(bank, include_drafts=True) == []


def test_person_distractors_share_the_rank(article: Article) -> None:
    lavrov = fact(article, FactKind.PERSON, "سيرجي لافروف", role="وزير الخارجية الروسي")
    putin = fact(article, FactKind.PERSON, "فلاديمير بوتين", role="الرئيس الروسي")
    raisi = fact(article, FactKind.PERSON, "إبراهيم رئيسي", role="الرئيس الإيراني")
    assert rank_of(lavrov) == "foreign_minister" and rank_of(putin) == "president"
    ctx = Context("b", [article], [lavrov, putin, raisi])
    wrong = distractors(ctx, putin, "sentence", 3, random.Random(1))
    assert wrong[0] == "إبراهيم رئيسي"  # from the bank first
    assert set(wrong[1:]) <= set(officials("president"))
    assert "فلاديمير بوتين" not in wrong and "سيرجي لافروف" not in wrong


def test_capital_is_replaced_by_capitals_only(article: Article) -> None:
    tehran = fact(article, FactKind.PLACE, "طهران", subkind="city")
    wrong = distractors(Context("b", [article], [tehran]), tehran, "", 10, random.Random(0))
    assert len(wrong) == 10
    assert set(wrong) <= set(places("capital"))


def test_distractors_skip_names_already_in_the_clause(article: Article) -> None:
    moscow = fact(article, FactKind.PLACE, "موسكو", subkind="city")
    tehran = fact(article, FactKind.PLACE, "طهران", subkind="city")
    ctx = Context("b", [article], [moscow, tehran])
    wrong = distractors(ctx, moscow, "بين طهران وموسكو", 5, random.Random(0))
    assert "طهران" not in wrong and "موسكو" not in wrong


def test_generate_on_mini_article_passes_check(article: Article) -> None:
    facts = [
        fact(article, FactKind.PERSON, "سيرجي لافروف", role="وزير الخارجية الروسي"),
        fact(article, FactKind.PERSON, "أنالينا بيربوك", role="وزيرة الخارجية الألمانية"),
        fact(article, FactKind.PERSON, "فلاديمير بوتين", role="الرئيس الروسي"),
        fact(article, FactKind.PERSON, "إبراهيم رئيسي", role="الرئيس الإيراني"),
    ]
    questions = generate("b", [article], facts)
    matching = [q for q in questions if q.type == QuestionType.MATCHING]
    assert len(matching) == 1 and len(matching[0].pairs) == 4
    bank = Bank(id="b", title="t", facts=tuple(facts), questions=tuple(questions))
    assert check_bank(bank, include_drafts=True) == []


def test_misread_person_names_are_skipped(article: Article) -> None:
    slip = fact(article, FactKind.PERSON, "الخارجية الروسي", role="وزير")
    assert generate("b", [article], [slip]) == []


@pytest.mark.parametrize(("role", "rank"), [
    ("وزير الخارجية الإيراني", "foreign_minister"),
    ("وزيرة الخارجية الألمانية", "foreign_minister"),
    ("الرئيس الإيراني", "president"),
    ("رئيس الأركان الأمريكي", None),
    ("رئيس الوزراء الإسرائيلي", "prime_minister"),
    ("المتحدث باسم مجلس الأمن القومي", "spokesperson"),
    ("الأمين العام للأمم المتحدة", "secretary_general"),
    ("وزير الطاقة السعودي", "minister"),
    ("نظيره الروسي", None),
])
def test_rank_from_role(role: str, rank: str | None) -> None:
    person = Fact(id="person:x", kind=FactKind.PERSON, text="x", value="x", role=role)
    assert rank_of(person) == rank


def test_rank_attribute_wins_and_synonyms_fold() -> None:
    person = Fact(id="person:x", kind=FactKind.PERSON, text="x", value="x",
                  role="المتحدث", attrs={"rank": "spokesman"})
    assert rank_of(person) == "spokesperson"
    assert officials("spokesperson")


@pytest.mark.parametrize(("sentence", "written", "value", "ok"), [
    ("قوات موالية للحرس الثوري الإيراني في المنطقة", "للحرس الثوري الإيراني",
     "الحرس الثوري الإيراني", False),  # the preposition would go with the answer
    ("كابلات بحرية تعبر خليج العقبة إلى مصر", "العقبة", "العقبة", False),  # tail of a name
    ("زار الوزير العقبة أمس في جولة", "العقبة", "العقبة", True),
])
def test_swappable(sentence: str, written: str, value: str, ok: bool) -> None:
    from studykit.generate.common import Spot, swappable

    at = sentence.index(written)
    spot = Spot("s", sentence, 0, len(sentence), at, at + len(written))
    place = Fact(id="place:x", kind=FactKind.PLACE, text=written, value=value)
    assert swappable(place, spot) is ok


def test_event_date_question(article: Article) -> None:
    when = fact(article, FactKind.DATE, "يناير 2021", value="2021-01", subkind="month")
    asked = recall(Context("b", [article], [when]), when)
    assert [q.template for q in asked] == ["event-date"]
    assert asked[0].prompt == ("متى وقّع البلدان اتفاقية تعاون سيبراني لمدة 20 عامًا بين إيران "
                               "وروسيا؟")
    assert asked[0].answer == "يناير 2021"
    assert "كانون الثاني 2021" in asked[0].alternatives
