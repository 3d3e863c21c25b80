"""Reading articles: encodings, front matter, HTML and Markdown markup, page residue.

Every test checks the contract other stages rely on: `body` has the length of `text`, and
every character kept in `body` is the character at the same offset of `text`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.errors import InputError
from studykit.sources import blank_html, blank_markdown, decode, is_residue_line, read_article

ARTICLE = ("قال وزير الخارجية إن المحادثات في 29 مارس 2023 كانت بناءة.\n"
           "وأضاف أن الوفد عاد إلى بلاده.")


def _aligned(text: str, body: str) -> None:
    assert len(body) == len(text)
    for a, b in zip(text, body, strict=True):
        assert b in (a, " ", "\n", "\u00a0") or a == "&"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data"), [
    ("utf8.txt", ARTICLE.encode("utf-8")),
    ("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
    ("utf16le.txt", ARTICLE.encode("utf-16")),  # Python writes a BOM
    ("utf16be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
    ("crlf.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
])
def test_encodings_decode_to_the_same_words(tmp_path: Path, name: str, data: bytes) -> None:
    article = read_article(_write(tmp_path, name, data))
    assert article.body.split() == ARTICLE.split()
    _aligned(article.text, article.body)
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "file is empty"),
    (b"  \n\t\n", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("نص عربي".encode() + b"\xff\xfe tail", "not valid UTF-8 at byte 13"),
    (b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16 at byte"),
])
def test_bad_input_is_one_line_error_naming_the_file(tmp_path: Path, data: bytes,
                                                       message: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(path) in str(info.value) and message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "none.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_decode_reports_the_byte_offset() -> None:
    with pytest.raises(InputError, match="at byte 3"):
        decode(b"abc\xc3(", "x.txt")


def test_front_matter_sets_metadata_and_is_blanked(tmp_path: Path) -> None:
    text = ("---\ntitle: عنوان الخبر\npublished: 2024-02-01\nlanguage: ar\n"
            "url: https://example.com/a\n---\n" + ARTICLE)
    article = read_article(_write(tmp_path, "a.md", text.encode()))
    assert article.source.title == "عنوان الخبر"
    assert article.source.published == date(2024, 2, 1)
    assert article.source.url == "https://example.com/a"
    assert "title" not in article.body
    _aligned(article.text, article.body)
    override = read_article(tmp_path / "a.md", published=date(2020, 1, 1))
    assert override.source.published == date(2020, 1, 1)


def test_bad_front_matter_date(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"---\npublished: yesterday\n---\n" + ARTICLE.encode())
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        read_article(path)


HTML = """<!DOCTYPE html>
<html lang="ar"><head><title>زيارة &amp; محادثات</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<style>p { color: red; }</style><script>var secret = "وزير الدفاع";</script></head>
<body><nav>الرئيسية | أخبار</nav>
<h1>الرئيس يزور الجزائر</h1>
<p>وصل الرئيس إلى الجزائر&nbsp;يوم 25 أغسطس 2022 في زيارة <b>رسمية</b>.</p>
<!-- comment: وزير الداخلية -->
<p>فيسبوك | تويتر | واتساب</p>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_html_keeps_visible_text_in_place(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "page.html", HTML.encode()))
    expected = "الرئيس يزور الجزائر وصل الرئيس إلى الجزائر يوم 25 أغسطس 2022 في زيارة رسمية ."
    assert article.body.split() == expected.split(" ")
    assert "secret" not in article.body and "color" not in article.body
    assert "الداخلية" not in article.body and "الدفاع" not in article.body
    assert "فيسبوك" not in article.body and "الحقوق" not in article.body
    assert "<" not in article.body and "&" not in article.body
    start = article.body.index("25 أغسطس 2022")
    assert article.text[start:start + 13] == "25 أغسطس 2022"
    assert article.source.title == "زيارة & محادثات"
    assert article.source.published == date(2024, 5, 2)
    assert article.source.language == "ar"
    assert len(article.body) == len(article.text)


def test_html_block_tags_break_lines() -> None:
    body = blank_html("<p>الجملة الأولى</p><p>الجملة الثانية</p>")
    assert [line.strip() for line in body.splitlines() if line.strip()] == [
        "الجملة الأولى", "الجملة الثانية"]


def test_markdown_syntax_is_blanked() -> None:
    text = "# عنوان\n\nقال **الوزير** إن [الاتفاق](https://x.test/a) _مهم_.\n\n- بند أول\n"
    body = blank_markdown(text)
    assert len(body) == len(text)
    assert body.split() == ["عنوان", "قال", "الوزير", "إن", "الاتفاق", "مهم", ".", "بند", "أول"]


@pytest.mark.parametrize("line", [
    "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اقرأ أيضا: الرئيس يصل إلى باريس",
    "فيسبوك | تويتر | واتساب", "Facebook Twitter WhatsApp", "#إيران #روسيا",
    "الوسوم: إيران روسيا", "جميع الحقوق محفوظة © 2024", "نسخ الرابط",
])
def test_residue_lines(line: str) -> None:
    assert is_residue_line(line)


