"""Shared fixtures: a CLI runner, the seed article, and a small real bank made from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.models import (
    Bank, Fact, FactKind, Mention, Question, QuestionSource, QuestionType, Source, Status,
    fact_id, question_id,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "decks" / "iran-russia-2023" / "article.ar.txt"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank saved by a test (build, review) writes its quiz cache entry here, never into
    the user's cache folder."""
    monkeypatch.setenv("STUDYKIT_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_article() -> Path:
    return SEED


def sentence_question(
    bank_id: str, article: str, sentence: str, answer: str, qtype: QuestionType,
    kind: FactKind = FactKind.DATE, status: Status = Status.APPROVED, **extra: object,
) -> tuple[Fact, Question]:
    """A fact and a question anchored on a real sentence of `article` (offsets computed)."""
    start = article.index(sentence)
    a_in = sentence.index(answer)
    fid = fact_id(kind, answer)
    fact = Fact(id=fid, kind=kind, text=answer, value=answer,
                mentions=(Mention(start=start + a_in, end=start + a_in + len(answer),
                                  sentence=0, source="seed"),))
    template = str(extra.pop("template", qtype.value))
    prompt = str(extra.pop("prompt", sentence.replace(answer, "[...]", 1)))
    q = Question(
        id=question_id(bank_id, template, (fid,)), type=qtype, template=template,
        prompt=prompt, answer=answer, fact_ids=(fid,),
        source=QuestionSource(source="seed", sentence=sentence, start=start,
                              end=start + len(sentence), answer_start=a_in,
                              answer_end=a_in + len(answer)),
        status=status, tags=(kind.value, qtype.value, "seed"), **extra,  # type: ignore[arg-type]
    )
    return fact, q


@pytest.fixture
def small_bank() -> Bank:
    """Five questions of four types on real seed sentences, one a draft, one with markup."""
    text = SEED.read_text(encoding="utf-8")
    s1 = "قام وزير الخارجية الإيراني حسين أمير عبد اللهيان بزيارة رسمية إلى العاصمة الروسية موسكو في 29 مارس الجاري"
    s2 = "وحسب تقرير نشرته صحيفة “وول ستريت جورنال” في 27 مارس 2023"
    s3 = "دعا وزير الخارجية الروسي، سيرجي لافروف، إلى استئناف المفاوضات النووية"
    items = [
        sentence_question("bank", text, s1, "29 مارس الجاري", QuestionType.CLOZE),
        sentence_question("bank", text, s2, "27 مارس 2023", QuestionType.MCQ,
                          template="mcq", prompt="متى نشرت صحيفة “وول ستريت جورنال” تقريرها؟",
                          options=("27 مارس 2023", "27 فبراير 2023", "10 مارس 2023", "19 يناير 2022")),
        sentence_question("bank", text, s3, "سيرجي لافروف", QuestionType.SHORT_ANSWER,
                          kind=FactKind.PERSON, prompt="من هو وزير الخارجية الروسي؟",
                          alternatives=("لافروف", "سيرغي لافروف")),
        sentence_question("bank", text, s3, "سيرجي لافروف", QuestionType.TRUE_FALSE,
                          kind=FactKind.PERSON, template="tf-true",
                          prompt="وزير الخارجية الروسي هو سيرجي لافروف <script>alert(1)</script> & co.",
                          options=("صح", "خطأ")),
        sentence_question("bank", text, s2, "وول ستريت جورنال", QuestionType.SHORT_ANSWER,
                          kind=FactKind.ORGANIZATION, status=Status.DRAFT,
                          prompt="ما الصحيفة التي نشرت التقرير في 27 مارس 2023؟"),
    ]
    # A true/false answer is the verdict, not the fact: fix it after construction.
    facts = {f.id: f for f, _ in items}
    questions = [q.model_copy(update={"answer": "صح"}) if q.type == QuestionType.TRUE_FALSE else q
                 for _, q in items]
    return Bank(
        id="bank", title="زيارة عبد اللهيان إلى موسكو",
        sources=(Source(id="seed", path=str(SEED), title="t", sha256="0" * 64),),
        facts=tuple(facts.values()), questions=tuple(questions),
    )
