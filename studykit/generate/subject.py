"""Does a clause name its own subject? A question quoting a clause whose subject is only implied
(`وأشار إلى ارتفاع ...`, `فقد ارتفعت إيراداتها`, `وأظهرت الدراسة أن ...`, `إنها خدمة ...`)
cannot be answered from the prompt: the student does not know who or what it is about.

Blind reviews of questions from real news found this the most common failure (89 of 156
failed questions on five articles). The families, all matched on folded text:

- a reporting verb that opens the clause with no subject after it: the verb is followed at
  once by what was said (`إلى`, `أن`, a quotation mark): `وأشار إلى`, `وبين أن`, `وتابع "`;
- a pronoun for the subject: `إنها`, `إنه`, `إلا أنها`, or a possessive on the first noun
  (`إيراداتها`, `أرباحه`) before any name;
- a generic definite head standing for an entity named earlier, followed by a verb or a
  particle: `وأظهرت الدراسة أن`, `وقال البيان`, `ووفقا لحسابات الشركة`, `هذه الشركة`;
- a dual pointing at two things named before: `البلدتين`, `الجانبين`, `البلدين`.
"""

from __future__ import annotations

import re

from studykit.arabic import fold

# Verbs that report speech or findings (3rd person past and present, masc/fem/plural).
_REPORT = (
    r"(?:قال|اكد|اضاف|اشار|اوضح|تابع|بين|لفت|شدد|ذكر|افاد|اعتبر|راي|كشف|اعلن|نفي|ابدي|اشاد|"
    r"طالب|دعا|حذر|توقع|رجح|قدر|لاحظ|استطرد|استدرك|اردف|ختم|نوه|تطرق|اعرب|عبر|وصف|كرر|جدد|"
    r"ابلغ|اخبر|صرح|علق|اجاب|اقر|اعترف|زعم|اظهر|اضافت|قالت|اكدت|اشارت|اوضحت|بينت|"
    r"يقول|يضيف|يشير|يوضح|يوكد|يري|تقول|تضيف|تشير|توضح|توكد|تري|يبين|تبين)"
    r"(?:ت|وا|ا)?")
_SAID = r"(?:الي|ان|انه|انها|انهم|بان|علي|في|عن|قايلا|قايله)"
_OPENER = r"^(?:(?:و|ف)?(?:كما|قد|لكن|ثم)\s+)?(?:و|ف)?"
# (A quotation right after the verb is what was said, unless it closes within three words:
# `وأعلنت "مايكروسوفت" عن` quotes the subject's name.)
_VERB_NO_SUBJECT = re.compile(
    _OPENER + _REPORT + r"(?:\s+" + _SAID + r"(?=\s|$)|\s*[:،,]"
    r"|\s*[\"“«](?!\s*(?:\S+\s+){0,2}\S+?[\"”»]))")
# Any finite verb opening the clause with a preposition or adverbial right after it: the
# subject went with the clause before (`فقد تراجعت خلال يونيو`, `ارتفعت على أساس سنوي`,
# `وتعمل في`). A feminine past (`...ت`, not a plural `...ات`) or an imperfect (`ي...`, `ت...`).
_ANY_VERB_NO_SUBJECT = re.compile(
    r"^(?:(?:و|ف)?(?:كما|قد|لقد|ثم)\s+)?(?:و|ف)?(?:\S{2,}[^ا\s]ت|[يت]\S{3,})\s+"
    r"(?:خلال|علي|بنسبه|في|الي|من|منذ|عن|مع|بعد|قبل|نحو|حوالي|بما|بمقدار|بواقع|عام|العام|"
    r"امس|اليوم|الشهر|الاسبوع|مجددا|ايضا"
    # `تتميز بكونها`, `قامت بتوليد`, `تقوم بالإشراف`: a clitic ب on a verbal noun or a
    # definite noun (not on a name: `ويأمل بلاتر`, `احتلت بريطانيا`).
    r"|ب(?:ال|ت|كون)\S{2,})(?=\s|$)"
    # `كان قبل شهر يباع`: a past `كان` with a time or place right after it.
    r"|^(?:(?:و|ف)?(?:كما|قد|لقد|ثم)\s+)?(?:و|ف)?كان(?:ت)?\s+(?:قبل|منذ|خلال|في|يوم|امس)"
    r"(?=\s|$)")
