"""What every generator needs: where a fact is written (sentence or trimmed clause, never page
residue or a headline) and how to build a Question with stable id, tags and source offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from studykit.arabic import Span, fold, normalize, sentence_index, sentences
from studykit.generate.bankindex import FactIndex
from studykit.generate.bankindex import names_of as names_of
from studykit.generate.clauses import (
    is_heading,
    is_lead_in,
    strip_span,
    trim_clause,
)
from studykit.generate.clean import (
    drop_then,
    leans_back,
    points_to,
    refers_back,
    tidy,
    unglue,
)
from studykit.generate.giveaway import beside_the_blank, given_away
from studykit.generate.numbers import computable
from studykit.generate.subject import implied_subject, needs_subject
from studykit.generate.text import contains_phrase, word_count
from studykit.models import (
    Fact,
    FactKind,
    Mention,
    Pair,
    Question,
    QuestionSource,
    QuestionType,
    question_id,
)
from studykit.sources import Article

# Clauses longer than this are trimmed to the clause holding the fact.
MIN_WORDS = 8
# A clause that points back takes in the sentence before it while the whole stays this short.
WIDE_WORDS = 60
LINK_WORDS = 3


@dataclass(frozen=True)
class Spot:
    """A fact's mention in context: the clause text, its article offsets, the answer in it."""

    source: str
    sentence: str
    start: int
    end: int
    answer_start: int
    answer_end: int
    # The clause leans on the text before it (`ليصبح ...`, `آنذاك`) or the blank would split a
    # word (`ل[عام 2015]`): fine as a question's source, not as a prompt.
    fragment: bool = False
    # The clause leans on the one before it (`الجانبان`, `معهما`): fine for a reviewer to
    # complete by hand, not to print as is.
    leaning: bool = False
    # The clause was widened to take in the sentence before it, which names what it points at;
    # `narrow` is where, in `sentence`, the clause itself begins.
    widened: bool = False
    narrow: int = 0
    # Article offset where the clause's own sentence begins (`وحسب تقرير ...، فإن [clause]`).
    opening: int = -1

    @property
    def answer(self) -> str:
        return self.sentence[self.answer_start:self.answer_end]

    def blanked(self, blank: str = "[...]") -> str:
        return drop_then(self.sentence[:self.answer_start] + blank
                         + self.sentence[self.answer_end:])

    def replaced(self, other: str) -> str:
        return drop_then(self.sentence[:self.answer_start] + other
                         + self.sentence[self.answer_end:])

    def moved(self, start: int, text: str) -> Spot:
        """The same answer in a clause starting at article offset `start` of `text` (the
        article text): the clause widened to the left, or narrowed back."""
        shift = self.start - start
        return replace(self, sentence=text[start:self.end], start=start,
                       answer_start=self.answer_start + shift,
                       answer_end=self.answer_end + shift, narrow=self.narrow + shift,
                       widened=start < self.start + self.narrow)

    def narrowed(self) -> Spot:
        """The clause without the sentence a widening took in."""
        if not self.narrow:
            return self
        return replace(self, sentence=self.sentence[self.narrow:], start=self.start + self.narrow,
                       answer_start=self.answer_start - self.narrow,
                       answer_end=self.answer_end - self.narrow, narrow=0, widened=False)


