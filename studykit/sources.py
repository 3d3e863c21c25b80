"""Reading articles: decoding, front matter, markup and page residue, keeping original offsets.

`Article.text` is the whole decoded file. `Article.body` has the same length, with front
matter, markup (HTML tags, scripts, styles; Markdown syntax) and page residue blanked out by
spaces, so every offset found in `body` indexes `text` unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studykit.errors import InputError
from studykit.fsutil import MAX_ARTICLE_BYTES, read_bytes
from studykit.models import Source, slugify


@dataclass(frozen=True)
class Article:
    source: Source
    text: str
    body: str


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)

# Widget and navigation lines Arabic news sites leave in scraped text.
_RESIDUE_LINES = (
    "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا",
    "شارك", "مشاركة", "طباعة", "تويتر", "فيسبوك", "واتساب", "تيليجرام", "لينكدإن",
    "أخبار ذات صلة", "موضوعات ذات صلة", "المزيد", "الأكثر قراءة", "تابعونا", "إعلان",
    "اشترك في النشرة", "التعليقات", "أضف تعليق", "الرئيسية", "الوسوم", "كلمات مفتاحية",
    "نسخ الرابط", "تم نسخ الرابط", "شارك هذا المقال", "شارك المقال", "شارك الخبر", "اطبع",
    "طباعة الصفحة", "أرسل لصديق", "حجم الخط", "تكبير الخط", "تصغير الخط", "اقرأ المزيد",
    "المزيد من الأخبار", "شاهد أيضا", "شاهد أيضًا", "قد يعجبك أيضا", "قد يهمك أيضا", "ذات صلة",
    "انستغرام", "يوتيوب", "إكس", "تلغرام", "ماسنجر", "بريد إلكتروني", "البريد الإلكتروني",
)
# A line starting with one of these is a widget or link line, whatever follows
# (`اقرأ أيضا: عنوان مقال آخر`, `الوسوم: إيران روسيا`, `جميع الحقوق محفوظة ©`).
_RESIDUE_PREFIXES = (
    "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا", "إقرأ أيضا", "شاهد أيضا", "الوسوم:", "الكلمات المفتاحية",
    "كلمات مفتاحية", "جميع الحقوق محفوظة", "حقوق النشر", "©", "تابعونا على", "تابعنا على",
    "شارك على", "شارك عبر", "اشترك في", "للاشتراك في",
)
_SOCIAL = frozenset({
    "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "print", "share",
    "فيسبوك", "فيس", "بوك", "تويتر", "واتساب", "واتس", "آب", "تيليجرام", "تلغرام", "لينكدإن",
    "إكس", "x", "طباعة", "شارك", "مشاركة", "انستغرام", "يوتيوب", "بريد", "messenger", "ماسنجر",
    "copy", "link", "نسخ", "الرابط"})
_LETTERS = re.compile(r"[\u0621-\u064A]+")


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; CRLF kept as written."""
    if not raw.strip():
        raise InputError(f"{name}: file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 at byte {exc.start}") from None
        text = text.removeprefix("\ufeff")
    else:
        if b"\x00" in raw[:4096]:
            raise InputError(f"{name}: binary file, not a text article")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-8 at byte {exc.start}") from None
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    if sum(ch < " " and ch not in "\t\r\n\f" for ch in text[:4096]) > 8:
        raise InputError(f"{name}: binary file, not a text article")
    return text


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """`key: value` lines between `---` fences at the top; returns them and the body offset."""
    match = _FRONT.match(text)
    if not match:
        return {}, 0
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, match.end()


def is_residue_line(line: str) -> bool:
    """Navigation, widget and share lines that are not article text."""
    stripped = line.strip()
    if not stripped:
        return False
    if stripped in _RESIDUE_LINES or stripped.rstrip(":") in _RESIDUE_LINES:
        return True
    if stripped.startswith(_RESIDUE_PREFIXES):
        return True
    words = re.findall(r"[^\s|/•·،,:\-]+", stripped.lower())
    if words and all(w in _SOCIAL for w in words):
        return True  # a row of share buttons: `فيسبوك | تويتر | واتساب`
    return bool(re.fullmatch(r"(?:#\S+\s*)+", stripped))  # hashtags only: `#إيران #روسيا`


