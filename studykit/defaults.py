"""Where the bundled default deck lives, in a repo checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

from studykit.errors import BankError

DEFAULT_DECK = "iran-russia-2023"


def decks_dir() -> Path:
    """`studykit/_decks` in a wheel (force-included), else `decks/` beside the package."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_decks", package.parent / "decks"):
        if candidate.is_dir():
            return candidate
    raise BankError("the bundled decks folder is missing from this installation")


def default_bank_path() -> Path:
    """The default deck's bank.yaml."""
    path = decks_dir() / DEFAULT_DECK / "bank.yaml"
    if not path.is_file():
        raise BankError(f"{path}: the default deck's bank is missing")
    return path


def default_article_path() -> Path:
    return decks_dir() / DEFAULT_DECK / "article.ar.txt"
