"""Typed value objects shared by every stage: Source, Fact, Question, Bank.

All models are frozen; stages return new objects instead of mutating. Collections are
tuples so a frozen model is really immutable.

They are plain slotted dataclasses, not pydantic models: importing pydantic and building its
validators costs ~100 ms, more than a whole quiz start or Anki export may take, and most
commands only read banks studykit itself wrote and validated. Validation of data from outside
(bank files, edits) is in `studykit.modelio`, which hands these classes to pydantic; every
constructor takes keywords only, as pydantic's did.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Self

SCHEMA_VERSION = 1


class Frozen:
    """Base of the models: pydantic reads `__pydantic_config__` when it validates them (an
    unknown field in a bank file is an error, not silently dropped)."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some fields replaced (named as pydantic's, whose models these were;
        like it, the new values are not validated)."""
        return replace(self, **(update or {}))  # type: ignore[type-var]




class FactKind(StrEnum):
    DATE = "date"
    PERSON = "person"
    AGREEMENT = "agreement"
    PLACE = "place"
    ORGANIZATION = "organization"
    NUMBER = "number"
    QUOTE = "quote"


class QuestionType(StrEnum):
    CLOZE = "cloze"
    MCQ = "mcq"
    SHORT_ANSWER = "short_answer"
    TRUE_FALSE = "true_false"
    TIMELINE = "timeline"
    MATCHING = "matching"


class Status(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"
    # The facts behind the question vanished on a rebuild; kept, never silently deleted.
    ORPHANED = "orphaned"
    # The generator is not confident in it (its clause leans on the sentence before, and no
    # standalone clause holds the fact): kept for a curious reviewer, never exported or
    # quizzed unless a reviewer approves it (`studykit review BANK --status held`).
    HELD = "held"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Frozen):
    """One article a bank was built from."""

    id: str  # a slug, unique within a bank
    path: str
    title: str = ""
    language: str = "ar"
    published: date | None = None
    url: str | None = None
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Frozen):
    """Where a fact is written: offsets into the decoded article text."""

    start: int
    end: int
    sentence: int
    source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact(Frozen):
    """A checkable statement found in an article.

    `value` is normalized: ISO date for dates, canonical full name for people, canonical name
    otherwise; None for a relative date without a publication date to resolve it.
    """

    id: str
    kind: FactKind
    text: str
    value: str | None
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()
    role: str | None = None
    subkind: str | None = None
    relative: bool = False
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionSource(Frozen):
    """The sentence a question was made from; `start`/`end` index the article text,
    `answer_start`/`answer_end` index the sentence (None when the answer is not verbatim)."""

    source: str = ""
    sentence: str
    start: int
    end: int
    answer_start: int | None = None
    answer_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair(Frozen):
    """Two linked items: (event, date) in a timeline, (person, role) in a matching question."""

    left: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit(Frozen):
    """A reviewer's changes; they override the generated text and survive rebuilds."""

    prompt: str | None = None
    answer: str | None = None
    options: tuple[str, ...] | None = None
    alternatives: tuple[str, ...] | None = None
    pairs: tuple[Pair, ...] | None = None
    # The reviewer's own remark: kept in the bank, never shown to students.
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question(Frozen):
    """One study item. Generated fields are replaced on rebuild; `status` and `edit` are not."""

    id: str
    type: QuestionType
    template: str
    prompt: str
    answer: str
    options: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    fact_ids: tuple[str, ...]
    source: QuestionSource
    status: Status = Status.DRAFT
    tags: tuple[str, ...] = ()
    edit: Edit | None = None

    @property
    def shown_prompt(self) -> str:
        return self.edit.prompt if self.edit and self.edit.prompt else self.prompt

    @property
    def shown_answer(self) -> str:
        return self.edit.answer if self.edit and self.edit.answer else self.answer

    @property
    def shown_alternatives(self) -> tuple[str, ...]:
        """Other accepted answers. The generator's belong to its answer: once a reviewer edits
        the answer they are dropped (a corrected name must not keep the wrong one accepted),
        unless the reviewer gave alternatives of their own."""
        if self.edit and self.edit.alternatives is not None:
            return self.edit.alternatives
        if self.answer_edited:
            return ()
        return self.alternatives

    @property
    def answer_edited(self) -> bool:
        return bool(self.edit and self.edit.answer and self.edit.answer != self.answer)

    @property
    def shown_span(self) -> tuple[int, int] | None:
        """Where the shown answer is written in the source sentence, for highlighting: the
        generator's span, or after an edit the edited answer's own place (None if absent), so
        a corrected answer never highlights the old words."""
        src = self.source
        if not self.answer_edited:
            if src.answer_start is None or src.answer_end is None:
                return None
            return src.answer_start, src.answer_end
        answer = self.shown_answer.strip()
        at = src.sentence.find(answer) if answer else -1
        return (at, at + len(answer)) if at >= 0 else None

    @property
    def shown_options(self) -> tuple[str, ...]:
        return self.edit.options if self.edit and self.edit.options else self.options

    @property
    def shown_pairs(self) -> tuple[Pair, ...]:
        return self.edit.pairs if self.edit and self.edit.pairs else self.pairs


@dataclass(frozen=True, slots=True, kw_only=True)
class Bank(Frozen):
    """A question bank: the unit that is saved, reviewed, exported and studied."""

    schema_version: int = SCHEMA_VERSION
    id: str
    title: str
    sources: tuple[Source, ...] = ()
    facts: tuple[Fact, ...] = ()
    questions: tuple[Question, ...] = ()

    def selected(self, include_drafts: bool = False) -> list[Question]:
        """Questions for exports and quizzes: approved ones, plus drafts when asked."""
        wanted = {Status.APPROVED, Status.DRAFT} if include_drafts else {Status.APPROVED}
        return [q for q in self.questions if q.status in wanted]

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)


_SLUG_DROP = re.compile(r"[^\w]+", re.UNICODE)


def slugify(text: str) -> str:
    """Lowercase, dash-joined word characters; keeps Arabic letters (`سيرجي-لافروف`)."""
    return _SLUG_DROP.sub("-", text.strip().lower()).strip("-") or "x"


def fact_id(kind: FactKind | str, value: str) -> str:
    """Stable fact id from kind and normalized value: `person:سيرجي-لافروف`."""
    return f"{FactKind(kind).value}:{slugify(value)}"


def question_id(bank_id: str, template: str, fact_ids: tuple[str, ...] | list[str]) -> str:
    """Stable question id: a hash of bank, template and facts, never of the wording."""
    key = "|".join([bank_id, template, *fact_ids])
    return "q-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