# `وجاء ذلك خلال زيارة`, `يأتي هذا بعد`: what `ذلك` points at was said before.
_THAT_CAME = re.compile(r"^(?:و|ف)?(?:جاء|جاءت|ياتي|تاتي|اتي)\s+(?:ذلك|هذا|هذه|تلك)(?=\s|$)")
# First person with no speaker in the clause: `نجد بأن هناك سيارة`, `إننا لن نتخلى`.
_FIRST_PERSON = re.compile(
    r"^(?:(?:و|ف)?(?:لكن|لكننا|كما|قد)\s+)?(?:و|ف)?(?:نحن|انا|اننا|لدينا|لسنا|نجد|نري|نعتقد|"
    r"نامل|نسعي|نعمل|نحاول|نريد|نطالب|نتمني|لن\s+ن\S+|لم\s+ن\S+)(?=\s|$)")
# `أن هذه المخاوف دفعت`: a demonstrative as the subject of a reported clause.
_THIS_REPORTED = re.compile(r"(?:^|\s)(?:ان|بان)\s+(?:هذه|هذا|تلك|ذلك)\s+ال(?!عام|شهر|اسبوع|يوم"
                            r"|صيف|شتاء|موسم|وقت|قرن|عقد)\w+")
_PRONOUN_SUBJECT = re.compile(
    r"^(?:(?:و|ف)?(?:الا|غير|كما|لكن|ولكن)\s+)?(?:و|ف|ل)?(?:انها|انه|انهم|انهما|هي|هو|هم|ذلك)"
    r"(?=\s|$)")
# A finite verb, then a noun carrying a possessive pronoun: `فقد ارتفعت إيراداتها`.
_POSSESSIVE_SUBJECT = re.compile(
    r"^(?:(?:و|ف)?(?:قد|لقد)\s+)?(?!(?:و|ف)?(?:حول|بعد|قبل|خلال|منذ|عن|مع|في|من|الي|علي)\s)"
    r"(?:و|ف)?\S{3,}(?:ت|وا)?\s+(?!بين|علي|الي|لدي|عند|في|من|عن)"
    r"\S{2,}(?:ها|هم|هما)(?=\s|$)")
_GENERIC = (
    r"(?:شركه|دراسه|تقرير|بيان|صندوق|مجموعه|مصدر|وزاره|هييه|بنك|منظمه|حركه|جماعه|"
    r"وكاله|موسسه|جمعيه|مركز|بحث|ورقه|صحيفه|مسوول|متحدث|خبير|محلل|باحث|مجلس|لجنه|حزب|"
    r"فريق|نادي|جهاز|حكومه|وزير|رييس|مدير|"
    # Round six (blind review): `وذكرت الخلية أنه`, `أفادت الجامعة بأن`, round five's المحكمة.
    r"خليه|شبكه|جامعه|محكمه|كليه|بلديه|اداره|عماده|معهد|مدرسه|مستشفي|امانه)")
# `وأظهرت الدراسة أن`, `وقال البيان الذي`, `لحسابات الشركة في`: a generic head with nothing
# after it that says which one.
_GENERIC_HEAD = re.compile(
    r"^(?:\S+\s+){0,3}?(?:و|ف|ب|ل)?(?:ال|لل)" + _GENERIC
    + r"(?=\s+(?:ان|انه|انها|انهم|الي|في|علي|عن|الذي|التي|قد|امس|اليوم|من|بان|بانه|بانها)(?:\s|$)"
    r"|\s*[،,.]|$)")
