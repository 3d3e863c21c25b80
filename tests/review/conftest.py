"""Fixtures for the review tests: a small real bank on seed sentences, a db path, a clean env."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studykit.bank import save_bank
from studykit.models import (
    Bank,
    Pair,
    Question,
    QuestionSource,
    QuestionType,
    Status,
    question_id,
)

ROOT = Path(__file__).resolve().parents[2]
STUDYKIT = ROOT / ".venv" / "bin" / "studykit"
NOW = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)

S_VISIT = ("قام وزير الخارجية الإيراني حسين أمير عبد اللهيان بزيارة رسمية إلى العاصمة الروسية "
           "موسكو في 29 مارس الجاري")
S_WSJ = "وحسب تقرير نشرته صحيفة “وول ستريت جورنال” في 27 مارس 2023"
S_LAVROV = "دعا وزير الخارجية الروسي، سيرجي لافروف، إلى استئناف المفاوضات النووية"
S_RAISI = ("كان الرئيس الإيراني، إبراهيم رئيسي، قد أعلن خلال اجتماع مع نظيره الروسي، فلاديمير "
           "بوتين، في موسكو يوم 19 يناير 2022")


def make_question(bank_id: str, template: str, qtype: QuestionType, prompt: str, answer: str,
                  sentence: str, *, options: tuple[str, ...] = (),
                  alternatives: tuple[str, ...] = (), pairs: tuple[Pair, ...] = (),
                  status: Status = Status.APPROVED, tags: tuple[str, ...] = ()) -> Question:
    """A question on a real seed sentence, the answer highlighted where it is verbatim."""
    at = sentence.find(answer)
    fact = f"fact:{template}"
    return Question(
        id=question_id(bank_id, template, (fact,)), type=qtype, template=template, prompt=prompt,
        answer=answer, options=options, alternatives=alternatives, pairs=pairs, fact_ids=(fact,),
        source=QuestionSource(source="seed", sentence=sentence, start=0, end=len(sentence),
                              answer_start=at if at >= 0 else None,
                              answer_end=at + len(answer) if at >= 0 else None),
        status=status, tags=tags or (qtype.value,))


def quiz_questions(bank_id: str = "iran-russia") -> tuple[Question, ...]:
    """MCQ, typed cloze, typed short answer with alternatives, true/false, a timeline, a draft."""
    return (
        make_question(bank_id, "mcq-wsj", QuestionType.MCQ,
                      "متى نشرت صحيفة “وول ستريت جورنال” تقريرها؟", "27 مارس 2023", S_WSJ,
                      options=("27 مارس 2023", "27 فبراير 2023", "10 مارس 2023",
                               "19 يناير 2022"), tags=("mcq", "date")),
        make_question(bank_id, "cloze-raisi", QuestionType.CLOZE,
                      S_RAISI.replace("إبراهيم رئيسي", "[...]"), "إبراهيم رئيسي", S_RAISI,
                      tags=("cloze", "person")),
        make_question(bank_id, "short-lavrov", QuestionType.SHORT_ANSWER,
                      "من هو وزير الخارجية الروسي؟", "سيرجي لافروف", S_LAVROV,
                      alternatives=("سيرغي لافروف", "لافروف"), tags=("short", "person")),
        make_question(bank_id, "tf-visit", QuestionType.TRUE_FALSE,
                      "زار عبد اللهيان موسكو في 29 مارس.", "صح", S_VISIT,
                      options=("صح", "خطأ"), tags=("tf", "date")),
        make_question(bank_id, "timeline", QuestionType.TIMELINE, "رتّب الأحداث زمنيًا",
                      "اجتماع رئيسي وبوتين ثم زيارة عبد اللهيان", S_VISIT,
                      pairs=(Pair(left="اجتماع رئيسي وبوتين", right="19 يناير 2022"),
                             Pair(left="زيارة عبد اللهيان", right="29 مارس 2023")),
                      tags=("timeline",)),
        make_question(bank_id, "draft-wsj", QuestionType.SHORT_ANSWER,
                      "ما الصحيفة التي نشرت التقرير؟", "وول ستريت جورنال", S_WSJ,
                      status=Status.DRAFT),
    )


def quiz_bank(bank_id: str = "iran-russia", questions: tuple[Question, ...] | None = None
              ) -> Bank:
    return Bank(id=bank_id, title="زيارة عبد اللهيان إلى موسكو",
                questions=quiz_questions(bank_id) if questions is None else questions)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real store or cache."""
    monkeypatch.setenv("STUDYKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("STUDYKIT_DB", str(tmp_path / "default.sqlite3"))


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    return save_bank(quiz_bank(), tmp_path / "bank.yaml")


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "reviews.sqlite3"


def child_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a studykit child process in a 100x30 terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYKIT")}
    env.update({"STUDYKIT_CACHE": str(tmp_path / "cache"), "TERM": "xterm-256color",
                "COLUMNS": "100", "LINES": "30", "NO_COLOR": "1"})
    return env
