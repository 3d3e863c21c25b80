"""Models to and from plain data: pydantic validation for data from outside, a fast trusted
reader for the copies studykit wrote itself.

The models are plain dataclasses (see models.py). Pydantic validates and dumps them through
TypeAdapters, imported and built on first use (~100 ms), so only commands that read a bank
file by parsing it, or write one, pay for it. The JSON copies studykit keeps of the banks it
saved (bankcopy) and the quiz cache hold data pydantic dumped from validated models; reading
them back needs no validation, only the nested classes rebuilt (`bank_from_copy`,
`question_from_copy`), which costs no import at all.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from studykit.models import (
    Bank,
    Edit,
    Fact,
    FactKind,
    Mention,
    Pair,
    Question,
    QuestionSource,
    QuestionType,
    Source,
    Status,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(cls: type) -> TypeAdapter[Any]:
    """The pydantic TypeAdapter of a model class (built once per process)."""
    found = _ADAPTERS.get(cls)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[cls] = TypeAdapter(cls)
    return found


def validate(cls: type, data: Any) -> Any:
    """A model from plain data, validated and coerced as a bank file needs (lists become
    tuples, strings enums and dates); raises pydantic.ValidationError."""
    return adapter(cls).validate_python(data)


def dump(model: Any, **options: Any) -> Any:
    """Plain JSON-ready data of a model; `options` as pydantic's dump_python (mode="json"
    unless given, exclude_defaults, include, exclude_none)."""
    options.setdefault("mode", "json")
    return adapter(type(model)).dump_python(model, **options)


def dump_json(model: Any) -> bytes:
    """Compact JSON of a model, every field written (the form the copies below read)."""
    data: bytes = adapter(type(model)).dump_json(model)
    return data


def plain(model: Any) -> dict[str, Any]:
    """Every field of a model as JSON-ready data (enums as values, dates ISO), as
    `dump(model)` gives, without importing pydantic (for exports that only read)."""
    return {f.name: _plain(getattr(model, f.name)) for f in fields(model)}


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return plain(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- Trusted copies: data dump_json wrote, every field present. --------------------------
# A damaged copy raises KeyError/TypeError/ValueError; callers then fall back to the file.

def _pair(d: dict[str, Any]) -> Pair:
    return Pair(left=d["left"], right=d["right"])


def _strings(value: list[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _edit(d: dict[str, Any] | None) -> Edit | None:
    if d is None:
        return None
    pairs = d["pairs"]
    return Edit(prompt=d["prompt"], answer=d["answer"], options=_strings(d["options"]),
                alternatives=_strings(d["alternatives"]),
                pairs=None if pairs is None else tuple(map(_pair, pairs)), note=d["note"])


def question_from_copy(d: dict[str, Any]) -> Question:
    """A Question from its dump_json data."""
    return Question(
        id=d["id"], type=QuestionType(d["type"]), template=d["template"], prompt=d["prompt"],
        answer=d["answer"], options=tuple(d["options"]), alternatives=tuple(d["alternatives"]),
        pairs=tuple(map(_pair, d["pairs"])), fact_ids=tuple(d["fact_ids"]),
        source=QuestionSource(**d["source"]), status=Status(d["status"]),
        tags=tuple(d["tags"]), edit=_edit(d["edit"]))


def _fact(d: dict[str, Any]) -> Fact:
    return Fact(id=d["id"], kind=FactKind(d["kind"]), text=d["text"], value=d["value"],
                mentions=tuple(Mention(**m) for m in d["mentions"]),
                aliases=tuple(d["aliases"]), role=d["role"], subkind=d["subkind"],
                relative=d["relative"], attrs=dict(d["attrs"]))


def _source(d: dict[str, Any]) -> Source:
    published = d["published"]
    return Source(id=d["id"], path=d["path"], title=d["title"], language=d["language"],
                  published=None if published is None else date.fromisoformat(published),
                  url=d["url"], sha256=d["sha256"])


def bank_from_copy(d: dict[str, Any]) -> Bank:
    """A Bank from its dump_json data."""
    return Bank(schema_version=d["schema_version"], id=d["id"], title=d["title"],
                sources=tuple(map(_source, d["sources"])), facts=tuple(map(_fact, d["facts"])),
                questions=tuple(map(question_from_copy, d["questions"])))
