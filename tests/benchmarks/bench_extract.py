"""Extraction speed: the seed after import, throughput on 1 MB and 4 MB, and their ratio.

Run as `python tests/benchmarks/bench_extract.py` (part of `make bench`). Targets from issue 3:
seed under 50 ms after import, at least 1 MB/s, 4 MB taking about 4x 1 MB.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from studykit.extract import extract

SEED = Path(__file__).parent.parent / "data" / "iran-russia-visit-2023.ar.txt"
PUBLISHED = date(2023, 3, 30)


def _best_of(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        extract(text, PUBLISHED, "bench")
        best = min(best, time.perf_counter() - start)
    return best


def _corpus(seed: str, megabytes: int) -> str:
    """About `megabytes` MB of UTF-8 Arabic news text: the seed repeated, paragraphs shuffled
    deterministically so repeats are not byte-identical blocks."""
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    out: list[str] = []
    size = 0
    k = 0
    while size < megabytes * 1_000_000:
        para = paragraphs[(k * 7) % len(paragraphs)]
        out.append(para)
        size += len(para.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(out)


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    first = time.perf_counter()
    extract(seed, PUBLISHED, "bench")
    first_ms = 1000 * (time.perf_counter() - first)
    print(f"first extraction (tables built, babel loaded): {first_ms:.1f} ms")
    seed_s = _best_of(seed, 20)
    print(f"seed ({len(seed.encode('utf-8')) / 1000:.1f} kB): {1000 * seed_s:.1f} ms "
          f"(target < 50 ms)")
    one = _corpus(seed, 1)
    four = _corpus(seed, 4)
    t1 = _best_of(one, 2)
    t4 = _best_of(four, 2)
    mb1 = len(one.encode("utf-8")) / 1e6
    mb4 = len(four.encode("utf-8")) / 1e6
    print(f"1 MB: {t1:.2f} s → {mb1 / t1:.2f} MB/s (target >= 1 MB/s)")
    print(f"4 MB: {t4:.2f} s → {mb4 / t4:.2f} MB/s")
    print(f"4MB/1MB time ratio: {t4 / t1:.2f} (size ratio {mb4 / mb1:.2f}; linear ≈ 4)")


if __name__ == "__main__":
    main()