@dataclass
class Context:
    """The articles and facts of one bank, with sentence spans cached per article."""

    bank_id: str
    articles: Sequence[Article]
    facts: Sequence[Fact]
    _spans: dict[str, list[Span]] = field(default_factory=dict)
    _by_id: dict[str, Article] = field(default_factory=dict)
    _index: FactIndex | None = None

    @property
    def index(self) -> FactIndex:
        """The bank's facts indexed by kind, name and shape (built on first use)."""
        if self._index is None:
            self._index = FactIndex(self.facts)
        return self._index

    def article_of(self, source: str) -> Article | None:
        """The (first) article whose source id is `source`."""
        if not self._by_id:
            for article in self.articles:
                self._by_id.setdefault(article.source.id, article)
        return self._by_id.get(source)

    def article(self, mention: Mention) -> Article | None:
        if mention.source:
            return self.article_of(mention.source)
        return self.articles[0] if len(self.articles) == 1 else None

    def spans(self, article: Article) -> list[Span]:
        slug = article.source.id
        if slug not in self._spans:
            self._spans[slug] = sentences(article.body)
        return self._spans[slug]

    def spots(self, fact: Fact) -> list[Spot]:
        """Every usable mention, as a clause of at most MAX_WORDS words where possible."""
        out: list[Spot] = []
        for mention in fact.mentions:
            spot = self.spot(mention)
            if spot is not None:
                out.append(spot)
        return out

    def spot(self, mention: Mention) -> Spot | None:
        article = self.article(mention)
        if article is None or not 0 <= mention.start < mention.end <= len(article.text):
            return None
        spans = self.spans(article)
        if not spans:
            return None
        k = sentence_index(spans, mention.start)
        span = spans[k]
        if not span.start <= mention.start < mention.end <= span.end:
            return None  # the mention is in blanked residue or crosses a sentence end
        if article.body[span.start:span.end] != article.text[span.start:span.end]:
            return None  # part of the sentence is page residue
        if is_heading(article.text, span) or span.text.rstrip(" ”»\"").endswith(("؟", "?")):
            return None  # headlines and questions state no fact
        start, end = trim_clause(article.text, span.start, span.end, mention.start, mention.end)
        if is_lead_in(article.text, start, end):
            return None
        start, end = tidy(article.text, start, end, mention.start, mention.end)
        answer = unglue(article.text, mention.start, mention.end)
        a_start, a_end = answer or (mention.start, mention.end)
        wide = self._widened(article, spans, k, start, end)
        first = start if wide is None else wide
        sentence = article.text[first:end]
        return Spot(source=article.source.id, sentence=sentence, start=first, end=end,
                    answer_start=a_start - first, answer_end=a_end - first,
                    fragment=answer is None,
                    leaning=leans_back(sentence) or needs_subject(sentence),
                    widened=wide is not None, narrow=start - first,
                    opening=strip_span(article.text, span.start, span.end)[0])

    def _widened(self, article: Article, spans: list[Span], k: int, start: int,
                 end: int) -> int | None:
        """Where a clause that opens its sentence and leans back (`وتستحوذ هذه القضية`,
        `حول الحادث`) should start so the student sees what it points at: the previous
        sentence's start, when that stays readable (at most WIDE_WORDS words); None to keep
        it as it is."""
        text = article.text
        own = strip_span(text, spans[k].start, spans[k].end)[0]
        # Only a clause that opens its sentence (bar a linking word or two: `ومع ذلك،`) leans
        # on the sentence before; one cut from the middle points inside its own sentence.
        if k > 0 and word_count(text[own:start]) <= LINK_WORDS:
            prev = spans[k - 1]
            # Not a byline or dateline line (`الرياض - الوئام :`): it names no subject.
            usable = (article.body[prev.start:prev.end] == text[prev.start:prev.end]
                      and not is_heading(text, prev) and not prev.text.rstrip(
                          " ”»\"").endswith(("؟", "?", ":")) and word_count(prev.text) >= 6)
            at = strip_span(text, prev.start, prev.end)[0]
            clause, before = text[start:end], text[at:prev.end]
            # `فقد دفع الطرفان ...` before `وتستحوذ هذه القضية`: two sentences, still no referent.
            if usable and word_count(text[at:end]) <= WIDE_WORDS and not refers_back(
                    before) and not needs_subject(before) and (
                    points_to(clause, before) or implied_subject(clause)):
                return at
        return None

    def title(self, source: str) -> str:
        article = self.article_of(source)
        return article.source.title if article is not None else ""

    def good_spots(self, fact: Fact, avoid: Sequence[str] = (),
                   trivial: bool = False, leaning: bool = False) -> list[Spot]:
        """Mentions whose clause is long enough, stands on its own (unless `leaning`) and
        does not repeat the answer, nor give it away by meaning (unless `trivial`: a true
        statement may)."""
        out = []
        for spot in self.spots(fact):
            if spot.fragment or (spot.leaning and not leaning) or (
                    word_count(spot.sentence) < MIN_WORDS) or _too_long(spot) or (
                    half_range(spot)):
                continue
            rest = spot.blanked(" ")
            if any(contains_phrase(rest, name) for name in (*names_of(fact), *avoid)):
                continue
            if not trivial and given_away(fact, rest, self.title(spot.source),
                                          spot.sentence[:spot.answer_start]):
                continue
            if fact.kind == FactKind.PLACE and name_goes_on(spot):
                continue
            if not trivial and beside_the_blank(fact, spot.sentence, spot.answer_start,
                                                spot.answer_end):
                continue
            if not trivial and fact.kind in (FactKind.NUMBER, FactKind.DATE) and computable(
                    spot.sentence, spot.answer_start, spot.answer_end):
                continue
            out.append(spot)
        return out

    def good_spot(self, fact: Fact, avoid: Sequence[str] = (),
                  trivial: bool = False) -> Spot | None:
        """The first of good_spots, if any."""
        spots = self.good_spots(fact, avoid, trivial)
        return spots[0] if spots else None

    def of_kind(self, kind: FactKind) -> list[Fact]:
        """The facts of `kind`, in order (a shared list: do not change it)."""
        return self.index.of_kind(kind)


