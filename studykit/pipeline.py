"""Article files in, bank file out: read → extract → generate → merge with the old bank → save."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from studykit.bank import load_bank
from studykit.bankwrite import update_bank
from studykit.models import Bank, Fact, Mention, slugify
from studykit.sources import Article, read_article

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build produced, for the CLI summary and `make demo`."""

    path: Path
    bank: Bank
    merged: bool
    new_questions: int = 0
    orphaned: int = 0
    reworded: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        facts = Counter(f.kind.value for f in self.bank.facts)
        types = Counter(q.type.value for q in self.bank.questions)
        status = Counter(q.status.value for q in self.bank.questions)
        lines = [
            f"{'Merged into' if self.merged else 'Wrote'} {self.path}",
            "  facts:     " + _counts(facts, len(self.bank.facts)),
            "  questions: " + _counts(types, len(self.bank.questions)),
            "  status:    " + _counts(status, len(self.bank.questions)),
        ]
        if self.merged:
            lines.append(f"  new drafts: {self.new_questions}, orphaned: {self.orphaned}, "
                         f"reviewed questions reworded by the generator: {self.reworded}")
        if status.get("held"):
            lines.append(f"  held back: {status['held']} (unsure; see them with "
                         f"studykit review {self.path} --status held)")
        return "\n".join(lines)


def _counts(counter: Counter[str], total: int) -> str:
    parts = ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))
    return f"{total} ({parts})" if parts else str(total)


def extract_articles(articles: Sequence[Article], progress: Progress | None = None) -> list[Fact]:
    """Facts of every article; one fact per id, mentions from all articles in order."""
    from studykit.extract import extract

    merged: dict[str, Fact] = {}
    for article in articles:
        if progress:
            progress(f"extracting {article.source.id}")
        for fact in extract(article.body, article.source.published, article.source.id):
            if fact.id in merged:
                old = merged[fact.id]
                aliases = tuple(dict.fromkeys((*old.aliases, *fact.aliases)))
                mentions: tuple[Mention, ...] = (*old.mentions, *fact.mentions)
                merged[fact.id] = old.model_copy(update={"mentions": mentions, "aliases": aliases})
            else:
                merged[fact.id] = fact
    return list(merged.values())


def build_bank(
    articles: Sequence[Article],
    bank_id: str,
    title: str,
    progress: Progress | None = None,
) -> Bank:
    """A fresh bank (all questions draft) from already-read articles."""
    from studykit.generate import generate

    facts = extract_articles(articles, progress)
    if progress:
        progress("generating questions")
    questions = generate(bank_id, articles, facts)
    bank = Bank(
        id=bank_id,
        title=title,
        sources=tuple(a.source for a in articles),
        facts=tuple(facts),
        questions=tuple(questions),
    )
    return drop_failing(bank)


def drop_failing(bank: Bank) -> Bank:
    """The checker is the gate: a generated question that breaks a quality rule (a rare
    generator slip on an unusual sentence) never reaches the bank as a draft."""
    from studykit.check import check_bank

    bad = {v.question_id for v in check_bank(bank, include_drafts=True)}
    if not bad:
        return bank
    return bank.model_copy(update={"questions": tuple(
        q for q in bank.questions if q.id not in bad)})


def bank_id_for(target: Path) -> str:
    """Bank id from the bank file's location: `decks/<slug>/bank.yaml` → `<slug>`."""
    stem = target.stem if target.stem != "bank" else target.resolve().parent.name
    return slugify(stem)


def article_warnings(article: Article) -> list[str]:
    """Things a user should know before trusting the bank: unresolved dates, non-Arabic text."""
    out = []
    name = article.source.path
    if article.source.published is None:
        out.append(f"{name}: no publication date (front matter `published:` or --published); "
                   "relative dates such as `الشهر الماضي` stay unresolved")
    letters = [c for c in article.body if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    if letters and arabic < 0.5 * len(letters):
        out.append(f"{name}: mostly non-Arabic text; studykit's rules are for Arabic news")
    return out


def _reworded(old: Bank, new: Bank) -> int:
    """Reviewed questions whose generated text changed on this rebuild (kept decisions on
    different wording are worth a second look)."""
    from studykit.merge import current_id

    before = {current_id(old.id, q): q for q in old.questions
              if q.status.value in ("approved", "rejected")}
    return sum(1 for q in new.questions if q.id in before and (
        (q.prompt, q.answer, q.options) != (before[q.id].prompt, before[q.id].answer,
                                            before[q.id].options)))


def build_steps(paths: Sequence[Path]) -> int:
    """How many times build_bank_file calls `progress`: read and extract each, then generate."""
    return 2 * len(paths) + 1


def build_bank_file(
    paths: Sequence[Path],
    target: Path,
    published: date | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build from `paths` and write `target`, merging review work from an existing bank.

    The old bank's id and title are kept; the merge happens under the bank's write lock on
    the bank as it is on disk then (see `bankwrite`).
    """
    articles = []
    for path in paths:
        if progress:
            progress(f"reading {path.name}")
        articles.append(read_article(path, published))
    # Read once without the lock for the id and title the questions are hashed with, and
    # again inside it to merge into what is on disk then (another command may have saved).
    peek = load_bank(target) if target.exists() else None
    fresh = _build_for(articles, peek, target, title, progress)
    warnings = tuple(w for a in articles for w in article_warnings(a))

    def merge(old: Bank | None) -> Bank:
        nonlocal fresh
        if _identity(old) != _identity(peek):
            fresh = _build_for(articles, old, target, title, None)  # rare: rebuilt meanwhile
        if old is None:
            return fresh
        from studykit.merge import merge_banks

        return merge_banks(old, fresh)

    old, merged = update_bank(target, merge)
    if old is None:
        return BuildReport(path=target, bank=merged, merged=False, warnings=warnings)
    from studykit.merge import current_id

    old_ids = {current_id(old.id, q) for q in old.questions}
    return BuildReport(
        path=target,
        bank=merged,
        merged=True,
        new_questions=sum(1 for q in merged.questions if q.id not in old_ids),
        orphaned=sum(1 for q in merged.questions if q.status.value == "orphaned"),
        reworded=_reworded(old, merged),
        warnings=warnings,
    )


def _identity(bank: Bank | None) -> tuple[str, str] | None:
    return (bank.id, bank.title) if bank else None


def _build_for(articles: Sequence[Article], old: Bank | None, target: Path, title: str | None,
               progress: Progress | None) -> Bank:
    """A fresh bank with the old bank's id and title, so question ids (and Anki GUIDs and
    review history keyed on them) stay the same across rebuilds."""
    bank_id = old.id if old else bank_id_for(target)
    bank_title = title or (old.title if old else "") or articles[0].source.title or bank_id
    return build_bank(articles, bank_id, bank_title, progress)
