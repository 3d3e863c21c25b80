"""The facts of one bank indexed once, so each question asks about its neighbours in O(1).

Generators used to scan every fact of a kind for every question (the same-shape dates for a
date's distractors, every name of every place for the names a clause already holds): fine for
one article, quadratic for a term's reading. Each index here is built the first time it is
asked for and keeps the facts' order, so every answer is exactly the one the scans gave.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from studykit.generate.text import contains_phrase, token_forms
from studykit.models import Fact, FactKind


def names_of(fact: Fact) -> list[str]:
    """Every written name of a fact: surface text, value (non-dates) and aliases."""
    names = [fact.text, *fact.aliases]
    if fact.value and fact.kind not in (FactKind.DATE, FactKind.NUMBER):
        names.append(fact.value)
    return [n for n in dict.fromkeys(names) if n]


@dataclass(frozen=True)
class _Names:
    """The names of one kind's facts: who has each name, and which could start a phrase."""

    owners: dict[str, list[str]]  # name → ids of the facts that have it, in fact order
    lengths: tuple[int, ...]  # distinct name lengths, longest first
    entries: tuple[tuple[str, str], ...]  # (fact id, name) in fact order, names in order
    # A folded form of a name's first word → positions in `entries` of the names it opens.
    by_first: dict[str, list[int]]


@dataclass
class FactIndex:
    """Lazily built lookups over `facts` (in their order)."""

    facts: Sequence[Fact]
    _kinds: dict[FactKind, list[Fact]] = field(default_factory=dict)
    _groups: dict[tuple[FactKind, Hashable], dict[Hashable, list[Fact]]] = field(
        default_factory=dict)
    _names: dict[FactKind, _Names] = field(default_factory=dict)

    def of_kind(self, kind: FactKind) -> list[Fact]:
        """The facts of `kind`, in order (the same list each time: do not change it)."""
        if not self._kinds:
            for kind_ in FactKind:
                self._kinds[kind_] = []
            for fact in self.facts:
                self._kinds[fact.kind].append(fact)
        return self._kinds[kind]

    def group(self, kind: FactKind, key: Callable[[Fact], Hashable],
              value: Hashable) -> list[Fact]:
        """The facts of `kind` whose `key(fact) == value`, in order. `key` must be a
        module-level function (it names the grouping)."""
        groups = self._groups.get((kind, key))
        if groups is None:
            groups = {}
            for fact in self.of_kind(kind):
                groups.setdefault(key(fact), []).append(fact)
            self._groups[(kind, key)] = groups
        return groups.get(value, [])

    def _names_of_kind(self, kind: FactKind) -> _Names:
        names = self._names.get(kind)
        if names is None:
            owners: dict[str, list[str]] = {}
            entries: list[tuple[str, str]] = []
            by_first: dict[str, list[int]] = {}
            for fact in self.of_kind(kind):
                for name in names_of(fact):
                    owners.setdefault(name, []).append(fact.id)
                    forms = token_forms(name)
                    if forms:
                        for form in forms[0]:
                            by_first.setdefault(form, []).append(len(entries))
                    entries.append((fact.id, name))
            lengths = tuple(sorted({len(n) for n in owners}, reverse=True))
            names = _Names(owners, lengths, tuple(entries), by_first)
            self._names[kind] = names
        return names

    def named_by_other(self, fact: Fact, name: str) -> bool:
        """Whether another fact of the same kind has `name` among its names."""
        owners = self._names_of_kind(fact.kind).owners.get(name, ())
        return any(fid != fact.id for fid in owners)

    def longest_suffix_name(self, fact: Fact, text: str) -> str | None:
        """The longest name of another fact of the same kind that `text` ends with."""
        names = self._names_of_kind(fact.kind)
        for length in names.lengths:
            if length <= len(text) and self.named_by_other(fact, text[len(text) - length:]):
                return text[len(text) - length:]
        return None

    def names_in(self, fact: Fact, clause: str) -> list[str]:
        """Names of the other facts of the same kind that `clause` contains as a phrase
        (`contains_phrase`), in fact order."""
        names = self._names_of_kind(fact.kind)
        present: set[str] = set()
        for forms in token_forms(clause):
            present |= forms
        hits: set[int] = set()
        for form in present:
            hits.update(names.by_first.get(form, ()))
        out = []
        for k in sorted(hits):
            fid, name = names.entries[k]
            # Every word of the name must have a reading in the clause before the phrase can.
            if fid != fact.id and all(forms & present for forms in token_forms(name)) and (
                    contains_phrase(clause, name)):
                out.append(name)
        return out
