"""Short-answer questions from relations: role → person, person → role, quote → speaker,
agreement → date / duration / parties. Each answer is written in the source clause.
"""

from __future__ import annotations

import re
from dataclasses import replace

from studykit.arabic import fold, normalize, sentence_index
from studykit.generate.cloze import alternatives
from studykit.generate.common import Context, Spot, make_question, names_of
from studykit.generate.dates import absolute_form
from studykit.generate.events import event_date_question, event_place_question
from studykit.generate.text import contains_phrase, find_phrase
from studykit.models import Fact, FactKind, Question, QuestionType

QUOTE_WORDS = 16


def is_relational(role: str) -> bool:
    """`نظيره الروسي` (his Russian counterpart) names no office on its own."""
    return "نظير" in normalize(role)


def _pronoun(role: str) -> str:
    first = role.split()[0] if role.split() else ""
    return "هي" if first.endswith("ة") else "هو"


def _role_spot(ctx: Context, fact: Fact, role: str) -> Spot | None:
    """A clause where both the person and the role are written."""
    for spot in ctx.spots(fact):
        if find_phrase(spot.sentence, role) is not None:
            return spot
    return None


# Ranks that are occupations, not offices: `ما مهنة`, never `ما منصب` (a singer holds no post).
OCCUPATIONS = frozenset({"artist", "journalist", "expert", "player", "writer", "doctor", "coach",
                         "businessman", "activist", "lawyer", "engineer", "candidate"})


def _role_key(fact: Fact) -> str | None:
    return normalize(fact.role) if fact.role else None


def person_questions(ctx: Context, fact: Fact) -> list[Question]:
    role = (fact.role or "").strip()
    if fact.kind != FactKind.PERSON or not role or is_relational(role):
        return []
    occupation = fact.attrs.get("rank") in OCCUPATIONS
    spot = _role_spot(ctx, fact, role)
    if spot is None:
        return []
    name = fact.value or fact.text
    out: list[Question] = []
    holders = ctx.index.group(FactKind.PERSON, _role_key, normalize(role))
    # `من هو الفنان؟`, `من هي الممثلة؟`: a one-word or occupational role names no one in
    # particular; only an office with its qualifier does (`وزير الخارجية الروسي`).
    if len(holders) == 1 and not contains_phrase(role, name) and not occupation and len(
            role.split()) >= 2:
        out.append(make_question(
            ctx, "who-holds-role", QuestionType.SHORT_ANSWER, [fact],
            f"بحسب المقال، من {_pronoun(role)} {role}؟", name, spot,
            verbatim=spot.answer == name, alternatives=alternatives(ctx, fact, name)))
    at = find_phrase(spot.sentence, role)
    # `للمدرب`: the role as written carries a preposition; as an answer it reads wrong.
    if at is not None and not role.split()[0].startswith(("لل", "بال")):
        role_spot = replace(spot, answer_start=at[0], answer_end=at[1])
        out.append(make_question(
            ctx, "role-of-person", QuestionType.SHORT_ANSWER, [fact],
            f"ما {'مهنة' if occupation else 'منصب'} {name} كما ورد في المقال؟",
            role_spot.answer, role_spot,
            kind=FactKind.PERSON))
    return out


def _quote_spot(ctx: Context, fact: Fact) -> Spot | None:
    for mention in fact.mentions:
        article = ctx.article(mention)
        if article is None:
            continue
        spans = ctx.spans(article)
        if not spans:
            continue
        first = spans[sentence_index(spans, mention.start)]
        last = spans[sentence_index(spans, max(mention.start, mention.end - 1))]
        start, end = first.start, last.end
        if article.body[start:end] != article.text[start:end]:
            continue
        return Spot(article.source.id, article.text[start:end], start, end,
                    mention.start - start, mention.end - start)
    return None


def _unquoted(prompt: str) -> str:
    return re.sub(r"«[^»]*»", " ", prompt)


_ATTRIBUTION = re.compile(r"(?:طبقا|وفقا|نقلا|بحسب|حسب)\b")


# A quote a few words over the limit is shown whole: cutting it would end it mid-name
# (`مع نظيره الروسي سيرجي ...`) or one word short of its point (`ضد أي ...`).
QUOTE_SLACK = 8