_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of the (disjoint) spans' characters but newlines made spaces, in one
    pass: blanking span by span copied the whole text once per span (16 MB of residue lines
    took seconds)."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        start = max(start, last)  # overlapping spans (two residue patterns on one line)
        if end <= start:
            continue
        out.append(text[last:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


# A tag list glued after the last sentence of a paragraph: `... عليها. سمات دورات مياه مكة`.
_TRAILING_TAGS = re.compile(
    r"(?<=[.!?؟”»\"])[ \t]+(?:سمات|وسوم|الوسوم|كلمات دلالية|الكلمات الدلالية|الكلمات المفتاحية)"
    r"[ \t]*:?[ \t]+[^\n.!?؟]*$", re.MULTILINE)
# The site's link line glued after the last sentence: `... الجاري. رابط الخبر بصحيفة الوئام:
# عنوان الخبر` (36 of 300 SaudiNewsNet articles; blind review found it asked as a statement).
_LINK_LINE = re.compile(r"(?:(?<=\s)|^)رابط الخبر(?:[ \t]+ب?\S+){0,3}[ \t]*:[^\n]*$",
                        re.MULTILINE)


def blank_residue(text: str, body_start: int) -> str:
    """Same-length copy of `text` with front matter and residue lines replaced by spaces."""
    body = _blank(text, [(0, body_start)])
    body = _blank(body, [m.span() for m in _TRAILING_TAGS.finditer(body, body_start)]
                  + [m.span() for m in _LINK_LINE.finditer(body, body_start)])
    vocabulary = {w for w in _LETTERS.findall(text) if 3 <= len(w) <= 12}
    residue: list[tuple[int, int]] = []
    offset = 0
    for line in body.splitlines(keepends=True):
        end = offset + len(line)
        if offset >= body_start:
            content = line.strip()
            if content and (is_residue_line(line) or _is_tag_line(content, vocabulary)):
                residue.append((offset, end))
        offset = end
    return _blank(body, residue)


def _is_tag_line(line: str, vocabulary: set[str] | None = None) -> bool:
    """A glued tag line: tags run together without spaces (`إيرانروسيا` = `إيران` + `روسيا`).

    Recognised when the line is one long letter run that splits into two or more words the
    article itself uses (so a long real word is never taken for tags).
    """
    if not re.fullmatch(r"[\u0621-\u064A]{8,}", line):
        return False
    if vocabulary is None:
        return True
    return _splits(line, vocabulary - {line}) >= 2


def _splits(run: str, vocabulary: set[str]) -> int:
    """Fewest known words `run` splits into (0 if it does not split)."""
    best = [0] + [-1] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - 12), end - 2):
            if best[start] >= 0 and run[start:end] in vocabulary:
                count = best[start] + 1
                if best[end] < 0 or count < best[end]:
                    best[end] = count
    return max(best[-1], 0)


# HTML: whole elements whose text is never read, then tags, then entities.
_HTML_DROP = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|svg|head|nav|footer|aside|form|button|iframe)"
    r"\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|"
                         r"header|main|blockquote|figure|figcaption|hr|dd|dt)\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def blank_html(text: str) -> str:
    """Visible text of an HTML page in place: markup becomes spaces (a newline for block tags),
    an entity becomes its character followed by spaces, so offsets stay those of the file."""
    import html

    out = list(text)

    def fill(start: int, end: int, first: str = " ") -> None:
        for k in range(start, end):
            out[k] = "\n" if text[k] == "\n" else " "
        if end > start and first != " ":
            out[start] = first

    for m in _HTML_DROP.finditer(text):
        fill(m.start(), m.end(), "\n")
    body = "".join(out)
    for m in _HTML_BLOCK.finditer(body):
        fill(m.start(), m.end(), "\n")
    body = "".join(out)
    for m in _HTML_TAG.finditer(body):
        fill(m.start(), m.end())
    body = "".join(out)
    for m in _ENTITY.finditer(body):
        char = html.unescape(m.group())
        if len(char) == 1:
            fill(m.start(), m.end(), "\u00a0" if char == "\u00a0" else char)
    return "".join(out)


