"""The JSON export: `{"bank": {...}, "questions": [...]}` as in DESIGN.md's contract."""

from __future__ import annotations

import json
from typing import Any

from studykit.exporters.valid import exportable
from studykit.modelio import plain
from studykit.models import Bank, Question


def question_to_json(question: Question) -> dict[str, Any]:
    """One question with reviewer edits applied; `options` only when the type has them."""
    out: dict[str, Any] = {
        "id": question.id,
        "type": question.type.value,
        "prompt": question.shown_prompt,
        "answer": question.shown_answer,
    }
    if question.shown_options:
        out["options"] = list(question.shown_options)
    if question.shown_alternatives:
        out["alternatives"] = list(question.shown_alternatives)
    if question.shown_pairs:
        out["pairs"] = [[p.left, p.right] for p in question.shown_pairs]
    out["fact_ids"] = list(question.fact_ids)
    out["source"] = {k: v for k, v in plain(question.source).items() if v is not None}
    out["status"] = question.status.value
    out["tags"] = list(question.tags)
    return out


def dumps_json(bank: Bank, include_drafts: bool = False) -> str:
    data = {
        "bank": {
            "id": bank.id,
            "title": bank.title,
            "schema_version": bank.schema_version,
            "sources": [plain(s) for s in bank.sources],
        },
        "questions": [question_to_json(q) for q in exportable(bank, include_drafts)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
