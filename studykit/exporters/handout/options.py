"""What a teacher asks of a handout, and the error when it cannot be met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from studykit.errors import StudykitError
from studykit.models import QuestionType


class HandoutError(StudykitError):
    """The handout options cannot be met (no questions left, too many versions...)."""


class KeyMode(StrEnum):
    SEPARATE = "separate"
    APPENDED = "appended"
    NONE = "none"


@dataclass(frozen=True)
class HandoutOptions:
    """What the teacher asked for; `seed` makes every shuffle reproducible.

    `created` is the PDF's creation date; None writes the Unix epoch, so the same options give
    byte-identical files.
    """

    versions: int = 1
    seed: int = 0
    count: int | None = None
    types: tuple[QuestionType, ...] = ()
    with_text: bool = False
    title: str = ""
    key: KeyMode = KeyMode.APPENDED
    created: datetime | None = None
    # Print every question, even several on one sentence (they give each other away).
    siblings: bool = True
    # Version names: Arabic letters (أ ب ج) on an Arabic page, or Latin (A B C).
    arabic_labels: bool = True
    # How many questions of each type (`--mix mcq=5,true_false=5`); empty: no quota.
    mix: tuple[tuple[QuestionType, int], ...] = ()
    # A bubble sheet per version for its multiple-choice and true/false questions.
    answer_sheet: bool = False
    # Marks per question of each type (`--marks mcq=1,short_answer=2`); unlisted types 1.
    # When given, each section heading says what it is worth.
    marks: tuple[tuple[QuestionType, int], ...] = ()
    # The school's name above the title, and general instructions under the header.
    school: str = ""
    instructions: str = ""
