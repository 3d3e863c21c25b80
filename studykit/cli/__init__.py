"""The `studykit` command: a thin click layer over the library.

Each command module parses options, calls one library function and formats the result.
Heavy libraries (genanki, fsrs, fpdf2, anki, babel) are imported inside command bodies so
`studykit --help` stays fast.
"""

from __future__ import annotations

from studykit.cli import build as _build  # noqa: F401  (registers commands)
from studykit.cli import check as _check  # noqa: F401
from studykit.cli import export as _export  # noqa: F401
from studykit.cli import export_classroom as _export_classroom  # noqa: F401
from studykit.cli import export_lms as _export_lms  # noqa: F401
from studykit.cli import extract as _extract  # noqa: F401
from studykit.cli import handout as _handout  # noqa: F401
from studykit.cli import quiz as _quiz  # noqa: F401
from studykit.cli import review as _review  # noqa: F401
from studykit.cli.app import main, run

__all__ = ["main", "run"]
