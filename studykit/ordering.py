"""Seeded shuffles shared by the exporters and the quiz."""

from __future__ import annotations

import random


def scrambled(items: list[str], seed: str) -> list[str]:
    """A fixed order (seeded, e.g. by the question id) that is never the answer's own order."""
    out = list(items)
    random.Random(seed).shuffle(out)
    if out == items and len(items) > 1:
        out = out[1:] + out[:1]
    return out