_MD_MARKS = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d+[.)][ \t])|"  # heading, quote, list
    r"!?\[(?=[^\]\n]*\]\([^)\n]*\))|\]\([^)\n]*\)|"  # link and image syntax, not their text
    r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`+|^[ \t]*(?:[-*_][ \t]*){3,}$",
    re.MULTILINE)


def blank_markdown(text: str) -> str:
    """Markdown syntax (heading marks, emphasis, link targets, rules) blanked to spaces."""
    return _MD_MARKS.sub(lambda m: " " * len(m.group()), text)


# Files studykit itself writes, or other data, given where an article belongs.
NOT_ARTICLES = {".yaml": "a question bank", ".yml": "a question bank", ".json": "a JSON file",
                ".apkg": "an Anki package", ".xml": "an XML file", ".gift": "a GIFT file",
                ".csv": "a CSV file", ".tsv": "a TSV file", ".pdf": "a PDF file",
                ".sqlite3": "a database", ".db": "a database", ".zip": "a zip archive"}
_BANK_HEAD = re.compile(r"^\s*schema_version:\s*\d+\s*$", re.M)


def check_is_article(file: Path, text: str) -> None:
    """Refuse a file that is not an article: a bank (by suffix or content) or another data
    file. Building from a bank as if it were an article made 173 "numbers" of YAML."""
    kind = NOT_ARTICLES.get(file.suffix.lower())
    if kind is None and _BANK_HEAD.search(text[:2000]) and "questions:" in text:
        kind = "a question bank"
    elif kind is None and text.lstrip()[:1] in ("{", "["):
        import json

        try:
            json.loads(text)
            kind = "a JSON file"
        except ValueError:
            pass  # prose that starts with a bracket
    if kind is not None:
        raise InputError(f"{file}: {kind}, not an article")


def read_article(path: str | Path, published: date | None = None) -> Article:
    """Read and decode one .txt, .md or .html article; `published` overrides the file's date."""
    file = Path(path)
    raw = read_bytes(file, InputError, "file", MAX_ARTICLE_BYTES)
    text = decode(raw, str(file))
    check_is_article(file, text)
    meta, body_start = parse_front_matter(text)
    marked = text
    suffix = file.suffix.lower()
    if suffix in (".html", ".htm"):
        meta = {**_html_meta(text), **meta}
        marked = text[:body_start] + blank_html(text[body_start:])
    elif suffix in (".md", ".markdown"):
        marked = text[:body_start] + blank_markdown(text[body_start:])
    body = blank_residue(marked, body_start)
    if not body.strip():
        raise InputError(f"{file}: no article text after removing markup and page residue")
    when = published or _parse_date(meta.get("published") or meta.get("date"), file)
    title = meta.get("title") or _first_line(body[body_start:])
    source = Source(
        id=_source_slug(file),
        path=str(file),
        title=title,
        language=meta.get("language") or meta.get("lang") or "ar",
        published=when,
        url=meta.get("url"),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    return Article(source=source, text=text, body=body)


_META = re.compile(r"<meta\s+[^>]*?(?:property|name|itemprop)=[\"']([^\"']+)[\"'][^>]*?"
                   r"content=[\"']([^\"']*)[\"']", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.DOTALL)
_LANG = re.compile(r"<html[^>]*\blang=[\"']([\w-]+)", re.I)


def _html_meta(text: str) -> dict[str, str]:
    """Title, publication date, language and URL an HTML page declares about itself."""
    import html

    meta: dict[str, str] = {}
    for name, content in _META.findall(text):
        key = {"article:published_time": "published", "datepublished": "published",
               "og:title": "title", "og:url": "url"}.get(name.lower())
        if key and content and key not in meta:
            meta[key] = html.unescape(content).strip()
    title = _TITLE.search(text)
    if "title" not in meta and title and title.group(1).strip():
        meta["title"] = " ".join(html.unescape(title.group(1)).split())
    lang = _LANG.search(text)
    if lang:
        meta["language"] = lang.group(1).split("-")[0]
    return meta


def _source_slug(file: Path) -> str:
    name = file.name
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.endswith(".ar"):
        name = name[:-3]
    return slugify(name if name != "article" else file.parent.name)


def _parse_date(value: str | None, file: Path) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{file}: front matter date {value!r} is not YYYY-MM-DD") from None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = " ".join(line.split())
        if stripped:
            return stripped
    return ""
