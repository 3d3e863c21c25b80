"""Which questions a handout prints: by type, one per clause and fact, a count or a per-type
mix, all chosen from the seed so the same command gives the same sheet."""

from __future__ import annotations

import random
from collections.abc import Sequence

from studykit.exporters.handout.options import HandoutError, HandoutOptions
from studykit.models import Question


def without_siblings(questions: Sequence[Question], seed: int) -> list[Question]:
    """At most one question per source clause and per fact, so no question on the sheet
    prints another's answer (a cloze and an MCQ on one sentence give each other away).

    Which sibling stays is chosen from the seed, so the mix of types varies; bank order kept.
    """
    order = list(range(len(questions)))
    random.Random(f"siblings:{seed}").shuffle(order)
    spans: list[tuple[str, int, int]] = []
    facts: set[str] = set()
    keep: set[int] = set()
    for i in order:
        q = questions[i]
        src = q.source
        own_facts = set(q.fact_ids) if len(q.fact_ids) <= 2 else set()
        overlaps = any(s == src.source and a < src.end and src.start < b for s, a, b in spans)
        if len(q.fact_ids) <= 2 and (overlaps or own_facts & facts):
            continue
        keep.add(i)
        facts |= own_facts
        if len(q.fact_ids) <= 2:
            spans.append((src.source, src.start, src.end))
    return [q for i, q in enumerate(questions) if i in keep]


def select_questions(questions: Sequence[Question], options: HandoutOptions) -> list[Question]:
    """Filter by type, drop siblings, then keep `count` chosen from the seed, in bank order."""
    chosen = [q for q in questions if not options.types or q.type in options.types]
    if options.mix:
        chosen = [q for q in chosen if q.type in dict(options.mix)]
    if not options.siblings:
        chosen = without_siblings(chosen, options.seed)
    if not chosen:
        raise HandoutError("no questions to print (check --types and --include-drafts)")
    if options.mix:
        return _mixed(chosen, options)
    if options.count is not None and options.count < len(chosen):
        if options.count < 1:
            raise HandoutError("--count must be at least 1")
        rng = random.Random(f"select:{options.seed}")
        keep = set(rng.sample(range(len(chosen)), options.count))
        chosen = [q for i, q in enumerate(chosen) if i in keep]
    return chosen


def _mixed(chosen: list[Question], options: HandoutOptions) -> list[Question]:
    """`mix` questions of each type, chosen from the seed, in bank order."""
    rng = random.Random(f"mix:{options.seed}")
    keep: set[int] = set()
    for qtype, wanted in options.mix:
        pool = [i for i, q in enumerate(chosen) if q.type == qtype]
        if len(pool) < wanted:
            raise HandoutError(f"--mix asks for {wanted} {qtype.value} questions; the bank has "
                               f"{len(pool)} to print")
        keep |= set(rng.sample(pool, wanted))
    return [q for i, q in enumerate(chosen) if i in keep]
