"""Handout and LMS export speed on generated banks of real seed sentences.

Run with `make bench` (or `python tests/benchmarks/bench_handout.py`). Targets from issue 6:
a 50-question PDF in 3 versions with keys under 2 s; 500 questions under 10 s. Each figure is
the best of a few in-process runs of `write_handout` (layout, rendering, atomic write), after
one warm-up run so font loading is not counted twice.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "exporters"))

from test_handout_bank import make_bank  # noqa: E402

from studykit.exporters.gift import dumps_gift  # noqa: E402
from studykit.exporters.handout import HandoutOptions, KeyMode, write_handout  # noqa: E402
from studykit.exporters.moodle import dumps_moodle  # noqa: E402


def best_of(action: Callable[[], object], runs: int) -> float:
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cases = [
            ("50 questions, 3 versions + keys, PDF", 50, 3, ".pdf", KeyMode.APPENDED, 2.0),
            ("50 questions, 3 versions, keys separate, PDF", 50, 3, ".pdf", KeyMode.SEPARATE, 2.0),
            ("500 questions, 1 version + key, PDF", 500, 1, ".pdf", KeyMode.APPENDED, 10.0),
            ("500 questions, 3 versions + keys, PDF", 500, 3, ".pdf", KeyMode.APPENDED, None),
            ("500 questions, 3 versions + keys, HTML", 500, 3, ".html", KeyMode.APPENDED, None),
        ]
        failed = False
        for name, size, versions, suffix, key, limit in cases:
            questions = make_bank(size).questions
            options = HandoutOptions(versions=versions, seed=1, key=key, title="اختبار")
            target = out / f"h{suffix}"
            runs = 3 if size <= 50 else 1
            seconds = best_of(partial(write_handout, questions, target, options), runs)
            pages = ""
            if suffix == ".pdf":
                from pypdf import PdfReader

                pages = f", {len(PdfReader(target).pages)} pages"
            verdict = "" if limit is None else (" ok" if seconds < limit else " TOO SLOW")
            failed |= verdict == " TOO SLOW"
            target_text = "" if limit is None else f" (target < {limit:.0f} s)"
            print(f"{name:48s} {seconds:6.2f} s{pages}{target_text}{verdict}")
        bank = make_bank(500)
        for name, dump in (("moodle", dumps_moodle), ("gift", dumps_gift)):
            seconds = best_of(partial(dump, bank), 3)
            print(f"{'500 questions, export ' + name:48s} {seconds:6.2f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
