"""Loading and saving bank files (YAML with readable Arabic, validated by the models)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from studykit.errors import BankError
from studykit.fsutil import atomic_write, read_bytes
from studykit.modelio import dump, validate
from studykit.models import SCHEMA_VERSION, Bank


@cache
def _yaml() -> tuple[Any, Any]:
    """PyYAML's (Dumper, Loader), imported on first use: a bank read from its saved copy
    (bankcopy) needs no YAML. libyaml's are several times faster on large banks."""
    import yaml

    try:
        return yaml.CSafeDumper, yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml.SafeDumper, yaml.SafeLoader

# Fields written even when they hold their default, so a reviewer sees them in the file.
_ALWAYS = {"status"}


def bank_to_data(bank: Bank) -> dict[str, Any]:
    """Plain data for YAML/JSON: defaults left out except the ones reviewers edit."""
    data = dump(bank, exclude_defaults=True)
    data = {"schema_version": bank.schema_version, **data}
    full = dump(bank, include={"questions": {"__all__": _ALWAYS}})
    for question, extra in zip(data.get("questions", []), full.get("questions", []), strict=False):
        question.update({k: v for k, v in extra.items() if k not in question})
    return data


def dumps_bank(bank: Bank) -> str:
    """YAML text of a bank: UTF-8 Arabic, not `\\u` escapes; field order as in the models."""
    return dumps_data(bank_to_data(bank))


def dumps_data(data: dict[str, Any]) -> str:
    """YAML text of a bank's plain data (bank_to_data)."""
    import yaml

    return yaml.dump(
        data,
        Dumper=_yaml()[0],
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )


def save_bank(bank: Bank, path: str | Path) -> Path:
    """Write atomically: an interrupted save leaves the previous file intact."""
    return atomic_write(path, dumps_bank(bank))


def validate_bank(data: Any, name: str) -> Bank:
    """A Bank from plain data as a bank file holds it; BankError naming the field and the
    reason, or a repeated id."""
    if not isinstance(data, dict):
        raise BankError(f"{name}: not a bank (expected a mapping at the top)")
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        # Saving it back as version 1 would silently drop whatever the newer format added.
        raise BankError(f"{name}: schema_version {version} is newer than this studykit reads "
                        f"({SCHEMA_VERSION}); upgrade studykit")
    from pydantic import ValidationError

    try:
        bank: Bank = validate(Bank, data)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = exc.error_count() - 1
        suffix = f" (and {more} more)" if more else ""
        raise BankError(f"{name}: {_loc(first['loc'])}: {_reason(first)}{suffix}") from None
    _refuse_duplicates(bank, name)
    return bank


def loads_bank(text: str, name: str) -> Bank:
    """Parse and validate; errors name the file, the field path and the reason."""
    import yaml

    try:
        data = yaml.load(text, Loader=_yaml()[1])
    except yaml.composer.ComposerError as exc:
        if "expected a single document" in str(exc):
            raise BankError(f"{name}: not a bank file (it holds several YAML documents; "
                            "is it an article?)") from None
        raise BankError(f"{name}: invalid YAML ({exc.problem})") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = exc.problem or exc.context or "invalid YAML"
        raise BankError(f"{name}: {where}{reason}") from None
    except yaml.YAMLError as exc:
        raise BankError(f"{name}: invalid YAML ({exc})") from None
    return validate_bank(data, name)


def _refuse_duplicates(bank: Bank, name: str) -> None:
    """Ids are keys (merge, review, Anki GUIDs, the review store): a repeated one would make
    one copy silently win, so a bank that repeats an id is refused, naming it."""
    groups: tuple[tuple[str, list[str]], ...] = (
        ("sources", [s.id for s in bank.sources]), ("facts", [f.id for f in bank.facts]),
        ("questions", [q.id for q in bank.questions]))
    for field, ids in groups:
        seen: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in seen:
                raise BankError(f"{name}: {field}[{index}].id: duplicated id {item_id} "
                                f"(also {field}[{seen[item_id]}])")
            seen[item_id] = index


def load_bank(path: str | Path) -> Bank:
    """Read a bank file; BankError (one line) for a missing, unreadable or invalid file."""
    file = Path(path)
    return parse_bank(read_bytes(file, BankError, "bank file"), str(file))


def parse_bank(raw: bytes, name: str) -> Bank:
    """The bank in a bank file's bytes (UTF-8, with or without BOM): from the JSON copy
    studykit kept when it saved or last parsed these very bytes (bankcopy), else by parsing
    the YAML."""
    from studykit.bankcopy import load_copy, store_copy

    copy = load_copy(raw)
    if copy is not None:
        return copy
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    bank = loads_bank(text, name)
    # A bank edited by hand pays the parse once: the next command on the same bytes (export
    # after export, the handout after the deck) reads the copy.
    store_copy(raw, bank)
    return bank


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "bank"


def _reason(error: Any) -> str:
    if error["type"] == "missing":
        return "field required"
    if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown field"
    return str(error["msg"]).replace("\n", " ")
