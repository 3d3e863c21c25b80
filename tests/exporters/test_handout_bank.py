"""A bank of all six question types on real seed sentences, shared by the handout/LMS tests.

`make_bank()` gives one question per type plus markup and GIFT specials; `make_bank(200)`
repeats the templates with distinct ids for the volume tests and benchmarks. The tests here
check that the fixture itself is honest: every source sentence is in the article.
"""

from __future__ import annotations

from pathlib import Path

from studykit.models import (
    Bank,
    Pair,
    Question,
    QuestionSource,
    QuestionType,
    Source,
    Status,
    question_id,
)

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "decks" / "iran-russia-2023" / "article.ar.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")

S_VISIT = ("قام وزير الخارجية الإيراني حسين أمير عبد اللهيان بزيارة رسمية إلى العاصمة الروسية "
           "موسكو في 29 مارس الجاري")
S_WSJ = "وحسب تقرير نشرته صحيفة “وول ستريت جورنال” في 27 مارس 2023"
S_LAVROV = "دعا وزير الخارجية الروسي، سيرجي لافروف، إلى استئناف المفاوضات النووية"
S_RAISI = ("كان الرئيس الإيراني، إبراهيم رئيسي، قد أعلن خلال اجتماع مع نظيره الروسي، "
           "فلاديمير بوتين، في موسكو يوم 19 يناير 2022")
S_KIRBY = ("المتحدث باسم مجلس الأمن القومي بالبيت الأبيض الأمريكي، جون كيربي، آنذاك قائلًا إن "
           "“روسيا تسعى للتعاون مع إيران في مجالات مثل تطوير الأسلحة والتدريب”")
S_BEIJING = ("الاتفاق الإيراني السعودي الأخير الذي تم التوصل إليه برعاية صينية في بكين "
             "يوم 10 مارس 2023")
S_BAYRAMOV = ("افتتح وزير الخارجية الأذربيجاني، جيهون بيراموف، في نفس يوم زيارة عبد اللهيان "
              "إلى روسيا")

# Text a renderer must escape: HTML, and every GIFT special character.
NASTY = "<script>alert('x')</script> & ~ = # { } : \\"


def _source(sentence: str, answer: str | None = None) -> QuestionSource:
    start = TEXT.index(sentence)
    a_start = sentence.index(answer) if answer and answer in sentence else None
    return QuestionSource(
        source="iran-russia-2023", sentence=sentence, start=start, end=start + len(sentence),
        answer_start=a_start, answer_end=None if a_start is None else a_start + len(answer or ""),
    )


def _q(n: int, qtype: QuestionType, prompt: str, answer: str, sentence: str,
       **extra: object) -> Question:
    template = f"{qtype.value}-{n}"
    fids = (f"date:{n}",)
    return Question(
        id=question_id("iran-russia-2023", template, fids), type=qtype, template=template,
        prompt=prompt, answer=answer, fact_ids=fids, source=_source(sentence, answer),
        status=Status.APPROVED, tags=(qtype.value,), **extra,
    )


def base_questions(n: int = 0) -> list[Question]:
    """One question of each type (two cloze and two MCQ), templates suffixed with `n`."""
    return [
        _q(n, QuestionType.CLOZE, S_VISIT.replace("29 مارس الجاري", "[...]"), "29 مارس الجاري",
           S_VISIT, alternatives=("29 مارس",)),
        _q(n + 10_000, QuestionType.CLOZE, S_BEIJING.replace("بكين", "[...]"), "بكين", S_BEIJING),
        _q(n, QuestionType.MCQ, "متى نشرت صحيفة “وول ستريت جورنال” تقريرها؟", "27 مارس 2023",
           S_WSJ, options=("27 مارس 2023", "27 فبراير 2023", "10 مارس 2023", "19 يناير 2022")),
        _q(n + 10_000, QuestionType.MCQ, f"أي عبارة وردت في النص؟ {NASTY}", "Wall Street Journal",
           S_WSJ, options=("Wall Street Journal", "New York Times", f"{NASTY} جواب",
                           "وكالة تسنيم")),
        _q(n, QuestionType.SHORT_ANSWER, "من هو وزير الخارجية الروسي؟", "سيرجي لافروف",
           S_LAVROV, alternatives=("لافروف", "سيرغي لافروف")),
        _q(n, QuestionType.TRUE_FALSE, f"المتحدث باسم مجلس الأمن القومي الأمريكي هو جون كيربي. "
           f"{NASTY}", "صح", S_KIRBY, options=("صح", "خطأ")),
        _q(n, QuestionType.TIMELINE, "رتّب الأحداث التالية من الأقدم إلى الأحدث.",
           "اجتماع رئيسي وبوتين؛ الاتفاق الإيراني السعودي في بكين؛ تقرير وول ستريت جورنال",
           S_RAISI, pairs=(Pair(left="اجتماع رئيسي وبوتين في موسكو", right="19 يناير 2022"),
                           Pair(left="الاتفاق الإيراني السعودي في بكين", right="10 مارس 2023"),
                           Pair(left="تقرير صحيفة وول ستريت جورنال", right="27 مارس 2023"),
                           Pair(left="زيارة عبد اللهيان إلى موسكو", right="29 مارس 2023"))),
        _q(n, QuestionType.MATCHING, "صِل كل شخص بمنصبه.",
           "سيرجي لافروف: وزير الخارجية الروسي؛ جون كيربي: المتحدث باسم مجلس الأمن القومي",
           S_BAYRAMOV, pairs=(Pair(left="سيرجي لافروف", right="وزير الخارجية الروسي"),
                              Pair(left="جون كيربي", right="المتحدث باسم مجلس الأمن القومي"),
                              Pair(left="جيهون بيراموف", right="وزير الخارجية الأذربيجاني"),
                              Pair(left="إبراهيم رئيسي", right="الرئيس الإيراني"))),
    ]


def make_bank(size: int | None = None) -> Bank:
    """The small bank, or `size` questions cycling through the templates with distinct ids."""
    questions: list[Question] = []
    if size is None:
        questions = base_questions()
    else:
        n = 0
        while len(questions) < size:
            questions += base_questions(n)
            n += 1
        questions = questions[:size]
    return Bank(
        id="iran-russia-2023", title="زيارة عبد اللهيان إلى موسكو: {اختبار} #1",
        sources=(Source(id="iran-russia-2023", path=str(ARTICLE), title="t", sha256="0" * 64),),
        questions=tuple(questions),
    )


def test_fixture_sentences_are_in_the_article() -> None:
    bank = make_bank()
    assert {q.type for q in bank.questions} == set(QuestionType)
    for q in bank.questions:
        assert TEXT[q.source.start:q.source.end] == q.source.sentence


def test_volume_fixture_has_distinct_ids() -> None:
    bank = make_bank(200)
    assert len({q.id for q in bank.questions}) == 200