# `وحددت الوزارة مواعيد التقدم`, `وقالت الأمانة عبر حسابها`: an institution right after the
# opening verb, followed by anything but an adjective or a name that says which (round 7).
_INSTITUTION = (
    r"(?:شركه|دراسه|تقرير|بيان|صندوق|مجموعه|وزاره|هييه|بنك|منظمه|حركه|جماعه|وكاله|موسسه|"
    r"جمعيه|مركز|صحيفه|مجلس|لجنه|حزب|نادي|جهاز|حكومه|خليه|شبكه|جامعه|محكمه|كليه|بلديه|"
    r"اداره|عماده|معهد|مدرسه|مستشفي|امانه)")
_INSTITUTION_SUBJECT = re.compile(
    r"^(?:(?:و|ف)?(?:قد|لقد|كما)\s+)?(?:و|ف)?\S{3,}\s+ال" + _INSTITUTION
    + r"\s+(?!ال|لل|و|ب|[\d\u0660-\u0669])(\S{2,})")
# `هذا الفنان`, `هذه الشركة`: any definite noun pointed at, but times (`هذا العام`).
_THIS_HEAD = re.compile(r"(?:^|\s)(?:و|ف|ب|ل)?(?:هذه|هذا|تلك|ذلك|هذين|هاتين)\s+ال(?!عام|شهر|"
                        r"اسبوع|يوم|صيف|شتاء|موسم|اطار|شان|سياق|صدد|اسبوع|وقت|قرن|عقد)\w+")
# Genitive duals (`بين البلدتين`); `الجانبان` and friends are clean.refers_back's.
_DUAL_BACK = re.compile(r"(?:^|\s)(?:و|ف|ب|ل)?(?:ال)(?:بلدتين|بلدين|دولتين|شركتين|مدينتين|"
                        r"منطقتين)(?=\s|$)")


def _head(clause: str) -> str:
    text = re.sub(r"\s+", " ", fold(clause.strip(" ،,؛:\"“”«»")).text)
    return " ".join(text.split()[:8])


def _names(word: str) -> bool:
    """A word that names (a known name word: `الرئيس بونغو`)."""
    from studykit.extract.person_evidence import is_name_word

    return is_name_word(word.strip("،,:\"“”«»()"))


def implied_subject(clause: str) -> bool:
    """True when the clause's subject is only implied: a reporting verb with nothing after it
    but what was said, a pronoun, a possessive, a generic head, a dual pointing back. The
    sentence before usually names it, so the clause is worth widening to take that in."""
    head = _head(clause)
    institution = _INSTITUTION_SUBJECT.match(head)
    if institution and not _names(institution.group(1)):
        return True
    return bool(_VERB_NO_SUBJECT.match(head) or _ANY_VERB_NO_SUBJECT.match(head)
                or _FIRST_PERSON.match(head) or _THAT_CAME.match(head)
                or _PRONOUN_SUBJECT.match(head)
                or _POSSESSIVE_SUBJECT.match(head) or _GENERIC_HEAD.match(head)
                or _DUAL_BACK.search(head))


def needs_subject(clause: str) -> bool:
    """True when the clause cannot stand as a prompt: its subject is implied, or pointed at
    with a demonstrative near its start (`هذا الفنان`, `هذه الشركة`; not `بمثل هذه المكانة`
    further on, which is an idiom)."""
    head = " ".join(_head(clause).split()[:4])
    return implied_subject(clause) or bool(_THIS_HEAD.search(head)) or bool(
        _THIS_REPORTED.search(_head(clause)))


# Opinion and prediction markers, folded (أ → ا, ة → ه): `سوف`, `يمكن القول`, `ربما`.
_SPECULATIVE = re.compile(
    r"(?:^|\s)(?:و|ف)?(?:سوف|ربما|لعل|يمكن القول|يمكن|قد يكون|من المرجح|من المتوقع|يرجح|يتوقع"
    r"|سيعني|سيكون)(?:\s|$)")


def speculative(clause: str) -> bool:
    """Whether the clause states an opinion or a prediction rather than a fact."""
    return bool(_SPECULATIVE.search(fold(clause).text))
