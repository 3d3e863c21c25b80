"""Seeded shuffles shared by the exporters and the quiz."""

from __future__ import annotations

import random
from typing import TypeVar

T = TypeVar("T")
# Shuffles tried, keeping the one that shares the fewest positions with earlier orders.
TRIES = 24


def scrambled(items: list[str], seed: str) -> list[str]:
    """A fixed order (seeded, e.g. by the question id) that is never the answer's own order."""
    out = list(items)
    random.Random(seed).shuffle(out)
    if out == items and len(items) > 1:
        out = out[1:] + out[:1]
    return out


def most_different(items: list[T], earlier: list[list[T]], rng: random.Random) -> list[T]:
    """A shuffle of `items` sharing as few positions as possible with the earlier orders (the
    first try when there are none). With ten questions a plain shuffle left true/false items
    and the last questions in place across versions A and B."""
    best: list[T] = []
    best_score = -1
    for _ in range(TRIES if earlier else 1):
        candidate = list(items)
        rng.shuffle(candidate)
        score = sum(a == b for order in earlier for a, b in zip(candidate, order, strict=False))
        if best_score < 0 or score < best_score:
            best, best_score = candidate, score
        if score == 0:
            break
    return best
