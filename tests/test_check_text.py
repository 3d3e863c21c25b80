"""The text rules blind reviewers asked `check` to catch, each on a question that breaks it and
on one that does not."""

from __future__ import annotations

from studykit.check_text import not_a_name, text_violations
from studykit.models import Fact, FactKind, Question, QuestionSource, QuestionType

PERSON = Fact(id="person:x", kind=FactKind.PERSON, text="جون كيري", value="جون كيري")
FACTS = {PERSON.id: PERSON}


def _q(prompt: str, answer: str = "جون كيري", qtype: QuestionType = QuestionType.CLOZE,
       options: tuple[str, ...] = (), template: str = "cloze") -> Question:
    return Question(id="q-1", type=qtype, template=template, prompt=prompt, answer=answer,
                    options=options, fact_ids=(PERSON.id,),
                    source=QuestionSource(sentence=prompt, start=0, end=len(prompt)))


def rules(q: Question) -> set[str]:
    return {rule for rule, _ in text_violations(q, FACTS)}


def test_junk_person_answers_are_no_names() -> None:
    for junk in ("وجرى", "لحقوق الإنسان", "والطاقة المتجددة", "إذا"):
        assert not_a_name(junk), junk
    for name in ("جون كيري", "وانغ يي", "علي بونغو", "خالد العطية"):
        assert not not_a_name(name), name
    assert "not-a-name" in rules(_q("قال [...] إن الاتفاق مهم.", answer="وجرى"))
    assert "not-a-name" not in rules(_q("قال [...] إن الاتفاق مهم."))


def test_a_quote_left_open_is_unbalanced() -> None:
    assert "unbalanced" in rules(_q("وقال [...] إن «العملية ضد تنظيم"))
    assert "unbalanced" not in rules(_q("وقال [...] إن «العملية حققت هدفها»."))


def test_a_prompt_ending_on_its_attribution() -> None:
    q = _q("صح أم خطأ: الاتفاق سيسهم في أمن المنطقة، قال كيري.", answer="صح",
           qtype=QuestionType.TRUE_FALSE, options=("صح", "خطأ"))
    assert "dangling-speech" in rules(q)
    q = _q("صح أم خطأ: قال كيري إن الاتفاق سيسهم في أمن المنطقة.", answer="صح",
           qtype=QuestionType.TRUE_FALSE, options=("صح", "خطأ"))
    assert "dangling-speech" not in rules(q)


def test_options_of_mixed_kinds() -> None:
    mixed = _q("اختر: بلغ عدد [...] .", answer="51", qtype=QuestionType.MCQ,
               options=("51", "56", "46 جلب", "سوسة"))
    assert "mixed-options" in rules(mixed)
    adjective = _q("اختر: زار [...] .", answer="سوريا", qtype=QuestionType.MCQ,
                   options=("سوريا", "العراق", "أمريكي", "ليبيا"))
    assert "mixed-options" in rules(adjective)
    # `اليونان` folds like an adjective's stem but is a country; `تركية` is Turkey as Syrian
    # papers spell it (like `سورية`).
    same = _q("اختر: زار [...] .", answer="سوريا", qtype=QuestionType.MCQ,
              options=("سوريا", "العراق", "اليونان", "تركية"))
    assert "mixed-options" not in rules(same)


def test_a_year_among_quantities_is_mixed() -> None:
    q = _q("اختر: ارتفعت بنسبة [...] في المائة.", answer="19", qtype=QuestionType.MCQ,
           options=("19", "13", "2014", "7"))
    assert "mixed-options" in rules(q)
    years = _q("اختر: في عام [...] ارتفعت.", answer="2014", qtype=QuestionType.MCQ,
               options=("2014", "2013", "2012", "2011"))
    assert "mixed-options" not in rules(years)