def _short_quote(text: str) -> str:
    words = text.strip().strip("“”«»\"").split()
    if len(words) <= QUOTE_WORDS + QUOTE_SLACK:
        return " ".join(words)
    # Cut after the last comma within the limit, if there is one a reader can stop at.
    commas = [i for i, w in enumerate(words[:QUOTE_WORDS]) if w.endswith(("،", ","))]
    if commas and commas[-1] >= 6:
        return " ".join(words[:commas[-1] + 1]).rstrip("،,") + " ..."
    return " ".join(words[:QUOTE_WORDS]).rstrip("،,؛:") + " ..."


# Hamza matters here (fold would merge `إن` and `أن`): compare the bare written word.
_SAY_THAT = ("إن", "أن", "بأن")
MAX_LEAD_WORDS = 6


def _ask_speaker(before: str, quote: str) -> str:
    """`من قال: «...»؟` when the quotation follows its verb; when it finishes a clause
    (`قال إن هذه الخطوة “دليل قفزة”`, `أعلن أن طهران أعدت “مسودة اتفاقية”`) the words that lead
    into it are asked with it, so a noun phrase is never presented as a whole saying."""
    words = before.split()
    tail = [w.strip("،,") for w in words[-(MAX_LEAD_WORDS + 1):]]
    for i in range(len(tail) - 1, -1, -1):
        word = re.sub(r"[\u064B-\u0652]", "", tail[i])
        if word in _SAY_THAT:
            lead = " ".join(tail[i + 1:])
            if not lead:
                return f"من قال: «{quote}»؟"
            verb = "قال إن" if word == "إن" else "ذكر أن"
            return f"من {verb} {lead} «{quote}»؟"
    last = fold(tail[-1]).text if tail else ""
    if last.startswith(("قال", "وقال", "قائل", "اضاف", "واضاف", "مضيف", "اكد", "واكد")) \
            or before.rstrip().endswith(":"):
        return f"من قال: «{quote}»؟"
    return f"من استخدم عبارة «{quote}»؟"


def quote_question(ctx: Context, fact: Fact) -> list[Question]:
    if fact.kind != FactKind.QUOTE:
        return []
    speaker_id = fact.attrs.get("speaker", "")
    person = next((f for f in ctx.facts if f.id == speaker_id), None)
    answer = (person.value or person.text) if person else fact.attrs.get("speaker_name", "")
    if not answer:
        return []
    spot = _quote_spot(ctx, fact)
    if spot is None:
        return []
    names = [answer, *(names_of(person) if person else []),
             fact.attrs.get("speaker_name", "")]
    quote_span = (spot.answer_start, spot.answer_end)
    # `وطبقًا لما قالته الصحيفة، فإن مساعي عبد اللهيان “...”`: the words are the paper's.
    if _ATTRIBUTION.search(fold(spot.sentence[:spot.answer_start]).text):
        return []
    for name in [n for n in names if n]:
        at = find_phrase(spot.sentence, name)
        # The speaker must be named outside the quotation itself.
        if at is not None and not (quote_span[0] <= at[0] < quote_span[1]):
            break
    else:
        return []
    quote = _short_quote(fact.text)
    before = spot.sentence[:spot.answer_start].rstrip(" “«\"")
    prompt = _ask_speaker(before, quote)
    if any(contains_phrase(_unquoted(prompt), n) or contains_phrase(quote, n)
           for n in names if n):
        return []
    alts = alternatives(ctx, person, answer) if person else []
    said = replace(spot, answer_start=at[0], answer_end=at[1])
    return [make_question(ctx, "quote-speaker", QuestionType.SHORT_ANSWER, [fact],
                          prompt, answer, said,
                          verbatim=said.answer == answer, alternatives=alts,
                          kind=FactKind.PERSON)]


_FEMININE = ("اتفاقي", "معاهد", "مذكر", "خط", "صفق", "هدن")


def _agreement_name(fact: Fact, avoid: str) -> str | None:
    """The agreement's name as a reader knows it, not containing the answer."""
    names = [n for n in names_of(fact) if not contains_phrase(n, avoid)]
    plain = [n for n in names if not re.search(r"\d", n)]
    best = plain or names
    best = [n for n in best if is_definite(n)] or best
    return definite(best[0]) if best else None


def is_definite(name: str) -> bool:
    """`الاتفاق النووي`, `اتفاقية الربط الكهربائي` name one thing;
    `اتفاقية استراتيجية شاملة` could be any such agreement."""
    words = name.split()
    if not words:
        return False
    return words[0].startswith("ال") or (len(words) > 1 and words[1].startswith("ال"))


