"""Questions as the quiz sees them: id, bank and tags at once, the full Question when shown.

Building 10,000 Questions costs more than the whole budget for the first card; the queue only
needs ids and tags, so each Entry keeps its question's JSON (as the cache holds it: dumped from
a validated bank) and builds the Question the first time it is shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from studykit.errors import BankError
from studykit.modelio import question_from_copy
from studykit.models import Question, Status


class Entry:
    """One question of one bank; `question` is built from its JSON on first use, then kept.
    `qtype` (the queue mixes new cards by type) is known without building it."""

    __slots__ = ("_question", "_raw", "bank_id", "id", "qtype", "status", "tags")

    def __init__(self, bank_id: str, id: str, tags: tuple[str, ...], status: str, qtype: str,
                 *, raw: bytes | memoryview | None = None,
                 question: Question | None = None) -> None:
        if raw is None and question is None:
            raise ValueError("an Entry needs its question or the question's JSON")
        self.bank_id = bank_id
        self.id = id
        self.tags = tags
        self.status = status
        self.qtype = qtype
        # A memoryview into the cache entry's bytes: 10,000 copies would cost the first card.
        self._raw = raw
        self._question = question

    @classmethod
    def of(cls, bank_id: str, question: Question) -> Entry:
        return cls(bank_id, question.id, question.tags, question.status.value,
                   question.type.value, question=question)

    @property
    def question(self) -> Question:
        if self._question is None:
            try:
                self._question = question_from_copy(json.loads(bytes(self._raw or b"")))
            except (ValueError, KeyError, TypeError):
                raise BankError(f"the quiz cache copy of question {self.id} is damaged; delete "
                                "the studykit cache folder (or $STUDYKIT_CACHE)") from None
            self._raw = None
        return self._question

    def __repr__(self) -> str:
        return f"Entry({self.bank_id!r}, {self.id!r})"


@dataclass(frozen=True)
class QuizBank:
    """A bank reduced to what the quiz and stats need."""

    id: str
    title: str
    entries: tuple[Entry, ...]

    def selected(self, include_drafts: bool = False) -> list[Entry]:
        """Approved questions, plus drafts when asked (as Bank.selected)."""
        wanted = {Status.APPROVED.value, Status.DRAFT.value} if include_drafts else {
            Status.APPROVED.value}
        return [e for e in self.entries if e.status in wanted]