@pytest.mark.parametrize("line", [
    "قال الوزير إن المحادثات بناءة.", "شارك الوزير في الاجتماع الطارئ أمس.",
    "المزيد من الجنود وصلوا إلى الحدود.",
])
def test_article_lines_are_not_residue(line: str) -> None:
    assert not is_residue_line(line)


def test_glued_tag_line_is_blanked_but_a_long_word_is_not(tmp_path: Path) -> None:
    text = "إيرانروسيا\n\nتعمّق إيران علاقاتها مع روسيا.\nوالاستراتيجيات\n"
    article = read_article(_write(tmp_path, "a.txt", text.encode()))
    assert "إيرانروسيا" not in article.body
    assert "والاستراتيجيات" in article.body
    assert article.source.title == "تعمّق إيران علاقاتها مع روسيا."


def test_seed_residue_is_dropped(seed_article: Path) -> None:
    article = read_article(seed_article)
    assert "إيرانروسيا" not in article.body
    assert "مقالات ذات صلة" not in article.body
    assert "زر الذهاب" not in article.body
    assert article.source.published == date(2023, 3, 30)
    _aligned(article.text, article.body)


def test_markup_only_file_is_an_error(tmp_path: Path) -> None:
    page = b"<html><head><title>x</title></head><body></body></html>"
    path = _write(tmp_path, "empty.html", page)
    with pytest.raises(InputError, match="no article text"):
        read_article(path)


def test_a_tag_list_glued_after_the_last_sentence_is_residue(tmp_path: Path) -> None:
    from studykit.sources import read_article

    path = tmp_path / "a.txt"
    body = "وتم تطبيق الأنظمة عليها. سمات دورات مياه سوء النظافة مستشفى ولادة مكة\n"
    path.write_text("العنوان\n\n" + body, encoding="utf-8")
    article = read_article(path)
    assert "سمات" not in article.body and "مستشفى ولادة" not in article.body
    assert "وتم تطبيق الأنظمة عليها." in article.body
    assert len(article.body) == len(article.text)  # offsets still index the file


def test_the_sites_link_line_glued_after_the_last_sentence_is_residue(tmp_path: Path) -> None:
    """Blind round 6: «رابط الخبر بصحيفة الوئام: <headline>» was asked as a statement."""
    from studykit.sources import read_article

    path = tmp_path / "a.txt"
    body = ("وبدأ التسجيل في نهاية الاسبوع الاول من الشهر الجاري. رابط الخبر بصحيفة الوئام: "
            "المعهد يعلن مواعيد القبول\nرابط الخبر: سطر آخر\n")
    path.write_text("العنوان\n\n" + body, encoding="utf-8")
    article = read_article(path)
    assert "رابط الخبر" not in article.body and "مواعيد القبول" not in article.body
    assert "من الشهر الجاري." in article.body
    assert len(article.body) == len(article.text)


def _blank_residue_span_by_span(text: str, body_start: int) -> str:
    """blank_residue as it was before issue 13 (one copy of the text per blanked line): the
    one-pass version must give the same bytes."""
    import re as re_

    from studykit.sources import _LETTERS, _TRAILING_TAGS, _is_tag_line, is_residue_line

    def blank(t: str, start: int, end: int) -> str:
        return t[:start] + re_.sub(r"[^\n]", " ", t[start:end]) + t[end:]

    body = blank(text, 0, body_start)
    for match in _TRAILING_TAGS.finditer(body, body_start):
        body = blank(body, match.start(), match.end())
    vocabulary = {w for w in _LETTERS.findall(text) if 3 <= len(w) <= 12}
    offset = 0
    for line in body.splitlines(keepends=True):
        end = offset + len(line)
        if offset >= body_start:
            content = line.strip()
            if content and (is_residue_line(line) or _is_tag_line(content, vocabulary)):
                body = blank(body, offset, end)
        offset = end
    return body


_LINES = ["قام وزير الخارجية بزيارة إلى موسكو.", "شارك", "فيسبوك | تويتر | واتساب",
          "اقرأ أيضا: عنوان آخر", "إيرانروسيا", "إيران وروسيا", "#إيران #روسيا", "",
          "وقع الاتفاق. الوسوم: إيران روسيا", "---", "title: x", "\r", "  المزيد  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14), st.sampled_from(["\n", "\r\n"]),
       st.integers(min_value=0, max_value=40))
def test_blank_residue_one_pass_matches_span_by_span(lines: list[str], newline: str,
                                                     body_start: int) -> None:
    from studykit.sources import blank_residue

    text = newline.join(lines)
    body_start = min(body_start, len(text))
    assert blank_residue(text, body_start) == _blank_residue_span_by_span(text, body_start)
