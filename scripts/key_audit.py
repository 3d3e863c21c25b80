"""Audit the keys of person/place/agreement questions over many real articles (issue 10's junk
and partial-name figures), one bank per article, drafts included.

    python scripts/key_audit.py ../shared/corpus/saudinewsnet/bulk [-v]

- junk key: the answer is no fact of the article (no extracted value, text or alias of that
  kind matches it), or a person answer the checker calls no name;
- partial name: a person answer that is a strict part of a fuller person name the extractor
  found in the same article (`جون` beside `جون كيري`).
Publication dates come from SOURCES.tsv (date_extracted) when it is there.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.arabic import normalize  # noqa: E402
from studykit.check_text import not_a_name  # noqa: E402
from studykit.models import FactKind, QuestionType  # noqa: E402
from studykit.pipeline import build_bank  # noqa: E402
from studykit.sources import read_article  # noqa: E402

KINDS = (FactKind.PERSON, FactKind.PLACE, FactKind.AGREEMENT)
NAME_TYPES = (QuestionType.CLOZE, QuestionType.MCQ, QuestionType.SHORT_ANSWER)


def published_dates(folder: Path) -> dict[str, date]:
    table = folder / "SOURCES.tsv"
    if not table.is_file():
        return {}
    with table.open(encoding="utf-8") as fh:
        return {row["file"]: date.fromisoformat(row["date_extracted"][:10])
                for row in csv.DictReader(fh, delimiter="\t")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    dates = published_dates(args.folder)
    asked = junk = partial = articles = 0
    started = time.perf_counter()
    for path in sorted(args.folder.glob("*.txt")):
        article = read_article(path, dates.get(path.name))
        bank = build_bank([article], path.stem, path.stem)
        articles += 1
        facts = {f.id: f for f in bank.facts}
        people = [normalize(f.value or f.text).split() for f in bank.facts
                  if f.kind == FactKind.PERSON]
        for q in bank.questions:
            fact = facts.get(q.fact_ids[0]) if q.fact_ids else None
            if fact is None or fact.kind not in KINDS or q.type not in NAME_TYPES:
                continue
            if q.template in ("role-of-person",):
                continue  # the answer is a role, not the fact's name
            asked += 1
            key = normalize(q.answer)
            same_kind = [normalize(n) for f in bank.facts if f.kind == fact.kind
                         for n in (f.value or "", f.text, *f.aliases) if n]
            words = key.split()
            if key not in same_kind or (fact.kind == FactKind.PERSON and not_a_name(q.answer)):
                junk += 1
                if args.verbose:
                    print(f"junk    {path.name} {q.type.value}: {q.answer}")
            elif fact.kind == FactKind.PERSON and any(
                    len(p) > len(words) and all(w in p for w in words) for p in people):
                partial += 1
                if args.verbose:
                    print(f"partial {path.name} {q.type.value}: {q.answer}")
    took = time.perf_counter() - started
    share = (lambda n: f"{n}/{asked} = {n / asked:.1%}") if asked else (lambda n: str(n))
    print(f"{articles} articles, {asked} person/place/agreement questions ({took:.0f} s)")
    print(f"junk keys:    {share(junk)}")
    print(f"partial names: {share(partial)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
