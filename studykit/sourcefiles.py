"""Finding a bank's source articles on disk, for the checks that compare against them.

A bank records each article's path as it was given to `build`, usually relative to the folder
`build` ran in (`decks/iran-russia-2023/article.ar.txt`, recorded from the repository root).
So a relative path is looked up beside the bank file, then in each folder above it (one of
them is where the build ran), then in the current folder: `check` finds the article from
anywhere, and says so when it cannot.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from studykit.errors import StudykitError
from studykit.models import Bank, Source

# (text, body) of an article, by source id.
Articles = dict[str, tuple[str, str]]


def candidates(source_path: str, bank_path: Path | None) -> list[Path]:
    """Where a recorded source path may be, most likely first."""
    path = Path(source_path)
    if path.is_absolute():
        return [path]
    out: list[Path] = []
    if bank_path is not None:
        folder = bank_path.resolve().parent
        out += [folder / path, *(parent / path for parent in folder.parents)]
    out.append(Path.cwd() / path)
    return list(dict.fromkeys(out))


def find_articles(bank: Bank, bank_path: Path | None = None) -> tuple[Articles, list[str]]:
    """The articles still on disk unchanged, and one note per source that is not."""
    from studykit.fsutil import MAX_ARTICLE_BYTES, read_bytes
    from studykit.sources import read_article

    out: Articles = {}
    notes: list[str] = []
    for source in bank.sources:
        found = next((p for p in candidates(source.path, bank_path) if p.exists()), None)
        if found is None:
            notes.append(f"{_name(source)}: article {source.path} not found beside the bank or "
                         "in the folders above it; sentences not checked against it")
            continue
        try:
            raw = read_bytes(found, StudykitError, "file", MAX_ARTICLE_BYTES)
            if hashlib.sha256(raw).hexdigest() != source.sha256:
                notes.append(f"{_name(source)}: {found} changed since the build (checksum "
                             "differs); sentences not checked against it")
                continue
            article = read_article(found)
        except StudykitError as exc:
            notes.append(f"{_name(source)}: {exc}; sentences not checked against it")
            continue
        out[source.id] = (article.text, article.body)
    return out, notes


def _name(source: Source) -> str:
    return f"source {source.id}"
