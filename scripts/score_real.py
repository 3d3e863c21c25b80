"""Score the extractor on real news annotated by hand (tests/data/real/SET/NNN.gold.json).

    python scripts/score_real.py tests/data/real/A [more dirs] [--shared ../shared] [-v]

Each gold file names its article (`saudinewsnet bulk/NNN.txt`); the article is read from
../shared (CC BY-NC-SA: it never enters this repository). People are scored strictly (full
names, >= 60% word overlap of the longer name). Prints per-kind P/R/F1 summed over the files;
-v adds what each article missed and what it predicted that the gold does not have.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.extract import extract  # noqa: E402
from studykit.score import KindScore, Score, score  # noqa: E402
from studykit.sources import read_article  # noqa: E402

KINDS = ("person", "date", "place", "agreement")


def article_path(shared: Path, gold: dict) -> Path:  # type: ignore[type-arg]
    rel = str(gold["source"]).split()[-1]
    return shared / "corpus" / "saudinewsnet" / rel


def score_file(shared: Path, file: Path) -> Score:
    gold = json.loads(file.read_text(encoding="utf-8"))
    doc = read_article(article_path(shared, gold), published=date.fromisoformat(gold["published"]))
    facts = extract(doc.body, doc.source.published, doc.source.id)
    result = score(facts, gold, strict_people=True)
    # A kind the gold has none of still counts its predictions as spurious.
    kinds = dict(result.kinds)
    for kind in KINDS:
        if kind not in kinds:
            pred = [f for f in facts if f.kind.value == kind]
            if kind == "date":
                n = len({f.value for f in pred if f.value})
                kinds[kind] = KindScore(0, n, 0, (), tuple(sorted({str(f.value) for f in pred})))
            else:
                kinds[kind] = KindScore(0, len(pred), 0, (), tuple(f.text for f in pred))
    return Score({k: kinds[k] for k in KINDS})


def total(scores: list[Score]) -> Score:
    out: dict[str, KindScore] = {}
    for kind in KINDS:
        ks = [s.kinds[kind] for s in scores]
        out[kind] = KindScore(sum(k.matched for k in ks), sum(k.predicted for k in ks),
                              sum(k.expected for k in ks))
    return Score(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    scores = []
    for folder in args.dirs:
        for file in sorted(folder.glob("*.gold.json")):
            s = score_file(args.shared, file)
            scores.append(s)
            if args.verbose:
                for kind, k in s.kinds.items():
                    if k.missed or k.spurious:
                        print(f"{file.name} {kind}: missed {list(k.missed)} "
                              f"spurious {list(k.spurious)}")
    print(f"{len(scores)} articles")
    print(total(scores).table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
