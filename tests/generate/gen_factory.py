"""Building facts on test articles: shared by the generator rule tests."""

from __future__ import annotations

from studykit.models import Fact, FactKind, Mention, fact_id
from studykit.sources import Article


def fact_at(article: Article, kind: FactKind, text: str, nth: int = 0, **extra: object) -> Fact:
    """A fact whose mentions are every occurrence of `text` from the `nth` on."""
    starts, at = [], -1
    while (at := article.text.find(text, at + 1)) != -1:
        starts.append(at)
    mentions = tuple(Mention(start=s, end=s + len(text), sentence=0, source=article.source.id)
                     for s in starts[nth:])
    return Fact(id=fact_id(kind, text), kind=kind, text=text, value=text, mentions=mentions,
                **extra)  # type: ignore[arg-type]
