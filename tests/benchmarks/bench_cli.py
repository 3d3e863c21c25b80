"""Wall time of whole CLI commands on the default deck, against a bare `import studykit`.

Run with `make bench` (or `python tests/benchmarks/bench_cli.py`). Each figure is the best of
N runs of a fresh process, so it includes interpreter start-up, as a user experiences it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DECK = ROOT / "decks" / "iran-russia-2023"
RUNS = 5


def best_of(cmd: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    exe = [sys.executable, "-m", "studykit"]
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "bank.yaml"
        shutil.copy(DECK / "bank.yaml", bank)
        rows = [
            ("python -c 'import studykit'", best_of([sys.executable, "-c", "import studykit"])),
            ("studykit --help", best_of([*exe, "--help"])),
            ("studykit build (merge into default bank)",
             best_of([*exe, "build", str(DECK / "article.ar.txt"), "-o", str(bank)])),
            ("studykit export anki (default bank)",
             best_of([*exe, "export", "anki", str(bank), "-o", str(Path(tmp) / "d.apkg")])),
            ("studykit export json (default bank)",
             best_of([*exe, "export", "json", str(bank), "-o", str(Path(tmp) / "d.json")])),
        ]
    base = rows[0][1]
    print(f"{'command':45} {'best of ' + str(RUNS):>10} {'minus import':>13}")
    for name, seconds in rows:
        print(f"{name:45} {seconds * 1000:8.0f} ms {(seconds - base) * 1000:10.0f} ms")


if __name__ == "__main__":
    main()
