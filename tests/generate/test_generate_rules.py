"""The teacher's review rules, one parametrized row per case, on realistic sentences written
for these tests (not taken from the seed article)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from gen_factory import fact_at

from studykit.check import same_date_written
from studykit.generate import generate, list_head
from studykit.generate.clean import drop_then, leans_back, tidy, unglue
from studykit.generate.common import Context
from studykit.generate.dates import shifted
from studykit.generate.distractors import distractors
from studykit.generate.giveaway import given_away, ruled_out
from studykit.generate.recall import _ask_speaker, _short_quote, definite
from studykit.models import Fact, FactKind, fact_id
from studykit.sources import Article, read_article


def _tidied(text: str, answer: str) -> str:
    a = text.index(answer)
    start, end = tidy(text, 0, len(text), a, a + len(answer))
    return text[start:end]


@pytest.mark.parametrize(("text", "answer", "expected"), [
    # A one-word section label opening the paragraph goes.
    ("الخلاصة، تكشف زيارة وزير الخارجية التركي إلى القاهرة عن تحول في العلاقات", "القاهرة",
     "تكشف زيارة وزير الخارجية التركي إلى القاهرة عن تحول في العلاقات"),
    # Linking words the clause reads the same without.
    ("فيما أعلن المتحدث باسم الحكومة الأردنية أن عمّان سترسل وفدًا", "عمّان",
     "أعلن المتحدث باسم الحكومة الأردنية أن عمّان سترسل وفدًا"),
    ("حيث أشارت وزارة الداخلية في الرباط إلى توقيف المشتبه بهم", "الرباط",
     "أشارت وزارة الداخلية في الرباط إلى توقيف المشتبه بهم"),
    ("وعلى أي حال، فإن جولة الوزير في الخليج تحمل رسائل عدة إلى طهران", "طهران",
     "جولة الوزير في الخليج تحمل رسائل عدة إلى طهران"),
    # A closing quotation mark whose opening was cut off.
    ("ووقع الطرفان مذكرة تعاون في مجال الطاقة المتجددة تمتد لخمس سنوات”.", "مذكرة تعاون",
     "ووقع الطرفان مذكرة تعاون في مجال الطاقة المتجددة تمتد لخمس سنوات"),
    # Nothing to cut.
    ("وقّع وزير الطاقة الجزائري اتفاقية مع نظيره الإيطالي في روما", "روما",
     "وقّع وزير الطاقة الجزائري اتفاقية مع نظيره الإيطالي في روما"),
])
def test_tidy_clause_edges(text: str, answer: str, expected: str) -> None:
    assert _tidied(text, answer) == expected


@pytest.mark.parametrize(("clause", "leans"), [
    ("ليصبح هذا اللقاء الثالث بين الزعيمين خلال عام واحد في العاصمة القطرية", True),
    ("مؤكدًا أن “الحوار مع الرياض مستمر ولن يتوقف”", True),
    ("وهي بالأساس تمثل أولوية للحكومة المصرية منذ سنوات", True),
    ("أبرزها توقيع اتفاقية للنقل البحري بين البلدين", True),
    ("وكان من بينها استضافة مسقط جولة محادثات بين الطرفين في أبريل الماضي", True),
    ("ويسعى البلدان إلى رفع التبادل التجاري إلى 5 مليارات دولار”، بحسب البيان", True),
    ("وقّع البلدان في الدوحة اتفاقية للتعاون في مجال الطاقة", False),
    ("في سوريا، تواصلت الاشتباكات في ريف حلب الشمالي لليوم الثالث", False),
    ("وقال الوزير إن “التعاون مع الأردن سيتوسع قريبًا”", False),
])
def test_clause_leaning_on_the_previous_one(clause: str, leans: bool) -> None:
    assert leans_back(clause) is leans


def test_then_words_are_dropped_from_prompts() -> None:
    text = "وصرّح المتحدث باسم الخارجية الفرنسية، [...]، آنذاك قائلًا إن باريس تتابع الوضع"
    assert drop_then(text) == "وصرّح المتحدث باسم الخارجية الفرنسية، [...]، قائلًا إن باريس " \
                              "تتابع الوضع"


@pytest.mark.parametrize(("text", "answer", "blank"), [
    ("بموجب اتفاقية السلام لعام 1979 بين البلدين", "عام 1979", "1979"),  # after the head word
    ("تنفيذًا لقرار مجلس الأمن لسنة 2015 بشأن ليبيا", "سنة 2015", "2015"),
    ("وقالت المتحدثة باسم البيت الأبيض في واشنطن وموسكو", "موسكو", "موسكو"),  # `و` may stay
    ("تحدث المستشار الألماني بالبيت الأبيض مع الرئيس", "البيت الأبيض", None),  # never `ب[...]`
    ("وأكد أن لصندوق النقد الدولي دورًا في الأزمة", "صندوق النقد الدولي", None),
])
def test_blank_never_splits_a_word(text: str, answer: str, blank: str | None) -> None:
    a = text.index(answer)
    got = unglue(text, a, a + len(answer))
    assert (text[got[0]:got[1]] if got else None) == blank


def _place(name: str, subkind: str = "country") -> Fact:
    return Fact(id=fact_id(FactKind.PLACE, name), kind=FactKind.PLACE, text=name, value=name,
                subkind=subkind)


@pytest.mark.parametrize(("answer", "rest", "title", "trivial"), [
    # Nationality adjective of the answer's country in the clause.
    ("تركيا", "استقبل الرئيس التركي نظيره في  وسط إجراءات أمنية", "", True),
    ("أذربيجان", "يعيش ملايين الأذريين في شمال إيران قرب الحدود مع  ", "", True),
    # Capital ↔ country in the same clause (also ambiguous: both fit the blank).
    ("بغداد", "وصل الوفد إلى  في زيارة هي الأولى لمسؤول رفيع إلى العراق", "", True),
    ("اليونان", "استؤنفت المحادثات في  بعد اجتماع عُقد في أثينا الشهر الماضي", "", True),
    # The country named in the article's title.
    ("قطر", "وصل الوزير إلى  في جولة خليجية", "لماذا تتجه أنقرة إلى قطر الآن؟", True),
    ("الدوحة", "وصل الوزير إلى  في جولة خليجية", "أنقرة والدوحة: شراكة تتعمق", True),
    # Nothing in the clause or the title points at the answer.
    ("تونس", "وصل الوزير إلى  في جولة مغاربية تشمل الرباط", "جولة مغاربية", False),
    ("حلب", "تجددت الاشتباكات في ريف  وسط مخاوف من موجة نزوح سورية جديدة", "", False),
])
def test_blank_given_away_by_meaning(answer: str, rest: str, title: str,
                                     trivial: bool) -> None:
    subkind = "city" if answer in ("بغداد", "الدوحة", "حلب") else "country"
    assert given_away(_place(answer, subkind), rest, title) is trivial


@pytest.mark.parametrize(("candidate", "clause", "out"), [
    ("مصر", "وتسعى القاهرة إلى ربط شبكتها بشبكات [...] وليبيا", True),
    ("إيران", "وقال المسؤول الإيراني إن التعاون مع [...] سيتعزز", True),
    ("الأردن", "وتسعى القاهرة إلى ربط شبكتها بشبكات [...] وليبيا", False),
])
def test_options_the_clause_rules_out(candidate: str, clause: str, out: bool) -> None:
    assert ruled_out(candidate, clause) is out


@pytest.mark.parametrize(("before", "quote", "prompt"), [
    ("وقال وزير الخارجية المصري إن", "الحل السياسي هو الطريق الوحيد",
     "من قال: «الحل السياسي هو الطريق الوحيد»؟"),
    ("وقال الوزير في مؤتمر صحفي إن هذه الاتفاقية", "نقطة تحول في العلاقات",
     "من قال إن هذه الاتفاقية «نقطة تحول في العلاقات»؟"),
    ("وأعلن رئيس الوزراء أن الحكومة أعدت", "خطة شاملة لإصلاح قطاع الكهرباء",
     "من ذكر أن الحكومة أعدت «خطة شاملة لإصلاح قطاع الكهرباء»؟"),
    ("ووصف الوزير الاتفاق بـ", "الإنجاز التاريخي", "من استخدم عبارة «الإنجاز التاريخي»؟"),
])
def test_quote_prompt_fits_the_quote(before: str, quote: str, prompt: str) -> None:
    assert _ask_speaker(before, quote) == prompt


@pytest.mark.parametrize(("quote", "shown"), [
    # A little over the limit: whole, never cut mid-name.
    ("نحن نتفق مع الجانب الروسي على ضرورة احترام القانون الدولي في جميع الملفات التي ناقشناها "
     "اليوم مع الوزير سيرجي لافروف",
     "نحن نتفق مع الجانب الروسي على ضرورة احترام القانون الدولي في جميع الملفات التي ناقشناها "
     "اليوم مع الوزير سيرجي لافروف"),
    # Far over: cut after the last comma a reader can stop at.
    ("إن الاقتصاد المصري يواجه تحديات كبيرة بسبب الأزمات العالمية المتلاحقة، لكننا نملك خطة "
     "واضحة لتجاوز هذه المرحلة الصعبة عبر زيادة الصادرات وجذب الاستثمارات الأجنبية المباشرة "
     "وتوسيع قاعدة الإنتاج المحلي",
     "إن الاقتصاد المصري يواجه تحديات كبيرة بسبب الأزمات العالمية المتلاحقة ..."),
])
def test_quotes_are_not_cut_mid_name(quote: str, shown: str) -> None:
    assert _short_quote(quote) == shown


@pytest.mark.parametrize(("name", "expected"), [
    ("اتفاقية استراتيجية شاملة", "الاتفاقية الاستراتيجية الشاملة"),
    ("مذكرة تفاهم", "مذكرة التفاهم"),
    ("اتفاقية لتعيين الحدود البحرية", "الاتفاقية لتعيين الحدود البحرية"),
    ("اتفاق تعاونٍ دفاعي", "اتفاق التعاون الدفاعي"),
    ("اتفاقية الربط الكهربائي", "اتفاقية الربط الكهربائي"),
    ("الاتفاق النووي", "الاتفاق النووي"),
])
def test_agreement_name_made_definite(name: str, expected: str) -> None:
    assert definite(name) == expected


@pytest.mark.parametrize(("answer", "sentence", "same"), [
    ("12 أبريل 2024", "وصل الوفد إلى عمّان في 12 أبريل الجاري لبحث الملف", True),
    ("يونيو 2023", "عقدت الجولة الأولى في شهر يونيو الماضي في الدوحة", True),
    ("يونيو 2023", "عقدت الجولة الأولى في يونيو 2023 في الدوحة", True),
    ("13 أبريل 2024", "وصل الوفد إلى عمّان في 12 أبريل الجاري لبحث الملف", False),
    ("يونيو 2022", "عقدت الجولة الأولى في يونيو 2023 في الدوحة", False),
    ("نيسان 2024", "وصل الوفد إلى بيروت في ٣ نيسان الماضي", False),  # the day is not in it
])
def test_check_accepts_another_form_of_the_written_date(answer: str, sentence: str,
                                                       same: bool) -> None:
    assert same_date_written(answer, sentence) is same


def test_levantine_twin_month_names_move_together() -> None:
    got = shifted("مطلع أيار/مايو المقبل", True)
    assert got[0] == "مطلع نيسان/أبريل المقبل"
    assert all(g.count("/") == 1 for g in got)


ARTICLE = (
    "ففي سوريا، اندلعت اشتباكات عنيفة في مدينة حلب ومحيطها خلال الأسبوع الماضي بين فصائل "
    "مسلحة، وفق ما أفادت صحيفة “الغارديان” البريطانية في تقرير مطول.\n"
    "وقال وزير الخارجية الأردني، أيمن الصفدي، إن بلاده تتابع الوضع عن كثب مع شركائها.\n"
    "والتقى وزير الخارجية المصري، سامح شكري، نظيره في عمّان لبحث الأزمة السورية والملف "
    "الإنساني.\n"
    "وتسعى الحكومة إلى ربط شبكتها الكهربائية بشبكات العراق والسعودية والكويت، وتدرس "
    "مشروعات مماثلة مع قطر والبحرين.\n"
    "وأكد المسؤولون أن الربط مع الكويت سيكتمل خلال عامين بعد توقيع العقود النهائية مع "
    "الشركات المنفذة للمشروع.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "rules.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_article(path)




def test_city_distractors_come_from_the_country_the_clause_names(article: Article) -> None:
    aleppo = fact_at(article, FactKind.PLACE, "حلب", subkind="city")
    amman = fact_at(article, FactKind.PLACE, "عمّان", subkind="city")
    ctx = Context("b", [article], [aleppo, amman])
    clause = ctx.spots(aleppo)[0].sentence
    wrong = distractors(ctx, aleppo, clause, 3, random.Random(1))
    assert len(wrong) == 3 and "عمّان" not in wrong
    from studykit.generate.distractors import cities_of
    assert set(wrong) <= set(cities_of("سوريا"))


def test_newspaper_distractors_are_newspapers(article: Article) -> None:
    paper = fact_at(article, FactKind.ORGANIZATION, "الغارديان", subkind="media")
    ministry = fact_at(article, FactKind.ORGANIZATION, "الحكومة", subkind="organization")
    ctx = Context("b", [article], [paper, ministry])
    wrong = distractors(ctx, paper, ctx.spots(paper)[0].sentence, 3, random.Random(1))
    from studykit.generate.distractors import media
    assert len(wrong) == 3 and set(wrong) <= set(media())


def test_no_swap_to_a_person_the_article_gives_another_role(article: Article) -> None:
    safadi = fact_at(article, FactKind.PERSON, "أيمن الصفدي", role="وزير الخارجية الأردني")
    shoukry = fact_at(article, FactKind.PERSON, "سامح شكري", role="وزير الخارجية المصري")
    ctx = Context("b", [article], [safadi, shoukry])
    wrong = distractors(ctx, safadi, ctx.spots(safadi)[0].sentence, 3, random.Random(1))
    assert "سامح شكري" not in wrong and len(wrong) == 3


def test_list_head_and_coverage_across_clauses(article: Article) -> None:
    names = ["العراق", "السعودية", "الكويت", "قطر", "البحرين"]
    facts = [fact_at(article, FactKind.PLACE, n) for n in names]
    ctx = Context("b", [article], facts)
    spots = {f.text: ctx.spots(f)[0] for f in facts}
    assert list_head(ctx, facts[2], spots["الكويت"]) == spots["الكويت"].sentence.index("العراق")
    assert list_head(ctx, facts[4], spots["البحرين"]) == spots["البحرين"].sentence.index("قطر")
    questions = generate("b", [article], facts)
    clozes = {q.answer: q for q in questions if q.template == "cloze"}
    # Every fact gets a question; no list gives more than two blanks, and الكويت, whose list
    # is full, is asked in the other clause that names it.
    assert {fid for q in questions for fid in q.fact_ids} == {f.id for f in facts}
    assert len({"العراق", "السعودية", "الكويت"} & {
        a for a, q in clozes.items() if q.source.sentence.startswith("وتسعى")}) <= 2
    assert len({"قطر", "البحرين"} & set(clozes)) == 2
    assert clozes["الكويت"].source.sentence.startswith("وأكد المسؤولون")


@pytest.mark.parametrize(("before", "trivial"), [
    ("وتدعم طهران موسكو في الحرب مع ", True),  # who fights whom is world knowledge
    ("بعد اندلاع الحرب بين موسكو و", True),
    ("منذ بدء الغزو على ", True),
    ("وصل وزير الخارجية إلى ", False),
])
def test_war_parties_are_world_knowledge(before: str, trivial: bool) -> None:
    assert given_away(_place("أوكرانيا"), before + " في زيارة رسمية", "", before) is trivial


@pytest.mark.parametrize(("name", "rest", "trivial"), [
    ("اتفاقية تعاون سيبراني", "ولديهما تعاون في المجال السيبراني، حيث وقعتا  قبل عامين", True),
    ("اتفاقية التجارة الحرة", "وتأمل الحكومة في خفض الرسوم عبر  مع دول الخليج", False),
    ("مذكرة تفاهم", "ووقع الجانبان  في مجال الطاقة", False),  # nothing distinctive to give
])
def test_agreement_given_away_by_its_own_words(name: str, rest: str, trivial: bool) -> None:
    deal = Fact(id=fact_id(FactKind.AGREEMENT, name), kind=FactKind.AGREEMENT, text=name,
                value=name)
    assert given_away(deal, rest) is trivial


@pytest.mark.parametrize(("text", "vague"), [
    ("أمس", True), ("أول أمس", True), ("يوم الخميس", True), ("الأسبوع الماضي", True),
    ("قبل عامين", False), ("12 مايو 2024", False), ("الشهر الماضي", False),
])
def test_vague_days_are_not_asked(text: str, vague: bool) -> None:
    from studykit.generate.clean import vague_date

    day = Fact(id=fact_id(FactKind.DATE, text), kind=FactKind.DATE, text=text, value=text)
    assert vague_date(day) is vague


def test_country_blank_accepts_its_capital(tmp_path: Path) -> None:
    from studykit.generate.cloze import alternatives

    path = tmp_path / "alt.ar.txt"
    path.write_text("واستؤنفت المفاوضات النووية في النمسا بمشاركة وفود أوروبية عدة.\n"
                    "ووصل الوفد الإيراني إلى فيينا صباح اليوم لبدء جولة جديدة.\n",
                    encoding="utf-8")
    article = read_article(path)
    austria = fact_at(article, FactKind.PLACE, "النمسا", subkind="country")
    vienna = fact_at(article, FactKind.PLACE, "فيينا", subkind="city")
    ctx = Context("b", [article], [austria, vienna])
    assert "فيينا" in alternatives(ctx, austria, "النمسا")
    assert "النمسا" in alternatives(ctx, vienna, "فيينا")


def test_no_true_false_statement_about_a_bare_this(tmp_path: Path) -> None:
    from studykit.generate.truefalse import true_false

    path = tmp_path / "tf.ar.txt"
    path.write_text("وترى الحكومة هذا بمثابة تهديد مباشر لأمنها القومي على الحدود مع العراق.\n"
                    "ووقعت الحكومة الأردنية اتفاقية لتوريد النفط الخام مع العراق في بغداد الشهر "
                    "الماضي.\n",
                    encoding="utf-8")
    article = read_article(path)
    iraq = fact_at(article, FactKind.PLACE, "العراق")
    questions = true_false(Context("b", [article], [iraq]), [iraq])
    assert [q.source.sentence[:6] for q in questions] == ["ووقعت "]


@pytest.mark.parametrize(("name", "cls"), [
    ("البنك الإسلامي للتنمية", "finance"), ("صندوق النقد الدولي", "finance"),
    ("وزارة الكهرباء", "ministry"), ("مجلس الأمن القومي", None), ("الحرس الثوري", None),
])
def test_organisation_class(name: str, cls: str | None) -> None:
    from studykit.generate.distractors import org_class

    assert org_class(name) == cls


def test_conflict_distractors_are_conflicts(tmp_path: Path) -> None:
    from studykit.generate.distractors import places

    path = tmp_path / "c.ar.txt"
    path.write_text("وقد يلقي التوتر بظلاله على النزاع المعروف “ناجورنو قرة باغ” بين أرمينيا "
                    "وأذربيجان، وعلى أمن منطقة آسيا الوسطى كلها.\n", encoding="utf-8")
    article = read_article(path)
    karabakh = fact_at(article, FactKind.PLACE, "ناجورنو قرة باغ", subkind="region")
    asia = fact_at(article, FactKind.PLACE, "آسيا الوسطى", subkind="region")
    ctx = Context("b", [article], [karabakh, asia])
    wrong = distractors(ctx, karabakh, ctx.spots(karabakh)[0].sentence, 3, random.Random(1))
    assert len(wrong) == 3 and set(wrong) <= set(places("conflict"))
