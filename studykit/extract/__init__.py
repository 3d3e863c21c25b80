"""Fact extraction from Arabic news text: one module per kind, this module runs them all.

`extract(text, published, source)` is the library entry point; the CLI only formats.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from datetime import date

from studykit.extract.context import Context
from studykit.models import Fact, Mention


def extract(text: str, published: date | None = None, source: str = "") -> list[Fact]:
    """Every fact in `text` (an Article.body: offsets index the original file text).

    Args:
        text: the article text, residue already blanked.
        published: publication date, used to resolve relative dates; None leaves them
            unresolved (`value=None`, `relative=True`).
        source: the Source id recorded on every mention.
    """
    # Extraction allocates millions of short-lived tuples and never makes reference cycles:
    # the cycle collector only slows it down (and superlinearly on megabytes of text).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract_all(Context(text=text, published=published, source=source))
    finally:
        if collecting:
            gc.enable()


def _extract_all(ctx: Context) -> list[Fact]:
    from studykit.extract.agreements import extract_agreements
    from studykit.extract.dates import extract_dates
    from studykit.extract.numbers import extract_numbers
    from studykit.extract.organizations import extract_organizations
    from studykit.extract.people import extract_people
    from studykit.extract.places import extract_places
    from studykit.extract.quotes import extract_quotes

    if not ctx.folded.strip():
        return []
    dates = extract_dates(ctx)  # first: numbers inside dates are then skipped
    people = extract_people(ctx)
    places = extract_places(ctx)
    agreements = extract_agreements(ctx)
    organizations = extract_organizations(ctx)
    places = _outside_names(places, agreements + organizations)
    numbers = extract_numbers(ctx)
    quotes = extract_quotes(ctx, people, places + organizations + agreements)
    return dates + people + places + agreements + organizations + numbers + quotes


def _outside_names(places: list[Fact], named: list[Fact]) -> list[Fact]:
    """Drop place mentions that are part of an agreement's or organisation's name:
    `اتفاق الطائف`, `مبادرة "الشرق الأوسط الأخضر"`, `مركز كارنيغي للشرق الأوسط`, a paper
    called `"الشرق الأوسط"` name something else, not the place."""
    names = sorted((m.start, m.end) for f in named for m in f.mentions)
    if not names:
        return places
    starts = [s for s, _ in names]

    def inside(m: Mention) -> bool:
        k = bisect_right(starts, m.start)
        return any(s <= m.start and m.end <= e for s, e in names[max(0, k - 2):k])

    kept: list[Fact] = []
    for place in places:
        mentions = tuple(m for m in place.mentions if not inside(m))
        if mentions:
            kept.append(place.model_copy(update={"mentions": mentions}))
    return kept