def definite(name: str) -> str:
    """An indefinite agreement name made definite, so `ما مدة ...؟` asks about this one:
    `اتفاقية استراتيجية شاملة` → `الاتفاقية الاستراتيجية الشاملة` (noun and adjectives),
    `مذكرة تفاهم` → `مذكرة التفاهم` (construct), `اتفاقية لتعيين ...` → `الاتفاقية لتعيين ...`."""
    if is_definite(name):
        return name
    words = [re.sub(r"[\u064B-\u064D]", "", w) for w in name.split()]  # no tanween after ال
    if len(words) == 1 or words[1].startswith(("ل", "ب")):
        return " ".join(["ال" + words[0], *words[1:]])
    if words[0].endswith("ة") and words[1].endswith("ة"):
        return " ".join("ال" + w if not w.startswith("ال") else w for w in words)
    return " ".join([words[0], *("ال" + w if not w.startswith("ال") else w
                                 for w in words[1:])])


def agreement_questions(ctx: Context, fact: Fact) -> list[Question]:
    if fact.kind != FactKind.AGREEMENT:
        return []
    out: list[Question] = []
    date_text = fact.attrs.get("date", "")
    date_fact = next((f for f in ctx.of_kind(FactKind.DATE)
                      if date_text and date_text in (f.value, f.text)), None)
    asks = []
    verbs = ("وُقّع", "وُقّعت") if fact.attrs.get("status", "signed") == "signed" \
        else ("أُعلن", "أُعلنت")
    if date_fact is not None:
        asks.append(("agreement-date", date_fact.text, "متى {verb} {name}{between}؟",
                     [fact, date_fact], FactKind.DATE))
    if fact.attrs.get("duration"):
        asks.append(("agreement-duration", fact.attrs["duration"], "ما مدة {name}{between}؟",
                     [fact], FactKind.NUMBER))
    parties = [p.strip() for p in re.split(r"[،,|;]| و", fact.attrs.get("parties", ""))
               if p.strip()]
    if len(parties) >= 2:
        label = "طرفا" if len(parties) == 2 else "أطراف"
        asks.append(("agreement-parties", " و".join(parties), "ما " + label + " {name}؟",
                     [fact], FactKind.AGREEMENT))
    # `ما مدة الاتفاقية الاستراتيجية الشاملة بين إيران وروسيا؟`: which agreement, anchored.
    between = f" بين {parties[0]} و{parties[1]}" if len(parties) == 2 else ""
    for template, answer, pattern, facts, kind in asks:
        name = _agreement_name(fact, answer)
        if name is not None and between and contains_phrase(name, parties[0]):
            between = ""
        spot = _answer_spot(ctx, fact, answer)
        if name is None or spot is None:
            continue
        if "{verb}" in pattern:
            head = normalize(name)
            head = head[2:] if head.startswith("ال") else head
            feminine = head.startswith(tuple(normalize(f) for f in _FEMININE))
            pattern = pattern.replace("{verb}", verbs[1] if feminine else verbs[0])
        shown, alts = (answer, []) if template == "agreement-parties" else (spot.answer, [])
        if template == "agreement-date" and date_fact is not None:
            # `الشهر الجاري` means nothing a year later: ask for the date it stands for.
            shown = absolute_form(spot.answer, date_fact.value, date_fact.relative)
            alts = [spot.answer, *alternatives(ctx, date_fact, spot.answer)]
        out.append(make_question(ctx, template, QuestionType.SHORT_ANSWER, facts,
                                 pattern.format(name=name, between=between), shown, spot,
                                 verbatim=shown == spot.answer, kind=kind, alternatives=alts))
    return out


def _answer_spot(ctx: Context, fact: Fact, answer: str) -> Spot | None:
    """A mention of the agreement whose clause also writes the answer (each party, for lists)."""
    parts = [p for p in answer.split(" و") if p] if " و" in answer else [answer]
    for spot in ctx.spots(fact):
        found = [find_phrase(spot.sentence, p) for p in parts]
        if all(found) and found[0] is not None:
            return replace(spot, answer_start=found[0][0], answer_end=found[0][1])
    return None


def recall(ctx: Context, fact: Fact) -> list[Question]:
    return [*person_questions(ctx, fact), *quote_question(ctx, fact),
            *agreement_questions(ctx, fact), *event_date_question(ctx, fact),
            *event_place_question(ctx, fact)]
