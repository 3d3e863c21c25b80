"""Which country a person's role names (`الرئيس الإيراني`, `نظيره الروسي`), and that country's
office holders: wrong answers for a person must share the nationality the question states.
"""

from __future__ import annotations

import re
from functools import cache

from studykit.arabic import fold
from studykit.generate.text import contains_phrase
from studykit.models import Fact

# Words of the clause before the answer that may hold its role (`وزير الخارجية الأذربيجاني،`).
_ROLE_WORDS = 4


@cache
def _table() -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
    from importlib import resources

    import yaml

    text = resources.files("studykit.generate").joinpath(
        "data", "officials_by_country.yaml").read_text("utf-8")
    loaded = yaml.safe_load(text)
    countries = {str(c): {str(r): [str(n) for n in names] for r, names in ranks.items()}
                 for c, ranks in loaded["countries"].items()}
    adjectives = {fold(str(a)).text: str(c) for c, adjs in loaded["adjectives"].items()
                  for a in adjs}
    return countries, adjectives


def _keys(word: str) -> list[str]:
    """Forms of a written adjective to look up: as is, and without a conjunction, the article
    and a feminine ending (`والألمانية` → `الماني`; `ألماني` itself starts with `ال` once
    folded, so the bare form is tried too)."""
    folded = fold(word.strip("،,.؛:()\"“”«»")).text
    bare = re.sub(r"^(?:و|ف)?(?:ال|لل)", "", folded)
    return [f.removesuffix("ه") for f in (folded, bare)]


def nation_in(text: str) -> str | None:
    """The country the last nationality adjective of `text` names, if any."""
    _, adjectives = _table()
    for word in reversed(text.split()):
        for key in _keys(word):
            if key in adjectives:
                return adjectives[key]
    return None


def nation_of(fact: Fact, clause: str = "") -> str | None:
    """The person's country as the question states it: from the words just before the name in
    `clause` (`الرئيس الإيراني، [...]`), else from the fact's role if the clause shows it (or
    no clause is given: the person's own country)."""
    for name in (fact.text, fact.value or ""):
        at = clause.find(name) if name else -1
        if at > 0:
            before = clause[:at].split()[-_ROLE_WORDS:]
            # Only the role right before the name: `في موسكو مع نظيره الروسي،` → russia.
            found = nation_in(" ".join(before))
            if found is not None:
                return found
            break
    # The role counts only where the question shows it; a role the student cannot see
    # (`زيارة [عبد اللهيان] إلى روسيا`) rules out no one.
    if not clause or (fact.role and contains_phrase(clause, fact.role)):
        return nation_in(fact.role or "")
    return None


# Offices a student of the news tells apart by person: for these, the country's other senior
# office holders are fair wrong answers (`الرئيس الإيراني [...]`: Rouhani, Raisi, Abdollahian).
# An ambassador, a minister of electricity or a football player is not asked among presidents.
TOP_RANKS = frozenset({"president", "prime_minister", "foreign_minister", "king", "emir",
                       "chancellor"})


def officials_of(country: str, rank: str | None) -> list[str]:
    """Office holders of `country`: those of `rank` first, then (for a TOP_RANKS rank, or no
    rank asked: `rank=None`) its other senior officials."""
    countries, _ = _table()
    ranks = countries.get(country, {})
    first = ranks.get(rank or "", [])
    if rank is not None and rank not in TOP_RANKS:
        return list(first)
    rest = [n for r, names in ranks.items() if r != rank for n in names]
    return list(dict.fromkeys([*first, *rest]))


def of_nation(name: str, country: str) -> bool:
    """Whether `name` is one of the office holders the data file lists for `country`."""
    return any(contains_phrase(name, n) or contains_phrase(n, name)
               for n in officials_of(country, None))
