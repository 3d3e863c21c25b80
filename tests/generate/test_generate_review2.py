"""Rules from the second teacher review, one parametrized row per case, on realistic sentences
written for these tests (not taken from the seed article): clauses that point back take in
the sentence before them, people's wrong answers share the stem's nationality, true/false
swaps must be false by the article and keep attribution, generic agreement phrases are not
blanked."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from gen_factory import fact_at

from studykit.generate.choice import mcq
from studykit.generate.clean import generic_description, points_to
from studykit.generate.cloze import cloze
from studykit.generate.common import Context
from studykit.generate.distractors import distractors
from studykit.generate.nations import nation_of, of_nation
from studykit.generate.truefalse import FALSE, TRUE, speculative, true_false
from studykit.models import Fact, FactKind, fact_id
from studykit.sources import Article, read_article


def _article(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "r2.ar.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path)




@pytest.mark.parametrize(("before", "clause", "widen"), [
    # `هذه الاتفاقية` after a sentence about an agreement: the referent is there.
    ("وتفاوض البلدان منذ عامين على اتفاق للتجارة الحرة.",
     "وتكتسب هذه الاتفاقية أهمية خاصة للرباط", True),
    # A bare `هذا` and `الحادث` point back whatever the sentence before says.
    ("وأعلنت أنقرة إغلاق معبرها الحدودي مع سوريا.", "وترى دمشق هذا بمثابة تصعيد", True),
    ("وتعرض موكب الوزير لإطلاق نار قرب طرابلس.", "وفتحت النيابة تحقيقا في الحادث", True),
    # `الجانبان` as the subject near the start of the clause.
    ("واجتمع وزير الطاقة الأردني بنظيره العراقي في عمّان.",
     "واتفق الجانبان على تسريع مشروع الأنبوب", True),
    # `هذا القرض` after a sentence that speaks of no loan: nothing to gain.
    ("وقال محافظ البنك المركزي إن الأسواق استقبلت القرار بارتياح.",
     "ويعد هذا القرض الثالث لتونس من الصندوق", False),
    # A demonstrative inside a quotation points within the quotation.
    ("وتوج المنتخب المغربي بالبطولة أمس.", "وقال المدرب إن “هذا الفوز لكل العرب”", False),
    # Idioms and plain statements.
    ("وارتفعت أسعار النفط.", "هذا بالإضافة إلى تراجع الإنتاج في ليبيا", False),
    ("وارتفعت أسعار النفط.", "ووقعت القاهرة والرياض اتفاقية الربط الكهربائي", False),
])
def test_clause_points_to_the_sentence_before(before: str, clause: str, widen: bool) -> None:
    assert points_to(clause, before) is widen


@pytest.mark.parametrize(("text", "answer", "starts"), [
    # Widened: the prompt names what `هذه الاتفاقية` is.
    ("وتفاوضت تونس والاتحاد الأوروبي منذ عامين على اتفاق للتبادل الحر الشامل والمعمق.\n"
     "وتكتسب هذه الاتفاقية أهمية خاصة لتونس في ظل الأزمة الاقتصادية التي تمر بها منذ 2021.\n",
     "2021", "وتفاوضت تونس"),
    # Across a paragraph break, the incident named before `الحادث`.
    ("وتعرض موكب وزير الداخلية الليبي لإطلاق نار قرب مدينة الزاوية غرب طرابلس مساء الأحد.\n\n"
     "وفتحت النيابة العامة في طرابلس تحقيقا عاجلا في الحادث بعد ساعات من وقوعه يوم 12 مايو.\n",
     "12 مايو", "وتعرض موكب"),
    # The sentence before points back itself (`الطرفان`): no widening.
    ("ووقع الطرفان على محضر الاجتماع في ختام الجولة الثالثة من المباحثات الثنائية.\n"
     "وتستحوذ هذه المسألة على اهتمام واسع في بغداد منذ توقيع المحضر في 3 مارس الماضي.\n",
     "3 مارس", "وتستحوذ"),
])
def test_leaning_clause_takes_in_the_sentence_before(tmp_path: Path, text: str, answer: str,
                                                     starts: str) -> None:
    article = _article(tmp_path, text)
    fact = fact_at(article, FactKind.DATE, answer)
    spot = Context("b", [article], [fact]).spots(fact)[0]
    assert spot.sentence.startswith(starts)
    # Offsets stay exact: the clause is a slice of the article and the answer indexes it.
    assert article.text[spot.start:spot.end] == spot.sentence
    assert spot.sentence[spot.answer_start:spot.answer_end] == answer
    assert "\n" not in spot.blanked()
    assert not spot.narrowed().sentence.startswith(starts) or not spot.widened


@pytest.mark.parametrize(("clause", "name", "role", "country"), [
    ("وصرح الرئيس التركي، رجب طيب أردوغان، بأن بلاده لن تتراجع", "رجب طيب أردوغان", None,
     "turkey"),
    ("والتقى الوزير في باريس نظيره الفرنسي جان إيف لودريان", "جان إيف لودريان", None, "france"),
    ("وقالت وزيرة الخارجية الألمانية أنالينا بيربوك إن برلين قلقة", "أنالينا بيربوك", None,
     "germany"),
    # The role counts only where the clause shows it.
    ("وتنطوي زيارة عبد المجيد تبون إلى روما على أهداف عدة", "عبد المجيد تبون",
     "الرئيس الجزائري", None),
    ("وقال عبد المجيد تبون إن الجزائر مستعدة", "عبد المجيد تبون", "الرئيس الجزائري", None),
])
def test_nationality_the_stem_states(clause: str, name: str, role: str | None,
                                     country: str | None) -> None:
    fact = Fact(id=fact_id(FactKind.PERSON, name), kind=FactKind.PERSON, text=name, value=name,
                role=role)
    assert nation_of(fact, clause) == country


@pytest.mark.parametrize(("text", "name", "role", "rank", "country"), [
    ("وأعلن الرئيس المصري عبد الفتاح السيسي افتتاح المحطة الجديدة في أسوان صباح الأحد.\n",
     "عبد الفتاح السيسي", "الرئيس المصري", "president", "egypt"),
    ("واستقبل وزير الخارجية العراقي فؤاد حسين نظيره الأردني في بغداد لبحث ملف المياه.\n",
     "فؤاد حسين", "وزير الخارجية العراقي", "foreign_minister", "iraq"),
    ("وقال رئيس الوزراء الباكستاني شهباز شريف إن بلاده ستواصل الحوار مع كابل قريبا.\n",
     "شهباز شريف", "رئيس الوزراء الباكستاني", "prime_minister", "pakistan"),
])
def test_person_options_share_the_stem_nationality(tmp_path: Path, text: str, name: str,
                                                   role: str, rank: str, country: str) -> None:
    article = _article(tmp_path, text)
    fact = fact_at(article, FactKind.PERSON, name, role=role, attrs={"rank": rank})
    ctx = Context("b", [article], [fact])
    wrong = distractors(ctx, fact, ctx.spots(fact)[0].sentence, 3, random.Random(3))
    assert len(wrong) == 3 and all(of_nation(w, country) for w in wrong)
    assert len(mcq(ctx, fact)) == 1


@pytest.mark.parametrize(("text", "name", "role", "rank"), [
    # No electricity ministers of Syria on file: better no MCQ than Egyptian or Emirati ones.
    ("وقال وزير الكهرباء السوري غسان الزامل إن الشبكة قادرة على نقل الطاقة إلى لبنان.\n",
     "غسان الزامل", "وزير الكهرباء السوري", "minister"),
    # An ambassador is never asked among presidents of his country.
    ("والتقى السفير الأمريكي لدى اليمن ستيفن فاجن رئيس الوزراء في عدن أمس الثلاثاء.\n",
     "ستيفن فاجن", "السفير الأمريكي", None),
])
def test_no_mcq_when_too_few_of_that_country(tmp_path: Path, text: str, name: str, role: str,
                                             rank: str | None) -> None:
    article = _article(tmp_path, text)
    attrs = {"rank": rank} if rank else {}
    fact = fact_at(article, FactKind.PERSON, name, role=role, attrs=attrs)
    assert mcq(Context("b", [article], [fact]), fact) == []


@pytest.mark.parametrize(("clause", "opinion"), [
    ("بل يمكن القول إن أهم الملفات على أجندة الوزير تمثل في ملف المياه", True),
    ("وسوف يثير هذا التقارب قلق العواصم الغربية", True),
    ("وربما تلجأ الحكومة إلى الاقتراض من الخارج", True),
    ("ومن المتوقع أن يزور الرئيس الجزائري روما الشهر المقبل", True),
    ("وزار الرئيس الجزائري روما في مايو الماضي", False),
    ("ووقعت الحكومة اتفاقية مع البنك الدولي لتمويل المشروع", False),
])
def test_opinions_are_not_swapped(clause: str, opinion: bool) -> None:
    assert speculative(clause) is opinion


def test_true_false_swaps_only_to_a_name_the_article_refutes(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        # (`بين البلدين` would point back at countries not named: no prompt then.)
        "وسوف يثير التقارب بين مصر وتركيا قلق الولايات المتحدة وغضب إسرائيل في المرحلة المقبلة.\n"
        "ووصل وزير الخارجية الأردني إلى القاهرة في زيارة رسمية تستمر يومين لبحث ملف غزة.\n"))
    israel = fact_at(article, FactKind.PLACE, "إسرائيل", subkind="country")
    cairo = fact_at(article, FactKind.PLACE, "القاهرة", subkind="capital")
    gaza = fact_at(article, FactKind.PLACE, "غزة", subkind="region")
    questions = true_false(Context("b", [article], [israel, cairo, gaza]), [israel, cairo, gaza])
    by_fact = {q.fact_ids[0]: q for q in questions}
    # A prediction stays true; nothing in the article refutes `غضب أوكرانيا`.
    assert by_fact[israel.id].answer == TRUE
    # Any false statement swaps in a name of the article, never one it does not mention.
    for q in questions:
        if q.answer == FALSE:
            others = [f for f in (israel, cairo, gaza) if f.id != q.fact_ids[0]]
            assert any(f.text in q.prompt for f in others), q.prompt


def test_attribution_is_kept_in_a_true_statement(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "وحسب تقرير نشرته صحيفة الشرق الأوسط يوم الأحد، فإن الحكومة العراقية تسعى إلى "
        "الحصول على قرض من البنك الدولي بقيمة ملياري دولار لتمويل مشروعات الكهرباء في "
        "البصرة والموصل خلال العامين المقبلين.\n"))
    basra = fact_at(article, FactKind.PLACE, "البصرة", subkind="city")
    questions = true_false(Context("b", [article], [basra]), [basra])
    assert questions and all("وحسب تقرير" in q.prompt for q in questions)
    for q in questions:
        src = q.source
        assert article.text[src.start:src.end] == src.sentence


@pytest.mark.parametrize(("answer", "generic"), [
    ("اتفاقية استراتيجية شاملة", True),
    ("اتفاق تعاونٍ استراتيجي طويل الأمد", True),
    ("مذكرة تفاهم", True),
    ("اتفاقية إطارية جديدة", True),
    ("اتفاقية تعاون سيبراني", False),
    ("اتفاق الحديدة", False),
    ("اتفاقية الـ 20 عامًا", False),
    ("الاتفاق النووي", False),
])
def test_generic_agreement_descriptions(answer: str, generic: bool) -> None:
    assert generic_description(answer) is generic


def test_no_cloze_on_a_generic_agreement_description(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "وتأمل الحكومة المصرية في توقيع اتفاقية استراتيجية شاملة مع اليونان خلال زيارة رئيس "
        "الوزراء إلى أثينا الشهر المقبل.\n"))
    deal = fact_at(article, FactKind.AGREEMENT, "اتفاقية استراتيجية شاملة")
    assert cloze(Context("b", [article], [deal]), deal) == []