# A clause this long is a run-on a student cannot read as one question. Blind reviews of 744
# cloze/MCQ/true-false questions from real news: 50-69-word sources were approved 60% of the
# time, 70 words and more never (13 of 13 failed). A widened clause may be WIDE_WORDS.
MAX_PROMPT_WORDS = 69
_RANGE_AFTER = re.compile(r"^\s*[-–]\s*[\d٠-٩]")
_RANGE_BEFORE = re.compile(r"[\d٠-٩]\s*[-–]\s*$")


def _too_long(spot: Spot) -> bool:
    return word_count(spot.sentence) > MAX_PROMPT_WORDS


def name_goes_on(spot: Spot) -> bool:
    """The place is the head of a longer name (`منطقة [ند] الحمر`, `[الخليج] التجاري`): the
    word after it, with nothing between, is a definite word that is no common word, place or
    nationality, so the blank would split a name."""
    from studykit.extract import lexicon as L
    from studykit.extract.person_evidence import function_words

    after = spot.sentence[spot.answer_end:]
    match = re.match(r" (\S+)", after)
    if match is None:
        return False
    word = normalize(match.group(1).strip("،,.؛:»”\")("))
    return (word.startswith("ال") and len(word) > 3 and word not in function_words()
            and L.nationality(word) is None and (word,) not in L.places())


def half_range(spot: Spot) -> bool:
    """The answer is one end of a range (`612-720 مليون`, `20-25 في المئة`): blanking it
    leaves half a number in the prompt."""
    return bool(_RANGE_AFTER.match(spot.sentence[spot.answer_end:])
                or _RANGE_BEFORE.search(spot.sentence[:spot.answer_start]))


_NAME_HEADS = ("خليج", "بحر", "نهر", "جزيرة", "جزر", "مضيق", "قناة", "جبل", "جبال", "شبه", "بحيرة")


def swappable(fact: Fact, spot: Spot) -> bool:
    """Whether another name of the same kind can take the answer's place in the clause.

    Not when the written answer carries a preposition the fact's name lacks (`للحرس الثوري`),
    nor when it is the tail of a longer name (`خليج [العقبة]`).
    """
    names = names_of(fact)
    if fact.value and fact.kind not in (FactKind.DATE, FactKind.NUMBER):
        names = [fact.value, *fact.aliases]  # the surface text may be `للحرس الثوري`
    if normalize(spot.answer) not in {normalize(n) for n in names}:
        return False
    before = spot.sentence[:spot.answer_start].split()
    return not (before and fold(before[-1]).text in {fold(h).text for h in _NAME_HEADS})


def inside_quote(before: str) -> bool:
    """True when text ending with `before` is inside a quotation or parentheses."""
    opened = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    plain = before.count("\"") % 2 == 1
    return opened > 0 or plain or before.count("(") > before.count(")")


_TITLES = frozenset(fold(w).text for w in (
    "الدكتور", "المهندس", "المستشار", "السفير", "الشيخ", "الأمير", "السيد", "السيدة", "اللواء",
    "الفريق", "العميد"))


def plausible(fact: Fact) -> bool:
    """False for a person whose name opens with the article or a glued conjunction
    (`والطاقة المتجددة`), or an organisation ending in a title (`مجلس الوزراء الدكتور`): an
    extraction slip, and a question about it would be nonsense."""
    if fact.kind == FactKind.ORGANIZATION:
        # `مجلس الوزراء الدكتور`: the name ran into the title of the person after it.
        last = (fact.value or fact.text).split()[-1:]
        return not (last and fold(last[0]).text in _TITLES)
    if fact.kind != FactKind.PERSON:
        return True
    first = (fact.value or fact.text).split()[:1]
    return bool(first) and not fold(first[0]).text.startswith(("ال", "وال", "بال", "لل"))


def make_question(
    ctx: Context, template: str, qtype: QuestionType, facts: Sequence[Fact], prompt: str,
    answer: str, spot: Spot, *, verbatim: bool = True, options: Sequence[str] = (),
    alternatives: Sequence[str] = (), pairs: Sequence[Pair] = (), kind: FactKind | None = None,
) -> Question:
    """A draft Question; its id hashes bank, template and fact ids, never the wording."""
    fact_ids = tuple(f.id for f in facts)
    main_kind = kind or facts[0].kind
    source = QuestionSource(
        source=spot.source, sentence=spot.sentence, start=spot.start, end=spot.end,
        answer_start=spot.answer_start if verbatim else None,
        answer_end=spot.answer_end if verbatim else None,
    )
    alts = tuple(dict.fromkeys(a for a in alternatives if a and a != answer))
    return Question(
        id=question_id(ctx.bank_id, template, fact_ids), type=qtype, template=template,
        prompt=prompt, answer=answer, options=tuple(options), alternatives=alts,
        pairs=tuple(pairs), fact_ids=fact_ids, source=source,
        tags=(main_kind.value, qtype.value, spot.source),
    )
