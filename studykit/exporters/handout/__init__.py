"""Classroom handouts: shuffled versions with answer keys, as PDF, HTML, Markdown or Word.

`layout` decides what is printed (versions, order, numbering, keys); `pdf`, `html`,
`markdown` and `word` only draw it. `write_handout` is the one entry point the CLI calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from studykit.exporters.handout.layout import (
    Handout,
    HandoutError,
    HandoutOptions,
    KeyMode,
    build_handout,
)
from studykit.fsutil import atomic_write
from studykit.models import Question

FORMATS = (".pdf", ".html", ".md", ".docx")

__all__ = ["FORMATS", "HandoutError", "HandoutOptions", "KeyMode", "key_path", "render",
           "write_handout"]


def key_path(path: Path) -> Path:
    """Where `--key separate` puts the key: `FILE-key.EXT` beside FILE."""
    return path.with_name(f"{path.stem}-key{path.suffix}")


def render(handout: Handout, suffix: str, *, questions: bool, keys: bool) -> bytes | str:
    """The handout in the format named by a file suffix (.pdf, .html, .md, .docx)."""
    if suffix == ".pdf":
        from studykit.exporters.handout.pdf import render_pdf

        return render_pdf(handout, questions=questions, keys=keys)
    if suffix == ".html":
        from studykit.exporters.handout.html import render_html

        return render_html(handout, questions=questions, keys=keys)
    if suffix == ".md":
        from studykit.exporters.handout.markdown import render_markdown

        return render_markdown(handout, questions=questions, keys=keys)
    if suffix == ".docx":
        from studykit.exporters.handout.word import render_docx

        return render_docx(handout, questions=questions, keys=keys)
    raise HandoutError(f"unknown handout format {suffix!r} (use {', '.join(FORMATS)})")


def write_handout(questions: Sequence[Question], path: str | Path,
                  options: HandoutOptions) -> tuple[Handout, list[Path]]:
    """Lay out and write the handout (and, with `KeyMode.SEPARATE`, its key file).

    Returns the layout and the files written. Errors name the output file.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise HandoutError(f"{target}: unknown handout format (use {', '.join(FORMATS)})")
    try:
        handout = build_handout(questions, options)
        keys_inline = options.key == KeyMode.APPENDED
        outputs = [(target, render(handout, suffix, questions=True, keys=keys_inline))]
        if options.key == KeyMode.SEPARATE:
            outputs.append((key_path(target),
                            render(handout, suffix, questions=False, keys=True)))
    except HandoutError as exc:
        raise HandoutError(f"{target}: {exc}") from None
    written = [atomic_write(file, data) for file, data in outputs]
    return handout, written
