"""The statistical person tagger combined with the title rules (issue 9): names with no title,
bylines, names as wholes, and the junk real news used to turn into people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studykit.extract import extract
from studykit.extract.context import Context
from studykit.extract.tagger import MODEL, person_spans


def people(text: str) -> dict[str, object]:
    return {f.value or f.text: f for f in extract(text, date(2015, 8, 5))
            if f.kind.value == "person"}


def test_a_name_with_no_cue_at_all_is_still_missed() -> None:
    # A known limit (the CRF's recall is about 0.5 on ANERcorp's test split): a foreign name
    # with no title and no speech verb next to it is not found. Precision first.
    assert "تشاك بليزر" not in people("وأكد تشاك بليزر أنه سيتعاون مع المحققين.")


def test_the_model_ships_with_the_package() -> None:
    assert MODEL.is_file() and MODEL.stat().st_size > 100_000


@pytest.mark.parametrize(("text", "name"), [
    # No title before the name: the rules alone missed these on real news.
    ("وقال موفق الربيعي إن الحكومة ستعلن خطتها قريبا.", "موفق الربيعي"),
    ("وقالت ويندي باربر إنها تعمل في المستشفى.", "ويندي باربر"),
])
def test_names_with_no_title(text: str, name: str) -> None:
    assert name in people(text), list(people(text))


@pytest.mark.parametrize(("text", "junk"), [
    ("وجرى الاتفاق على تمديد الهدنة.", "وجرى"),
    ("وقال مدير المرصد السوري لحقوق الإنسان إن الغارات استمرت.", "لحقوق الإنسان"),
    ("فيما حاول الرئيس بونغو توضيح ظهور ميسي قائلا إنه صديق.", "بونغو توضيح"),
    ("وتناول الزوار طبق بيري بيري الحار في المطعم.", "بيري بيري"),
])
def test_junk_is_no_person(text: str, junk: str) -> None:
    assert junk not in people(text), list(people(text))


def test_a_short_mention_joins_the_full_name() -> None:
    text = ("وقال وزير الخارجية الأمريكي جون كيري إن الاتفاق مهم. "
            "وأضاف كيري أن واشنطن ستدعم الحلفاء.")
    found = people(text)
    assert "جون كيري" in found and "كيري" not in found and "جون" not in found


def test_a_name_that_starts_with_waw_keeps_it() -> None:
    text = "واستقبل الرئيس وزير الخارجية الصيني وانغ يي في القصر."
    assert "وانغ يي" in people(text), list(people(text))


def test_the_journalist_of_a_byline_is_a_person_and_the_dateline_a_place() -> None:
    text = ("عنوان الخبر هنا\n\nالدمام: ميرزا الخويلدي\n\n"
            "أعلنت الشركة عن نتائجها المالية للربع الثاني من العام الجاري.\n")
    facts = extract(text, date(2015, 8, 5))
    assert any(f.kind.value == "person" and f.value == "ميرزا الخويلدي" and not f.role
               for f in facts)
    assert any(f.kind.value == "place" and f.value == "الدمام" for f in facts)


def test_a_byline_part_that_does_not_open_with_a_name_word_is_no_journalist() -> None:
    """`عبدالله عابد - حفر الباطن`: the city (missing from the gazetteer, its last word a
    surname elsewhere) was a second journalist."""
    text = ("عنوان الخبر هنا\n\nعبدالله عابد - حفر الباطن\n\n"
            "أعلنت الجامعة عن مواعيد التسجيل للعام الجامعي الجديد.\n")
    people = {f.value for f in extract(text, date(2015, 8, 5)) if f.kind.value == "person"}
    assert people == {"عبدالله عابد"}


def test_an_unknown_dateline_city_beside_an_agency() -> None:
    text = "عنوان الخبر هنا\n\nزيوريخ ــ رويترز:\n\nأعلن الاتحاد الدولي نتائج التحقيق أمس.\n"
    places = {f.value for f in extract(text, date(2015, 8, 5)) if f.kind.value == "place"}
    assert "زيوريخ" in places


def test_the_tagger_runs_only_where_a_name_word_is() -> None:
    ctx = Context(text="ارتفعت الأسعار في الأسواق بنسبة كبيرة خلال الأسبوع.")
    assert person_spans(ctx) == []


@pytest.mark.parametrize(("text", "value"), [
    ("وأعلن الحزب أمس الثلاثاء قراره.", "2015-08-04"),  # the weekday wins over أمس
    ("ستكون الحملة غدًا (الخميس) في الرياض.", "2015-08-06"),
])
def test_yesterday_with_a_weekday(text: str, value: str) -> None:
    dates = {f.value for f in extract(text, date(2015, 8, 6)) if f.kind.value == "date"}
    assert value in dates, dates


def test_a_quote_goes_only_to_the_speaker_its_clause_names() -> None:
    text = ("وقال وزير الخارجية الأمريكي جون كيري إن الاتفاق مهم للمنطقة. "
            "وطبقًا لما قالته “وول ستريت جورنال”، فإن مساعي كيري “قد تركز على تشجيع الحلفاء "
            "على دعم الاتفاق”.\n")
    quotes = [f for f in extract(text, date(2015, 8, 5)) if f.kind.value == "quote"]
    wsj = next(q for q in quotes if "تشجيع الحلفاء" in q.text)
    assert "speaker" not in wsj.attrs  # the newspaper said it, not Kerry
    text = "صرّح المتحدث باسم البيت الأبيض، جون كيربي، قائلًا إن “روسيا تسعى للتعاون مع إيران”.\n"
    quote = next(f for f in extract(text, date(2015, 8, 5)) if f.kind.value == "quote")
    assert quote.attrs.get("speaker_name") == "جون كيربي"


def test_extract_lists_what_it_held_back(tmp_path: Path) -> None:
    import json as _json

    from click.testing import CliRunner

    from studykit.cli import main

    article = Path(str(tmp_path)) / "a.txt"
    article.write_text("العنوان\n\nوقال ميسي إن الفريق جاهز. وجرى الاتفاق على تمديد الهدنة.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--json", "--held-back"])
    assert result.exit_code == 0, result.output
    held = _json.loads(result.stdout)["held_back"]
    assert {"text": "ميسي", "reason": "a single word with no title"} in held


def test_the_model_is_fed_the_training_features_less_the_unknown_ones() -> None:
    # Tagging spells features as bytes and drops those the model has no id for (crfsuite
    # ignores them), column by column: what it feeds must be the training features in the
    # same order, filtered.
    from studykit.extract.ner_features import sentence_features
    from studykit.extract.tagger import _chunks, _feed, _known

    known = _known()
    for path in sorted((Path(__file__).parent.parent / "data").rglob("*.ar.txt")):
        ctx = Context(text=path.read_text(encoding="utf-8"))
        for start, end in _chunks(ctx):
            words, breaks = ctx.tokens.words[start:end], ctx.breaks[start:end]
            assert _feed(words, breaks) == [tuple(known[f] for f in feats if f in known)
                                            for feats in sentence_features(words, breaks)]


def test_an_adjective_after_a_title_is_no_name() -> None:
    """Blind round 6: «وقال متحدث إعلامي» made a person «إعلامي» with the role «متحدث»."""
    text = "واعتقلت السلطات رجلا. وقال متحدث إعلامي لوكالة الأنباء إنه يجري التحري بشأنه.\n"
    assert [f for f in extract(text, date(2015, 7, 24)) if f.kind.value == "person"] == []


def test_a_person_spoken_about_does_not_get_the_quote() -> None:
    """Blind round 6: «وقال ترامب ... عن ماكين "انه ليس بطل حرب"» was keyed to ماكين."""
    text = ('وهاجم دونالد ترامب السيناتور جون ماكين. وقال ترامب السبت خلال تجمع في ايوا عن '
            'ماكين "انه ليس بطل حرب"، متسائلا "هو بطل حرب لمجرد انه اسر".\n')
    quotes = [f for f in extract(text, date(2015, 7, 21)) if f.kind.value == "quote"]
    assert {q.attrs.get("speaker_name") for q in quotes} == {"دونالد ترامب"}
