"""Train the person tagger (a CRF) from ../shared/ner and print its test-split scores.

    python scripts/train_ner.py [--shared ../shared] [--out MODEL.crfsuite]

Data: ANERcorp train split (CC BY-SA 4.0) plus the Wojood sample's train+val (MIT); scored on
ANERcorp's test split and the Wojood sample's test split. Tokens are split and folded exactly as
studykit.extract.ner_features expects (folded `\\w+` words, punctuation as a break flag).
Only PERS is kept as a label: the tagger's job in studykit is people; places and organisations
come from gazetteers. The model is an adaptation of ANERcorp: it ships under CC BY-SA 4.0
(LICENSE-DATA). Needs python-crfsuite (a core dependency). Runs in about a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.arabic import normalize  # noqa: E402
from studykit.extract.ner_features import sentence_features  # noqa: E402

_WORD = re.compile(r"\w+")
Sentence = tuple[list[str], list[bool], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    """(words, breaks, labels) per sentence, labels reduced to B-PERS / I-PERS / O."""
    out: list[Sentence] = []
    words: list[str] = []
    breaks: list[bool] = []
    labels: list[str] = []
    pending_break = False
    prev_pers = False
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts:
            if words:
                out.append((words, breaks, labels))
            words, breaks, labels, pending_break, prev_pers = [], [], [], False, False
            continue
        token, tag = parts[0], parts[-1]
        pers = tag.endswith("PERS")
        pieces = _WORD.findall(normalize(token))
        if not pieces:
            pending_break = True
            continue
        lead_punct = not _WORD.match(normalize(token))
        for k, piece in enumerate(pieces):
            if pers:
                inside = tag.startswith("I-") or k > 0
                label = "I-PERS" if inside and prev_pers else "B-PERS"
            else:
                label = "O"
            words.append(piece)
            breaks.append(pending_break or (k == 0 and lead_punct) or k > 0)
            labels.append(label)
            pending_break = False
            prev_pers = pers
        if not _WORD.fullmatch(normalize(token)) and not token[-1:].isalnum():
            pending_break = True
    return out


def function_words(path: Path, min_count: int = 2) -> list[str]:
    """Folded words seen at least `min_count` times in the corpus and never inside any named
    entity (PERS, LOC, ORG, MISC): particles, verbs, adverbs, common nouns — words that are
    never part of a name. A closed class learned from the data, not a hand list."""
    count: dict[str, int] = {}
    named: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        for piece in _WORD.findall(normalize(parts[0])):
            count[piece] = count.get(piece, 0) + 1
            if parts[-1] != "O":
                named.add(piece)
    return sorted(w for w, c in count.items()
                  if c >= min_count and w not in named and len(w) >= 2 and not w.isdigit())


def spans(labels: list[str]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    start = None
    for i, lab in enumerate([*labels, "O"]):
        if lab == "B-PERS" or lab == "O":
            if start is not None:
                out.add((start, i))
                start = None
            if lab == "B-PERS":
                start = i
        elif lab == "I-PERS" and start is None:
            start = i
    return out


def evaluate(tagger, data: list[Sentence]) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    tp = fp = fn = 0
    for words, breaks, labels in data:
        pred = tagger.tag(sentence_features(words, breaks))
        g, p = spans(labels), spans(pred)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def main() -> int:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "studykit" / "extract" / "data" / "person_tagger.crfsuite")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    args = ap.parse_args()
    ner = args.shared / "ner"
    if not (ner / "anercorp" / "train.conll").is_file():
        print(f"error: {ner}/anercorp/train.conll not found (the corpus lives in ../shared)",
              file=sys.stderr)
        return 1
    train = read_conll(ner / "anercorp" / "train.conll")
    for part in ("train.conll", "val.conll"):
        if (ner / "wojood-sample" / part).is_file():
            train += read_conll(ner / "wojood-sample" / part)
    tests = {"anercorp/test": read_conll(ner / "anercorp" / "test.conll")}
    if (ner / "wojood-sample" / "test.conll").is_file():
        tests["wojood-sample/test"] = read_conll(ner / "wojood-sample" / "test.conll")
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, breaks, labels in train:
        trainer.append(sentence_features(words, breaks), labels)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(args.out)
    took = time.perf_counter() - started
    words = function_words(ner / "anercorp" / "train.conll")
    fw_path = args.out.parent / "function_words.txt"
    fw_path.write_text(
        "# Folded words seen 2+ times in ANERcorp's train split and never inside a named entity\n"
        "# (scripts/train_ner.py). Derived from ANERcorp (CC BY-SA 4.0, see LICENSE-DATA).\n"
        + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words):,} function words -> {fw_path}")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    print(f"trained on {sum(len(s[0]) for s in train):,} tokens in {took:.0f} s; "
          f"model {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")
    for name, data in tests.items():
        p, r, f = evaluate(tagger, data)
        print(f"PERS on {name}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"({sum(len(s[0]) for s in data):,} tokens)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
